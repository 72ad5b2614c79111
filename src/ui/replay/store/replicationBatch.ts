/**
 * Replications: the applied scenario run again on seeds seed, seed+1, ... under both processes,
 * in the worker pool, put together as `npm run sim -- compare --replications R` does.
 */
import { aggregate, replicationSeed, type CompareResult } from '../../../core/run';
import { runSizeProblem, sizeOf } from '../../../core/runSize';
import type { Scenario } from '../../../core/scenario';
import { Batch, IDLE_BATCH, type BatchProgress } from './batch';
import type { StateSlice, StoreServices } from './state';
import { PROCESS_KEYS } from './processKeys';
import type { PoolFailure, PoolJob } from './workerPool';

export interface RepsState extends BatchProgress<CompareResult> {
  /** The count as typed. */
  countText: string;
  /** What is wrong with the count typed, if anything. */
  error: string | null;
  /** What the replications are of (they keep their scenario if the page moves on). */
  label: string;
  seed: string;
}

export const MAX_REPLICATIONS = 1000;

/** Replications by default: 100 for a short scenario, fewer for a long one (each run is longer). */
export function defaultReplications(s: Scenario): number {
  const days = s.days + s.warmUpDays;
  // About 10 s on a 2-core machine: 100 of June 2013 took 7.6 s, 20 of a year 4.5 s
  // (test/browser/replay-timing.test.ts).
  if (days <= 200) return 100;
  if (days <= 500) return 40;
  return 10;
}

/** No replications yet, with the count suggested for `s`. */
export function idleReplications(s: Scenario): RepsState {
  return { ...IDLE_BATCH, countText: String(defaultReplications(s)), error: null, label: '', seed: '' };
}

/** Replication r of every process, then r + 1: the order `aggregate` expects. */
function replicationJobs(scenario: Scenario, seed: string | number, count: number): PoolJob[] {
  const jobs: PoolJob[] = [];
  for (let r = 0; r < count; r++) for (const p of PROCESS_KEYS) jobs.push({ scenario, process: p, seed, replication: r });
  return jobs;
}

function nameFailedReplication({ jobs }: PoolFailure): string {
  const job = jobs[0];
  return job ? `Replication ${job.replication + 1} (seed ${replicationSeed(job.seed, job.replication)})` : 'A replication';
}

export class ReplicationBatch extends Batch<CompareResult, RepsState> {
  constructor(slice: StateSlice<RepsState>, services: StoreServices) {
    super(slice, services, 'Replications cancelled.');
  }

  setCountText(text: string): void {
    this.slice.set({ countText: text });
  }

  /** Another scenario is showing: suggest its count, unless replications are running. */
  suggestCountFor(s: Scenario): void {
    if (!this.running) this.slice.set({ countText: String(defaultReplications(s)), error: null });
  }

  /** Check the count typed and run that many replications of `applied`. */
  start(applied: { scenario: Scenario; seed: string | number } | null, poolSize: number): boolean {
    const text = this.slice.get().countText.trim();
    const count = /^\d+$/.test(text) ? Number(text) : NaN;
    if (!Number.isInteger(count) || count < 1 || count > MAX_REPLICATIONS) {
      this.slice.set({ error: `Replications must be a whole number from 1 to ${MAX_REPLICATIONS}` });
      return false;
    }
    if (!applied) return false;
    const { scenario, seed } = applied;
    const jobs = replicationJobs(scenario, seed, count);
    // All the runs together, as the command line judges them (core/runSize.ts).
    const tooLarge = runSizeProblem(sizeOf(jobs));
    if (tooLarge) {
      this.slice.set({ error: `${tooLarge.charAt(0).toUpperCase()}${tooLarge.slice(1)}. Choose fewer replications` });
      return false;
    }
    this.launch({
      jobs,
      poolSize,
      alsoSet: { error: null, label: scenario.name, seed: String(seed) },
      // As compareProcesses does, from the runs in replication-major order.
      collect: (runs) => aggregate(scenario.name, String(seed), PROCESS_KEYS, count, runs),
      finishedNotice: `${count} replications finished.`,
      nameFailed: nameFailedReplication,
    });
    return true;
  }
}
