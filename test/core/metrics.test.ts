/**
 * The figures are accumulated as the run goes (engine -> MetricsAccumulator) and can be computed
 * again from a stored trace (computeMetrics): both must agree, and a run without a trace must give
 * the same figures as one with it.
 */
import { describe, expect, it } from 'vitest';
import { fromLondon } from '../../src/core/calendar';
import type { Contact } from '../../src/core/contact';
import { createSimulation, type TraceRecord } from '../../src/core/engine';
import { computeMetrics, summariseCases } from '../../src/core/metrics';
import { PROCESS_NAMES, spa2015 } from '../../src/core/processes';
import { loadScenario } from '../support/scenarios';

const SCENARIOS = ['kingston-2013.json', 'kingston-2015.json', 'monday-surge.json', 'bank-holiday.json'];

describe('figures kept as the run goes', () => {
  for (const file of SCENARIOS) {
    for (const process of PROCESS_NAMES) {
      it(`${file}, ${process}: equal the figures computed from the trace, with or without a trace kept (3 seeds)`, () => {
        const base = loadScenario(file);
        // A year is long for a unit test: kingston-2015 runs 90 days here.
        const scenario = file === 'kingston-2015.json' ? { ...base, days: 90 } : base;
        for (const seed of ['a', 'b', 7]) {
          const full = createSimulation(scenario, { process, seed });
          full.run();
          const fromTrace = computeMetrics(full);
          expect(full.trace.length).toBeGreaterThan(0);
          expect(full.metrics()).toEqual(fromTrace);
          const lean = createSimulation(scenario, { process, seed, trace: false });
          lean.run();
          expect(lean.trace).toHaveLength(0);
          expect(lean.metrics()).toEqual(fromTrace);
        }
      });
    }
  }

  it('agree part-way through a run, and summariseCases agrees with the totals', () => {
    const sim = createSimulation(loadScenario('kingston-2013.json'), { process: '2013', seed: 'mid' });
    sim.runUntil(sim.start + 10 * 86_400_000);
    expect(sim.metrics()).toEqual(computeMetrics(sim));
    sim.run();
    const cases = summariseCases(sim);
    const m = sim.metrics();
    const inWindow = cases.filter((c) => c.receivedAt >= sim.start && c.receivedAt < sim.end && c.firstResponse !== 'allocatedWorker');
    expect(inWindow.filter((c) => c.hidden).length).toBe(m.hiddenFromReport);
    expect(inWindow.filter((c) => c.heldWorkingDays > 5).length).toBe(m.heldOverFiveWorkingDays);
    expect(m.hiddenFromReport).toBeGreaterThan(0);
  });
});

describe('figures at the end of a run', () => {
  function contact(id: string, receivedAt: number): Contact {
    return { id, childId: `K${id}`, trueLevel: 2, indicators: [], ageBand: '5-11', disabled: false, source: 'school', formComplete: true, receivedAt, outOfHours: false, knownChild: false, openCase: false, inEarlyHelp: false, levelClear: true, aboveEarlyHelp: true, immediateDanger: false, mentalHealth: false, previousContactId: null };
  }
  function rec(caseId: string, t: number, from: string | null, to: string, undecided: boolean, event = 'x'): TraceRecord {
    return { seq: 0, t, caseId, from, to, event, actor: 'teamManager', report: '', reportPending: undecided, reportDecided: !undecided, undecided, unallocated: false, detail: undefined };
  }

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
