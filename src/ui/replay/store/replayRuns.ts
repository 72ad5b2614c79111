/**
 * The two full runs the page replays: one worker per process, in parallel, each sending its
 * progress and then its whole trace (packed in columns, traceCodec.ts). When both have answered,
 * the clock's period is theirs, and the clock goes to the moment a link asked for, if any.
 */
import type { Instant } from '../../../core/calendar';
import type { TraceRecord } from '../../../core/engine';
import { byCase } from '../../../core/metrics';
import type { ProcessReplay } from '../../../core/replay';
import type { Scenario } from '../../../core/scenario';
import type { StateInfo } from '../../../core/timeline';
import { unpackTrace } from '../../traceCodec';
import type { WorkerRequest, WorkerResponse } from '../../workerProtocol';
import { parseSeedText } from '../scenarioForm';
import type { Playback } from './playback';
import { PROCESS_KEYS, sideProcess, type ProcessKey } from './processKeys';
import type { ReplayState, StateCell, StoreServices } from './state';

/** One finished run, with look-ups the page needs. */
export interface ProcessView {
  replay: ProcessReplay;
  recordsByCase: Map<string, TraceRecord[]>;
  indexOfCase: Map<string, number>;
  stateByName: Map<string, StateInfo>;
}

export type ProcessRun =
  | { status: 'running'; progress: number }
  | { status: 'ready'; view: ProcessView; elapsedMs: number }
  | { status: 'error'; message: string }
  | { status: 'cancelled' };

export interface RunState {
  id: number;
  scenario: Scenario;
  seed: string | number;
  processes: Record<ProcessKey, ProcessRun>;
  status: 'running' | 'ready' | 'error' | 'cancelled';
  startedAt: number;
  /** Wall-clock time from asking for the runs to having both, in ms. */
  elapsedMs: number | null;
  start: Instant;
  end: Instant;
}

function toView(replay: ProcessReplay): ProcessView {
  return {
    replay,
    recordsByCase: byCase(replay.trace),
    indexOfCase: new Map(replay.contacts.map((c, i) => [c.id, i])),
    stateByName: new Map(replay.states.map((s) => [s.name, s])),
  };
}

/** What the worker's answer means for one process's run (null: nothing to show yet). */
function processRunFrom(m: WorkerResponse): ProcessRun | null {
  if (m.type === 'progress') return { status: 'running', progress: m.fraction };
  if (m.type === 'replay') return { status: 'ready', view: toView({ ...m.result, trace: unpackTrace(m.trace) }), elapsedMs: m.elapsedMs };
  if (m.type === 'error') return { status: 'error', message: m.issues ? m.issues.map((i) => `${i.field}: ${i.rule}`).join('; ') : m.message };
  return null;
}

export class ReplayRuns {
  private workers: Worker[] = [];
  /** The last run both processes finished, with what was applied for it: what Cancel goes back to. */
  private lastReady: { run: RunState; applied: ReplayState['applied'] } | null = null;
  /** The moment a link asked for, kept until the runs are ready to show it. */
  pendingT: Instant | undefined;

  constructor(
    private readonly cell: StateCell,
    private readonly services: Pick<StoreServices, 'makeWorker' | 'nextRunId'>,
    private readonly playback: Playback,
  ) {}

  /** Run `scenario` under both processes; `keepSelection` keeps the case and state picked (a link's). */
  start(scenario: Scenario, seedText: string, patch: Record<string, number>, keepSelection = false): void {
    const seed = parseSeedText(seedText).seed ?? scenario.seed;
    this.playback.pause();
    this.endWorkers();
    const id = this.services.nextRunId();
    const processes = { '2013': { status: 'running', progress: 0 }, '2015': { status: 'running', progress: 0 } } as Record<ProcessKey, ProcessRun>;
    const run: RunState = { id, scenario, seed, processes, status: 'running', startedAt: performance.now(), elapsedMs: null, start: 0, end: 0 };
    this.cell.set({
      applied: { scenario, seed, patch },
      run,
      ...(keepSelection ? {} : { selectedCase: null, selectedState: null }),
    });
    for (const p of PROCESS_KEYS) {
      const w = this.services.makeWorker();
      this.workers.push(w);
      w.onmessage = (e: MessageEvent<WorkerResponse>) => {
        const processRun = this.cell.get().run?.id === id ? processRunFrom(e.data) : null;
        if (processRun) this.update(id, p, processRun);
      };
      w.onerror = (e) => {
        e.preventDefault();
        this.update(id, p, { status: 'error', message: e.message || 'The simulation could not start.' });
      };
      const msg: WorkerRequest = { type: 'replay', id, scenario, process: sideProcess(this.cell.get().variant, p), seed };
      w.postMessage(msg);
    }
  }

  dispose(): void {
    this.endWorkers();
  }

  /**
   * Stop the runs under way. The last finished run comes back, with its scenario and seed, so
   * nothing shown before is lost; on a first run there is none, and the page says it was cancelled.
   */
  cancel(): void {
    const run = this.cell.get().run;
    if (!run || run.status !== 'running') return;
    this.endWorkers();
    if (this.lastReady) {
      this.cell.set({ run: this.lastReady.run, applied: this.lastReady.applied, notice: 'Run cancelled: the previous run is shown.' });
      return;
    }
    const processes = { '2013': { status: 'cancelled' }, '2015': { status: 'cancelled' } } as Record<ProcessKey, ProcessRun>;
    this.cell.set({ run: { ...run, processes, status: 'cancelled' }, notice: 'Run cancelled. Choose \u201cRun this seed\u201d to run it again.' });
  }

  /** Record one process's news; once neither is running, the run is ready (or failed). */
  private update(id: number, p: ProcessKey, processRun: ProcessRun): void {
    const run = this.cell.get().run;
    if (!run || run.id !== id) return;
    const processes = { ...run.processes, [p]: processRun };
    const all = PROCESS_KEYS.map((k) => processes[k]);
    let next: RunState = { ...run, processes };
    const patch: Partial<ReplayState> = {};
    if (all.every((x) => x.status !== 'running')) {
      const ready = all.find((x) => x.status === 'ready');
      next = { ...next, status: ready ? 'ready' : 'error', elapsedMs: Math.round(performance.now() - run.startedAt) };
      if (ready && ready.status === 'ready') {
        next.start = ready.view.replay.start;
        next.end = ready.view.replay.end;
        const want = this.pendingT ?? next.start;
        this.pendingT = undefined;
        patch.t = Math.min(next.end, Math.max(next.start, want));
        patch.notice = `Both processes have run: ${ready.view.replay.summary.contacts} contacts.`;
        this.lastReady = { run: next, applied: this.cell.get().applied };
      }
      this.endWorkers();
    }
    this.cell.set({ ...patch, run: next });
  }

  private endWorkers(): void {
    for (const w of this.workers) w.terminate();
    this.workers = [];
  }
}
