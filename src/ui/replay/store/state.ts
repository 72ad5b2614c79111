/**
 * The replay page's state: one object, replaced (never changed in place) at each change, so
 * React, reading it with useSyncExternalStore, sees what changed by identity. The StateCell
 * holds it and tells its listeners; each part of the store reads and patches it there.
 */
import type { Instant } from '../../../core/calendar';
import type { Scenario } from '../../../core/scenario';
import { DEFAULT_SCENARIO, shipped } from '../../scenarios';
import { DEFAULT_SPEED, type SpeedKey } from '../permalink';
import { formFromScenario, type FormValues, type Issue } from '../scenarioForm';
import type { ProcessFile } from '../../../core/processes';
import type { ProcessKey } from './processKeys';
import { idleReplications, type RepsState } from './replicationBatch';
import type { RunState } from './replayRuns';
import type { LoadedFile, Source } from './scenarioChoice';
import { IDLE_SWEEP, type SweepState } from './sweepBatch';
import type { WorkerFactory } from './workerPool';

export interface ReplayState {
  source: Source;
  loadedFile: LoadedFile | null;
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
  /** A lab variant replayed beside the process it came from (processKeys.ts sideProcess), or null: 2013 beside 2015. Not kept in links. */
  variant: ProcessFile | null;
  reps: RepsState;
  sweep: SweepState;
  /** Short status for the live region: "Link copied", "Both runs finished". */
  notice: string;
  /**
   * What a link asked for that could not be shown, and what is shown instead: it stays until
   * dismissed or another scenario is chosen (a status line would be overwritten when the runs finish).
   */
  linkNotice: string | null;
}

/** The page as it opens: the default scenario in the form, nothing run yet. */
export function initialState(): ReplayState {
  const base = shipped(DEFAULT_SCENARIO)!;
  return {
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
    variant: null,
    reps: idleReplications(base.scenario),
    sweep: IDLE_SWEEP,
    notice: '',
    linkNotice: null,
  };
}

/** A part of the state, read and patched (StateCell.slice). */
export interface StateSlice<S> {
  get(): S;
  set(patch: Partial<S>): void;
}

/** What the parts of the store share besides the state. */
export interface StoreServices {
  makeWorker: WorkerFactory;
  /** A new number for the messages of one run or batch (the worker echoes it back). */
  nextRunId: () => number;
  /** Say something in the live region. */
  announce: (notice: string) => void;
}

export class StateCell {
  private listeners = new Set<() => void>();

  constructor(private state: ReplayState) {}

  get = (): ReplayState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  set(patch: Partial<ReplayState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }

  /** The state of a batch (`reps` or `sweep`), to read and patch on its own. */
  slice<K extends 'reps' | 'sweep'>(key: K): StateSlice<ReplayState[K]> {
    return {
      get: () => this.state[key],
      set: (patch) => this.set({ [key]: { ...this.state[key], ...patch } }),
    };
  }
}
