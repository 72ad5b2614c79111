/**
 * The compiled stepper (src/core/compiled.ts) is allowed only because this property holds: for
 * any scenario and seed, a run evaluated from the compiled table gives a byte-identical trace to
 * the same run interpreted by XState.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assign, initialTransition, setup, transition } from 'xstate';
import { compileMachine, NotCompilable } from '../../src/core/compiled';
import { createSimulation } from '../../src/core/engine';
import { spa2013, spa2015 } from '../../src/core/processes';
import { copyContext, type SpaInput } from '../../src/core/processes/common';
import { loadScenario } from '../support/scenarios';

const base = loadScenario('kingston-2013.json');

describe('the compiled stepper', () => {
  it('gives byte-identical traces to XState for generated scenarios and seeds', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.constantFrom('2013' as const, '2015' as const),
        fc.integer({ min: 2, max: 12 }),
        fc.double({ min: 3, max: 60, noNaN: true }),
        fc.integer({ min: 1, max: 4 }),
        (seed, process, days, demand, managers) => {
          const scenario = { ...base, days, warmUpDays: 10, contactsPerWorkingDay: demand, staff: { ...base.staff, teamManager: { count: managers, caseload: 1 } } };
          const a = createSimulation(scenario, { seed, process, engine: 'compiled' });
          const b = createSimulation(scenario, { seed, process, engine: 'xstate' });
          a.run();
          b.run();
          expect(a.engine).toBe('compiled');
          expect(b.engine).toBe('xstate');
          expect(JSON.stringify(a.trace)).toBe(JSON.stringify(b.trace));
        },
      ),
      { numRuns: 25 },
    );
  });

  it('reproduces every handled and unhandled event of both charts from every reachable state', () => {
    // Not only what the engine happens to send: every event type in every state.
    const events = [
      { type: 'screening.completed' }, { type: 'information.gathered' }, { type: 'parents.contacted' }, { type: 'camhs.assessed' },
      ...[1, 2, 3, 4].map((level) => ({ type: 'threshold.decided', level })), { type: 'clock.escalationDue' }, { type: 'clock.oneWorkingDayElapsed' },
      { type: 'case.allocated' }, ...['plan', 'stepDown', 'close', 'protection'].map((outcome) => ({ type: 'assessment.completed', outcome })),
      { type: 'strategy.held' }, { type: 'police.available' }, ...['plan', 'childInNeed', 'close'].map((outcome) => ({ type: 'enquiry.completed', outcome })),
      { type: 'earlyHelp.escalated' }, { type: 'earlyHelp.completed' },
    ];
    // Steppers that share snapshots keep them across every run of the property, as the engine's
    // do across the cases of a run: a step computed for one sequence is reused by the next.
    const inputs: Record<string, SpaInput> = {};
    const sharing = { spa2013: compileMachine(spa2013, { copyContext, share: true }), spa2015: compileMachine(spa2015, { copyContext, share: true }) };
    fc.assert(
      fc.property(
        fc.constantFrom('spa2013' as const, 'spa2015' as const),
        fc.record({ openCase: fc.boolean(), immediateDanger: fc.boolean(), levelClear: fc.boolean(), aboveEarlyHelp: fc.boolean(), mentalHealth: fc.boolean(), formComplete: fc.boolean(), inEarlyHelp: fc.boolean() }),
        fc.array(fc.constantFrom(...events), { maxLength: 12 }),
        fc.constantFrom('spread' as const, 'literal' as const, 'shared' as const),
        (name, flags, sequence, how) => {
          const machine = name === 'spa2013' ? spa2013 : spa2015;
          // The shared stepper sees one input object per combination of flags, as from the engine.
          const key = JSON.stringify(flags);
          const input = how === 'shared' ? (inputs[key] ??= { ...flags }) : { ...flags };
          // With the engine's literal context copier, without it (spread, as XState), and sharing snapshots.
          const compiled = how === 'shared' ? sharing[name] : compileMachine(machine, how === 'literal' ? { copyContext } : {});
          let c = compiled.initial(input);
          let [x] = initialTransition(machine, input);
          for (const e of sequence) {
            c = compiled.transition(c, e);
            [x] = transition(machine, x, e as never);
            expect(c.value).toBe(x.value);
            expect(c.context).toEqual(x.context);
            expect(JSON.stringify(c.context)).toBe(JSON.stringify(x.context)); // keys in the same order
            expect(c.status).toBe(x.status);
          }
        },
      ),
      { numRuns: 600 },
    );
  });

  it('shares snapshots: one object per step and per input object', () => {
    const m = compileMachine(spa2015, { copyContext, share: true });
    const flags = { openCase: false, immediateDanger: false, levelClear: false, aboveEarlyHelp: true, mentalHealth: false, formComplete: true, inEarlyHelp: false };
    const a = m.initial(flags);
    expect(m.initial(flags)).toBe(a);
    const b = m.initial({ ...flags });
    expect(b).not.toBe(a);
    expect([b.value, b.context, b.status]).toEqual([a.value, a.context, a.status]);
    const screened = { type: 'screening.completed' };
    const next = m.transition(a, screened);
    expect(next.value).toBe('informationGathering');
    expect(m.transition(a, screened)).toBe(next);
    const fromB = m.transition(b, screened);
    expect([fromB.value, fromB.context, fromB.status]).toEqual([next.value, next.context, next.status]);
    // An unhandled event still answers the same snapshot.
    expect(m.transition(next, { type: 'case.allocated' })).toBe(next);
  });

  it('copies contexts with the literal copier only where it copies every key', () => {
    // A function-form assign could add a key the copier does not know: spread, as XState does.
    const adds = setup({ actions: { add: assign(({ context }) => ({ ...context, extra: 1 })), mark: assign({ a: 2 }) } }).createMachine({
      context: () => ({ a: 1 }),
      initial: 'x',
      states: { x: { on: { go: { target: 'y', actions: ['add', 'mark'] } } }, y: {} },
    });
    const copyA = (c: { a: number }) => ({ a: c.a });
    const m = compileMachine(adds, { copyContext: copyA });
    expect(m.transition(m.initial({}), { type: 'go' }).context).toEqual({ a: 2, extra: 1 });
    // A copier that does not copy every key of the initial context is not used.
    const plain = setup({ actions: { mark: assign({ a: 2 }) } }).createMachine({
      context: () => ({ a: 1, b: 'kept' }),
      initial: 'x',
      states: { x: { on: { go: { target: 'y', actions: 'mark' } } }, y: {} },
    });
    const p = compileMachine(plain, { copyContext: copyA });
    expect(p.transition(p.initial({}), { type: 'go' }).context).toEqual({ a: 2, b: 'kept' });
    // A context whose keys vary with the input: once one differs, contexts are spread.
    const varies = setup({ actions: { mark: assign({ a: 2 }) } }).createMachine({
      context: ({ input }: { input: { more?: boolean } }) => (input.more ? { a: 1, more: true } : { a: 1 }),
      initial: 'x',
      states: { x: { on: { go: { target: 'y', actions: 'mark' } } }, y: {} },
    });
    const v = compileMachine(varies, { copyContext: copyA });
    expect(v.transition(v.initial({}), { type: 'go' }).context).toEqual({ a: 2 });
    expect(v.transition(v.initial({ more: true }), { type: 'go' }).context).toEqual({ a: 2, more: true });
  });

  it('refuses a chart it cannot reproduce exactly, so the engine falls back to XState', () => {
    const withEntry = setup({ actions: { note: assign({}) } }).createMachine({
      context: () => ({}),
      initial: 'a',
      states: { a: { entry: 'note', on: { go: 'b' } }, b: {} },
    });
    expect(() => compileMachine(withEntry)).toThrow(NotCompilable);
  });

  it('refuses to compile wildcard transitions, which it could not reproduce', () => {
    const wild = setup({}).createMachine({ context: () => ({}), initial: 'a', states: { a: { on: { 'clock.*': 'b' } }, b: {} } });
    expect(() => compileMachine(wild)).toThrow(NotCompilable);
    expect(() => compileMachine(spa2015)).not.toThrow();
  });
});
