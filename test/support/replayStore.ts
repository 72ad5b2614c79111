/**
 * The replay page's store (src/ui/replay/store) in Node: its worker replaced by the same handler
 * run in-process, answering each message a moment later, like the real one.
 */
import { handleRequest } from '../../src/ui/simHandler';
import { ReplayStore, type ReplayState } from '../../src/ui/replay/store';
import type { WorkerRequest, WorkerResponse } from '../../src/ui/workerProtocol';

/** A stand-in for a Worker that runs the worker's handler in-process. */
export class InProcessWorker {
  onmessage: ((e: MessageEvent<WorkerResponse>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  terminated = false;
  postMessage(msg: WorkerRequest) {
    setTimeout(() => {
      if (this.terminated) return;
      handleRequest(msg, (m) => {
        if (!this.terminated) this.onmessage?.({ data: m } as MessageEvent<WorkerResponse>);
      });
    }, 0);
  }
  terminate() {
    this.terminated = true;
  }
}

export const makeStore = () => new ReplayStore(() => new InProcessWorker() as unknown as Worker);

/** Resolves when the store's state satisfies `pred` (checked now and at every change). */
export function until(store: ReplayStore, pred: (s: ReplayState) => boolean, ms = 60_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timed out')), ms);
    const check = () => {
      if (pred(store.getState())) {
        clearTimeout(timer);
        unsub();
        resolve();
      }
    };
    const unsub = store.subscribe(check);
    check();
  });
}
