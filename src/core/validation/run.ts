/**
 * Judging the claims: given the replications' figures, each claim's mean with a 95% interval and
 * a verdict. Pure (no runs, no I/O): src/cli/validate.ts runs the scenarios and calls this.
 *
 * The verdict compares the mean over replications with the claim's range: the range already
 * allows for the noise of the borough's one observed figure, and the interval says how sure the
 * model's mean is. A verdict is `marginal` when the interval reaches across an edge of the range.
 */
import type { ProcessName } from '../processes';
import { meanCI, type Interval } from '../stats';
import type { Claim, RunFigures, Unit } from './claims';

export type Verdict = 'within' | 'outside' | 'not measured' | 'not run';

/** Runs of one scenario, by process, each list in replication order (replication r at index r). */
export type ScenarioRuns = Partial<Record<ProcessName, readonly RunFigures[]>>;

export interface Measurement {
  /** The process whose runs were read, or 'paired' (2015 run against 2013 run, same children). */
  process: ProcessName | 'paired';
  interval: Interval;
  /** Share of replications whose own figure fell within the range. */
  withinShare: number;
  verdict: 'within' | 'outside';
  /** The 95% interval reaches across an edge of the range: the verdict could change with more replications. */
  marginal: boolean;
}

export interface ClaimResult {
  claim: Claim;
  verdict: Verdict;
  /** One per process for 'both' claims, else one; empty when not measured or not run. */
  measurements: Measurement[];
  /** Why a claim has no measurement: the figure it needs, or why it was not run. */
  note?: string;
}

/** The processes whose runs a claim reads. */
export function processesOf(claim: Claim): ProcessName[] {
  return claim.process === '2013' || claim.process === '2015' ? [claim.process] : ['2013', '2015'];
}

/** The scenario files the measurable claims need, each with the processes to run on it (in file order of first use). */
export function runPlan(claims: readonly Claim[]): { scenario: string; processes: ProcessName[] }[] {
  const plan = new Map<string, Set<ProcessName>>();
  for (const c of claims) {
    if (c.measure === null) continue;
    let set = plan.get(c.scenario);
    if (!set) plan.set(c.scenario, (set = new Set()));
    for (const p of processesOf(c)) set.add(p);
  }
  return [...plan].map(([scenario, set]) => ({ scenario, processes: (['2013', '2015'] as const).filter((p) => set.has(p)) }));
}

export function inRange(x: number, [low, high]: readonly [number, number]): boolean {
  return x >= low && x <= high;
}

/** A share's interval cannot leave [0, 1] (as `compare` clips it): clip the interval, not the mean. */
function clip(i: Interval, unit: Unit): Interval {
  return unit === 'share' ? { ...i, low: Math.max(0, i.low), high: Math.min(1, i.high) } : i;
}

function measurement(process: ProcessName | 'paired', values: readonly (number | null)[], target: readonly [number, number], unit: Unit): Measurement | null {
  const xs = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (xs.length === 0) return null;
  const interval = clip(meanCI(xs), unit);
  const within = inRange(interval.mean, target);
  const [low, high] = target;
  const marginal = (interval.low < low && interval.high >= low) || (interval.low <= high && interval.high > high);
  return { process, interval, withinShare: xs.filter((x) => inRange(x, target)).length / xs.length, verdict: within ? 'within' : 'outside', marginal };
}

/**
 * Judge one claim on its scenario's runs; `runs` undefined means the scenario was not run
 * (`skipped` says why).
 */
export function judgeClaim(claim: Claim, runs: ScenarioRuns | undefined, skipped = 'its scenario was not run'): ClaimResult {
  if (claim.measure === null) return { claim, verdict: 'not measured', measurements: [], note: `needs ${claim.needs}` };
  if (!runs) return { claim, verdict: 'not run', measurements: [], note: skipped };
  const found: Measurement[] = [];
  if (claim.process === 'paired') {
    const a = runs['2013'] ?? [];
    const b = runs['2015'] ?? [];
    if (a.length !== b.length) throw new Error(`${claim.id}: paired runs differ in number (2013: ${a.length}, 2015: ${b.length})`);
    const m = measurement('paired', a.map((x, r) => claim.measure(x, b[r])), claim.target, claim.unit);
    if (m) found.push(m);
  } else {
    const measure = claim.measure;
    for (const p of processesOf(claim)) {
      const list = runs[p];
      if (!list) throw new Error(`${claim.id}: no runs of process ${p} on ${claim.scenario}`);
      const m = measurement(p, list.map((f) => measure(f)), claim.target, claim.unit);
      if (m) found.push(m);
    }
  }
  if (found.length === 0) return { claim, verdict: 'not measured', measurements: [], note: 'no run had the figure (for instance, no contact of the level it reads)' };
  return { claim, verdict: found.some((m) => m.verdict === 'outside') ? 'outside' : 'within', measurements: found };
}

