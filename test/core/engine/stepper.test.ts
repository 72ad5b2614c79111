// A chart that loops at one instant (eventless transitions leading back to each other) is
// stopped with an error naming the states of the loop, instead of running for ever (issue 17,
// item 3). Such a chart cannot be compiled (eventless transitions), so it runs on XState's
// interpreter, whose own bound is Infinity.
import { describe, expect, it } from 'vitest';
import { ChartLoopError, createSimulation, MAX_MICROSTEPS_AT_ONE_INSTANT } from '../../../src/core/engine';
import { loopOf } from '../../../src/core/engine/stepper';
import { loadScenario } from '../../support/scenarios';
import { withEventlessLoop, withSecondLook } from '../../support/variants';

const scenario = loadScenario('kingston-2015.json');

describe('a chart that loops without time moving', () => {
  it('is stopped with an error naming the looping states and the event that started it', () => {
    const sim = createSimulation(scenario, { machine: withEventlessLoop(), days: 10 });
    const started = performance.now();
    let error: unknown;
    try {
      sim.run();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ChartLoopError);
    const loop = error as ChartLoopError;
    expect([...loop.states].sort()).toEqual(['checkedAgain', 'doubleCheck']);
    expect(loop.event).toBe('screening.completed');
    expect(loop.message).toContain(`more than ${MAX_MICROSTEPS_AT_ONE_INSTANT} transitions at one instant`);
    expect(loop.message).toMatch(/"(doubleCheck|checkedAgain)" -> "(doubleCheck|checkedAgain)"/);
    expect(loop.message).toContain('spa2015-eventless-loop');
    // Stopped at once, not after a long time.
    expect(performance.now() - started).toBeLessThan(20_000);
  });

  it('a chart without a loop runs on XState\u2019s interpreter as it did', () => {
    const machine = withSecondLook();
    const xstate = createSimulation(scenario, { machine, days: 20, engine: 'xstate' });
    const compiled = createSimulation(scenario, { machine, days: 20 });
    xstate.run();
    compiled.run();
    expect(xstate.trace.length).toBeGreaterThan(100);
    expect(xstate.trace).toEqual(compiled.trace);
  });
});

describe('loopOf', () => {
  it('finds the shortest cycle at the end of the states taken', () => {
    expect(loopOf(['x', 'a', 'b', 'a', 'b', 'a', 'b'])).toEqual(['a', 'b']);
    expect(loopOf(['a', 'a', 'a'])).toEqual(['a']);
    expect(loopOf(['p', 'a', 'b', 'c', 'a', 'b', 'c'])).toEqual(['a', 'b', 'c']);
  });
});
