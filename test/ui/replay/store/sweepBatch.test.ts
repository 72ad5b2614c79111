// The capacity sweep on the page (src/ui/replay/store/sweepBatch.ts): the jobs it sends, a form
// it refuses, and how it names a run that failed.
import { describe, expect, it } from 'vitest';
import type { StateSlice } from '../../../../src/ui/replay/store/state';
import { IDLE_SWEEP, SweepBatch, type SweepState } from '../../../../src/ui/replay/store/sweepBatch';
import { loadScenario } from '../../../support/scenarios';
import { scriptedWorkers } from './scriptedWorker';

const june2013 = loadScenario('kingston-2013.json');
const applied = { scenario: june2013, seed: 7 };

function setUp() {
  let state = IDLE_SWEEP;
  const slice: StateSlice<SweepState> = { get: () => state, set: (patch) => (state = { ...state, ...patch }) };
  const workers = scriptedWorkers();
  const sweep = new SweepBatch(slice, { makeWorker: workers.make, nextRunId: () => 1, announce: () => {} });
  for (const [key, value] of [['from', '20'], ['to', '30'], ['step', '10'], ['replications', '2']] as const) sweep.setInput(key, value);
  return { sweep, workers, state: () => state };
}

describe('the capacity sweep', () => {
  it('keeps a bad form\u2019s messages at their boxes and runs nothing', () => {
    const { sweep, workers, state } = setUp();
    sweep.setInput('step', '0');
    expect(sweep.start(applied, 2)).toBe(false);
    expect(state().errors.step).toBe('Step must be greater than 0');
    expect(workers.made).toEqual([]);
  });

  it('posts each value\u2019s replications of both processes, one replication a message', () => {
    const { sweep, workers, state } = setUp();
    expect(sweep.start(applied, 4)).toBe(true);
    expect(state()).toMatchObject({ status: 'running', total: 8 });
    expect(workers.made.map((w) => [w.request.scenario.contactsPerWorkingDay, w.request.replication, w.request.seed])).toEqual([
      [20, 0, 7],
      [20, 1, 7],
      [30, 0, 7],
      [30, 1, 7],
    ]);
  });

  it('names a run that failed by its value and replication', () => {
    const { sweep, workers, state } = setUp();
    sweep.start(applied, 4);
    workers.made[3].reportError('boom');
    expect(state().message).toBe('The sweep\u2019s run with contactsPerWorkingDay = 30 (replication 2) could not run: boom');
  });
});
