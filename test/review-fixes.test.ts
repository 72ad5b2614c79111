/** Regression tests for defects found in review (each named for what must hold). */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { setup } from 'xstate';
import { main } from '../src/cli/main';
import { fromLondon } from '../src/core/calendar';
import { compileMachine, NotCompilable } from '../src/core/compiled';
import type { Contact } from '../src/core/contact';
import { createSimulation, type TraceRecord } from '../src/core/engine';
import { computeMetrics } from '../src/core/metrics';
import { spa2015 } from '../src/core/processes';
import { ROOT, loadScenario } from './support/scenarios';

function contact(id: string, receivedAt: number): Contact {
  return { id, childId: `K${id}`, trueLevel: 2, indicators: [], ageBand: '5-11', disabled: false, source: 'school', formComplete: true, receivedAt, outOfHours: false, knownChild: false, openCase: false, inEarlyHelp: false, levelClear: true, immediateDanger: false, mentalHealth: false, previousContactId: null };
}
function rec(caseId: string, t: number, from: string | null, to: string, undecided: boolean, event = 'x'): TraceRecord {
  return { seq: 0, t, caseId, from, to, event, actor: 'teamManager', report: '', reportPending: undecided, reportDecided: !undecided, undecided, unallocated: false, detail: undefined };
}

describe('metrics at the end of a run', () => {
  it('judge timeliness only for contacts due inside the run, so decided-early contacts due later are not free successes', () => {
    const start = fromLondon(2013, 6, 3, 0, 0);
    const end = fromLondon(2013, 6, 5, 12, 0); // Wednesday noon
    const late = contact('A', fromLondon(2013, 6, 3, 9, 0)); // due Tue 09:00, decided Tue 15:00: late
    const early = contact('B', fromLondon(2013, 6, 5, 9, 0)); // due Thu 09:00 (after the end), decided Wed 10:00
    const trace = [
      rec('A', late.receivedAt, null, 'received', true), rec('A', fromLondon(2013, 6, 4, 15, 0), 'received', 'adviceGiven', false),
      rec('B', early.receivedAt, null, 'received', true), rec('B', fromLondon(2013, 6, 5, 10, 0), 'received', 'adviceGiven', false),
    ];
    const m = computeMetrics({ machine: spa2015, contacts: [late, early], trace, start, end });
    expect(m.decidedWithinOneWorkingDay).toBe(0);
  });
});

describe('the engine with a changed chart', () => {
  it('stops with the state and event named when a state does not handle the event that ends its work', () => {
    const broken = setup({ types: { context: {} as Record<string, unknown> } }).createMachine({
      id: 'broken',
      context: () => ({}),
      initial: 'received',
      states: {
        received: { meta: { source: 't', description: 't', report: { label: 'r', pending: true, decided: false }, undecided: true, work: { role: 'spaSocialWorker', activity: 'screening', done: 'screening.completed' } } },
      },
    });
    const sim = createSimulation({ ...loadScenario('kingston-2015.json'), days: 2, warmUpDays: 0 }, { machine: broken });
    expect(() => sim.run()).toThrow(/state "received" does not handle "screening.completed"/);
  });

  it('refuses to compile wildcard transitions, which it could not reproduce', () => {
    const wild = setup({}).createMachine({ context: () => ({}), initial: 'a', states: { a: { on: { 'clock.*': 'b' } }, b: {} } });
    expect(() => compileMachine(wild)).toThrow(NotCompilable);
    expect(() => compileMachine(spa2015)).not.toThrow();
  });
});

describe('the command line', () => {
  it('exits 2, not 1, when a swept value leaves a role unstaffed that a process needs', async () => {
    let err = '';
    const run = main(['sweep', join(ROOT, 'scenarios', 'kingston-2015.json'), '--vary', 'staff.police.count=0:1:1', '--replications', '1', '--workers', '1', '--days', '3'], { out: () => {}, err: (s) => (err += s), isTTY: false });
    await expect(run).rejects.toThrow(/staff\.police\.count: must be at least 1/);
    // InputError is what the entry point turns into exit 2 (a defect would be exit 1).
    await expect(run).rejects.toHaveProperty('name', 'InputError');
    expect(err).toBe('');
  });

  it('exits 0 quietly when its output pipe closes early', () => {
    const out = execFileSync('bash', ['-c', `${join(ROOT, 'node_modules', '.bin', 'tsx')} src/cli/main.ts trace scenarios/kingston-2013.json --days 20 --format csv | head -1; echo "status \${PIPESTATUS[0]}"`], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(out).toMatch(/^seq,time,caseId/);
    expect(out).toMatch(/status 0\n$/);
  }, 60_000);
});
