/**
 * `npm run validate`: the validation table. Runs the shipped scenarios that the claims name
 * (src/core/validation/claims.ts) over replications, with both processes where a claim needs
 * both, and prints each claim's source, target range and why, the model's mean with a 95%
 * interval, and a verdict. A thin adapter: the judging is src/core/validation/run.ts.
 *
 * Exit codes: 0 every measured claim within its range; 1 a measured claim outside its range (a
 * finding about the model's calibration, not an error of the command); 2 bad arguments or an
 * unreadable scenario, with a message naming the option and the rule; 3 an internal error.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RunSummary } from '../core/run';
import { runSizeProblem, sizeOf } from '../core/runSize';
import {
  CLAIMS,
  FULL_REPLICATIONS,
  MAX_REPLICATIONS,
  QUICK_MAX_DAYS,
  QUICK_REPLICATIONS,
  exitCodeFor,
  formatMeasurement,
  formatTarget,
  judgePlan,
  planValidation,
  summariseResults,
  validationJson as tableJson,
  type Claim,
  type ClaimResult,
  type ValidationTable,
} from '../core/validation';
import { InputError, readScenarioFile } from './io';
import { defaultWorkers, runJobs } from './parallel';
import { parseCommandLine, seedOption, wholeOption } from './options';
import { processStdio, runAsProcess } from './stdio';

export const SCENARIO_DIR = fileURLToPath(new URL('../../scenarios/', import.meta.url));

// The counts live in the core (src/core/validation/plan.ts), shared with the browser's view.
export { FULL_REPLICATIONS, MAX_REPLICATIONS, QUICK_MAX_DAYS, QUICK_REPLICATIONS };

export const USAGE = `Validation table: the model against the claims in its sources.

Usage:
  npm run validate                       every claim, ${FULL_REPLICATIONS} replications of each scenario
  npm run validate -- --quick            ${QUICK_REPLICATIONS} replications, scenarios of at most ${QUICK_MAX_DAYS} days only
  npm run validate -- [--json] [--quick] [--replications N] [--seed S] [--workers N]

Options:
  --json              print one JSON object instead of the table
  --quick             few replications (${QUICK_REPLICATIONS}) and only short scenarios (at most ${QUICK_MAX_DAYS} days);
                      claims on longer scenarios are listed as "not run"
  --replications N    replications of each scenario, 1 to ${MAX_REPLICATIONS}
                      (default ${FULL_REPLICATIONS}, or ${QUICK_REPLICATIONS} with --quick)
  --seed S            first seed of every scenario (default: each scenario's own seed);
                      replication r uses S + r
  --workers N         worker threads, 1 to 64 (default: the number of cores for 16 runs or more)
  --allow-large-run   go ahead when the runs would simulate more than 25,000,000 contacts (a few
                      minutes; about 1,000 replications of every scenario)
  --help              this text
Each option at most once.

Each claim names its source (004 ¶30 is paragraph 30 of seed 004), its target range and why, the
model's mean over the replications with a 95% interval, and a verdict: within, outside, not
measured (the model has no such figure yet; listed with the figure it needs) or not run.

Exit codes: 0 every measured claim within its range; 1 a measured claim outside its range;
2 bad arguments (the message names the option and the rule); 3 an internal error.`;

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  isTTY: boolean;
}

export interface ValidateOptions {
  json: boolean;
  quick: boolean;
  replications: number;
  seed?: string | number;
  workers?: number;
  /** Go ahead when the runs would take more than a few minutes (core/runSize.ts). */
  allowLargeRun?: boolean;
}

/** Parse the command's arguments, or throw InputError naming the option and the rule; null for --help. */
export function parseValidateArgs(argv: readonly string[]): ValidateOptions | null {
  const { values } = parseCommandLine(
    'validate',
    argv,
    {
      json: { type: 'boolean' },
      quick: { type: 'boolean' },
      replications: { type: 'string' },
      seed: { type: 'string' },
      workers: { type: 'string' },
      'allow-large-run': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    { positionals: 0 },
  );
  if (values.help) return null;
  const quick = values.quick === true;
  return {
    json: values.json === true,
    quick,
    replications: wholeOption('replications', values.replications, 1, MAX_REPLICATIONS) ?? (quick ? QUICK_REPLICATIONS : FULL_REPLICATIONS),
    seed: seedOption(values.seed),
    workers: wholeOption('workers', values.workers, 1, 64),
    allowLargeRun: values['allow-large-run'] === true,
  };
}

export interface ValidationRun extends ValidationTable {
  options: ValidateOptions;
}

/** Run the scenarios the claims need and judge every claim (planning and judging: core/validation/plan.ts). */
export async function runValidation(options: ValidateOptions, claims: readonly Claim[] = CLAIMS, onProgress?: (done: number, total: number) => void): Promise<ValidationRun> {
  const plan = planValidation({ quick: options.quick, replications: options.replications, seed: options.seed }, (file) => readScenarioFile(join(SCENARIO_DIR, file)), claims);
  const tooLarge = options.allowLargeRun ? null : runSizeProblem(sizeOf(plan.jobs));
  if (tooLarge) throw new InputError(`validate: ${tooLarge}. Use fewer --replications, or add --allow-large-run to go ahead.`);
  const workers = options.workers ?? (plan.jobs.length >= 16 ? defaultWorkers() : 1);
  const summaries: RunSummary[] = await runJobs(plan.jobs, workers, { onProgress });
  return { ...judgePlan(plan, summaries), options };
}

// ---- Printing ----------------------------------------------------------------------------------

const WIDTH = 100;

/** Wrap text to WIDTH, the first line after `label`, the rest indented to match. */
function wrap(label: string, text: string): string {
  const indent = ' '.repeat(label.length);
  const lines: string[] = [];
  let line = label;
  for (const word of text.split(/\s+/)) {
    if (line.length > indent.length && line.length + 1 + word.length > WIDTH) {
      lines.push(line);
      line = indent + word;
    } else line += (line.length > indent.length ? ' ' : '') + word;
  }
  lines.push(line);
  return lines.join('\n') + '\n';
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd()).join('\n') + '\n';
}

