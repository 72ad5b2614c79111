// A batch of runs in the page's state (src/ui/replay/store/batch.ts), the part replications and
// sweeps share: progress, the result, cancelling, and an error that names what failed.
import { describe, expect, it } from 'vitest';
import type { RunSummary } from '../../../../src/core/run';
import { Batch, IDLE_BATCH, type BatchOrder, type BatchProgress } from '../../../../src/ui/replay/store/batch';
import type { StateSlice } from '../../../../src/ui/replay/store/state';
import type { PoolFailure } from '../../../../src/ui/replay/store/workerPool';
import { pairedJobs, scriptedWorkers, tagOf } from './scriptedWorker';

type Tags = string[];
interface TestState extends BatchProgress<Tags> {
  label: string;
}

/** A batch whose result is its runs' tags, in the order it was given them. */
class TagBatch extends Batch<Tags, TestState> {
  run(order: Partial<BatchOrder<Tags, TestState>> & Pick<BatchOrder<Tags, TestState>, 'jobs'>): void {
    this.launch({
      poolSize: 2,
      alsoSet: {},
      collect: (runs: RunSummary[]) => runs.map(tagOf),
      finishedNotice: 'All done.',
      nameFailed: (f: PoolFailure) => (f.jobs[0] ? `Replication ${f.jobs[0].replication + 1}` : 'A run'),
      ...order,
    });
  }
}

function setUp() {
  let state: TestState = { ...IDLE_BATCH, label: '' };
  const slice: StateSlice<TestState> = { get: () => state, set: (patch) => (state = { ...state, ...patch }) };
  const workers = scriptedWorkers();
  const notices: string[] = [];
  let ids = 0;
  const batch = new TagBatch(slice, { makeWorker: workers.make, nextRunId: () => ++ids, announce: (n) => notices.push(n) }, 'Batch cancelled.');
  return { batch, workers, notices, state: () => state };
}

describe('a batch of runs', () => {
  it('starts running with its total, and what the order also sets', () => {
    const { batch, state } = setUp();
    batch.run({ jobs: pairedJobs(3), alsoSet: { label: 'June 2013' } });
    expect(state()).toMatchObject({ status: 'running', done: 0, total: 6, elapsedMs: null, result: null, message: null, label: 'June 2013' });
    expect(batch.running).toBe(true);
  });

  it('shows the runs done as replications come back', () => {
    const { batch, workers, state } = setUp();
    batch.run({ jobs: pairedJobs(3) });
    workers.made[1].finish();
    expect(state().done).toBe(2);
    workers.made[0].finish();
    expect(state().done).toBe(4);
  });

  it('when all are back, holds the result from the runs in job order, its time, and says it has finished', () => {
    const { batch, workers, notices, state } = setUp();
    batch.run({ jobs: pairedJobs(2) });
    workers.made[1].finish();
    workers.made[0].finish();
    expect(state()).toMatchObject({ status: 'done', done: 4, result: ['0/2013', '0/2015', '1/2013', '1/2015'] });
    expect(state().elapsedMs).toBeGreaterThanOrEqual(0);
    expect(notices).toEqual(['All done.']);
  });

  it('cancelled, says so, posts no more jobs and ignores the answers that come late', () => {
    const { batch, workers, notices, state } = setUp();
    batch.run({ jobs: pairedJobs(5) });
    workers.made[0].finish();
    batch.cancel();
    expect(state()).toMatchObject({ status: 'cancelled', done: 2 });
    expect(state().elapsedMs).toBeGreaterThanOrEqual(0);
    expect(notices).toEqual(['Batch cancelled.']);
    const posted = workers.made.map((w) => w.posted.length);
    workers.made[0].finish();
    workers.made[1].finish();
    expect(workers.made.map((w) => w.posted.length)).toEqual(posted);
    expect(state()).toMatchObject({ status: 'cancelled', done: 2, result: null });
  });

  it('cancelled quietly, says nothing', () => {
    const { batch, notices, state } = setUp();
    batch.run({ jobs: pairedJobs(2) });
    batch.cancel(true);
    expect(state().status).toBe('cancelled');
    expect(notices).toEqual([]);
  });

  it('does nothing on cancel when it is not running', () => {
    const { batch, notices, state } = setUp();
    batch.cancel();
    expect(state().status).toBe('idle');
    expect(notices).toEqual([]);
  });

  it('stops at an error with a message naming the runs that failed and what the worker said', () => {
    const { batch, workers, state } = setUp();
    batch.run({ jobs: pairedJobs(3) });
    workers.made[1].reportError('contactsPerWorkingDay must be at most 2000');
    expect(state()).toMatchObject({ status: 'error', message: 'Replication 2 could not run: contactsPerWorkingDay must be at most 2000', result: null });
    expect(batch.running).toBe(false);
  });

  it('stops at a worker that could not start, naming the runs it had, without words of its own', () => {
    const { batch, workers, state } = setUp();
    batch.run({ jobs: pairedJobs(1) });
    workers.made[0].crash('');
    expect(state().message).toBe('Replication 1 could not run.');
  });

  it('started again while running, cancels the first quietly and keeps only the second\u2019s answers', () => {
    const { batch, workers, notices, state } = setUp();
    batch.run({ jobs: pairedJobs(2) });
    const first = [...workers.made];
    batch.run({ jobs: pairedJobs(1) });
    expect(first.every((w) => w.terminated)).toBe(true);
    expect(notices).toEqual([]);
    first[0].finish();
    expect(state()).toMatchObject({ status: 'running', done: 0, total: 2 });
    workers.made.at(-1)!.finish();
    expect(state()).toMatchObject({ status: 'done', result: ['0/2013', '0/2015'] });
  });
});