/**
 * Judge every claim. `runs` holds the runs of each scenario file that was run; `skipped` gives,
 * for a scenario deliberately not run, the reason shown beside its claims.
 */
export function judgeClaims(claims: readonly Claim[], runs: Readonly<Record<string, ScenarioRuns>>, skipped: Readonly<Record<string, string>> = {}): ClaimResult[] {
  return claims.map((c) => judgeClaim(c, runs[c.scenario], skipped[c.scenario]));
}

export interface ValidationSummary {
  claims: number;
  within: number;
  outside: number;
  notMeasured: number;
  notRun: number;
}

export function summariseResults(results: readonly ClaimResult[]): ValidationSummary {
  const count = (v: Verdict) => results.filter((r) => r.verdict === v).length;
  return { claims: results.length, within: count('within'), outside: count('outside'), notMeasured: count('not measured'), notRun: count('not run') };
}

/** 1 when a measured claim falls outside its range, else 0 (claims not measured or not run do not fail). */
export function exitCodeFor(results: readonly ClaimResult[]): 0 | 1 {
  return results.some((r) => r.verdict === 'outside') ? 1 : 0;
}

// ---- Words and numbers as people read them ----------------------------------------------------

/** A value in its unit: shares as percentages, differences of shares as points. */
export function formatValue(v: number, unit: Unit): string {
  if (!Number.isFinite(v)) return '-';
  switch (unit) {
    case 'share':
      return `${(v * 100).toFixed(1)}%`;
    case 'percentage points': {
      const p = v * 100;
      return `${p > 0 ? '+' : ''}${p.toFixed(1)} pts`;
    }
    case 'count':
      return Number.isInteger(v) ? String(v) : v.toFixed(1);
    case 'working days':
      return `${v.toFixed(2)} wd`;
    case 'working hours':
      return `${v.toFixed(1)} h`;
    case 'ratio':
      return v.toFixed(2);
    case 'per 10,000 children a year':
      return v.toFixed(0);
  }
}

/** A range in words: "95.0% to 100.0%", "at least 1", "at most 0". */
export function formatTarget([low, high]: readonly [number, number], unit: Unit): string {
  if (low === -Infinity && high === Infinity) return 'any';
  if (low === -Infinity) return `at most ${formatValue(high, unit)}`;
  if (high === Infinity) return `at least ${formatValue(low, unit)}`;
  if (low === high) return `exactly ${formatValue(low, unit)}`;
  return `${formatValue(low, unit)} to ${formatValue(high, unit)}`;
}

/** A measurement in words: "98.1% (97.9% to 98.3%)". */
export function formatMeasurement(m: Measurement, unit: Unit): string {
  const { mean, low, high, n } = m.interval;
  // A mean count is shown to one decimal even when whole, so it reads alike with its interval.
  const f = (v: number) => (unit === 'count' ? v.toFixed(1) : formatValue(v, unit));
  return n > 1 ? `${f(mean)} (${f(low)} to ${f(high)})` : f(mean);
}

/** A claim's result as plain data (for JSON): open range ends become null. */
export function resultToJson(r: ClaimResult): Record<string, unknown> {
  const c = r.claim;
  const end = (x: number) => (Number.isFinite(x) ? x : null);
  return {
    id: c.id,
    claim: c.claim,
    source: c.source,
    process: c.process,
    scenario: c.scenario,
    measuredAs: c.measuredAs,
    unit: c.unit,
    target: { low: end(c.target[0]), high: end(c.target[1]) },
    why: c.why,
    ...(c.widened ? { widened: c.widened } : {}),
    ...(c.measure === null ? { needs: c.needs } : {}),
    verdict: r.verdict,
    ...(r.note ? { note: r.note } : {}),
    measurements: r.measurements.map((m) => ({
      process: m.process,
      mean: m.interval.mean,
      low: m.interval.low,
      high: m.interval.high,
      replications: m.interval.n,
      withinShare: Math.round(m.withinShare * 1e4) / 1e4,
      verdict: m.verdict,
      marginal: m.marginal,
    })),
  };
}
