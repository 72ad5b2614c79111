/** A worker thread that runs replications sent by src/cli/parallel.ts and posts their summaries. */
import { parentPort } from 'node:worker_threads';
import { runScenario } from '../core/run';
import type { ReplicationJob } from './parallel';

parentPort!.on('message', (job: ReplicationJob & { index: number }) => {
  try {
    const { summary } = runScenario(job.scenario, { process: job.process, seed: job.seed, days: job.days, trace: false });
    parentPort!.postMessage({ index: job.index, summary });
  } catch (e) {
    parentPort!.postMessage({ index: job.index, error: (e as Error).message });
  }
});
