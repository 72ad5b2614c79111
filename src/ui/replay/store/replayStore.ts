/**
 * The replay page's state and actions, outside React (components read it with
 * useSyncExternalStore, ../shared/STYLE.md "UI"). It owns the web workers: the two full runs
 * for replay (one worker per process, in parallel) and the pool that runs replications. Nothing
 * here simulates on the page's thread; scrubbing only reads the finished traces.
 */
import type { Instant } from '../../../core/calendar';
import type { TraceRecord } from '../../../core/engine';
import { byCase } from '../../../core/metrics';
import type { ProcessReplay } from '../../../core/replay';
import { ScenarioError, type Scenario } from '../../../core/scenario';
import { nextEventAfter, previousEventBefore, type StateInfo } from '../../../core/timeline';
import { DEFAULT_SCENARIO, shipped } from '../../scenarios';
import { viewsOf } from '../selectors';
import { unpackTrace } from '../../traceCodec';
import type { WorkerRequest, WorkerResponse } from '../../workerProtocol';
import { DEFAULT_SPEED, SPEEDS, encodeLink, type LinkState, type SpeedKey } from '../permalink';
import { applyForm, applyPatch, formFromScenario, parseSeedText, validateForBoth, type FormValues, type Issue } from '../scenarioForm';
import type { SweepInput } from '../sweepForm';
import type { BatchServices } from './batch';
import { PROCESS_KEYS, type ProcessKey } from './processKeys';
import { ReplicationBatch, idleReplications, type RepsState } from './replicationBatch';
import { IDLE_SWEEP, SweepBatch, type SweepState } from './sweepBatch';
import { defaultPoolSize, type WorkerFactory } from './workerPool';

export { PROCESS_KEYS, type ProcessKey } from './processKeys';

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
  | { status: 'error'; message: string };

export interface RunState {
  id: number;
  scenario: Scenario;
  seed: string | number;
  processes: Record<ProcessKey, ProcessRun>;
  status: 'running' | 'ready' | 'error';
  startedAt: number;
  /** Wall-clock time from asking for the runs to having both, in ms. */
  elapsedMs: number | null;
  start: Instant;
  end: Instant;
}

export type Source = { kind: 'shipped'; key: string } | { kind: 'file'; name: string };

export type { RepsState } from './replicationBatch';
export type { SweepState } from './sweepBatch';
export type { PoolJob, WorkerFactory } from './workerPool';
export { defaultReplications } from './replicationBatch';
export { defaultPoolSize } from './workerPool';

export interface ReplayState {
  source: Source;
  loadedFile: { name: string; data: Record<string, unknown>; scenario: Scenario } | null;
  fileError: { name: string; issues: Issue[] } | null;
  form: FormValues;
  formErrors: Record<string, string>;
  formOther: Issue[];
  seedText: string;
  seedError: string | null;
  applied: { scenario: Scenario; seed: string | number; patch: Record<string, number> } | null;
  run: RunState | null;
  t: Instant;
  playing: boolean;
  speed: SpeedKey;
  selectedCase: string | null;
  selectedState: { process: ProcessKey; state: string } | null;
  reps: RepsState;
  sweep: SweepState;
  /** Short status for the live region: "Link copied", "Both runs finished". */
  notice: string;
}

const defaultWorker: WorkerFactory = () => new Worker(new URL('../../sim.worker.ts', import.meta.url), { type: 'module' });

export class ReplayStore {
  private state: ReplayState;
  private listeners = new Set<() => void>();
  private replayWorkers: Worker[] = [];
  private readonly reps: ReplicationBatch;
  private readonly sweep: SweepBatch;
  private runSeq = 0;
  private pendingT: number | undefined;
  private raf = 0;
  private lastFrame = 0;
  private started = false;
  private urlTimer: ReturnType<typeof setTimeout> | undefined;
  /** The last query this store wrote into the address bar. */
  lastQuery = '';

