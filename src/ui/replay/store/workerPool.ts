/**
 * The pool of web workers that runs a batch of figure-only runs (replications, or a sweep's
 * runs). Each worker takes the next replication as it finishes one, so each has one at a time
 * and the pool knows which. A message carries the consecutive jobs of one replication (same
 * scenario, seed and replication, one per process), which share their contacts in the worker.
 * The runs come back in job order, whatever order they finish in. Nothing here simulates: the
 * page's thread only posts messages and files the answers.
 */
import { consecutiveGroups, type RunSummary } from '../../../core/run';
import type { Scenario } from '../../../core/scenario';
import type { WorkerRequest, WorkerResponse } from '../../workerProtocol';
import type { ProcessKey } from './processKeys';

export type WorkerFactory = () => Worker;

/** One run job for the worker pool: replication r runs with seed replicationSeed(seed, r). */
export interface PoolJob {
  scenario: Scenario;
  process: ProcessKey;
  seed: string | number;
  replication: number;
}

/** What went wrong, and in which runs. */
export interface PoolFailure {
  /** The worker's own words (may be empty when the worker itself could not start). */
  message: string;
  /** Where the failed replication's jobs start in the batch (-1 if the worker had none). */
  first: number;
  /** The jobs of the replication that failed (empty if the worker had none). */
  jobs: readonly PoolJob[];
}

export interface PoolEvents {
  /** Runs done so far, after each replication but the last (the last calls `finished`). */
  progress: (done: number) => void;
  /** Every run's figures, in job order. The workers are already ended. */
  finished: (runs: RunSummary[]) => void;
  /** The first failure. The workers are already ended and nothing more is reported. */
  failed: (failure: PoolFailure) => void;
}

export interface PoolRun {
  /** End the workers: runs under way are dropped, and nothing more is reported. */
  stop(): void;
}

/** Workers for a batch: the cores the machine has, less one for the page, from 2 to 4. */
export function defaultPoolSize(): number {
  const cores = typeof navigator !== 'undefined' && navigator.hardwareConcurrency ? navigator.hardwareConcurrency : 2;
  return Math.max(2, Math.min(4, cores - 1));
}

const sameReplication = (a: PoolJob, b: PoolJob): boolean => a.scenario === b.scenario && a.seed === b.seed && a.replication === b.replication;

/** Run `jobs` on up to `poolSize` new workers; every message carries `id`. */
export function runOnWorkerPool(makeWorker: WorkerFactory, id: number, jobs: readonly PoolJob[], poolSize: number, on: PoolEvents): PoolRun {
  const replications = consecutiveGroups(jobs, sameReplication);
  const runs: RunSummary[] = new Array(jobs.length);
  const workers: Worker[] = [];
  /** The replication each busy worker is running: [first job, number of jobs]. */
  const running = new Map<Worker, [number, number]>();
  let nextReplication = 0;
  let done = 0;
  let stopped = false;

  const stop = (): void => {
    stopped = true;
    for (const w of workers) w.terminate();
    workers.length = 0;
  };
  const giveNext = (w: Worker): void => {
    if (nextReplication >= replications.length) return;
    const [first, count] = replications[nextReplication++];
    const job = jobs[first];
    running.set(w, [first, count]);
    const processes = jobs.slice(first, first + count).map((x) => x.process);
    const msg: WorkerRequest = { type: 'summaries', id, scenario: job.scenario, processes, seed: job.seed, replication: job.replication };
    w.postMessage(msg);
  };
  const fail = (w: Worker, message: string): void => {
    const [first, count] = running.get(w) ?? [-1, 0];
    stop();
    on.failed({ message, first, jobs: first < 0 ? [] : jobs.slice(first, first + count) });
  };
  const received = (w: Worker, m: WorkerResponse): void => {
    if (stopped || m.id !== id) return;
    if (m.type === 'error') return fail(w, m.message);
    if (m.type !== 'summaries') return;
    const [first] = running.get(w)!;
    running.delete(w);
    m.summaries.forEach((s, k) => (runs[first + k] = s));
    done += m.summaries.length;
    if (done < jobs.length) {
      on.progress(done);
      giveNext(w);
      return;
    }
    stop();
    on.finished(runs);
  };

  if (jobs.length === 0) {
    on.finished([]);
    return { stop };
  }
  const size = Math.max(1, Math.min(poolSize, replications.length));
  for (let i = 0; i < size; i++) {
    const w = makeWorker();
    workers.push(w);
    w.onmessage = (e: MessageEvent<WorkerResponse>) => received(w, e.data);
    w.onerror = (e) => {
      e.preventDefault();
      if (!stopped) fail(w, e.message);
    };
    giveNext(w);
  }
  return { stop };
}
