// The worker pool behind replications and sweeps (src/ui/replay/store/workerPool.ts), with
// scripted workers: what it posts, the order runs come back in, progress, stopping and failing.
import { describe, expect, it, vi } from 'vitest';
import type { RunSummary } from '../../../../src/core/run';
import { runOnWorkerPool, type PoolEvents, type PoolFailure } from '../../../../src/ui/replay/store/workerPool';
import { pairedJobs, scriptedWorkers, tagOf, tagged } from './scriptedWorker';

function recorder() {
  const seen = { progress: [] as number[], finished: null as RunSummary[] | null, failed: [] as PoolFailure[] };
  const on: PoolEvents = {
    progress: (done) => seen.progress.push(done),
    finished: (runs) => (seen.finished = runs),
    failed: (failure) => seen.failed.push(failure),
  };
  return { seen, on };
}

describe('the worker pool', () => {
  it('posts one message a replication, naming its processes, to no more workers than the pool size', () => {
    const workers = scriptedWorkers();
    const jobs = pairedJobs(3);
    runOnWorkerPool(workers.make, 42, jobs, 2, recorder().on);
    expect(workers.made).toHaveLength(2);
    expect(workers.made.map((w) => w.posted)).toEqual([
      [{ type: 'summaries', id: 42, scenario: jobs[0].scenario, processes: ['2013', '2015'], seed: 7, replication: 0 }],
      [{ type: 'summaries', id: 42, scenario: jobs[0].scenario, processes: ['2013', '2015'], seed: 7, replication: 1 }],
    ]);
  });

  it('gives a worker the next replication as soon as it answers', () => {
    const workers = scriptedWorkers();
    runOnWorkerPool(workers.make, 1, pairedJobs(3), 2, recorder().on);
    workers.made[1].finish();
    expect(workers.made[1].request.replication).toBe(2);
    expect(workers.made[0].posted).toHaveLength(1);
  });

  it('makes one worker for a batch of one replication, whatever the pool size', () => {
    const workers = scriptedWorkers();
    runOnWorkerPool(workers.make, 1, pairedJobs(1), 4, recorder().on);
    expect(workers.made).toHaveLength(1);
  });

  it('returns the runs in job order, whatever order the workers answer in', () => {
    const workers = scriptedWorkers();
    const { seen, on } = recorder();
    runOnWorkerPool(workers.make, 1, pairedJobs(3), 2, on);
    workers.made[1].finish(); // replication 1; this worker takes replication 2
    workers.made[1].finish(); // replication 2
    workers.made[0].finish(); // replication 0, last of all
    expect(seen.finished?.map(tagOf)).toEqual(['0/2013', '0/2015', '1/2013', '1/2015', '2/2013', '2/2015']);
  });

  it('reports the runs done after each replication but the last, then finishes and ends its workers', () => {
    const workers = scriptedWorkers();
    const { seen, on } = recorder();
    runOnWorkerPool(workers.make, 1, pairedJobs(3), 1, on);
    workers.made[0].finish();
    workers.made[0].finish();
    expect(seen.progress).toEqual([2, 4]);
    expect(seen.finished).toBeNull();
    workers.made[0].finish();
    expect(seen.progress).toEqual([2, 4]);
    expect(seen.finished).toHaveLength(6);
    expect(workers.made[0].terminated).toBe(true);
  });

  it('once stopped, ends its workers, posts no more jobs and ignores answers that come late', () => {
    const workers = scriptedWorkers();
    const { seen, on } = recorder();
    const pool = runOnWorkerPool(workers.make, 1, pairedJobs(5), 2, on);
    workers.made[0].finish();
    pool.stop();
    expect(workers.made.every((w) => w.terminated)).toBe(true);
    const posted = workers.made.map((w) => w.posted.length);
    workers.made[1].finish();
    workers.made[0].finish();
    expect(workers.made.map((w) => w.posted.length)).toEqual(posted);
    expect(seen.progress).toEqual([2]);
    expect(seen.finished).toBeNull();
    expect(seen.failed).toEqual([]);
  });

  it('ignores answers to another batch (another id)', () => {
    const workers = scriptedWorkers();
    const { seen, on } = recorder();
    runOnWorkerPool(workers.make, 1, pairedJobs(2), 1, on);
    workers.made[0].onmessage?.({ data: { type: 'summaries', id: 99, replication: 0, summaries: [tagged('x'), tagged('y')] } } as MessageEvent);
    expect(seen.progress).toEqual([]);
  });

  it('stops at a run\u2019s error and names the replication that failed, with the worker\u2019s words', () => {
    const workers = scriptedWorkers();
    const { seen, on } = recorder();
    const jobs = pairedJobs(3);
    runOnWorkerPool(workers.make, 1, jobs, 2, on);
    workers.made[1].reportError('staff.raSocialWorker.count must be at least 1');
    expect(seen.failed).toEqual([{ message: 'staff.raSocialWorker.count must be at least 1', first: 2, jobs: jobs.slice(2, 4) }]);
    expect(workers.made.every((w) => w.terminated)).toBe(true);
    workers.made[0].finish();
    workers.made[0].reportError('a second error');
    expect(seen.failed).toHaveLength(1);
    expect(seen.progress).toEqual([]);
  });

  it('reports a worker that fails by itself once, with the replication it had, and keeps the error off the page', () => {
    const workers = scriptedWorkers();
    const { seen, on } = recorder();
    const jobs = pairedJobs(2);
    runOnWorkerPool(workers.make, 1, jobs, 2, on);
    expect(workers.made[0].crash('Failed to load the worker script')).toBe(true);
    workers.made[1].crash('again');
    expect(seen.failed).toEqual([{ message: 'Failed to load the worker script', first: 0, jobs: jobs.slice(0, 2) }]);
  });

  it('finishes an empty batch at once, with no workers', () => {
    const workers = scriptedWorkers();
    const finished = vi.fn();
    runOnWorkerPool(workers.make, 1, [], 2, { progress: vi.fn(), finished, failed: vi.fn() });
    expect(finished).toHaveBeenCalledWith([]);
    expect(workers.made).toEqual([]);
  });
});
