// The team manager's contact with the parents during 2013's hold is the team manager's work (meta
// `contactsParents`, 004 ¶38): it waits in the team manager's queue, takes the `parentContact`
// duration, ends the hold with `parents.contacted`, and a chart without the meta has no such work.
import { describe, expect, it } from 'vitest';
import type { AnyStateMachine } from 'xstate';
import { createSimulation } from '../../../src/core/engine';
import { chartFacts, spa2013, spa2015, spaSetup } from '../../../src/core/processes';
import { loadScenario } from '../../support/scenarios';

const june2013 = loadScenario('kingston-2013.json');
const short = { ...june2013, days: 30, warmUpDays: 20 };

/** The 2013 chart with the hold's `contactsParents` removed, or changed by `change`. */
function with2013Contact(change: ((m: Record<string, unknown>) => Record<string, unknown>) | null): AnyStateMachine {
  const config = spa2013.config as unknown as { states: Record<string, { meta?: Record<string, unknown> }> };
  const states = Object.fromEntries(
    Object.entries(config.states).map(([name, state]) => {
      const m = state.meta?.contactsParents as Record<string, unknown> | undefined;
      if (!m) return [name, state];
      const { contactsParents: _, ...rest } = state.meta!;
      return [name, { ...state, meta: change ? { ...rest, contactsParents: change(m) } : rest }];
    }),
  );
  return spaSetup.createMachine({ ...config, states } as never) as unknown as AnyStateMachine;
}

const hours = (ms: number) => ms / 3_600_000;

describe('the team manager\u2019s contact with the parents in a 2013 hold (meta contactsParents)', () => {
  it('is on the 2013 hold only: the team manager\u2019s work, activity parentContact, ending with parents.contacted, after routine work', () => {
    const held = chartFacts(spa2013 as unknown as AnyStateMachine).states.filter((s) => s.contactsParents !== null);
    expect(held.map((s) => s.stage)).toEqual(['hold']);
    expect(held[0].contactsParents).toEqual({ role: 'teamManager', activity: 'parentContact', done: 'parents.contacted', priority: 'afterRoutine' });
    expect(chartFacts(spa2015 as unknown as AnyStateMachine).states.filter((s) => s.contactsParents !== null)).toEqual([]);
  });

  it('ends holds with the team manager\u2019s work, recording when the contact began, and the hold goes on to the decision', () => {
    const sim = createSimulation(short, { process: '2013', seed: 3 });
    sim.run();
    const contacted = sim.trace.filter((r) => r.event === 'parents.contacted');
    expect(contacted.length).toBeGreaterThan(10);
    for (const r of contacted) {
      expect(r.actor).toBe('teamManager');
      expect(r.from).toBe('heldByCaseCoordinator');
      expect(r.to).toBe('awaitingDecision');
      expect(r.workStartedAt).toBeDefined();
      expect(r.workStartedAt!).toBeLessThan(r.t);
    }
  });

  it('takes longer when the contact takes longer, and the team manager\u2019s time on it is the duration asked for', () => {
    const long = { ...short, durations: { ...short.durations, parentContact: { meanWorkingHours: 6, cv: 0 } } };
    const sim = createSimulation(long, { process: '2013', seed: 3 });
    sim.run();
    const contacted = sim.trace.filter((r) => r.event === 'parents.contacted');
    expect(contacted.length).toBeGreaterThan(0);
    // 6 working hours, with cv 0: at least 6 hours of the clock (more across a night or a weekend).
    for (const r of contacted) expect(hours(r.t - r.workStartedAt!)).toBeGreaterThanOrEqual(6 - 1e-9);
  });

  it('is the team manager\u2019s work: with no team manager free, no contact with the parents ends a hold', () => {
    const noManager = { ...short, staff: { ...short.staff, teamManager: { ...short.staff.teamManager, caseload: 0 } } };
    const sim = createSimulation(noManager, { process: '2013', seed: 3 });
    sim.run();
    expect(sim.trace.some((r) => r.to === 'heldByCaseCoordinator')).toBe(true);
    expect(sim.trace.some((r) => r.event === 'parents.contacted')).toBe(false);
  });

  it('never happens on a chart without the meta, and the children arriving are the same', () => {
    const shipped = createSimulation(short, { machine: with2013Contact((m) => m), seed: 3 });
    const off = createSimulation(short, { machine: with2013Contact(null), seed: 3 });
    shipped.run();
    off.run();
    expect(shipped.trace.some((r) => r.event === 'parents.contacted')).toBe(true);
    expect(off.trace.some((r) => r.event === 'parents.contacted')).toBe(false);
    expect(off.contacts.map((c) => [c.id, c.receivedAt, c.trueLevel])).toEqual(shipped.contacts.map((c) => [c.id, c.receivedAt, c.trueLevel]));
  });
});
