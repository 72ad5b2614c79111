// A manager overseeing a state recognises child protection concerns (meta `managerRecognises`):
// the engine sends `concerns.recognised` only to children whose true level is high enough, at the
// time the meta says, and a chart without the meta never gets it.
import { describe, expect, it } from 'vitest';
import type { AnyStateMachine } from 'xstate';
import { addWorkingMillis, HOUR } from '../../../src/core/calendar';
import { createSimulation } from '../../../src/core/engine';
import { chartFacts, spa2013, spa2015, spaSetup } from '../../../src/core/processes';
import { loadScenario } from '../../support/scenarios';

const june2013 = loadScenario('kingston-2013.json');
const short = { ...june2013, days: 30, warmUpDays: 20 };

/** The 2013 chart with every `managerRecognises` share replaced (0: the manager recognises nothing). */
function with2013Share(share: number): AnyStateMachine {
  const config = spa2013.config as unknown as { states: Record<string, { meta?: Record<string, unknown> }> };
  const states = Object.fromEntries(
    Object.entries(config.states).map(([name, state]) => {
      const m = state.meta?.managerRecognises as Record<string, unknown> | undefined;
      return [name, m ? { ...state, meta: { ...state.meta, managerRecognises: { ...m, share } } } : state];
    }),
  );
  return spaSetup.createMachine({ ...config, states } as never) as unknown as AnyStateMachine;
}

describe('a manager recognising child protection concerns (meta managerRecognises)', () => {
  it('is on the 2013 hold, reading the chart\u2019s figures, and on no 2015 state', () => {
    const held = chartFacts(spa2013 as unknown as AnyStateMachine).states.filter((s) => s.managerRecognises !== null);
    expect(held.map((s) => s.stage)).toEqual(['hold']);
    expect(held[0].managerRecognises).toEqual({ trueLevelAtLeast: 4, share: 1, afterWorkingHours: 1 });
    expect(chartFacts(spa2015 as unknown as AnyStateMachine).states.filter((s) => s.managerRecognises !== null)).toEqual([]);
  });

  it('is sent only to true level-4 children, the meta\u2019s working hours after they were held, and ends the hold', () => {
    const sim = createSimulation(short, { process: '2013', seed: 3 });
    sim.run();
    const level = new Map(sim.contacts.map((c) => [c.id, c.trueLevel]));
    const heldAt = new Map<string, number>();
    let recognised = 0;
    let heldLevel4 = 0;
    for (const r of sim.trace) {
      if (r.to === 'heldByCaseCoordinator' && r.from !== 'heldByCaseCoordinator') {
        heldAt.set(r.caseId, r.t);
        if (level.get(r.caseId) === 4) heldLevel4++;
      }
      if (r.event === 'concerns.recognised') {
        recognised++;
        expect(level.get(r.caseId)).toBe(4);
        expect(r.from).toBe('heldByCaseCoordinator');
        expect(r.to).toBe('awaitingDecision');
        expect(r.actor).toBe('teamManager');
        expect(r.t).toBe(addWorkingMillis(heldAt.get(r.caseId)!, 1 * HOUR));
      }
    }
    expect(heldLevel4).toBeGreaterThan(0);
    // share 1: every held level-4 child is recognised, unless the hold ended first.
    expect(recognised).toBeGreaterThan(0.8 * heldLevel4);
    expect(recognised).toBeLessThanOrEqual(heldLevel4);
  });

  it('is never sent when its share is 0, and the children arriving are the same (a stream of its own)', () => {
    const shipped = createSimulation(short, { machine: with2013Share(1), seed: 3 });
    const off = createSimulation(short, { machine: with2013Share(0), seed: 3 });
    shipped.run();
    off.run();
    expect(shipped.trace.some((r) => r.event === 'concerns.recognised')).toBe(true);
    expect(off.trace.some((r) => r.event === 'concerns.recognised')).toBe(false);
    expect(off.contacts.map((c) => [c.id, c.receivedAt, c.trueLevel])).toEqual(shipped.contacts.map((c) => [c.id, c.receivedAt, c.trueLevel]));
  });
});
