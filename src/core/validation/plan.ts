/**
 * The validation table from start to finish, for the command line and the browser alike: which
 * runs the claims need for a number of replications (`planValidation`), and, once the runs'
 * figures are back in job order, the judged table (`judgePlan`) and its JSON and CSV. Pure: the
 * adapters read the scenario files and run the jobs (src/cli/validate.ts on worker threads, the
 * browser's "Sources and validation" view in web workers), so both give the same table for the
 * same replications and seed.
 */
import { csvCell } from '../export';
import type { ProcessName } from '../processes';
import { comparisonJobs, type ReplicationJob, type RunSummary } from '../run';
import type { Scenario } from '../scenario';
import { CLAIMS, type Claim } from './claims';
import { formatTarget, judgeClaims, resultToJson, runPlan, summariseResults, type ClaimResult, type ScenarioRuns } from './run';

/** Replications of each scenario in the full form (`npm run validate`). */
export const FULL_REPLICATIONS = 100;
/** Replications of each scenario in the quick form (`--quick`, the browser's default). */
export const QUICK_REPLICATIONS = 5;
/** The most replications either adapter accepts. */
export const MAX_REPLICATIONS = 1000;
/** The quick form runs only scenarios of at most this many days (June 2013 is 30). */
export const QUICK_MAX_DAYS = 31;

export interface ValidationSettings {
  quick: boolean;
  /** Replications of each scenario, 1 to MAX_REPLICATIONS. */
  replications: number;
  /** First seed of every scenario (replication r uses seed + r); each scenario's own seed when absent. */
  seed?: string | number;
}

/** One run of the plan: a replication job, with the scenario file and replication it belongs to. */
export interface ValidationJob extends ReplicationJob {
  file: string;
  /** The replication's number, from 0; its seed is replicationSeed(first seed, replication). */
  replication: number;
}

export interface PlannedScenario {
  file: string;
  scenario: Scenario;
  processes: ProcessName[];
  /** The first seed (replication 0). */
  seed: string;
  /** Where this scenario's jobs start in `jobs`, and how many there are. */
  first: number;
  count: number;
}

export interface ValidationPlan {
  settings: ValidationSettings;
  claims: readonly Claim[];
  scenarios: PlannedScenario[];
  /** Scenario files not run, with the reason shown beside their claims. */
  skipped: Record<string, string>;
  /** Every run, scenario by scenario, each replication's processes together (replication-major). */
  jobs: ValidationJob[];
}

/** The judged table: what `npm run validate` prints and the browser shows. */
export interface ValidationTable {
  settings: ValidationSettings;
  results: ClaimResult[];
  /** The scenarios run: file, name, processes, first seed, days. */
  scenarios: { file: string; name: string; processes: string[]; seed: string; days: number }[];
  skipped: Record<string, string>;
  runs: number;
}

/**
 * The runs the claims need: each scenario file the measurable claims name (read with
 * `scenarioOf`), with the processes they read, for `settings.replications` replications. The
 * quick form leaves out scenarios longer than QUICK_MAX_DAYS, saying why.
 */
export function planValidation(settings: ValidationSettings, scenarioOf: (file: string) => Scenario, claims: readonly Claim[] = CLAIMS): ValidationPlan {
  const jobs: ValidationJob[] = [];
  const scenarios: PlannedScenario[] = [];
  const skipped: Record<string, string> = {};
  for (const { scenario: file, processes } of runPlan(claims)) {
    const scenario = scenarioOf(file);
    if (settings.quick && scenario.days > QUICK_MAX_DAYS) {
      skipped[file] = `the quick form runs only scenarios of at most ${QUICK_MAX_DAYS} days (${file} has ${scenario.days}); run npm run validate for it`;
      continue;
    }
    const seed = settings.seed ?? scenario.seed;
    const list = comparisonJobs(scenario, processes, settings.replications, seed).map((j, k) => ({ ...j, file, replication: Math.floor(k / processes.length) }));
    scenarios.push({ file, scenario, processes, seed: String(seed), first: jobs.length, count: list.length });
    jobs.push(...list);
  }
  return { settings, claims, scenarios, skipped, jobs };
}

/** Judge every claim of `plan` on its runs' figures, `summaries[i]` being the figures of `plan.jobs[i]`. */
export function judgePlan(plan: ValidationPlan, summaries: readonly RunSummary[]): ValidationTable {
  if (summaries.length !== plan.jobs.length) throw new Error(`validation: ${summaries.length} runs' figures for ${plan.jobs.length} runs`);
  const runs: Record<string, ScenarioRuns> = {};
  for (const s of plan.scenarios) {
    const mine = summaries.slice(s.first, s.first + s.count);
    const byProcess: ScenarioRuns = {};
    for (const p of s.processes) byProcess[p] = mine.filter((x) => x.process === p);
    runs[s.file] = byProcess;
  }
  return {
    settings: plan.settings,
    results: judgeClaims(plan.claims, runs, plan.skipped),
    scenarios: plan.scenarios.map((s) => ({ file: s.file, name: s.scenario.name, processes: s.processes, seed: s.seed, days: s.scenario.days })),
    skipped: plan.skipped,
    runs: plan.jobs.length,
  };
}

/** The table as one JSON object (`npm run validate -- --json`, and the browser's "Save as JSON"). */
export function validationJson(t: ValidationTable): Record<string, unknown> {
  return {
    command: 'validate',
    quick: t.settings.quick,
    replications: t.settings.replications,
    scenarios: t.scenarios,
    skipped: t.skipped,
    summary: summariseResults(t.results),
    claims: t.results.map(resultToJson),
  };
}

export const VALIDATION_CSV_COLUMNS = [
  'id',
  'verdict',
  'process',
  'claim',
  'source',
  'scenario',
  'measuredAs',
  'unit',
  'targetLow',
  'targetHigh',
  'target',
  'mean',
  'low',
  'high',
  'replications',
  'withinShare',
  'marginal',
  'why',
  'widened',
  'note',
] as const;

/**
 * The table as CSV: one row per measurement (a claim judged for each process has two), one row
 * for a claim with none. Every text cell goes through csvCell, which keeps a spreadsheet from
 * running a cell as a formula (CSV injection); open range ends are empty.
 */
export function validationCsv(t: ValidationTable): string {
  const end = (x: number) => (Number.isFinite(x) ? x : null);
  const lines: string[] = [VALIDATION_CSV_COLUMNS.join(',')];
  for (const r of t.results) {
    const c = r.claim;
    const base = { id: c.id, claim: c.claim, source: c.source, scenario: c.scenario, measuredAs: c.measuredAs, unit: c.unit, targetLow: end(c.target[0]), targetHigh: end(c.target[1]), target: formatTarget(c.target, c.unit), why: c.why, widened: c.widened ?? null, note: r.note ?? null };
    const rows: Record<string, unknown>[] =
      r.measurements.length === 0
        ? [{ ...base, verdict: r.verdict, process: c.process }]
        : r.measurements.map((m) => ({ ...base, verdict: m.verdict, process: m.process, mean: m.interval.mean, low: m.interval.low, high: m.interval.high, replications: m.interval.n, withinShare: m.withinShare, marginal: m.marginal }));
    for (const row of rows) lines.push(VALIDATION_CSV_COLUMNS.map((k) => csvCell(row[k])).join(','));
  }
  return lines.join('\n') + '\n';
}
