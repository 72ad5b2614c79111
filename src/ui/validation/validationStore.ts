/**
 * The "Sources and validation" view's store, outside React (read with useSyncExternalStore). It
 * runs the quick form of `npm run validate` in the replications' worker pool: the core plans the
 * runs (planValidation), the workers run them, and the core judges them (judgePlan), so the
 * table is the command's for the same replications and seed. Nothing is computed here.
 */
import { runSizeProblem, sizeOf } from '../../core/runSize';
import type { Scenario } from '../../core/scenario';
import { SEED_RULE, readSeed } from '../../core/seed';
import { MAX_REPLICATIONS, QUICK_REPLICATIONS, judgePlan, planValidation, type ValidationPlan, type ValidationTable, type Verdict } from '../../core/validation';
import { Batch, IDLE_BATCH, defaultPoolSize, type BatchProgress, type PoolFailure, type PoolJob, type StateSlice, type StoreServices, type WorkerFactory } from '../replay/store';
import { shipped } from '../scenarios';

/** Which rows the table shows. */
export type VerdictFilter = 'all' | Verdict;

export interface ValidationState extends BatchProgress<ValidationTable> {
  /** The replications and seed as typed, and what is wrong with them. */
  repsText: string;
  seedText: string;
  repsError: string | null;
  seedError: string | null;
  filter: VerdictFilter;
  /** Short status for the live region. */
  notice: string;
}

export function initialValidationState(): ValidationState {
  return { ...IDLE_BATCH, repsText: String(QUICK_REPLICATIONS), seedText: '', repsError: null, seedError: null, filter: 'all', notice: '' };
}

const simulationWorker: WorkerFactory = () => new Worker(new URL('../sim.worker.ts', import.meta.url), { type: 'module' });

/** A scenario file the claims name, from the scenarios bundled into the page. */
export function shippedScenarioFile(file: string): Scenario {
  const s = shipped(file.replace(/\.json$/, ''));
  if (!s) throw new Error(`The validation needs the scenario ${file}, which is not among the shipped scenarios`);
  return s.scenario;
}

/**
 * The plan's runs as the pool's jobs: job i of the plan is job i of the pool, its seed given as
 * the scenario's first seed and the replication's number, as the pool's workers expect.
 */
export function poolJobs(plan: ValidationPlan): PoolJob[] {
  const firstSeed = new Map(plan.scenarios.map((s) => [s.file, s.seed]));
  return plan.jobs.map((j) => {
    // The claims name shipped processes only; a process file never reaches the page's validation.
    if (typeof j.process !== 'string') throw new Error(`The validation plan names a process file (${j.process.id}); the page validates the shipped processes only`);
    return { scenario: j.scenario, process: j.process, seed: firstSeed.get(j.file)!, replication: j.replication };
  });
}

class ValidationBatch extends Batch<ValidationTable, ValidationState> {
  constructor(slice: StateSlice<ValidationState>, services: StoreServices) {
    super(slice, services, 'Validation cancelled.');
  }

  run(plan: ValidationPlan, poolSize: number): void {
    const nameFailed = ({ first }: PoolFailure) => {
      const job = plan.jobs[first];
      return job ? `Replication ${job.replication + 1} of ${job.file} (seed ${job.seed})` : 'A run';
    };
    this.launch({
      jobs: poolJobs(plan),
      poolSize,
      alsoSet: { repsError: null, seedError: null },
      collect: (runs) => judgePlan(plan, runs),
      finishedNotice: 'Validation finished: the table is below.',
      nameFailed,
    });
  }
}

export class ValidationStore {
  private state = initialValidationState();
  private readonly listeners = new Set<() => void>();
  private readonly batch: ValidationBatch;
  private runSeq = 0;

  constructor(
    makeWorker: WorkerFactory = simulationWorker,
    private readonly scenarioOf: (file: string) => Scenario = shippedScenarioFile,
    private readonly poolSize: number = defaultPoolSize(),
  ) {
    const slice: StateSlice<ValidationState> = { get: () => this.state, set: (patch) => this.set(patch) };
    this.batch = new ValidationBatch(slice, { makeWorker, nextRunId: () => ++this.runSeq, announce: (notice) => this.set({ notice }) });
  }

  getState = (): ValidationState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private set(patch: Partial<ValidationState>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }

  setRepsText(text: string): void {
    this.set({ repsText: text });
  }

  setSeedText(text: string): void {
    this.set({ seedText: text });
  }

  setFilter(filter: VerdictFilter): void {
    this.set({ filter });
  }

  /**
   * Check what was typed and run the quick form with that many replications (and that first
   * seed, or each scenario's own when blank). False, with the problem in the state, when the
   * input is wrong.
   */
  start(): boolean {
    const text = this.state.repsText.trim();
    const replications = /^\d+$/.test(text) ? Number(text) : NaN;
    const repsError = Number.isInteger(replications) && replications >= 1 && replications <= MAX_REPLICATIONS ? null : `Replications must be a whole number from 1 to ${MAX_REPLICATIONS}`;
    const seedText = this.state.seedText.trim();
    const reading = seedText === '' ? null : readSeed(seedText);
    const seedError = reading && reading.problem !== null ? `Seed must be ${SEED_RULE}; ${reading.problem}` : null;
    if (repsError || seedError) {
      this.set({ repsError, seedError });
      return false;
    }
    const plan = planValidation({ quick: true, replications, ...(reading ? { seed: reading.seed! } : {}) }, this.scenarioOf);
    const tooLarge = runSizeProblem(sizeOf(plan.jobs));
    if (tooLarge) {
      this.set({ repsError: `${tooLarge.charAt(0).toUpperCase()}${tooLarge.slice(1)}. Choose fewer replications`, seedError: null });
      return false;
    }
    this.batch.run(plan, this.poolSize);
    return true;
  }

  cancel(): void {
    this.batch.cancel();
  }

  dispose(): void {
    this.batch.dispose();
  }
}
