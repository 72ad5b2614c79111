/**
 * Replications on worker threads. Each job is one run (scenario, process, seed); results come
 * back in job order whatever the finishing order, so the figures are identical to a
 * single-threaded run for the same seeds (test/parallel.test.ts).
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { runScenario, type ReplicationJob, type RunSummary } from '../core/run';

export type { ReplicationJob };

export function defaultWorkers(): number {
  return Math.max(1, availableParallelism());
}

export async function runJobs(jobs: readonly ReplicationJob[], workers: number, onProgress?: (done: number, total: number) => void): Promise<RunSummary[]> {
  const results: RunSummary[] = new Array(jobs.length);
  let done = 0;
  if (workers <= 1 || jobs.length <= 1) {
    jobs.forEach((job, i) => {
      results[i] = runScenario(job.scenario, { process: job.process, seed: job.seed, days: job.days, trace: false }).summary;
      onProgress?.(++done, jobs.length);
    });
    return results;
  }
  const pool = Array.from({ length: Math.min(workers, jobs.length) }, () => new Worker(new URL('./worker-entry.mjs', import.meta.url)));
  let next = 0;
  try {
    await Promise.all(
      pool.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const give = () => {
              if (next >= jobs.length) return resolve();
              const index = next++;
              worker.postMessage({ ...jobs[index], index });
            };
            worker.on('message', (m: { index: number; summary?: RunSummary; error?: string }) => {
              if (m.error !== undefined) return reject(new Error(`replication ${m.index}: ${m.error}`));
              results[m.index] = m.summary!;
              onProgress?.(++done, jobs.length);
              give();
            });
            worker.on('error', reject);
            give();
          }),
      ),
    );
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
  return results;
}
