/**
 * Running scenarios: one run's summary, and the comparison of processes over replications.
 * The command line and the browser both call these, so they show the same figures.
 */
import type { AnyStateMachine } from 'xstate';
import { createSimulation, prepareArrivals, type PreparedArrivals, type Simulation } from './engine';
import type { RunMetrics } from './metrics';
import { SHARE_FIGURES } from './labels';
import { PROCESS_NAMES, processFromFile, type ProcessFile, type ProcessName } from './processes';
import type { Scenario } from './scenario';
import { meanCI, type Interval } from './stats';

export interface RunSummary extends RunMetrics {
  scenario: string;
  process: string;
  seed: string;
  start: string;
  days: number;
}

export interface RunOptions {
  seed?: string | number;
  days?: number;
  process?: ProcessName;
  machine?: AnyStateMachine;
  /** Whose era's workforce a custom machine runs with (engine `SimulationOptions.workforce`). */
  workforce?: ProcessName;
  /** Keep the run's trace (default true); replications that need only the figures pass false. */
  trace?: boolean;
  /** Contacts prepared once for several processes (engine/simulation.ts `prepareArrivals`). */
  arrivals?: PreparedArrivals;
  onProgress?: (fraction: number) => void;
}

export function summarise(sim: Simulation): RunSummary {
  const metrics = sim.metrics();
  return {
    scenario: sim.scenario.name,
    process: sim.process,
    seed: sim.seed,
    start: sim.scenario.start,
    days: Math.round((sim.end - sim.start) / 86_400_000),
    ...metrics,
  };
}

export function runScenario(scenario: Scenario, options: RunOptions = {}): { sim: Simulation; summary: RunSummary } {
  const sim = createSimulation(scenario, options);
  sim.run(options.onProgress);
  return { sim, summary: summarise(sim) };
}

/** The seed of replication r: numeric seeds count up, string seeds get a suffix. */
export function replicationSeed(seed: string | number, r: number): string {
  if (r === 0) return String(seed);
  const n = typeof seed === 'number' ? seed : /^-?\d+$/.test(seed) ? Number(seed) : null;
  return n !== null && Number.isSafeInteger(n + r) ? String(n + r) : `${seed}-${r}`;
}

/** The figures compared across replications (numbers only; null values are left out). */
export const COMPARED_METRICS = [
  'contacts',
  'outcomes.advice',
  'outcomes.earlyHelp',
  'outcomes.childInNeed',
  'outcomes.childProtection',
  'decidedWithinOneWorkingDay',
  'reportedWithinOneWorkingDay',
  'heldOverFiveWorkingDays',
  'maxHeldWorkingDays',
  'meanHeldWorkingDays',
  'hiddenFromReport',
  'peakUnallocatedOver48Hours',
  'stepUps',
  'stepDowns',
  'reReferrals',
  'medianHoursToStrategyDiscussion',
  'strategyDiscussionWithinOneWorkingDay',
  'escalations',
  'escalatedWithinOneWorkingDay',
  'underThresholded',
  'overThresholded',
  'assessmentsInTimescale',
  'outOfHoursImmediateDanger.contacts',
  'outOfHoursImmediateDanger.medianHoursToResponse',
  'outOfHoursImmediateDanger.respondedBeforeSpaOpens',
] as const;
export type ComparedMetric = (typeof COMPARED_METRICS)[number];

/** A figure of a run by its key: a field ('contacts') or a field of a group ('outcomes.advice'); null when not a number. */
export function figureAt(s: RunSummary, key: string): number | null {
  const dot = key.indexOf('.');
  const group = (s as unknown as Record<string, unknown>)[dot < 0 ? key : key.slice(0, dot)];
  const v = dot < 0 ? group : group && typeof group === 'object' ? (group as Record<string, unknown>)[key.slice(dot + 1)] : undefined;
  return typeof v === 'number' ? v : null;
}

export function metricValue(s: RunSummary, key: ComparedMetric): number | null {
  return figureAt(s, key);
}

export interface CompareResult {
  scenario: string;
  seed: string;
  replications: number;
  processes: string[];
  /** metric -> process -> mean and 95% confidence interval across replications. */
  metrics: Record<string, Record<string, Interval>>;
  /** Paired difference (second process minus first), replication by replication. */
  difference: Record<string, Interval>;
  runs: RunSummary[];
}

/**
 * A process to run: a shipped one by name, or a process file (processes/processFile.ts), which is
 * data and so travels to a worker thread as it is.
 */
export type ProcessChoice = ProcessName | ProcessFile;

/** The name a process's figures go under: the shipped name, or the file's id. */
export function processLabel(p: ProcessChoice): string {
  return typeof p === 'string' ? p : p.id;
}

/**
 * The machine each file describes, built once per file object (a memo of pure values, like
 * facts.ts: a sweep's thousands of runs share one machine, so they share its compiled steps).
 */
const machines = new WeakMap<ProcessFile, AnyStateMachine>();

