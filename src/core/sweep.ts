/**
 * Capacity-planning sweeps: one scenario field varied over a range, both processes, replicated.
 * `--vary contactsPerWorkingDay=20:80:10` or `--vary staff.raSocialWorker.count=10:20:2`.
 */
import { chartFacts, clockOverrides, processFromFile } from './processes';
import { COMPARED_METRICS, aggregate, comparisonJobs, processLabel, type CompareResult, type ProcessChoice, type ReplicationJob, type RunSummary } from './run';
import { parseScenario, ScenarioError, type Scenario } from './scenario';

export interface Variation {
  field: string;
  values: number[];
}

/** Parse `field=from:to:step` (step defaults to 1), naming what is wrong. */
export function parseVariation(spec: string): Variation {
  const m = /^([A-Za-z][\w.]*)=(-?[\d.]+):(-?[\d.]+)(?::([\d.]+))?$/.exec(spec.trim());
  if (!m) throw new ScenarioError([{ field: '--vary', rule: `must look like field=from:to:step, e.g. contactsPerWorkingDay=20:80:10 (got "${spec}")` }]);
  const [, field, a, b, s] = m;
  if (field === 'seed') throw new ScenarioError([{ field: '--vary', rule: 'cannot vary the seed: use --replications for more seeds' }]);
  const from = Number(a);
  const to = Number(b);
  const step = s === undefined ? 1 : Number(s);
  if (![from, to, step].every(Number.isFinite)) throw new ScenarioError([{ field: '--vary', rule: 'from, to and step must be numbers' }]);
  if (step <= 0) throw new ScenarioError([{ field: '--vary', rule: 'step must be greater than 0' }]);
  if (to < from) throw new ScenarioError([{ field: '--vary', rule: `to (${to}) must not be less than from (${from})` }]);
  const count = Math.floor((to - from) / step + 1e-9) + 1;
  if (count > 200) throw new ScenarioError([{ field: '--vary', rule: `gives ${count} values; at most 200` }]);
  const values = Array.from({ length: count }, (_, i) => Math.round((from + i * step) * 1e9) / 1e9);
  return { field, values };
}

/** A copy of the scenario with one field set, validated again (so a bad value names its field). */
export function applyVariation(scenario: Scenario, field: string, value: number): Scenario {
  const copy = structuredClone(scenario) as unknown as Record<string, unknown>;
  const path = field.split('.');
  let at: Record<string, unknown> = copy;
  for (const key of path.slice(0, -1)) {
    const next = at[key];
    if (!next || typeof next !== 'object') throw new ScenarioError([{ field, rule: 'is not a field of the scenario' }]);
    at = next as Record<string, unknown>;
  }
  const last = path[path.length - 1];
  if (typeof at[last] !== 'number') throw new ScenarioError([{ field, rule: 'is not a numeric field of the scenario' }]);
  at[last] = value;
  return parseScenario(copy);
}

export interface SweepPoint {
  value: number;
  result: CompareResult;
}

/** A sweep's runs are comparison runs on a varied scenario. */
export type SweepJob<P extends ProcessChoice = ProcessChoice> = ReplicationJob<P>;

/**
 * Why a sweep cannot vary a field with these processes, or null: a process file that fixes its own
 * escalation point (its chart's meta `clocks`) does not use the scenario's, so varying the
 * scenario's would show a line that does not move for the reason that it is not used.
 */
export function sweepFieldProblem(field: string, processes: readonly ProcessChoice[]): string | null {
  for (const p of processes) {
    if (typeof p === 'string') continue;
    const fixed = clockOverrides(chartFacts(processFromFile(p).machine).clocks).find((o) => o.field === field);
    if (fixed) {
      return `cannot vary ${field}: the process ${p.id} fixes its own (chart.meta.clocks.${field} is ${fixed.hours} working hours), so the scenario's is not used; a process's own clock overrides the scenario's. Clear it in the process lab, or vary another field`;
    }
  }
  return null;
}

/** The runs a sweep needs, point-major then replication then process (the order results come back in). */
export function sweepJobs<P extends ProcessChoice>(scenario: Scenario, variation: Variation, processes: readonly P[], replications: number, seed: string | number, days?: number): SweepJob<P>[] {
  const problem = sweepFieldProblem(variation.field, processes);
  if (problem) throw new ScenarioError([{ field: '--vary', rule: problem }]);
  const jobs: SweepJob<P>[] = [];
  for (const value of variation.values) jobs.push(...comparisonJobs(applyVariation(scenario, variation.field, value), processes, replications, seed, days));
  return jobs;
}

export function sweepPoints(scenario: Scenario, variation: Variation, processes: readonly ProcessChoice[], replications: number, seed: string | number, runs: RunSummary[]): SweepPoint[] {
  const per = replications * processes.length;
  return variation.values.map((value, i) => ({
    value,
    result: aggregate(scenario.name, String(seed), processes.map(processLabel), replications, runs.slice(i * per, (i + 1) * per)),
  }));
}

/**
 * One row per value and process: the varied field, the process, and each compared figure's mean
 * and 95% interval. What `npm run sim -- sweep --csv` prints and the browser saves.
 */
export function sweepRows(field: string, points: readonly SweepPoint[], processes: readonly string[]): Record<string, unknown>[] {
  return points.flatMap((pt) =>
    processes.map((p) => ({
      [field]: pt.value,
      process: p,
      ...Object.fromEntries(
        COMPARED_METRICS.flatMap((k) => {
          const i = pt.result.metrics[k][p];
          return [
            [k, i.mean],
            [`${k}.low95`, i.low],
            [`${k}.high95`, i.high],
          ];
        }),
      ),
    })),
  );
}
