// A stand-in for the simulation worker that answers only when a test tells it to, so a test
// can choose the order answers come in, answer after the worker was ended, or make it fail.
import type { RunSummary } from '../../../../src/core/run';
import type { Scenario } from '../../../../src/core/scenario';
import type { PoolJob } from '../../../../src/ui/replay/store/workerPool';
import type { WorkerRequest, WorkerResponse } from '../../../../src/ui/workerProtocol';

export class ScriptedWorker {
  onmessage: ((e: MessageEvent<WorkerResponse>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  posted: WorkerRequest[] = [];
  terminated = false;

  postMessage(msg: WorkerRequest): void {
    this.posted.push(msg);
  }

  terminate(): void {
    this.terminated = true;
  }

  /** The request it is working on (the last one posted). */
  get request(): Extract<WorkerRequest, { type: 'summaries' }> {
    const req = this.posted.at(-1);
    if (req?.type !== 'summaries') throw new Error('no summaries request posted');
    return req;
  }

  /** Answer the last request as the real worker would, each summary tagged "replication/process". */
  finish(): void {
    const req = this.request;
    const summaries = req.processes.map((p) => tagged(`${req.replication}/${p}`));
    this.onmessage?.({ data: { type: 'summaries', id: req.id, replication: req.replication, summaries } } as MessageEvent<WorkerResponse>);
  }

  /** Answer with the worker's error message (a run threw). */
  reportError(message: string): void {
    this.onmessage?.({ data: { type: 'error', id: this.request.id, message } } as MessageEvent<WorkerResponse>);
  }

  /** The worker itself failed (its script, say): returns whether the page's default was prevented. */
  crash(message: string): boolean {
    let prevented = false;
    const event = {
      message,
      preventDefault: () => {
        prevented = true;
      },
    };
    this.onerror?.(event as unknown as ErrorEvent);
    return prevented;
  }
}

/** A factory of scripted workers, keeping each one it made. */
export function scriptedWorkers(): { made: ScriptedWorker[]; make: () => Worker } {
  const made: ScriptedWorker[] = [];
  return {
    made,
    make: () => {
      const w = new ScriptedWorker();
      made.push(w);
      return w as unknown as Worker;
    },
  };
}

/** A run's figures standing in for the real ones: only its tag is read. */
export function tagged(tag: string): RunSummary {
  return { tag } as unknown as RunSummary;
}

export const tagOf = (s: RunSummary): string => (s as unknown as { tag: string }).tag;

/** Replication r of both processes, then r + 1, on one scenario (the pool compares it by identity). */
export function pairedJobs(replications: number, scenario = { name: 'test' } as unknown as Scenario): PoolJob[] {
  const jobs: PoolJob[] = [];
  for (let r = 0; r < replications; r++) for (const process of ['2013', '2015'] as const) jobs.push({ scenario, process, seed: 7, replication: r });
  return jobs;
}
