import { describe, expect, it } from 'vitest';
import { initialTransition, setup, transition, type AnyStateMachine } from 'xstate';
import { dueByOneWorkingDay, isOpen } from '../../../src/core/calendar';
import { createSimulation, metaOf, type TraceRecord } from '../../../src/core/engine';
import { computeMetrics } from '../../../src/core/metrics';
import { runScenario } from '../../../src/core/run';
import { spa2013, spa2015, type SpaInput } from '../../../src/core/processes';
import { loadScenario } from '../../support/scenarios';

const june2013 = loadScenario('kingston-2013.json');
// One workforce for every run: a custom chart runs on the scenario's own staff, never on the
// workforce `staffingByProcess` gives a named process, so tests that set a named process beside a
// copy of its chart need the two to be staffed alike.
const short = { ...june2013, days: 10, warmUpDays: 20, staffingByProcess: {} };

describe('the engine', () => {
  it('gives the same trace for the same scenario and seed', () => {
    const a = runScenario(short, { seed: 11 }).sim.trace;
    const b = runScenario(short, { seed: 11 }).sim.trace;
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  it('gives the same trace with a chart\'s kept stepper as with a fresh one (its steps are pure)', () => {
    for (const [process, chart] of [['2013', spa2013], ['2015', spa2015]] as const) {
      // Warm the kept stepper with other seeds and another scenario first.
      for (const seed of [1, 2, 3]) createSimulation({ ...short, contactsPerWorkingDay: 60 }, { process, seed }).run();
      const kept = createSimulation(short, { process, seed: 21 });
      // A copy of the chart is another machine object, so it gets a stepper of its own.
      const fresh = createSimulation(short, { machine: chart.provide({}) as unknown as AnyStateMachine, seed: 21 });
      kept.run();
      fresh.run();
      expect(fresh.engine).toBe('compiled');
      expect(JSON.stringify(fresh.trace)).toBe(JSON.stringify(kept.trace));
    }
  });

  it('gives a different trace for another seed', () => {
    const a = runScenario(short, { seed: 11 }).sim.trace;
    const b = runScenario(short, { seed: 12 }).sim.trace;
    expect(JSON.stringify(a)).not.toBe(JSON.stringify(b));
  });

  it('sends the 2013 and the 2015 process the same children at the same instants (common random numbers)', () => {
    const a = createSimulation(short, { process: '2013', seed: 5 });
    const b = createSimulation(short, { process: '2015', seed: 5 });
    a.run();
    b.run();
    // openCase and inEarlyHelp depend on what the process did with earlier contacts; the rest is the child.
    const strip = (cs: typeof a.contacts) => cs.map(({ openCase: _o, inEarlyHelp: _e, ...rest }) => rest);
    expect(a.contacts.length).toBeGreaterThan(100);
    expect(strip(b.contacts)).toEqual(strip(a.contacts));
  });

  it('keeps the arriving children the same when only the staffing changes', () => {
    const a = createSimulation(short, { seed: 5 });
    const b = createSimulation({ ...short, staff: { ...short.staff, teamManager: { count: 1, caseload: 1 } } }, { seed: 5 });
    a.run();
    b.run();
    expect(b.contacts.map((c) => [c.id, c.receivedAt, c.trueLevel])).toEqual(a.contacts.map((c) => [c.id, c.receivedAt, c.trueLevel]));
  });

  it('closes an allocated referral with no further action as often as the scenario says, drawing from a stream of its own', () => {
    const withShares = (p: number) => ({ ...short, outcomes: { ...short.outcomes, referralNoFurtherAction: { 1: p, 2: p, 3: p, 4: p } } });
    const none = runScenario(withShares(0), { seed: 5 }).summary;
    const all = runScenario(withShares(1), { seed: 5 }).summary;
    expect(none.outcomes.childInNeed).toBeGreaterThan(0);
    expect(none.referralsNoFurtherAction).toBe(0);
    // Every child-in-need referral allocated in the run is closed at the referral stage.
    expect(all.referralsNoFurtherAction).toBeGreaterThan(0.8 * all.outcomes.childInNeed);
    // The draw moves no other: the children who arrive are the same.
    const a = runScenario(withShares(0), { seed: 5 }).sim.contacts.map((c) => c.trueLevel).join('');
    const b = runScenario(withShares(1), { seed: 5 }).sim.contacts.map((c) => c.trueLevel).join('');
    expect(b).toBe(a);
  });

  it('records every case from contact.received, in time order', () => {
    const { sim } = runScenario(short, { seed: 3 });
    const firsts = new Map<string, string>();
    let last = -Infinity;
    for (const r of sim.trace) {
      expect(r.t).toBeGreaterThanOrEqual(last);
      last = r.t;
      if (!firsts.has(r.caseId)) firsts.set(r.caseId, r.event);
    }
    expect(firsts.size).toBe(sim.contacts.length);
    for (const e of firsts.values()) expect(e).toBe('contact.received');
  });

  it('only moves a case along transitions its statechart allows (replayed through XState itself)', () => {
    const { sim } = runScenario(short, { seed: 4 });
    const machine = sim.machine as AnyStateMachine;
    const byCase = new Map<string, TraceRecord[]>();
    for (const r of sim.trace) {
      const list = byCase.get(r.caseId) ?? [];
      list.push(r);
      byCase.set(r.caseId, list);
    }
    let checked = 0;
    for (const contact of sim.contacts.slice(0, 150)) {
      const input: SpaInput = { openCase: contact.openCase, immediateDanger: contact.immediateDanger, levelClear: contact.levelClear, aboveEarlyHelp: contact.aboveEarlyHelp, mentalHealth: contact.mentalHealth, formComplete: contact.formComplete, inEarlyHelp: contact.inEarlyHelp };
      let [snap] = initialTransition(machine, input);
      const records = byCase.get(contact.id)!;
      expect(String(snap.value)).toBe(records[0].to);
      for (const r of records.slice(1)) {
        const event: Record<string, unknown> = { type: r.event };
        if (r.event === 'threshold.decided') event.level = Number(r.detail!.replace('level ', ''));
        if (r.event === 'assessment.completed' || r.event === 'enquiry.completed' || r.event === 'conference.held') event.outcome = r.detail;
        // An allocation's outcome is recorded only when the referral is closed with no further action.
        if (r.event === 'case.allocated' && r.detail) event.outcome = r.detail;
        [snap] = transition(machine, snap, event as never);
        expect(String(snap.value)).toBe(r.to);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(200);
  });

  it('does work only while the SPA is open: every completed piece of work ends in opening hours', () => {
    const { sim } = runScenario(short, { seed: 8 });
    const work = sim.trace.filter((r) => r.actor === 'spaSocialWorker' || r.actor === 'teamManager' || r.actor === 'caseCoordinator');
    expect(work.length).toBeGreaterThan(100);
    for (const r of work) expect(isOpen(r.t - 1)).toBe(true);
  });

  it('starts the one-working-day clock of an out-of-hours contact at the next opening', () => {
    const { sim } = runScenario(short, { seed: 9 });
    const ooh = sim.contacts.filter((c) => c.outOfHours);
    expect(ooh.length).toBeGreaterThan(10);
    for (const c of ooh.slice(0, 20)) {
      const clock = sim.trace.find((r) => r.caseId === c.id && r.event === 'clock.oneWorkingDayElapsed');
      if (clock) expect(clock.t).toBe(dueByOneWorkingDay(c.receivedAt));
    }
  });

  it('records what the report showed from the state meta', () => {
    const { sim } = runScenario(short, { seed: 10 });
    for (const r of sim.trace.slice(0, 500)) {
      const m = metaOf(sim.machine, r.to);
      expect(r.report).toBe(m.report.label);
      expect(r.undecided).toBe(m.undecided);
    }
  });

  it('accepts a custom machine in place of the named process', () => {
    const sim = createSimulation(short, { machine: createSimulation(short, { process: '2015' }).machine, processLabel: 'my-change', seed: 1 });
    sim.run();
    expect(sim.process).toBe('my-change');
    expect(computeMetrics(sim).contacts).toBeGreaterThan(0);
  });

  it('fails with the field named when a process needs a role the scenario does not staff', () => {
    const unstaffed = { ...short, staff: { ...short.staff, caseCoordinator: { count: 0, caseload: 1 } } };
    expect(() => createSimulation(unstaffed, { process: '2013' })).toThrow(/staff\.caseCoordinator\.count/);
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
});
