/**
 * The lab's check, outside React (components read it with useSyncExternalStore, as the replay
 * page's store): the form (runs and seed), one check at a time in its own web worker
 * (check.worker.ts), its progress, Cancel (the worker is ended), and the report.
 *
 * The numbers a designer types are bounded here and said in the form's hints:
 *  - runs: a whole number from 1 to LAB_MAX_RUNS (the command line takes up to 100,000; a page
 *    keeps to what finishes in a few minutes on a laptop);
 *  - seed: as everywhere (core/seed.ts: a whole number of at most 15 digits, or a word), turned
 *    into the 32-bit number fast-check takes as the command line does (seedAsInt32), so the same
 *    seed gives the same report in both;
 *  - days: the longest generated run, fixed at the command line's default of 20.
 */
import type { ProcessFile } from '../../core/processes';
import { SEED_RULE, readSeed, seedAsInt32 } from '../../core/seed';
import { shipped } from '../scenarios';
import type { CheckJson, CheckRequest, CheckResponse, CounterexampleRun } from './checkProtocol';

export const LAB_MAX_RUNS = 1_000;
export const LAB_DEFAULT_RUNS = 100;
export const LAB_DEFAULT_SEED = '1';
export const LAB_MAX_DAYS = 20;

export interface CheckForm {
  runs: string;
  seed: string;
}

export type CheckStatus =
  | { kind: 'idle' }
  | { kind: 'running'; phase: 'search' | 'shrink'; done: number; total: number }
  | { kind: 'done'; text: string; json: CheckJson; runs: CounterexampleRun[]; elapsedMs: number }
  | { kind: 'cancelled' }
  | { kind: 'error'; message: string };

export interface CheckState {
  form: CheckForm;
  errors: Partial<Record<keyof CheckForm, string>>;
  status: CheckStatus;
  /** The process file the status is about, so the panel can say when the process has changed since. */
  checked: ProcessFile | null;
}

/** The shipped scenario a process file is checked on: that of the process it was derived from, as check-process does. */
export function baseScenarioFor(file: ProcessFile): { key: string; scenarioFile: string } {
  const key = file.derivedFrom === '2013' ? 'kingston-2013' : 'kingston-2015';
  return { key, scenarioFile: `scenarios/${key}.json` };
}

/** How a report names a process: the file name a download of it gets. */
export function processLabel(file: ProcessFile): string {
  return `${file.id}.json`;
}

export function checkFormErrors(form: CheckForm): CheckState['errors'] {
  const errors: CheckState['errors'] = {};
  const runs = form.runs.trim();
  if (!/^\d+$/.test(runs) || Number(runs) < 1 || Number(runs) > LAB_MAX_RUNS) {
    errors.runs = `Runs must be a whole number from 1 to ${LAB_MAX_RUNS.toLocaleString('en-GB')}`;
  }
  const seed = readSeed(form.seed);
  if (seed.problem !== null) errors.seed = `Seed must be ${SEED_RULE}; ${seed.problem}`;
  return errors;
}

export type CheckWorkerFactory = () => Worker;

export class CheckStore {
  private state: CheckState = { form: { runs: String(LAB_DEFAULT_RUNS), seed: LAB_DEFAULT_SEED }, errors: {}, status: { kind: 'idle' }, checked: null };
  private listeners = new Set<() => void>();
  private worker: Worker | null = null;
  private seq = 0;

  constructor(private readonly makeWorker: CheckWorkerFactory) {}

  getState = (): CheckState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private set(patch: Partial<CheckState>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }

  setInput(key: keyof CheckForm, value: string): void {
    this.set({ form: { ...this.state.form, [key]: value } });
  }

  /** Start a check of `file`; false (with the errors set) when the form is wrong. */
  start(file: ProcessFile): boolean {
    const errors = checkFormErrors(this.state.form);
    this.set({ errors });
    if (Object.keys(errors).length) return false;
    const base = baseScenarioFor(file);
    const scenario = shipped(base.key)?.scenario;
    if (!scenario) {
      this.set({ status: { kind: 'error', message: `The page has no ${base.scenarioFile} to check the process on.` }, checked: file });
      return false;
    }
    this.endWorker();
    const id = ++this.seq;
    const seed = seedAsInt32(readSeed(this.state.form.seed).seed!);
    const runs = Number(this.state.form.runs.trim());
    const started = performance.now();
    const w = this.makeWorker();
    this.worker = w;
    this.set({ status: { kind: 'running', phase: 'search', done: 0, total: runs }, checked: file });
    w.onmessage = (e: MessageEvent<CheckResponse>) => {
      const m = e.data;
      if (m.id !== id || this.worker !== w) return;
      if (m.type === 'progress') this.set({ status: { kind: 'running', phase: m.phase, done: m.done, total: m.total } });
      else {
        this.endWorker();
        if (m.type === 'report') this.set({ status: { kind: 'done', text: m.text, json: m.json, runs: m.runs, elapsedMs: Math.round(performance.now() - started) } });
        else this.set({ status: { kind: 'error', message: m.message } });
      }
    };
    w.onerror = (e) => {
      e.preventDefault();
      if (this.worker !== w) return;
      this.endWorker();
      this.set({ status: { kind: 'error', message: e.message || 'The check could not start.' } });
    };
    const msg: CheckRequest = { type: 'check', id, process: file, label: processLabel(file), base: scenario, scenarioFile: base.scenarioFile, runs, seed, maxDays: LAB_MAX_DAYS };
    w.postMessage(msg);
    return true;
  }

  /** Stop the check under way: its worker is ended, and nothing it found is shown. */
  cancel(): void {
    if (this.state.status.kind !== 'running') return;
    this.endWorker();
    this.set({ status: { kind: 'cancelled' } });
  }

  /** Forget a report (the process changed). */
  reset(): void {
    if (this.state.status.kind === 'running') return;
    this.set({ status: { kind: 'idle' }, checked: null });
  }

  dispose(): void {
    this.endWorker();
  }

  private endWorker(): void {
    this.worker?.terminate();
    this.worker = null;
  }
}
