// The emergency duty team out of hours (004 ¶47): a child in immediate danger whose contact
// arrives while the SPA is closed gets an emergency response within hours, from a role that works
// around the clock; the case goes on to the SPA's strategy discussion when it opens. Every other
// out-of-hours contact waits for the SPA. What the engine and the figures know of it comes from
// the charts' meta (stage `emergencyResponse`, work `aroundTheClock`), never from a state's name.
import { describe, expect, it } from 'vitest';
import type { AnyStateMachine } from 'xstate';
import { HOUR, isOpen } from '../../../src/core/calendar';
import { createSimulation, type Simulation, type TraceRecord } from '../../../src/core/engine';
import { checkInvariants, invariantById } from '../../../src/core/invariants';
import { computeMetrics } from '../../../src/core/metrics';
import { PROCESSES, PROCESS_NAMES, chartFacts } from '../../../src/core/processes';
import { loadScenario } from '../../support/scenarios';
import { withoutOutOfHoursService } from '../../support/variants';

// Two months of June 2013 with every level-4 child in immediate danger, so that many arrive out of hours.
const scenario = { ...loadScenario('kingston-2013.json'), days: 60, warmUpDays: 0, immediateDangerShareOfLevel4: 1 };
const chart = (p: (typeof PROCESS_NAMES)[number]) => PROCESSES[p] as unknown as AnyStateMachine;

function run(machine: AnyStateMachine): Simulation {
  const sim = createSimulation(scenario, { machine });
  sim.run();
  return sim;
}

const recordsOf = (sim: Simulation, id: string): TraceRecord[] => sim.trace.filter((r) => r.caseId === id);
const stageOf = (sim: Simulation, state: string | null) => (state === null ? null : chartFacts(sim.machine).state(state).stage);

const runs = Object.fromEntries(PROCESS_NAMES.map((p) => [p, run(chart(p))])) as Record<(typeof PROCESS_NAMES)[number], Simulation>;

describe.each(PROCESS_NAMES)('the emergency duty team in the %s process', (process) => {
  const sim = runs[process];
  const judged = sim.contacts.filter((c) => c.receivedAt + 8 * HOUR < sim.end);

  it('a level-4 contact about a child in immediate danger out of hours gets the emergency duty team\u2019s response within hours, then a strategy discussion while the SPA is open', () => {
    const urgent = judged.filter((c) => c.outOfHours && c.immediateDanger);
    expect(urgent.length).toBeGreaterThan(20);
    let respondedWhileClosed = 0;
    for (const c of urgent) {
      expect(c.trueLevel).toBe(4);
      const records = recordsOf(sim, c.id);
      const toEdt = records[1];
      expect(toEdt.event).toBe('contact.receivedOutOfHours');
      expect(toEdt.t).toBe(c.receivedAt);
      expect(stageOf(sim, toEdt.to)).toBe('emergencyResponse');
      const response = records.find((r) => r.from === toEdt.to && r.to !== toEdt.to)!;
      expect(response.actor).toBe('edtSocialWorker');
      expect(response.event).toBe('emergency.responded');
      expect(response.t - c.receivedAt).toBeLessThan(8 * HOUR);
      if (!isOpen(response.t)) respondedWhileClosed++;
      expect(stageOf(sim, response.to)).toBe('strategyDiscussion');
      const held = records.find((r) => r.event === 'strategy.held');
      if (held) expect(isOpen(held.t)).toBe(true);
    }
    // Clock hours, not working hours: most responses come while the SPA is still closed.
    expect(respondedWhileClosed).toBeGreaterThan(urgent.length / 2);
  });

  it('an in-hours contact about a child in immediate danger does not go to the emergency duty team', () => {
    const inHours = judged.filter((c) => !c.outOfHours && c.immediateDanger);
    expect(inHours.length).toBeGreaterThan(10);
    for (const c of inHours) expect(recordsOf(sim, c.id).some((r) => stageOf(sim, r.to) === 'emergencyResponse')).toBe(false);
  });

  it('an out-of-hours contact not in immediate danger waits for the SPA to open', () => {
    const waiting = judged.filter((c) => c.outOfHours && !c.immediateDanger);
    expect(waiting.length).toBeGreaterThan(100);
    for (const c of waiting) {
      const records = recordsOf(sim, c.id);
      expect(records.some((r) => stageOf(sim, r.to) === 'emergencyResponse' || r.event === 'contact.receivedOutOfHours')).toBe(false);
      if (records.length > 1) expect(isOpen(records[1].t)).toBe(true);
    }
  });

  it('counts these children in outOfHoursImmediateDanger, timed in clock hours, the same from the stored trace', () => {
    const figure = sim.metrics().outOfHoursImmediateDanger;
    expect(figure.contacts).toBe(sim.contacts.filter((c) => c.outOfHours && c.immediateDanger).length);
    expect(figure.medianHoursToResponse).toBeLessThan(4);
    expect(figure.maxHoursToResponse).toBeLessThan(8);
    expect(figure.respondedBeforeSpaOpens).toBeGreaterThan(0.9);
    const fromTrace = computeMetrics({ machine: sim.machine, contacts: sim.contacts, trace: sim.trace, start: sim.start, end: sim.end });
    expect(fromTrace.outOfHoursImmediateDanger).toEqual(figure);
  });

  it('keeps the emergency response safeguard, which the chart without the emergency duty team breaks', () => {
    const safeguard = invariantById('emergency-response-out-of-hours')!;
    expect(checkInvariants(sim, [safeguard])[0].holds).toBe(true);
    const before = run(withoutOutOfHoursService(chart(process)));
    const [result] = checkInvariants(before, [safeguard]);
    expect(result.holds).toBe(false);
    expect(result.count).toBeGreaterThan(10);
    // Without it the child waits for the office: the pre-change figures.
    const figure = before.metrics().outOfHoursImmediateDanger;
    expect(figure.contacts).toBe(sim.metrics().outOfHoursImmediateDanger.contacts);
    expect(figure.medianHoursToResponse).toBeGreaterThan(8);
    expect(figure.respondedBeforeSpaOpens).toBeLessThan(0.2);
    expect(before.trace.some((r) => r.event === 'contact.receivedOutOfHours')).toBe(false);
  });
});
