/**
 * A batch of runs on the page, the same for replications and for a sweep: its place in the
 * state (running, done, cancelled or stopped by an error; how many runs are done; how long it
 * took; the result), started, cancelled and ended in one place. The runs go to the worker pool
 * (workerPool.ts); the batch only puts their figures together once all are back.
 */
import type { RunSummary } from '../../../core/run';
import type { StateSlice, StoreServices } from './state';
import { runOnWorkerPool, type PoolFailure, type PoolJob, type PoolRun } from './workerPool';

export type BatchStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

/** Where a batch stands: what its progress bar and its result read. */
export interface BatchProgress<R> {
  status: BatchStatus;
  done: number;
  total: number;
  startedAt: number;
  elapsedMs: number | null;
  result: R | null;
  /** Why it stopped, when an error stopped it. */
  message: string | null;
}

export const IDLE_BATCH: BatchProgress<never> = { status: 'idle', done: 0, total: 0, startedAt: 0, elapsedMs: null, result: null, message: null };

/** One batch to run. */
export interface BatchOrder<R, S> {
  jobs: PoolJob[];
  poolSize: number;
  /** The rest of the state to set as the batch starts: what it is of, messages cleared. */
  alsoSet: Partial<S>;
  /** Put the runs' figures, in job order, together. */
  collect: (runs: RunSummary[]) => R;
  /** What the live region says when it has finished. */
  finishedNotice: string;
  /** The runs that failed, as the subject of "... could not run": "Replication 3 (seed 9)". */
  nameFailed: (failure: PoolFailure) => string;
}

/** The message for a batch stopped by an error: which runs, and the worker's words. */
export function failureMessage(what: string, message: string): string {
  return message ? `${what} could not run: ${message}` : `${what} could not run.`;
}

/**
 * The life of a batch, which ReplicationBatch and SweepBatch extend with their own form and
 * result: each says what to run (`launch`); starting, progress, cancelling and failing are here.
 */
export abstract class Batch<R, S extends BatchProgress<R>> {
  private pool: PoolRun | null = null;

  constructor(
    protected readonly slice: StateSlice<S>,
    private readonly services: StoreServices,
    /** What the live region says when someone cancels it. */
    private readonly cancelledNotice: string,
  ) {}

  get running(): boolean {
    return this.slice.get().status === 'running';
  }

  /** Start `order`, quietly cancelling a batch still running. */
  protected launch(order: BatchOrder<R, S>): void {
    this.cancel(true);
    const id = this.services.nextRunId();
    const starting: Partial<BatchProgress<R>> = { status: 'running', done: 0, total: order.jobs.length, startedAt: performance.now(), elapsedMs: null, result: null, message: null };
    this.slice.set({ ...order.alsoSet, ...(starting as Partial<S>) });
    this.pool = runOnWorkerPool(this.services.makeWorker, id, order.jobs, order.poolSize, {
      progress: (done) => this.patch({ done }),
      finished: (runs) => {
        const result = order.collect(runs);
        this.pool = null;
        this.patch({ status: 'done', done: runs.length, result, elapsedMs: this.elapsedMs() });
        this.services.announce(order.finishedNotice);
      },
      failed: (failure) => {
        this.pool = null;
        this.patch({ status: 'error', message: failureMessage(order.nameFailed(failure), failure.message) });
      },
    });
  }

  /** Stop a running batch; `quiet` says nothing in the live region. */
  cancel(quiet = false): void {
    if (!this.running) return;
    this.stopPool();
    this.patch({ status: 'cancelled', elapsedMs: this.elapsedMs() });
    if (!quiet) this.services.announce(this.cancelledNotice);
  }

  dispose(): void {
    this.stopPool();
  }

  private stopPool(): void {
    this.pool?.stop();
    this.pool = null;
  }

  private elapsedMs(): number {
    return Math.round(performance.now() - this.slice.get().startedAt);
  }

  // The batch writes only the fields of BatchProgress, which S has: the cast says no more.
  private patch(patch: Partial<BatchProgress<R>>): void {
    this.slice.set(patch as Partial<S>);
  }
}
