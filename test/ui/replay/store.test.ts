// The replay page's store (src/ui/replay/store.ts), with the worker replaced by the same handler
// run in-process: runs, links, the clock, replications and cancelling, without a browser.
import { describe, expect, it } from 'vitest';
import { compareProcesses, runScenario } from '../../../src/core/run';
import { viewsOf } from '../../../src/ui/replay/selectors';
import { loadScenario } from '../../support/scenarios';
import { makeStore, until } from '../../support/replayStore';

const short = { s: 'bank-holiday', seed: '5' };

describe('the replay store', () => {
  it('runs both processes and holds the same summaries as runScenario', async () => {
    const store = makeStore();
    store.start({ scenario: short.s, seed: short.seed });
    await until(store, (s) => s.run?.status === 'ready');
    const views = viewsOf(store.getState().run)!;
    const scenario = loadScenario('bank-holiday.json');
    for (const p of ['2013', '2015'] as const) expect(views[p]!.replay.summary).toEqual(runScenario(scenario, { process: p, seed: 5 }).summary);
    expect(store.getState().t).toBe(views['2013']!.replay.start);
  }, 60_000);

  it('restores a link: scenario, changes, seed, moment, case and speed', async () => {
    const store = makeStore();
    const t = Date.UTC(2014, 3, 22, 10, 30);
    store.start({ scenario: short.s, seed: '9', patch: { contactsPerWorkingDay: 18 }, t, caseId: 'C000100', speed: 'hour' });
    await until(store, (s) => s.run?.status === 'ready');
    const s = store.getState();
    expect(s.applied?.scenario.contactsPerWorkingDay).toBe(18);
    expect(s.form.contactsPerWorkingDay).toBe('18');
    expect(s.applied?.seed).toBe(9);
    expect(s.t).toBe(t);
    expect(s.selectedCase).toBe('C000100');
    expect(s.speed).toBe('hour');
    expect(store.link()).toMatchObject({ scenario: short.s, seed: '9', patch: { contactsPerWorkingDay: 18 }, t, caseId: 'C000100', speed: 'hour' });
  }, 60_000);

  it('keeps a bad file\u2019s problems to itself: the form and the run are untouched', async () => {
    const store = makeStore();
    store.start({ scenario: short.s, seed: short.seed });
    await until(store, (s) => s.run?.status === 'ready');
    store.setField('contactsPerWorkingDay', 'typed, not yet valid');
    const run = store.getState().run;
    expect(store.loadFile('bad.json', '{"name": 1}')).toBe(false);
    const s = store.getState();
    expect(s.fileError?.issues.map((i) => i.field)).toContain('name');
    expect(s.form.contactsPerWorkingDay).toBe('typed, not yet valid');
    expect(s.run).toBe(run);
  }, 60_000);

  it('steps to the next event and clamps the clock to the period', async () => {
    const store = makeStore();
    store.start({ scenario: short.s, seed: short.seed });
    await until(store, (s) => s.run?.status === 'ready');
    const { start, end } = store.getState().run!;
    store.setT(start - 1e9);
    expect(store.getState().t).toBe(start);
    store.setT(end + 1e9);
    expect(store.getState().t).toBe(end);
    store.setT(start);
    store.stepForward();
    const t1 = store.getState().t;
    expect(t1).toBeGreaterThan(start);
    store.stepBack();
    expect(store.getState().t).toBeLessThan(t1);
  }, 60_000);

  it('runs replications in a pool and aggregates them as compareProcesses does', async () => {
    const store = makeStore();
    store.start({ scenario: short.s, seed: short.seed });
    await until(store, (s) => s.run?.status === 'ready');
    store.setRepsText('3');
    expect(store.startReps(2)).toBe(true);
    await until(store, (s) => s.reps.status === 'done');
    const expected = compareProcesses(loadScenario('bank-holiday.json'), { seed: 5, replications: 3 });
    const { runs: _a, ...got } = store.getState().reps.result!;
    const { runs: _b, ...want } = expected;
    expect(got).toEqual(want);
    expect(store.getState().reps.result!.runs).toEqual(expected.runs);
  }, 120_000);

  it('cancels replications, and refuses a count it cannot run', async () => {
    const store = makeStore();
    store.start({ scenario: short.s, seed: short.seed });
    await until(store, (s) => s.run?.status === 'ready');
    store.setRepsText('0');
    expect(store.startReps()).toBe(false);
    expect(store.getState().reps.error).toMatch(/from 1 to 1000/);
    store.setRepsText('50');
    store.startReps(1);
    await until(store, (s) => s.reps.done >= 1);
    store.cancelReps();
    const done = store.getState().reps.done;
    expect(store.getState().reps.status).toBe('cancelled');
    await new Promise((r) => setTimeout(r, 200));
    expect(store.getState().reps.done).toBe(done);
  }, 60_000);
});
