/**
 * Replications on worker threads. Each job is one run (scenario, process, seed); consecutive
 * jobs of one replication (same scenario, seed and period) travel together so the worker
 * generates their contacts once (core/run.ts `runReplicationJobs`). Results come back in job
 * order whatever the finishing order, so the figures are identical to a single-threaded run for
 * the same seeds (test/cli/parallel.test.ts).
 *
 * The worker is bundled with esbuild into one script the first time it is needed (0.1-0.3 s,
 * about 1 MB) and started from that text: two threads are ready in about 0.5 s, where loading
 * them through tsx took about 2 s.
 */
import { buildSync } from 'esbuild';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { consecutiveGroups, runReplicationJobs, sameReplication, type ReplicationJob, type RunSummary } from '../core/run';

export type { ReplicationJob };

export function defaultWorkers(): number {
  return Math.max(1, availableParallelism());
}

let workerScript: string | undefined;

/** The replication worker (replication-worker.ts and what it imports) as one CommonJS script. */
function bundledWorker(): string {
  if (workerScript === undefined) {
    const entry = fileURLToPath(new URL('./replication-worker.ts', import.meta.url));
    const out = buildSync({ entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', target: 'node20', write: false, logLevel: 'silent' });
    workerScript = out.outputFiles[0].text;
  }
  return workerScript;
}

export interface RunJobsOptions {
  onProgress?: (done: number, total: number) => void;
  /** Called once every worker thread has loaded, with the milliseconds that took. */
  onReady?: (ms: number) => void;
}

export async function runJobs(jobs: readonly ReplicationJob[], workers: number, { onProgress, onReady }: RunJobsOptions = {}): Promise<RunSummary[]> {
  if (workers <= 1 || jobs.length <= 1) {
    onReady?.(0);
    return runReplicationJobs(jobs, onProgress);
  }
  const results: RunSummary[] = new Array(jobs.length);
  const work = consecutiveGroups(jobs, sameReplication);
  const t0 = performance.now();
  const script = bundledWorker();
  const pool = Array.from({ length: Math.min(workers, work.length) }, () => new Worker(script, { eval: true }));
  let next = 0;
  let done = 0;
  let ready = 0;
  try {
    await Promise.all(
      pool.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const give = () => {
              if (next >= work.length) return resolve();
              const [first, count] = work[next++];
              worker.postMessage({ first, jobs: jobs.slice(first, first + count) });
            };
            worker.on('message', (m: { ready?: true; first: number; summaries?: RunSummary[]; error?: string }) => {
              if (m.ready) {
                if (++ready === pool.length) onReady?.(performance.now() - t0);
                return give();
              }
              if (m.error !== undefined) return reject(new Error(`replication ${m.first}: ${m.error}`));
              m.summaries!.forEach((s, k) => (results[m.first + k] = s));
              done += m.summaries!.length;
              onProgress?.(done, jobs.length);
              give();
            });
            worker.on('error', reject);
          }),
      ),
    );
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
  return results;
}