/** The options that run a process choice: a shipped name, or the machine a file describes. */
export function processRunOptions(p: ProcessChoice): Pick<RunOptions, 'process' | 'machine' | 'workforce'> {
  if (typeof p === 'string') return { process: p };
  let machine = machines.get(p);
  if (!machine) {
    machine = processFromFile(p).machine;
    machines.set(p, machine);
  }
  // A process derived from a shipped one runs with that process's era's workforce, as it would.
  return p.derivedFrom ? { machine, workforce: p.derivedFrom } : { machine };
}

/** One run to do: a scenario under a process with a seed (what a worker thread receives). */
export interface ReplicationJob<P extends ProcessChoice = ProcessChoice> {
  scenario: Scenario;
  process: P;
  seed: string;
  days?: number;
}

/**
 * The runs a comparison needs, replication-major (replication r of every process, then r + 1),
 * each replication on seed replicationSeed(seed, r): the order `aggregate` expects.
 */
export function comparisonJobs<P extends ProcessChoice>(scenario: Scenario, processes: readonly P[], replications: number, seed: string | number, days?: number): ReplicationJob<P>[] {
  const jobs: ReplicationJob<P>[] = [];
  for (let r = 0; r < replications; r++) for (const process of processes) jobs.push({ scenario, process, seed: replicationSeed(seed, r), days });
  return jobs;
}

/** Runs of one replication: the same scenario (object), seed and period. */
export function sameReplication(a: ReplicationJob, b: ReplicationJob): boolean {
  return a.scenario === b.scenario && a.seed === b.seed && (a.days ?? a.scenario.days) === (b.days ?? b.scenario.days);
}

/** Runs of consecutive items that `same` pairs with the run's first item: [first index, count]. */
export function consecutiveGroups<T>(items: readonly T[], same: (a: T, b: T) => boolean): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < items.length; ) {
    let n = 1;
    while (i + n < items.length && same(items[i], items[i + n])) n++;
    out.push([i, n]);
    i += n;
  }
  return out;
}

/**
 * Run jobs one after another for their figures only (no trace kept). Consecutive jobs of one
 * replication (`sameReplication`) share their contacts, which are generated once: the figures
 * are the same as running each job alone.
 */
export function runReplicationJobs(jobs: readonly ReplicationJob[], onDone?: (done: number, total: number) => void): RunSummary[] {
  const out: RunSummary[] = [];
  for (const [first, count] of consecutiveGroups(jobs, sameReplication)) {
    const job = jobs[first];
    const arrivals = count > 1 ? prepareArrivals(job.scenario, job.seed, job.days) : undefined;
    for (const j of jobs.slice(first, first + count)) {
      out.push(runScenario(j.scenario, { ...processRunOptions(j.process), seed: j.seed, days: j.days, trace: false, arrivals }).summary);
      onDone?.(out.length, jobs.length);
    }
  }
  return out;
}

export interface CompareOptions {
  processes?: readonly ProcessName[];
  seed?: string | number;
  replications?: number;
  days?: number;
  onProgress?: (done: number, total: number) => void;
}

/** Same children through each process (common random numbers), replicated over seeds. */
export function compareProcesses(scenario: Scenario, options: CompareOptions = {}): CompareResult {
  const processes = options.processes ?? PROCESS_NAMES;
  const replications = options.replications ?? 1;
  const seed = options.seed ?? scenario.seed;
  const jobs = comparisonJobs(scenario, processes, replications, seed, options.days);
  const runs = runReplicationJobs(jobs, options.onProgress);
  return aggregate(scenario.name, String(seed), processes, replications, runs);
}

const SHARE_METRICS = new Set<string>(SHARE_FIGURES);

/** A share cannot leave [0, 1] and a count cannot go below 0: clip the interval, not the mean. */
function clampInterval(key: string, i: Interval): Interval {
  const high = SHARE_METRICS.has(key) ? Math.min(1, i.high) : i.high;
  return { ...i, low: Math.max(0, i.low), high };
}

/** Combine run summaries (in replication-major order) into intervals; also used by workers. */
export function aggregate(name: string, seed: string, processes: readonly string[], replications: number, runs: RunSummary[]): CompareResult {
  const metrics: CompareResult['metrics'] = {};
  const difference: CompareResult['difference'] = {};
  for (const key of COMPARED_METRICS) {
    const per: Record<string, Interval> = {};
    const values: Record<string, (number | null)[]> = {};
    for (const p of processes) {
      values[p] = runs.filter((s) => s.process === p).map((s) => metricValue(s, key));
      per[p] = clampInterval(key, meanCI(values[p].filter((v): v is number => v !== null)));
    }
    metrics[key] = per;
    if (processes.length === 2) {
      const [a, b] = processes;
      const diffs: number[] = [];
      for (let r = 0; r < replications; r++) {
        const x = values[a][r];
        const y = values[b][r];
        if (x !== null && y !== null && x !== undefined && y !== undefined) diffs.push(y - x);
      }
      difference[key] = meanCI(diffs);
    }
  }
  return { scenario: name, seed, replications, processes: [...processes], metrics, difference, runs };
}
