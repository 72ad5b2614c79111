/**
 * How the page starts its web workers: the simulation (sim.worker.ts), the lab's process check (lab/check.worker.ts) and the chart layout
 * (ELK's own worker script). This file serves a site (`npm run build`): each worker is a file
 * beside the page, fetched from the same place, so it works under any sub-path.
 *
 * The single-file build (`npm run build:single`) swaps this module for workers.inline.ts (see
 * vite.config.ts), which carries both workers inside the page, for a page opened from a folder.
 * Both files export the same names with the same types.
 */
import CheckWorker from './lab/check.worker?worker';
import SimulationWorker from './sim.worker?worker';
import elkWorkerUrl from 'elkjs/lib/elk-worker.min.js?url';

/** A new simulation worker (a module worker speaking workerProtocol.ts). */
export function simulationWorker(): Worker {
  return new SimulationWorker({ name: 'simulation' });
}

/** A new ELK layout worker (a classic worker, as elkjs ships it). */
export function elkWorker(): Worker {
  return new Worker(elkWorkerUrl, { name: 'chart layout' });
}

/** A new process-check worker for the lab (lab/check.worker.ts, speaking lab/checkProtocol.ts). */
export function checkWorker(): Worker {
  return new CheckWorker({ name: 'process check' });
}
