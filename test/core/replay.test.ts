// The replay helpers the browser uses (src/core/timeline.ts, src/core/replay.ts): the view at any
// instant is the fold of the trace, and the figures over time add up to the run's figures.
import { describe, expect, it } from 'vitest';
import { DAY, HOUR } from '../../src/core/calendar';
import { createSimulation } from '../../src/core/engine';
import { EVENT_LABELS, LABELS, stateLabel } from '../../src/core/labels';
import { PROCESSES, SPA_EVENT_TYPES, shippedProcessFile } from '../../src/core/processes';
import { queuesAt, replayProcess } from '../../src/core/replay';
import { runScenario } from '../../src/core/run';
import {
  buildTimeline,
  countsAt,
  HELD_BUCKETS,
  machineEdges,
  nextEventAfter,
  previousEventBefore,
  recordsUpTo,
  stateCountsAt,
  stateInfos,
} from '../../src/core/timeline';
import { loadScenario } from '../support/scenarios';

const june2013 = loadScenario('kingston-2013.json');
const short = { ...june2013, days: 12, warmUpDays: 15 };

describe('replay from the trace', () => {
  it('gives the same summary and trace as runScenario, which the command line uses', () => {
    for (const process of ['2013', '2015'] as const) {
      const replay = replayProcess(short, { process, seed: 9 });
      const { sim, summary } = runScenario(short, { process, seed: 9 });
      expect(replay.summary).toEqual(summary);
      expect(replay.trace).toEqual(sim.trace);
    }
  });

  it('replays a process file (the lab\'s variant) as it replays the process it was exported from, on the same children', () => {
    const file = replayProcess(short, { process: shippedProcessFile('2015'), seed: 9 });
    const shipped = replayProcess(short, { process: '2015', seed: 9 });
    expect(file.summary).toEqual({ ...shipped.summary, process: file.summary.process });
    expect(file.trace).toEqual(shipped.trace);
    expect(file.contacts).toEqual(shipped.contacts);
  });

  it('folds the trace to the same state counts as the running engine, at any instant', () => {
    for (const process of ['2013', '2015'] as const) {
      const full = createSimulation(short, { process, seed: 4 });
      full.run();
      const states = stateInfos(full.machine).map((s) => s.name);
      const index = buildTimeline(full.trace, states, new Set(), -Infinity, 16);
      const live = createSimulation(short, { process, seed: 4 });
      for (let t = live.simStart + 3 * HOUR; t < live.end; t += 17 * HOUR + 1234) {
        live.runUntil(t);
        const expected = live.stateCounts();
        const got = stateCountsAt(index, t);
        for (const s of states) expect(got[s], `${process} ${s} at ${t}`).toBe(expected[s] ?? 0);
      }
    }
  });

  it('counts end states only from the start of the period', () => {
    const replay = replayProcess(short, { process: '2013', seed: 4 });
    const atStart = stateCountsAt(replay.timeline, replay.start);
    for (const s of replay.states) if (s.final) expect(atStart[s.name]).toBe(0);
    const atEnd = countsAt(replay.timeline, replay.end);
    expect(atEnd.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  });

  it('finds the next and the previous event by binary search', () => {
    const replay = replayProcess(short, { process: '2015', seed: 2 });
    const times = replay.timeline.times;
    const t = times[100] + 1;
    expect(recordsUpTo(times, t)).toBe(times.findIndex((x) => x > t));
    expect(nextEventAfter(replay.timeline, t)).toBe(times.find((x) => x > t));
    expect(previousEventBefore(replay.timeline, t)).toBe(times[100]);
  });

  it('has figures over time that end at the run figures', () => {
    for (const process of ['2013', '2015'] as const) {
      const r = replayProcess(short, { process, seed: 6 });
      expect(r.daily.stepUps.at(-1)).toBe(r.summary.stepUps);
      expect(r.daily.stepDowns.at(-1)).toBe(r.summary.stepDowns);
      expect(r.daily.undecided.at(-1)).toBeGreaterThanOrEqual(r.summary.undecidedAtEnd);
      const due = r.timeliness.reduce((a, b) => a + b.due, 0);
      const inTime = r.timeliness.reduce((a, b) => a + b.decidedInTime, 0);
      const reported = r.timeliness.reduce((a, b) => a + b.reportedInTime, 0);
      expect(Math.round((inTime / due) * 1e4) / 1e4).toBe(r.summary.decidedWithinOneWorkingDay);
      expect(Math.round((reported / due) * 1e4) / 1e4).toBe(r.summary.reportedWithinOneWorkingDay);
      const o = r.summary.outcomes;
      expect(r.held.reduce((a, b) => a + b, 0)).toBe(o.advice + o.earlyHelp + o.childInNeed + o.childProtection + r.summary.undecidedAtEnd);
      expect(r.held).toHaveLength(HELD_BUCKETS.length);
    }
  });

  it('samples the queues every hour of the period', () => {
    const r = replayProcess(short, { process: '2013', seed: 1 });
    expect(r.queues.values.caseCoordinator.length).toBe((r.end - r.start) / HOUR + 1);
    expect(queuesAt(r.queues, r.start + 5 * DAY + 30 * 60_000)).toEqual(
      Object.fromEntries(r.queues.roles.map((role) => [role, r.queues.values[role][5 * 24]])),
    );
  });
});

describe('the statecharts as the diagram reads them', () => {
  it('lists the edges of the 2013 hold, including the step-up back to a decision', () => {
    const edges = machineEdges(PROCESSES['2013']);
    const has = (from: string, to: string) => edges.some((e) => e.from === from && e.to === to);
    expect(has('received', 'heldByCaseCoordinator')).toBe(true);
    expect(has('heldByCaseCoordinator', 'awaitingDecision')).toBe(true);
    expect(has('earlyHelp', 'awaitingDecision')).toBe(true);
    expect(has('heldByCaseCoordinator', 'heldByCaseCoordinator')).toBe(false);
  });

  it('marks the 2013 hold as hidden from the report, and no 2015 state', () => {
    expect(stateInfos(PROCESSES['2013']).filter((s) => s.hidden).map((s) => s.name)).toEqual(['heldByCaseCoordinator']);
    expect(stateInfos(PROCESSES['2015']).filter((s) => s.hidden)).toEqual([]);
  });

  it('has a plain-English label for every state, event and compared figure', () => {
    for (const m of Object.values(PROCESSES)) for (const s of stateInfos(m)) expect(s.label, s.name).not.toBe(s.name);
    for (const e of SPA_EVENT_TYPES) expect(EVENT_LABELS[e], e).toBeTruthy();
    expect(EVENT_LABELS['contact.received']).toBeTruthy();
    expect(LABELS.decidedWithinOneWorkingDay).toContain('what happened');
    expect(stateLabel(PROCESSES['2015'], 'someNewState')).toBe('Some new state');
  });
});
