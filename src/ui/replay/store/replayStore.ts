/**
 * The replay page's store: its state and actions, outside React (components read it with
 * useSyncExternalStore, ../shared/STYLE.md "UI"). This class only puts the parts together and
 * is what the page calls; each part is a file of this folder:
 *
 *   state.ts             the state, and the cell that holds it and tells its listeners
 *   scenarioChoice.ts    which scenario and seed: shipped, a file, the form, a link
 *   replayRuns.ts        the two full runs for replay, one worker per process
 *   playback.ts          the clock: the moment shown, play, speed, step
 *   replicationBatch.ts  replications, on the worker pool (batch.ts, workerPool.ts)
 *   sweepBatch.ts        the capacity sweep, on the same pool
 *   addressBar.ts        the link to the view, kept in the address bar
 *
 * Nothing here simulates on the page's thread; scrubbing only reads the finished traces.
 */
import type { Instant } from '../../../core/calendar';
import type { ProcessFile } from '../../../core/processes';
import type { Scenario } from '../../../core/scenario';
import type { LinkState, SpeedKey } from '../permalink';
import { viewsOf } from '../selectors';
import type { SweepInput } from '../sweepForm';
import { AddressBar } from './addressBar';
import { Playback } from './playback';
import type { ProcessKey } from './processKeys';
import { ReplayRuns, type ProcessView } from './replayRuns';
import { ReplicationBatch } from './replicationBatch';
import { ScenarioChoice } from './scenarioChoice';
import { StateCell, initialState, type ReplayState, type StoreServices } from './state';
import { SweepBatch } from './sweepBatch';
import { defaultPoolSize, type WorkerFactory } from './workerPool';
import { simulationWorker } from '../../workers';

export class ReplayStore {
  private readonly cell = new StateCell(initialState());
  private readonly addressBar: AddressBar;
  private readonly playback: Playback;
  private readonly runs: ReplayRuns;
  private readonly choice: ScenarioChoice;
  private readonly reps: ReplicationBatch;
  private readonly sweep: SweepBatch;
  private runSeq = 0;
  private started = false;

  constructor(makeWorker: WorkerFactory = simulationWorker) {
    const services: StoreServices = { makeWorker, nextRunId: () => ++this.runSeq, announce: (notice) => this.announce(notice) };
    this.playback = new Playback(this.cell);
    this.runs = new ReplayRuns(this.cell, services, this.playback);
    this.reps = new ReplicationBatch(this.cell.slice('reps'), services);
    this.sweep = new SweepBatch(this.cell.slice('sweep'), services);
    this.choice = new ScenarioChoice(this.cell, this.runs, this.reps);
    this.addressBar = new AddressBar(this.cell, this.runs);
  }

  // --- the state -----------------------------------------------------------------------------

  getState = (): ReplayState => this.cell.get();

  subscribe = (listener: () => void): (() => void) => this.cell.subscribe(listener);

  announce(notice: string): void {
    this.cell.set({ notice });
  }

  /** End the workers, the clock and the address bar's timer. */
  dispose(): void {
    this.playback.dispose();
    this.addressBar.dispose();
    this.runs.dispose();
    this.reps.dispose();
    this.sweep.dispose();
  }

  /** Start the first run once (the page may open on another route first). */
  start(link?: Partial<LinkState>): void {
    if (this.started) return;
    this.started = true;
    this.addressBar.activate();
    if (link && Object.keys(link).length) this.choice.applyLink(link);
    else this.runs.start(this.choice.base().scenario, this.getState().seedText, {});
  }

  // What the page calls, each handed to the part that does it (one line each, so this reads as a
  // table). The page and its tests use these names; the parts keep their own.

  // Scenario and seed (scenarioChoice.ts).
  base = (): { input: Record<string, unknown>; scenario: Scenario } => this.choice.base();
  selectScenario = (key: string): void => this.choice.select(key);
  setField = (key: string, value: string): void => this.choice.setField(key, value);
  submitForm = (): boolean => this.choice.submitForm();
  resetForm = (): void => this.choice.resetForm();
  setSeedText = (text: string): void => this.choice.setSeedText(text);
  submitSeed = (): boolean => this.choice.submitSeed();
  newSeed = (draw?: () => number): void => this.choice.newSeed(draw);
  loadFile = (name: string, text: string): boolean => this.choice.loadFile(name, text);
  dismissFileError = (): void => this.choice.dismissFileError();
  checkFileSize = (name: string, bytes: number): boolean => this.choice.checkFileSize(name, bytes);
  dismissLinkNotice = (): void => this.choice.dismissLinkNotice();
  applyLink = (link: Partial<LinkState>): void => this.choice.applyLink(link);

  // The runs (replayRuns.ts): the finished views, or null while running.
  views = (): Record<ProcessKey, ProcessView | null> | null => viewsOf(this.getState().run);
  cancelRun = (): void => this.runs.cancel();

  // The clock (playback.ts).
  setT = (t: Instant): void => this.playback.setT(t);
  play = (): void => this.playback.play();
  pause = (): void => this.playback.pause();
  togglePlay = (): void => this.playback.togglePlay();
  setSpeed = (speed: SpeedKey): void => this.playback.setSpeed(speed);
  stepForward = (): void => this.playback.stepForward();
  stepBack = (): void => this.playback.stepBack();

  // Replications and the sweep (replicationBatch.ts, sweepBatch.ts), on defaultPoolSize() workers.
  setRepsText = (text: string): void => this.reps.setCountText(text);
  startReps = (poolSize = defaultPoolSize()): boolean => this.reps.start(this.getState().applied, poolSize);
  cancelReps = (quiet = false): void => this.reps.cancel(quiet);
  setSweepInput = (key: SweepInput, value: string): void => this.sweep.setInput(key, value);
  setSweepMetric = (metric: string): void => this.sweep.setMetric(metric);
  startSweep = (poolSize = defaultPoolSize()): boolean => this.sweep.start(this.getState().applied, poolSize);
  cancelSweep = (quiet = false): void => this.sweep.cancel(quiet);

  // The address bar (addressBar.ts).
  link = (): LinkState => this.addressBar.link();
  query = (): string => this.addressBar.query();
  writeUrl = (): void => this.addressBar.write();

  /** The last query this store wrote into the address bar. */
  get lastQuery(): string {
    return this.addressBar.lastQuery;
  }

  // A lab variant beside the process it came from (processKeys.ts): small enough to live here.

  /**
   * Replay `file` beside the process it was derived from, on the scenario `scenarioKey` (a shipped
   * one) or, with `link`, on what the link describes (a counterexample's generated scenario).
   */
  compareVariant(file: ProcessFile, link: Partial<LinkState>): void {
    this.cell.set({ variant: file, selectedState: null });
    if (!this.started) this.start(link);
    else this.choice.applyLink(link);
  }

  /** Back to 2013 beside 2015, on the scenario and seed shown. */
  endVariant(): void {
    if (!this.getState().variant) return;
    this.cell.set({ variant: null, selectedState: null });
    if (this.started) this.choice.applyLink(this.link());
  }

  // Selection: small enough to live here.

  selectCase(id: string | null): void {
    this.cell.set({ selectedCase: id });
  }

  /** Pick a state to highlight; picking it again clears it. */
  selectState(sel: { process: ProcessKey; state: string } | null): void {
    const cur = this.getState().selectedState;
    if (sel && cur && cur.process === sel.process && cur.state === sel.state) this.cell.set({ selectedState: null });
    else this.cell.set({ selectedState: sel });
  }
}
