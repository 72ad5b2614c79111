/**
 * What the simulation worker does with one request, apart from the worker itself so it can be
 * tested in Node. It calls the same core functions as the command line (src/core/run.ts,
 * src/core/replay.ts) and posts plain data back.
 */
import { replayProcess } from '../core/replay';
import { replicationSeed, runReplicationJobs } from '../core/run';
import { ScenarioError } from '../core/scenario';
import { packTrace, transferables } from './traceCodec';
import type { WorkerRequest, WorkerResponse } from './workerProtocol';

export function handleRequest(msg: WorkerRequest, post: (m: WorkerResponse, transfer?: Transferable[]) => void, now: () => number = () => performance.now()): void {
  try {
    if (msg.type === 'replay') {
      const t0 = now();
      const result = replayProcess(msg.scenario, {
        process: msg.process,
        seed: msg.seed,
        onProgress: (fraction) => post({ type: 'progress', id: msg.id, fraction }),
      });
      const trace = packTrace(result.trace);
      post({ type: 'replay', id: msg.id, result: { ...result, trace: [] }, trace, elapsedMs: Math.round(now() - t0) }, transferables(trace));
    } else if (msg.type === 'summaries') {
      // As compareProcesses does: replication r runs with seed replicationSeed(seed, r), and the
      // processes of one replication share their contacts.
      const seed = replicationSeed(msg.seed, msg.replication);
      const summaries = runReplicationJobs(msg.processes.map((process) => ({ scenario: msg.scenario, process, seed })));
      post({ type: 'summaries', id: msg.id, replication: msg.replication, summaries });
    }
  } catch (err) {
    if (err instanceof ScenarioError) post({ type: 'error', id: msg.id, message: err.message, issues: err.issues });
    else post({ type: 'error', id: msg.id, message: (err as Error)?.message ?? String(err) });
  }
}
