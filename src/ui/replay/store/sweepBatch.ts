/**
 * The capacity sweep as `npm run sim -- sweep` runs it: one job per value x replication x
 * process, in the worker pool replications use, put together with sweepPoints.
 */
import type { Scenario } from '../../../core/scenario';
import { sweepPoints, type Variation } from '../../../core/sweep';
import { DEFAULT_SWEEP_FORM, SWEEP_METRICS, checkSweep, type SweepForm, type SweepInput, type SweepResult } from '../sweepForm';
import { Batch, IDLE_BATCH, type BatchProgress } from './batch';
import type { StateSlice, StoreServices } from './state';
import { PROCESS_KEYS } from './processKeys';
import type { PoolFailure, PoolJob } from './workerPool';

export interface SweepState extends BatchProgress<SweepResult> {
  form: SweepForm;
  /** What is wrong with each box of the form. */
  errors: Partial<Record<SweepInput, string>>;
  /** The figure the chart shows. */
  metric: string;
}

export const IDLE_SWEEP: SweepState = { ...IDLE_BATCH, form: DEFAULT_SWEEP_FORM, errors: {}, metric: SWEEP_METRICS[0] };

/** The value and replication of a failed run, as the subject of "... could not run". */
function failedRunNamer(variation: Variation, replications: number): (failure: PoolFailure) => string {
  return ({ first, jobs }) => {
    const job = jobs[0];
    if (!job) return 'A run of the sweep';
    const value = variation.values[Math.floor(first / (PROCESS_KEYS.length * replications))];
    return `The sweep\u2019s run with ${variation.field} = ${value} (replication ${job.replication + 1})`;
  };
}

export class SweepBatch extends Batch<SweepResult, SweepState> {
  constructor(slice: StateSlice<SweepState>, services: StoreServices) {
    super(slice, services, 'Sweep cancelled.');
  }

  /** Keep what was typed; a box's message goes once it is changed. */
  setInput(key: SweepInput, value: string): void {
    const errors = { ...this.slice.get().errors };
    delete errors[key];
    this.slice.set({ form: { ...this.slice.get().form, [key]: value }, errors });
  }

  setMetric(metric: string): void {
    this.slice.set({ metric });
  }

  /** Check the form against `applied` and run the sweep, or show each problem at its box. */
  start(applied: { scenario: Scenario; seed: string | number } | null, poolSize: number): boolean {
    if (!applied) return false;
    const { scenario, seed } = applied;
    const checked = checkSweep(this.slice.get().form, scenario, PROCESS_KEYS, seed);
    if (!checked.jobs || !checked.variation || !checked.replications) {
      this.slice.set({ errors: checked.errors });
      return false;
    }
    const { variation, replications } = checked;
    const jobs: PoolJob[] = checked.jobs.map((j, i) => ({ scenario: j.scenario, process: j.process, seed, replication: Math.floor(i / PROCESS_KEYS.length) % replications }));
    this.launch({
      jobs,
      poolSize,
      alsoSet: { errors: {} },
      collect: (runs): SweepResult => {
        const points = sweepPoints(scenario, variation, PROCESS_KEYS, replications, seed, runs);
        return { scenario: scenario.name, field: variation.field, values: variation.values, processes: [...PROCESS_KEYS], replications, seed: String(seed), points };
      },
      finishedNotice: `Sweep finished: ${variation.values.length} values of ${variation.field}.`,
      nameFailed: failedRunNamer(variation, replications),
    });
    return true;
  }
}