const VERDICT_WORD: Record<ClaimResult['verdict'], string> = { within: 'within', outside: 'OUTSIDE', 'not measured': 'not measured', 'not run': 'not run' };

function verdictCell(r: ClaimResult, m?: ClaimResult['measurements'][number]): string {
  if (!m) return VERDICT_WORD[r.verdict];
  return VERDICT_WORD[m.verdict] + (m.marginal ? ' (marginal)' : '');
}

function processLabel(p: string): string {
  return p === 'paired' ? '2015-2013' : p;
}

export function formatValidation(v: ValidationRun): string {
  const { options, results } = v;
  let s = 'Validation: the model against the claims in its sources\n';
  s += `${options.replications} replication${options.replications === 1 ? '' : 's'} of each scenario${options.quick ? ' (quick form)' : ''}; mean over replications with a 95% interval.\n`;
  s += 'wd: working days; h: working hours; pts: percentage points. "marginal": the interval reaches across an edge of the range.\n';
  for (const sc of v.scenarios) s += `  ${sc.file}: ${sc.name}; processes ${sc.processes.join(' and ')}; seeds from ${sc.seed}\n`;
  for (const [file, why] of Object.entries(v.skipped)) s += `  ${file}: not run (${why.replace(/^the quick form/, 'quick form')})\n`;
  s += '\n';
  for (const r of results) {
    const c = r.claim;
    s += `${c.id}: ${VERDICT_WORD[r.verdict]}\n`;
    s += wrap('  Claim:    ', c.claim);
    s += wrap('  Source:   ', c.source);
    s += wrap('  Scenario: ', `${c.scenario}, process ${c.process === 'paired' ? '2015 against 2013, same children' : c.process === 'both' ? '2013 and 2015, each judged' : c.process}`);
    s += wrap('  Measure:  ', c.measuredAs);
    s += wrap('  Target:   ', formatTarget(c.target, c.unit));
    s += wrap('  Why:      ', c.why);
    if (c.widened) s += wrap('  Widened:  ', c.widened);
    for (const m of r.measurements) {
      const share = `${Math.round(m.withinShare * 100)}% of ${m.interval.n} replications within`;
      s += wrap('  Measured: ', `${c.process === 'both' ? `${m.process}: ` : ''}${formatMeasurement(m, c.unit)}, 95% interval; ${share}: ${verdictCell(r, m)}`);
    }
    if (r.note) s += wrap(r.verdict === 'not measured' && c.measure === null ? '  Needs:    ' : '  Note:     ', r.note.replace(/^needs /, ''));
    s += '\n';
  }
  const rows: string[][] = [['Claim', 'Process', 'Source', 'Target', 'Measured (95% interval)', 'Verdict']];
  for (const r of results) {
    const c = r.claim;
    const target = formatTarget(c.target, c.unit);
    if (r.measurements.length === 0) rows.push([c.id, processLabel(c.process), c.source.split(/[;(]/)[0].trim(), target, '-', verdictCell(r)]);
    for (const m of r.measurements) rows.push([c.id, processLabel(m.process), c.source.split(/[;(]/)[0].trim(), target, formatMeasurement(m, c.unit), verdictCell(r, m)]);
  }
  s += table(rows);
  const sum = summariseResults(results);
  s += `\n${sum.claims} claims: ${sum.within} within, ${sum.outside} outside, ${sum.notMeasured} not measured (the model has no such figure yet)${sum.notRun ? `, ${sum.notRun} not run (quick form)` : ''}.\n`;
  if (sum.outside) s += 'Claims outside their range mark calibration work to do: the ranges come from the sources and are not moved to fit the model.\n';
  return s;
}

export function validationJson(v: ValidationRun): Record<string, unknown> {
  return tableJson(v);
}

function progressBar(io: Io): ((done: number, total: number) => void) | undefined {
  if (!io.isTTY) return undefined;
  let last = -1;
  return (done, total) => {
    const pct = Math.floor((done / total) * 100);
    if (pct === last) return;
    last = pct;
    const filled = Math.round((pct / 100) * 30);
    io.err(`\r[${'#'.repeat(filled)}${' '.repeat(30 - filled)}] ${String(pct).padStart(3)}%${pct === 100 ? '\n' : ''}`);
  };
}

/** The command; throws InputError for bad arguments (exit 2). */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  const options = parseValidateArgs(argv);
  if (!options) {
    io.out(USAGE + '\n');
    return 0;
  }
  const t0 = performance.now();
  const v = await runValidation(options, CLAIMS, progressBar(io));
  io.out(options.json ? JSON.stringify(validationJson(v)) + '\n' : formatValidation(v));
  io.err(`validate: ${v.results.length} claims, ${v.runs} runs in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
  return exitCodeFor(v.results);
}

const isMain = typeof process !== 'undefined' && process.argv[1] && /validate\.(ts|js|mjs)$/.test(process.argv[1]);
if (isMain) {
  // A closed pipe ends the output quietly, with the exit code the validation had (stdio.ts).
  const io: Io = processStdio();
  runAsProcess(main, io, 3);
}
