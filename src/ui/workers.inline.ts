/**
 * The workers of the single-file build (`npm run build:single`): the same three as workers.ts,
 * carried inside the page and started from blob: URLs, so that the one HTML file works when it
 * is opened from a folder or an e-mail attachment (file://), where the page cannot fetch a
 * worker script beside it. vite.config.ts puts this module in place of workers.ts in that build;
 * the Content-Security-Policy of that build allows `worker-src blob:` for them.
 */
import CheckWorker from './lab/check.worker?worker&inline';
import SimulationWorker from './sim.worker?worker&inline';
import elkWorkerSource from 'elkjs/lib/elk-worker.min.js?raw';

/** A new simulation worker, from the bundled worker code Vite inlined. */
export function simulationWorker(): Worker {
  return new SimulationWorker({ name: 'simulation' });
}

let elkUrl: string | undefined;

/** A new ELK layout worker, from ELK's worker script kept as text in the page. */
export function elkWorker(): Worker {
  elkUrl ??= URL.createObjectURL(new Blob([elkWorkerSource], { type: 'text/javascript' }));
  return new Worker(elkUrl, { name: 'chart layout' });
}

/** A new process-check worker for the lab (lab/check.worker.ts, speaking lab/checkProtocol.ts). */
export function checkWorker(): Worker {
  return new CheckWorker({ name: 'process check' });
}
