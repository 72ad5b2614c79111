// Replications on the page (src/ui/replay/store/replicationBatch.ts): the jobs it sends, the
// count it refuses, and how it names a replication that failed.
import { describe, expect, it } from 'vitest';
import type { StateSlice } from '../../../../src/ui/replay/store/state';
import { ReplicationBatch, idleReplications, type RepsState } from '../../../../src/ui/replay/store/replicationBatch';
import { loadScenario } from '../../../support/scenarios';
import { scriptedWorkers } from './scriptedWorker';

const june2013 = loadScenario('kingston-2013.json');

function setUp() {
  let state = idleReplications(june2013);
  const slice: StateSlice<RepsState> = { get: () => state, set: (patch) => (state = { ...state, ...patch }) };
  const workers = scriptedWorkers();
  const reps = new ReplicationBatch(slice, { makeWorker: workers.make, nextRunId: () => 1, announce: () => {} });
  return { reps, workers, state: () => state };
}

describe('replications', () => {
  it('refuses a count it cannot run, and runs nothing', () => {
    const { reps, workers, state } = setUp();
    reps.setCountText('1001');
    expect(reps.start({ scenario: june2013, seed: 7 }, 2)).toBe(false);
    expect(state().error).toBe('Replications must be a whole number from 1 to 1000');
    expect(workers.made).toEqual([]);
  });

  it('posts replication r of both processes on the applied seed', () => {
    const { reps, workers, state } = setUp();
    reps.setCountText('3');
    expect(reps.start({ scenario: june2013, seed: 7 }, 2)).toBe(true);
    expect(state()).toMatchObject({ status: 'running', total: 6, label: june2013.name, seed: '7' });
    expect(workers.made.map((w) => [w.request.processes, w.request.seed, w.request.replication])).toEqual([
      [['2013', '2015'], 7, 0],
      [['2013', '2015'], 7, 1],
    ]);
  });

  it('names a replication that failed by its number and seed', () => {
    const { reps, workers, state } = setUp();
    reps.setCountText('3');
    reps.start({ scenario: june2013, seed: 7 }, 2);
    workers.made[1].reportError('boom');
    expect(state().message).toBe('Replication 2 (seed 8) could not run: boom');
  });
});
