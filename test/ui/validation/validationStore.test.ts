import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/validate';
import { CLAIMS, QUICK_REPLICATIONS, planValidation, validationJson } from '../../../src/core/validation';
import { replicationSeed } from '../../../src/core/run';
import { ValidationStore, poolJobs, shippedScenarioFile, type ValidationState } from '../../../src/ui/validation/validationStore';
import { callMain } from '../../support/cli';
import { InProcessWorker } from '../../support/replayStore';

const makeStore = () => new ValidationStore(() => new InProcessWorker() as unknown as Worker, shippedScenarioFile, 2);

function until(store: ValidationStore, pred: (s: ValidationState) => boolean, ms = 60_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timed out')), ms);
    const check = () => {
      if (!pred(store.getState())) return;
      clearTimeout(timer);
      unsub();
      resolve();
    };
    const unsub = store.subscribe(check);
    check();
  });
}

describe('the Sources and validation view: its store', () => {
  it('gives the same table as npm run validate -- --quick --json for the same replications and seed', async () => {
    const store = makeStore();
    store.setRepsText('2');
    store.setSeedText('7');
    expect(store.start()).toBe(true);
    expect(store.getState().status).toBe('running');
    await until(store, (s) => s.status === 'done');
    const page = JSON.parse(JSON.stringify(validationJson(store.getState().result!)));
    const cli = await callMain(main, ['--quick', '--json', '--replications', '2', '--seed', '7', '--workers', '1']);
    expect(page).toEqual(JSON.parse(cli.out));
    expect(store.getState().done).toBe(store.getState().total);
    expect(store.getState().result!.results.map((r) => r.claim.id)).toEqual(CLAIMS.map((c) => c.id));
  }, 120_000);

  it('runs each scenario on its own seed when the seed is left blank, as the command does', async () => {
    const store = makeStore();
    store.setRepsText('1');
    expect(store.start()).toBe(true);
    await until(store, (s) => s.status === 'done');
    const t = store.getState().result!;
    for (const s of t.scenarios) expect(s.seed).toBe(String(shippedScenarioFile(s.file).seed));
  }, 120_000);

  it('sends each run to the workers with the seed the command gives it', () => {
    const plan = planValidation({ quick: true, replications: 3, seed: 'abc' }, shippedScenarioFile);
    const jobs = poolJobs(plan);
    expect(jobs).toHaveLength(plan.jobs.length);
    jobs.forEach((j, i) => {
      expect(replicationSeed(j.seed, j.replication)).toBe(plan.jobs[i].seed);
      expect(j.process).toBe(plan.jobs[i].process);
    });
  });

  it('opens on the quick form\u2019s replications with nothing run', () => {
    const s = makeStore().getState();
    expect(s.repsText).toBe(String(QUICK_REPLICATIONS));
    expect(s.status).toBe('idle');
    expect(s.filter).toBe('all');
  });

  it.each([
    ['0', '', /Replications must be a whole number from 1 to 1000/, 'repsError'],
    ['2.5', '', /Replications must be a whole number/, 'repsError'],
    ['2', 'a b', /Seed must be .*space/, 'seedError'],
  ] as const)('refuses replications %j with seed %j, naming the field and the rule', (reps, seed, message, field) => {
    const store = makeStore();
    store.setRepsText(reps);
    store.setSeedText(seed);
    expect(store.start()).toBe(false);
    expect(store.getState()[field]).toMatch(message);
    expect(store.getState().status).toBe('idle');
  });

  it('cancels a run: the workers stop, and the state says so', async () => {
    const store = makeStore();
    store.setRepsText('20');
    store.start();
    store.cancel();
    expect(store.getState().status).toBe('cancelled');
    expect(store.getState().notice).toBe('Validation cancelled.');
    await new Promise((r) => setTimeout(r, 50));
    expect(store.getState().status).toBe('cancelled');
    expect(store.getState().result).toBeNull();
  });
});
