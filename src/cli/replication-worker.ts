/**
 * A worker thread that runs replications sent by src/cli/parallel.ts (bundled there into one
 * script) and posts their figures: a message is one replication's runs, which share contacts.
 */
import { parentPort } from 'node:worker_threads';
import { runReplicationJobs, type ReplicationJob } from '../core/run';

parentPort!.on('message', (m: { first: number; jobs: ReplicationJob[] }) => {
  try {
    parentPort!.postMessage({ first: m.first, summaries: runReplicationJobs(m.jobs) });
  } catch (e) {
    parentPort!.postMessage({ first: m.first, error: (e as Error).message });
  }
});
parentPort!.postMessage({ ready: true });
