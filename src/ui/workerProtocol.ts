/** Messages between the page and the simulation worker (sim.worker.ts). */
import type { ProcessName } from '../core/processes';
import type { ProcessReplay } from '../core/replay';
import type { ProcessChoice, RunSummary } from '../core/run';
import type { Scenario } from '../core/scenario';
import type { PackedTrace } from './traceCodec';

export type WorkerRequest =
  /** Run one process in full for replay: a shipped one, or a process file (the lab's variant). */
  | { type: 'replay'; id: number; scenario: Scenario; process: ProcessChoice; seed: string | number }
  /** Run one replication of some processes (sharing their contacts) and return their figures only. */
  | { type: 'summaries'; id: number; scenario: Scenario; processes: ProcessName[]; seed: string | number; replication: number };

export type WorkerResponse =
  | { type: 'progress'; id: number; fraction: number }
  /** The trace travels packed in columns (traceCodec.ts); `result.trace` is empty. */
  | { type: 'replay'; id: number; result: ProcessReplay; trace: PackedTrace; elapsedMs: number }
  /** One figure set per process asked for, in the order asked. */
  | { type: 'summaries'; id: number; replication: number; summaries: RunSummary[] }
  | { type: 'error'; id: number; message: string; issues?: { field: string; rule: string }[] };