  constructor(private readonly makeWorker: WorkerFactory = defaultWorker) {
    const base = shipped(DEFAULT_SCENARIO)!;
    this.state = {
      source: { kind: 'shipped', key: base.key },
      loadedFile: null,
      fileError: null,
      form: formFromScenario(base.scenario),
      formErrors: {},
      formOther: [],
      seedText: String(base.scenario.seed),
      seedError: null,
      applied: null,
      run: null,
      t: 0,
      playing: false,
      speed: DEFAULT_SPEED,
      selectedCase: null,
      selectedState: null,
      reps: idleReplications(base.scenario),
      sweep: IDLE_SWEEP,
      notice: '',
    };
    const services: BatchServices = { makeWorker, nextRunId: () => ++this.runSeq, announce: (notice) => this.announce(notice) };
    this.reps = new ReplicationBatch({ get: () => this.state.reps, set: (patch) => this.setReps(patch) }, services);
    this.sweep = new SweepBatch({ get: () => this.state.sweep, set: (patch) => this.setSweep(patch) }, services);
  }

  // --- store plumbing ------------------------------------------------------------------------

  getState = (): ReplayState => this.state;

  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };

  private set(patch: Partial<ReplayState>): void {
    this.state = { ...this.state, ...patch };
    for (const fn of this.listeners) fn();
    this.scheduleUrl();
  }

  private setReps(patch: Partial<RepsState>): void {
    this.set({ reps: { ...this.state.reps, ...patch } });
  }

  private setSweep(patch: Partial<SweepState>): void {
    this.set({ sweep: { ...this.state.sweep, ...patch } });
  }

  announce(notice: string): void {
    this.set({ notice });
  }

  private stopFrames(): void {
    if (this.raf) cancelAnimationFrame(this.raf);
    this.raf = 0;
  }

  dispose(): void {
    this.stopFrames();
    clearTimeout(this.urlTimer);
    for (const w of this.replayWorkers) w.terminate();
    this.replayWorkers = [];
    this.reps.dispose();
    this.sweep.dispose();
  }

  // --- scenario and seed ---------------------------------------------------------------------

  /** The scenario as written (its JSON) and parsed, for the current source. */
  base(): { input: Record<string, unknown>; scenario: Scenario } {
    const s = this.state.source;
    if (s.kind === 'file' && this.state.loadedFile) return { input: this.state.loadedFile.data, scenario: this.state.loadedFile.scenario };
    const key = s.kind === 'shipped' ? s.key : DEFAULT_SCENARIO;
    const found = shipped(key) ?? shipped(DEFAULT_SCENARIO)!;
    return { input: found.input, scenario: found.scenario };
  }

  /** Start the first run once (the page may open on another route first). */
  start(link?: Partial<LinkState>): void {
    if (this.started) return;
    this.started = true;
    if (link && Object.keys(link).length) this.applyLink(link);
    else this.runApplied(this.base().scenario, this.state.seedText, {});
  }

  selectScenario(key: string): void {
    if (key === 'file') {
      if (!this.state.loadedFile) return;
      const f = this.state.loadedFile;
      this.set({ source: { kind: 'file', name: f.name }, form: formFromScenario(f.scenario), formErrors: {}, formOther: [], seedText: String(f.scenario.seed), seedError: null, selectedCase: null, selectedState: null });
      this.resetRepsCount(f.scenario);
      this.runApplied(f.scenario, String(f.scenario.seed), {});
      return;
    }
    const found = shipped(key);
    if (!found) return;
    this.set({ source: { kind: 'shipped', key }, form: formFromScenario(found.scenario), formErrors: {}, formOther: [], seedText: String(found.scenario.seed), seedError: null, selectedCase: null, selectedState: null });
    this.resetRepsCount(found.scenario);
    this.runApplied(found.scenario, String(found.scenario.seed), {});
  }

  private resetRepsCount(s: Scenario): void {
    this.reps.suggestCountFor(s);
  }

  setField(key: string, value: string): void {
    this.set({ form: { ...this.state.form, [key]: value } });
  }

  /** Validate the form; run if it is valid, otherwise show each problem at its field. */
  submitForm(): boolean {
    const { input, scenario } = this.base();
    const result = applyForm(input, scenario, this.state.form);
    const seed = parseSeedText(this.state.seedText);
    this.set({ formErrors: result.errors, formOther: result.other, seedError: seed.error });
    if (!result.scenario || seed.error !== null) return false;
    this.runApplied(result.scenario, this.state.seedText, result.patch);
    return true;
  }

  resetForm(): void {
    const { scenario } = this.base();
    this.set({ form: formFromScenario(scenario), formErrors: {}, formOther: [] });
  }

  setSeedText(text: string): void {
    this.set({ seedText: text });
  }

  /** Run again with the typed seed and the scenario as last applied. */
  submitSeed(): boolean {
    const seed = parseSeedText(this.state.seedText);
    this.set({ seedError: seed.error });
    if (seed.error !== null || !this.state.applied) return false;
    this.runApplied(this.state.applied.scenario, this.state.seedText, this.state.applied.patch);
    return true;
  }

  /** Draw a new seed (the page may use Math.random; the core may not) and run. */
  newSeed(draw: () => number = Math.random): void {
    const seed = String(1 + Math.floor(draw() * 999_999));
    this.set({ seedText: seed, seedError: null });
    this.submitSeed();
  }

  /** A scenario file: on any problem, show it and change nothing else. */
  loadFile(name: string, text: string): boolean {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (e) {
      this.set({ fileError: { name, issues: [{ field: '(file)', rule: `is not valid JSON: ${(e as Error).message}` }] } });
      return false;
    }
    let scenario: Scenario;
    try {
      scenario = validateForBoth(data);
    } catch (e) {
      if (!(e instanceof ScenarioError)) throw e;
      this.set({ fileError: { name, issues: e.issues } });
      return false;
    }
    this.set({
      fileError: null,
      loadedFile: { name, data: data as Record<string, unknown>, scenario },
      source: { kind: 'file', name },
      form: formFromScenario(scenario),
      formErrors: {},
      formOther: [],
      seedText: String(scenario.seed),
      seedError: null,
      selectedCase: null,
      selectedState: null,
    });
    this.resetRepsCount(scenario);
    this.runApplied(scenario, String(scenario.seed), {});
    return true;
  }

  dismissFileError(): void {
    this.set({ fileError: null });
  }

  /** Restore a link's view (on load, or when someone pastes a link into this tab). */
  applyLink(link: Partial<LinkState>): void {
    let source: Source = { kind: 'shipped', key: DEFAULT_SCENARIO };
    let loadedFile = this.state.loadedFile;
    let notice = '';
    if (link.scenario === 'file' && link.file) {
      try {
        const scenario = validateForBoth(link.file.data);
        loadedFile = { name: link.file.name, data: link.file.data as Record<string, unknown>, scenario };
        source = { kind: 'file', name: link.file.name };
      } catch {
        notice = 'The scenario in the link could not be read, so the June 2013 scenario is shown.';
      }
    } else if (link.scenario && shipped(link.scenario)) {
      source = { kind: 'shipped', key: link.scenario };
    } else if (link.scenario) {
      notice = `There is no scenario called \u201c${link.scenario}\u201d, so the June 2013 scenario is shown.`;
    }
    this.state = { ...this.state, source, loadedFile };
    const base = this.base();
    let scenario = base.scenario;
    let patch: Record<string, number> = {};
    if (link.patch && Object.keys(link.patch).length) {
      const r = applyPatch(base.input, link.patch);
      if (r.scenario) {
        scenario = r.scenario;
        patch = r.patch;
      } else notice = 'The changes in the link are not valid, so the scenario is shown as shipped.';
    }
    const seedText = link.seed !== undefined && parseSeedText(link.seed).error === null ? link.seed : String(scenario.seed);
    this.pendingT = link.t;
    this.set({
      form: formFromScenario(scenario),
      formErrors: {},
      formOther: [],
      seedText,
      seedError: null,
      speed: link.speed ?? this.state.speed,
      selectedCase: link.caseId ?? null,
      selectedState: link.state && (link.state.process === '2013' || link.state.process === '2015') ? { process: link.state.process, state: link.state.state } : null,
      notice,
    });
    this.resetRepsCount(scenario);
    this.runApplied(scenario, seedText, patch, true);
  }

  // --- the two runs --------------------------------------------------------------------------

  private runApplied(scenario: Scenario, seedText: string, patch: Record<string, number>, keepSelection = false): void {
    const parsed = parseSeedText(seedText);
    const seed = parsed.seed ?? scenario.seed;
    this.pause();
    for (const w of this.replayWorkers) w.terminate();
    this.replayWorkers = [];
    const id = ++this.runSeq;
    const processes = { '2013': { status: 'running', progress: 0 }, '2015': { status: 'running', progress: 0 } } as Record<ProcessKey, ProcessRun>;
    const run: RunState = { id, scenario, seed, processes, status: 'running', startedAt: performance.now(), elapsedMs: null, start: 0, end: 0 };
    this.set({
      applied: { scenario, seed, patch },
      run,
      ...(keepSelection ? {} : { selectedCase: null, selectedState: null }),
    });
    for (const p of PROCESS_KEYS) {
      const w = this.makeWorker();
      this.replayWorkers.push(w);
      w.onmessage = (e: MessageEvent<WorkerResponse>) => this.onReplayMessage(id, p, e.data);
      w.onerror = (e) => {
        e.preventDefault();
        this.updateProcess(id, p, { status: 'error', message: e.message || 'The simulation could not start.' });
      };
      const msg: WorkerRequest = { type: 'replay', id, scenario, process: p, seed };
      w.postMessage(msg);
    }
  }

  private onReplayMessage(id: number, p: ProcessKey, m: WorkerResponse): void {
    if (this.state.run?.id !== id) return;
    if (m.type === 'progress') this.updateProcess(id, p, { status: 'running', progress: m.fraction });
    else if (m.type === 'replay') this.updateProcess(id, p, { status: 'ready', view: toView({ ...m.result, trace: unpackTrace(m.trace) }), elapsedMs: m.elapsedMs });
    else if (m.type === 'error') this.updateProcess(id, p, { status: 'error', message: m.issues ? m.issues.map((i) => `${i.field}: ${i.rule}`).join('; ') : m.message });
  }

  private updateProcess(id: number, p: ProcessKey, pr: ProcessRun): void {
    const run = this.state.run;
    if (!run || run.id !== id) return;
    const processes = { ...run.processes, [p]: pr };
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
      }
      for (const w of this.replayWorkers) w.terminate();
      this.replayWorkers = [];
    }
    this.set({ ...patch, run: next });
  }

  /** The finished views, or null while running. */
  views(): Record<ProcessKey, ProcessView | null> | null {
    return viewsOf(this.state.run);
  }

  // --- the clock -----------------------------------------------------------------------------

  private bounds(): { start: Instant; end: Instant } | null {
    const run = this.state.run;
    return run && run.status === 'ready' ? { start: run.start, end: run.end } : null;
  }

  setT(t: Instant): void {
    const b = this.bounds();
    if (!b) return;
    this.set({ t: Math.min(b.end, Math.max(b.start, t)) });
  }

  play(): void {
    const b = this.bounds();
    if (!b || this.state.playing) return;
    if (this.state.t >= b.end) this.set({ t: b.start });
    this.set({ playing: true });
    this.lastFrame = performance.now();
    this.raf = requestAnimationFrame(this.frame);
  }

  pause(): void {
    this.stopFrames();
    if (this.state.playing) this.set({ playing: false });
  }

  togglePlay(): void {
    if (this.state.playing) this.pause();
    else this.play();
  }

  private frame = (now: number): void => {
    const b = this.bounds();
    if (!b || !this.state.playing) return;
    const dt = Math.min(250, Math.max(0, now - this.lastFrame));
    this.lastFrame = now;
    const rate = SPEEDS.find((s) => s.key === this.state.speed)!.msPerSecond;
    const t = this.state.t + (dt / 1000) * rate;
    if (t >= b.end) {
      this.set({ t: b.end, playing: false });
      return;
    }
    this.set({ t });
    this.raf = requestAnimationFrame(this.frame);
  };

  setSpeed(speed: SpeedKey): void {
    this.set({ speed });
  }

  /** Move to the next event in either process. */
  stepForward(): void {
    const views = this.views();
    if (!views) return;
    this.pause();
    const times = PROCESS_KEYS.map((k) => (views[k] ? nextEventAfter(views[k]!.replay.timeline, this.state.t) : null)).filter((x): x is number => x !== null);
    if (times.length) this.setT(Math.min(...times));
  }

  /** Move to the previous event in either process. */
  stepBack(): void {
    const views = this.views();
    if (!views) return;
    this.pause();
    const times = PROCESS_KEYS.map((k) => (views[k] ? previousEventBefore(views[k]!.replay.timeline, this.state.t) : null)).filter((x): x is number => x !== null);
    if (times.length) this.setT(Math.max(...times));
  }

  // --- selection -----------------------------------------------------------------------------

  selectCase(id: string | null): void {
    this.set({ selectedCase: id });
  }

  selectState(sel: { process: ProcessKey; state: string } | null): void {
    const cur = this.state.selectedState;
    if (sel && cur && cur.process === sel.process && cur.state === sel.state) this.set({ selectedState: null });
    else this.set({ selectedState: sel });
  }

  // --- replications --------------------------------------------------------------------------

  setRepsText(text: string): void {
    this.reps.setCountText(text);
  }

  startReps(poolSize = defaultPoolSize()): boolean {
    return this.reps.start(this.state.applied, poolSize);
  }

  cancelReps(quiet = false): void {
    this.reps.cancel(quiet);
  }

  // --- capacity sweep ------------------------------------------------------------------------

  setSweepInput(key: SweepInput, value: string): void {
    this.sweep.setInput(key, value);
  }

  setSweepMetric(metric: string): void {
    this.sweep.setMetric(metric);
  }

  startSweep(poolSize = defaultPoolSize()): boolean {
    return this.sweep.start(this.state.applied, poolSize);
  }

  cancelSweep(quiet = false): void {
    this.sweep.cancel(quiet);
  }

  // --- the address bar -----------------------------------------------------------------------

  /** The link to this view. */
  link(): LinkState {
    const s = this.state;
    const run = s.run;
    const out: LinkState = { scenario: s.source.kind === 'shipped' ? s.source.key : 'file' };
    if (s.source.kind === 'file' && s.loadedFile) out.file = { name: s.loadedFile.name, data: s.loadedFile.data };
    if (s.applied) {
      if (Object.keys(s.applied.patch).length) out.patch = s.applied.patch;
      out.seed = String(s.applied.seed);
    }
    if (run && run.status === 'ready') out.t = Math.round(s.t);
    else if (this.pendingT !== undefined) out.t = this.pendingT;
    if (s.selectedCase) out.caseId = s.selectedCase;
    if (s.selectedState) out.state = s.selectedState;
    out.speed = s.speed;
    return out;
  }

  query(): string {
    return encodeLink(this.link());
  }

  /** Keep the address bar in step (a few times a second at most while playing). */
  private scheduleUrl(): void {
    if (!this.started || typeof window === 'undefined' || this.urlTimer !== undefined) return;
    this.urlTimer = setTimeout(() => {
      this.urlTimer = undefined;
      this.writeUrl();
    }, this.state.playing ? 500 : 80);
  }

  writeUrl(): void {
    if (typeof window === 'undefined') return;
    const route = window.location.hash.replace(/^#/, '').split('?')[0];
    if (route !== '' && route !== '/' && route !== '/replay') return; // another view is showing
    const q = this.query();
    if (q === this.lastQuery && window.location.hash.includes('?')) return;
    this.lastQuery = q;
    window.history.replaceState(null, '', `#/replay?${q}`);
  }
}

function toView(replay: ProcessReplay): ProcessView {
  return {
    replay,
    recordsByCase: byCase(replay.trace),
    indexOfCase: new Map(replay.contacts.map((c, i) => [c.id, i])),
    stateByName: new Map(replay.states.map((s) => [s.name, s])),
  };
}
