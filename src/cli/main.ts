/**
 * The command line: `npm run sim -- <command> ...`. A thin adapter: it parses arguments, reads
 * files and prints; every figure comes from src/core.
 *
 * Exit codes: 0 success; 2 bad input (usage, unreadable file, invalid JSON, a scenario that fails
 * validation), with one clear message on stderr; 1 only for a defect.
 */
import { BOUNDS, formatBounds } from '../core/bounds';
import { compareCsv, traceToCsv, traceToJsonl, rowsToCsv } from '../core/export';
import { PROCESS_NAMES, chartFacts, clockOverrides, decisionClockNote, processFileText, shippedProcessFile, type ProcessFile, type ProcessName } from '../core/processes';
import { aggregate, comparisonJobs, processLabel, processRunOptions, runScenario, type ProcessChoice } from '../core/run';
import { RUN_LIMITS, groupDigits, runSizeProblem, sizeOf, type SizedRun } from '../core/runSize';
import { parseVariation, sweepJobs, sweepPoints, sweepRows } from '../core/sweep';
import { defaultWorkers, runJobs } from './parallel';
import { checkStaffFor, runYearsProblem, ScenarioError } from '../core/scenario';
import { InputError, readProcessFile, readScenarioFile, writeFileAtomic } from './io';
import { formatCompare, formatRun, formatSweep } from './format';
import { parseCommandLine, refuseTogether, seedOption, wholeOption } from './options';
import { processStdio, runAsProcess } from './stdio';

/** The bounds of the numeric options (the scenario's own bounds are in src/core/bounds.ts). */
export const OPTION_BOUNDS = {
  days: { min: BOUNDS.days.min, max: BOUNDS.days.max },
  replications: { min: 1, max: 10_000 },
  workers: { min: 1, max: 64 },
} as const;

export const USAGE = `Front door simulator: the Kingston SPA 2013 and 2015 processes.

Usage:
  npm run sim -- run <scenario.json> [--seed S] [--days N] [--process 2013|2015|FILE] [--json]
  npm run sim -- compare <scenario.json> [--processes 2013,2015 | --process FILE] [--seed S] [--replications R] [--days N] [--workers N] [--json|--csv]
  npm run sim -- trace <scenario.json> [--seed S] [--days N] [--process 2013|2015|FILE] --format csv|jsonl [--out FILE]
  npm run sim -- sweep <scenario.json> --vary FIELD=FROM:TO:STEP [--processes 2013,2015 | --process FILE] [--seed S] [--replications R] [--days N] [--workers N] [--json|--csv]
  npm run sim -- export-process 2013|2015 [--out FILE]

Each command takes only the options shown for it, each once; --json and --csv cannot be given together.
  --seed S            a whole number of at most 15 digits, or a word (letters, digits, - _ . :)
  --days N            ${OPTION_BOUNDS.days.min} to ${OPTION_BOUNDS.days.max}: the run's length instead of the scenario's (not with --vary days=...)
  --replications R    ${OPTION_BOUNDS.replications.min} to ${OPTION_BOUNDS.replications.max} (compare: default 1; sweep: default 5); replication r uses seed S + r
  --workers N         ${OPTION_BOUNDS.workers.min} to ${OPTION_BOUNDS.workers.max} threads (default: the number of cores when there are 16 runs or more,
                      otherwise one); the figures are the same whatever the number of workers
  --vary F=A:B:STEP   at most 200 values of one numeric field, each checked against the field's bounds
  --process FILE      a process file (.json, at most 1 MB), as export-process writes and a designer changes:
                      run and trace run it; compare and sweep set it beside the process it was derived from
  --out FILE          trace, export-process: write to FILE (whole or not at all) instead of printing
  --allow-large-run   go ahead with a run larger than the limits below

Run size: a command whose runs would simulate more than ${groupDigits(RUN_LIMITS.contacts)} contacts in all (a few minutes
on a 2-core machine), more than ${groupDigits(RUN_LIMITS.contactsPerRun)} in one run, or more than ${groupDigits(RUN_LIMITS.tracedContactsPerRun)} in one traced run
(trace), is refused before it starts with the estimate, unless --allow-large-run is given.

Scenarios are JSON files such as scenarios/kingston-2013.json (at most 1 MB); each number is bounded:
${formatBounds('  ')}

Exit codes: 0 success, 2 bad input (the message names the field or option and the rule),
1 a defect in the simulator.`;

interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  isTTY: boolean;
}

const OPTIONS = {
  seed: { type: 'string' },
  days: { type: 'string' },
  process: { type: 'string' },
  processes: { type: 'string' },
  replications: { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
  workers: { type: 'string' },
  vary: { type: 'string' },
  json: { type: 'boolean' },
  csv: { type: 'boolean' },
  'allow-large-run': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** The options each command takes (help aside). */
export const COMMAND_OPTIONS: Record<string, readonly (keyof typeof OPTIONS)[]> = {
  run: ['seed', 'days', 'process', 'json', 'allow-large-run', 'help'],
  compare: ['seed', 'days', 'process', 'processes', 'replications', 'workers', 'json', 'csv', 'allow-large-run', 'help'],
  trace: ['seed', 'days', 'process', 'format', 'out', 'allow-large-run', 'help'],
  sweep: ['seed', 'days', 'process', 'processes', 'replications', 'workers', 'vary', 'json', 'csv', 'allow-large-run', 'help'],
  'export-process': ['out', 'help'],
};

function parseIntOption(name: keyof typeof OPTION_BOUNDS, value: string | undefined): number | undefined {
  return wholeOption(name, value, OPTION_BOUNDS[name].min, OPTION_BOUNDS[name].max);
}

function parseProcess(value: string | undefined, flag = 'process'): ProcessName | undefined {
  if (value === undefined) return undefined;
  if (!(PROCESS_NAMES as readonly string[]).includes(value)) throw new InputError(`--${flag}: must be 2013 or 2015 (got "${value}")`);
  return value as ProcessName;
}

/** `--process` of run and trace: a shipped process by name, or a process file (.json). */
function parseProcessChoice(value: string | undefined): ProcessChoice | undefined {
  if (value === undefined || (PROCESS_NAMES as readonly string[]).includes(value)) return value as ProcessName | undefined;
  if (!value.endsWith('.json')) throw new InputError(`--process: must be 2013, 2015 or a process file (.json) (got "${value}")`);
  return readProcessFile(value).file;
}

/**
 * `--process FILE` of compare and sweep: the file's process beside the one it was derived from
 * (the same children through both), or the shipped processes named by --processes (both by default).
 */
function parseCompared(command: string, values: { process?: string; processes?: string }): ProcessChoice[] {
  refuseTogether(command, values, ['process', 'processes', '--process compares a file with the process it was derived from']);
  if (values.process === undefined) return parseProcesses(values.processes);
  if (!values.process.endsWith('.json')) {
    throw new InputError(`--process: with ${command}, must be a process file (.json), which is set beside the process it was derived from; to choose shipped processes use --processes (got "${values.process}")`);
  }
  const file: ProcessFile = readProcessFile(values.process).file;
  if (file.derivedFrom === null) throw new InputError(`${values.process}: derivedFrom: is null, so ${command} has no process to set it beside; give derivedFrom "2013" or "2015"`);
  return [file.derivedFrom, file];
}

/** Refuse, before it starts, a run larger than the limits (core/runSize.ts) unless asked to go ahead. */
function checkRunSize(command: string, runs: readonly SizedRun[], traced: boolean, allowLarge: boolean | undefined): void {
  // --days can take a run past the years whose bank holidays are known (scenario.ts runYearsProblem).
  for (const r of runs) {
    const years = r.days === undefined ? null : runYearsProblem(r.scenario, r.days);
    if (years) throw new InputError(`--days: ${years.rule.replace(/^take/, 'takes')}`);
  }
  if (allowLarge) return;
  const problem = runSizeProblem(sizeOf(runs, traced));
  if (problem) throw new InputError(`${command}: ${problem}. Make it smaller (fewer days, replications, sweep values or contacts a day), or add --allow-large-run to go ahead.`);
}

/**
 * Where a process file's own clocks (its chart's meta `clocks`) take the place of the scenario's
 * figures, one line each: with the figures, or on stderr when the output is JSON, CSV or a trace,
 * so that output stays one format.
 */
function sayClockNotes(io: Io, processes: readonly (ProcessChoice | undefined)[], toStderr: boolean): void {
  const lines: string[] = [];
  for (const p of processes) {
    if (p === undefined || typeof p === 'string') continue;
    const clocks = chartFacts(processRunOptions(p).machine!).clocks;
    const notes = [...clockOverrides(clocks).map((o) => o.text), decisionClockNote(clocks)].filter((x): x is string => x !== null);
    for (const note of notes) lines.push(`Note (${p.id}): ${note}.`);
  }
  if (lines.length === 0) return;
  if (toStderr) io.err(lines.join('\n') + '\n');
  else io.out('\n' + lines.join('\n') + '\n');
}

function progressBar(io: Io): ((f: number) => void) | undefined {
  if (!io.isTTY) return undefined;
  let last = -1;
  return (f: number) => {
    const pct = Math.floor(f * 100);
    if (pct === last) return;
    last = pct;
    const width = 30;
    const filled = Math.round((pct / 100) * width);
    io.err(`\r[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${String(pct).padStart(3)}%${pct === 100 ? '\n' : ''}`);
  };
}

export async function main(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  if (!command) {
    io.err(USAGE + '\n');
    return 2;
  }
  if (command === 'help' || command === '--help' || command === '-h') {
    io.out(USAGE + '\n');
    return 0;
  }
  const allowed = COMMAND_OPTIONS[command];
  if (!allowed) throw new InputError(`unknown command "${command}" (the commands are run, compare, trace, sweep and export-process)\n\n${USAGE}`);
  const { values, positionals } = parseCommandLine(command, rest, OPTIONS, { allowed });
  if (values.help) {
    io.out(USAGE + '\n');
    return 0;
  }
  if (command === 'export-process') return exportProcess(positionals, values.out, io);
  if (positionals.length !== 1) {
    throw new InputError(`${command}: needs exactly one scenario file (got ${positionals.length}${positionals.length ? `: ${positionals.join(' ')}` : ''})\n\n${USAGE}`);
  }
  refuseTogether(command, values, ['json', 'csv', 'one output at a time']);
  const seed = seedOption(values.seed);
  const days = parseIntOption('days', values.days);
  const allowLarge = values['allow-large-run'];

  switch (command) {
    case 'run': {
      const process = parseProcessChoice(values.process);
      const scenario = readScenarioFile(positionals[0]);
      if (process) checkStaff(scenario, process, positionals[0]);
      checkRunSize(command, [{ scenario, days }], false, allowLarge);
      const { summary } = runScenario(scenario, { seed, days, ...(process && processRunOptions(process)), trace: false, onProgress: progressBar(io) });
      io.out(values.json ? JSON.stringify(summary) + '\n' : formatRun(summary));
      sayClockNotes(io, [process], values.json === true);
      return 0;
    }
    case 'compare': {
      const processes = parseCompared(command, values);
      const replications = parseIntOption('replications', values.replications) ?? 1;
      const givenWorkers = parseIntOption('workers', values.workers);
      const scenario = readScenarioFile(positionals[0]);
      for (const p of processes) checkStaff(scenario, p, positionals[0]);
      const seedOrDefault = seed ?? scenario.seed;
      const jobs = comparisonJobs(scenario, processes, replications, seedOrDefault, days);
      checkRunSize(command, jobs, false, allowLarge);
      const workers = givenWorkers ?? autoWorkers(jobs.length);
      const bar = progressBar(io);
      const runs = await runJobs(jobs, workers, { onProgress: bar && ((d, t) => bar(d / t)) });
      const result = aggregate(scenario.name, String(seedOrDefault), processes.map(processLabel), replications, runs);
      if (values.json) io.out(JSON.stringify(result) + '\n');
      else if (values.csv) io.out(compareCsv(result));
      else io.out(formatCompare(result));
      sayClockNotes(io, processes, values.json === true || values.csv === true);
      return 0;
    }
    case 'sweep': {
      if (!values.vary) throw new InputError('sweep: --vary is required, e.g. --vary contactsPerWorkingDay=20:80:10');
      const processes = parseCompared(command, values);
      const replications = parseIntOption('replications', values.replications) ?? 5;
      const givenWorkers = parseIntOption('workers', values.workers);
      const scenario = readScenarioFile(positionals[0]);
      for (const p of processes) checkStaff(scenario, p, positionals[0]);
      const seedOrDefault = seed ?? scenario.seed;
      let variation, jobs;
      try {
        variation = parseVariation(values.vary);
        if (variation.field === 'days' && days !== undefined) throw new InputError('sweep: --days and --vary days=... cannot be given together (the sweep sets the days)');
        jobs = sweepJobs(scenario, variation, processes, replications, seedOrDefault, days);
        // A varied value can leave a role unstaffed that a process needs: that is bad input too.
        for (const j of jobs) checkStaffFor(j.scenario, staffedProcess(j.process));
      } catch (e) {
        if (e instanceof ScenarioError) throw new InputError(e.issues.map((i) => `${i.field === '--vary' ? '--vary' : `--vary ${i.field}`}: ${i.rule}`).join('\n'));
        throw e;
      }
      checkRunSize(command, jobs, false, allowLarge);
      const workers = givenWorkers ?? autoWorkers(jobs.length);
      const bar = progressBar(io);
      const runs = await runJobs(jobs, workers, { onProgress: bar && ((d, t) => bar(d / t)) });
      const points = sweepPoints(scenario, variation, processes, replications, seedOrDefault, runs);
      const labels = processes.map(processLabel);
      const rows = sweepRows(variation.field, points, labels);
      if (values.json) io.out(JSON.stringify({ scenario: scenario.name, field: variation.field, values: variation.values, processes: labels, replications, seed: String(seedOrDefault), rows }) + '\n');
      else if (values.csv) io.out(rowsToCsv(rows));
      else io.out(formatSweep(variation.field, points, labels));
      return 0;
    }
    case 'trace': {
      const format = values.format;
      if (format !== 'csv' && format !== 'jsonl') throw new InputError(`trace: --format must be csv or jsonl (got ${format === undefined ? 'nothing' : `"${format}"`})`);
      const process = parseProcessChoice(values.process);
      const scenario = readScenarioFile(positionals[0]);
      if (process) checkStaff(scenario, process, positionals[0]);
      checkRunSize(command, [{ scenario, days }], true, allowLarge);
      const { sim } = runScenario(scenario, { seed, days, ...(process && processRunOptions(process)), onProgress: progressBar(io) });
      const text = format === 'csv' ? traceToCsv(sim.trace) : traceToJsonl(sim.trace);
      if (values.out) writeFileAtomic(values.out, text);
      else io.out(text);
      sayClockNotes(io, [process], true);
      return 0;
    }
    default:
      throw new InputError(`unknown command "${command}"\n\n${USAGE}`);
  }
}

/** `export-process 2013|2015 [--out FILE]`: a shipped chart as a process file. */
function exportProcess(positionals: string[], out: string | undefined, io: Io): number {
  if (positionals.length !== 1 || !(PROCESS_NAMES as readonly string[]).includes(positionals[0])) {
    throw new InputError(`export-process: needs one process to export, 2013 or 2015 (got ${positionals.length ? `"${positionals.join(' ')}"` : 'nothing'})`);
  }
  const text = processFileText(shippedProcessFile(positionals[0] as ProcessName));
  if (out) writeFileAtomic(out, text);
  else io.out(text);
  return 0;
}

/**
 * Without --workers: threads only when there are enough runs to repay starting them (starting
 * the threads takes about 0.5 s, and on a 2-core machine two threads run only about 1.35x as
 * many runs as one, because one run's garbage collector already uses the second core).
 */
function autoWorkers(jobs: number): number {
  return jobs >= 16 ? defaultWorkers() : 1;
}

function parseProcesses(value: string | undefined): ProcessName[] {
  const processes = (value ?? '2013,2015').split(',').map((p) => parseProcess(p.trim(), 'processes')!);
  if (new Set(processes).size !== processes.length) throw new InputError('--processes: must not name a process twice');
  return processes;
}

/** What checkStaffFor needs of a process: its name, or a file's machine. */
function staffedProcess(p: ProcessChoice): Parameters<typeof checkStaffFor>[1] {
  return typeof p === 'string' ? p : processRunOptions(p).machine!;
}

function checkStaff(scenario: Parameters<typeof checkStaffFor>[0], process: ProcessChoice, path: string) {
  try {
    checkStaffFor(scenario, staffedProcess(process));
  } catch (e) {
    if (e instanceof ScenarioError) throw new InputError(e.issues.map((i) => `${path}: ${i.field}: ${i.rule}`).join('\n'));
    throw e;
  }
}

const isMain = typeof process !== 'undefined' && process.argv[1] && /main\.(ts|js|mjs)$/.test(process.argv[1]);
if (isMain) {
  // A closed pipe (`npm run sim -- trace ... | head`) is not an error: output stops quietly (stdio.ts).
  const io: Io = processStdio();
  runAsProcess(main, io, 1);
}
