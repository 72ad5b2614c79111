/**
 * The command line: `npm run sim -- <command> ...`. A thin adapter: it parses arguments, reads
 * files and prints; every figure comes from src/core.
 *
 * Exit codes: 0 success; 2 bad input (usage, unreadable file, invalid JSON, a scenario that fails
 * validation), with one clear message on stderr; 1 only for a defect.
 */
import { parseArgs } from 'node:util';
import { compareCsv, traceToCsv, traceToJsonl, rowsToCsv } from '../core/export';
import { PROCESS_NAMES, type ProcessName } from '../core/processes';
import { aggregate, comparisonJobs, runScenario } from '../core/run';
import { parseVariation, sweepJobs, sweepPoints, sweepRows } from '../core/sweep';
import { defaultWorkers, runJobs } from './parallel';
import { checkStaffFor, ScenarioError } from '../core/scenario';
import { InputError, readScenarioFile, writeFileAtomic } from './io';
import { formatCompare, formatRun, formatSweep } from './format';

export const USAGE = `Front door simulator: the Kingston SPA 2013 and 2015 processes.

Usage:
  npm run sim -- run <scenario.json> [--seed N] [--days N] [--process 2013|2015] [--json]
  npm run sim -- compare <scenario.json> [--processes 2013,2015] [--seed N] [--replications R] [--days N] [--json|--csv]
  npm run sim -- trace <scenario.json> [--seed N] [--days N] [--process 2013|2015] --format csv|jsonl [--out FILE]
  npm run sim -- sweep <scenario.json> --vary FIELD=FROM:TO:STEP [--processes 2013,2015] [--replications R] [--workers N] [--json|--csv]

compare and sweep run replications on --workers threads (default: the number of cores when
there are 16 runs or more, otherwise one); the figures are the same whatever the number of workers.

Scenarios are JSON files such as scenarios/kingston-2013.json. Exit codes: 0 success,
2 bad input (the message names the field and the rule), 1 a defect in the simulator.`;

interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  isTTY: boolean;
}

function parseIntOption(name: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^-?\d+$/.test(value.trim())) throw new InputError(`--${name}: must be a whole number (got "${value}")`);
  const n = Number(value);
  if (n < min || n > max) throw new InputError(`--${name}: must be between ${min} and ${max} (got ${n})`);
  return n;
}

function parseSeed(value: string | undefined): string | number | undefined {
  if (value === undefined) return undefined;
  const v = value.trim();
  if (v === '') throw new InputError('--seed: must not be empty');
  if (/^-?\d+$/.test(v)) {
    const n = Number(v);
    if (!Number.isSafeInteger(n)) throw new InputError(`--seed: must be a whole number of at most 15 digits (got "${value}")`);
    return n;
  }
  return v;
}

function parseProcess(value: string | undefined, flag = 'process'): ProcessName | undefined {
  if (value === undefined) return undefined;
  if (!(PROCESS_NAMES as readonly string[]).includes(value)) throw new InputError(`--${flag}: must be 2013 or 2015 (got "${value}")`);
  return value as ProcessName;
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
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      strict: true,
      options: {
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
      },
    });
  } catch (e) {
    throw new InputError(`${(e as Error).message.replace(/\. To specify.*$/s, '')}\n\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) {
    throw new InputError(`${command}: needs exactly one scenario file (got ${positionals.length})\n\n${USAGE}`);
  }
  const seed = parseSeed(values.seed);
  const days = parseIntOption('days', values.days, 1, 3660);

  switch (command) {
    case 'run': {
      const scenario = readScenarioFile(positionals[0]);
      const process = parseProcess(values.process);
      if (process) checkStaff(scenario, process, positionals[0]);
      const { summary } = runScenario(scenario, { seed, days, process, trace: false, onProgress: progressBar(io) });
      io.out(values.json ? JSON.stringify(summary) + '\n' : formatRun(summary));
      return 0;
    }
    case 'compare': {
      const scenario = readScenarioFile(positionals[0]);
      const processes = parseProcesses(values.processes);
      for (const p of processes) checkStaff(scenario, p, positionals[0]);
      const replications = parseIntOption('replications', values.replications, 1, 10000) ?? 1;
      const seedOrDefault = seed ?? scenario.seed;
      const jobs = comparisonJobs(scenario, processes, replications, seedOrDefault, days);
      const workers = parseIntOption('workers', values.workers, 1, 64) ?? autoWorkers(jobs.length);
      const bar = progressBar(io);
      const runs = await runJobs(jobs, workers, { onProgress: bar && ((d, t) => bar(d / t)) });
      const result = aggregate(scenario.name, String(seedOrDefault), processes, replications, runs);
      if (values.json) io.out(JSON.stringify(result) + '\n');
      else if (values.csv) io.out(compareCsv(result));
      else io.out(formatCompare(result));
      return 0;
    }
    case 'sweep': {
      const scenario = readScenarioFile(positionals[0]);
      if (!values.vary) throw new InputError('--vary: is required, e.g. --vary contactsPerWorkingDay=20:80:10');
      const processes = parseProcesses(values.processes);
      for (const p of processes) checkStaff(scenario, p, positionals[0]);
      const replications = parseIntOption('replications', values.replications, 1, 10000) ?? 5;
      const seedOrDefault = seed ?? scenario.seed;
      let variation, jobs;
      try {
        variation = parseVariation(values.vary);
        jobs = sweepJobs(scenario, variation, processes, replications, seedOrDefault, variation.field === 'days' ? undefined : days);
        // A varied value can leave a role unstaffed that a process needs: that is bad input too.
        for (const j of jobs) checkStaffFor(j.scenario, j.process);
      } catch (e) {
        if (e instanceof ScenarioError) throw new InputError(e.issues.map((i) => `${i.field === '--vary' ? '--vary' : `--vary ${i.field}`}: ${i.rule}`).join('\n'));
        throw e;
      }
      const workers = parseIntOption('workers', values.workers, 1, 64) ?? autoWorkers(jobs.length);
      const bar = progressBar(io);
      const runs = await runJobs(jobs, workers, { onProgress: bar && ((d, t) => bar(d / t)) });
      const points = sweepPoints(scenario, variation, processes, replications, seedOrDefault, runs);
      const rows = sweepRows(variation.field, points, processes);
      if (values.json) io.out(JSON.stringify({ scenario: scenario.name, field: variation.field, values: variation.values, processes, replications, seed: String(seedOrDefault), rows }) + '\n');
      else if (values.csv) io.out(rowsToCsv(rows));
      else io.out(formatSweep(variation.field, points, processes));
      return 0;
    }
    case 'trace': {
      const format = values.format;
      if (format !== 'csv' && format !== 'jsonl') throw new InputError(`--format: must be csv or jsonl (got ${format === undefined ? 'nothing' : `"${format}"`})`);
      const scenario = readScenarioFile(positionals[0]);
      const process = parseProcess(values.process);
      if (process) checkStaff(scenario, process, positionals[0]);
      const { sim } = runScenario(scenario, { seed, days, process, onProgress: progressBar(io) });
      const text = format === 'csv' ? traceToCsv(sim.trace) : traceToJsonl(sim.trace);
      if (values.out) writeFileAtomic(values.out, text);
      else io.out(text);
      return 0;
    }
    default:
      throw new InputError(`unknown command "${command}"\n\n${USAGE}`);
  }
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

function checkStaff(scenario: Parameters<typeof checkStaffFor>[0], process: ProcessName, path: string) {
  try {
    checkStaffFor(scenario, process);
  } catch (e) {
    if (e instanceof ScenarioError) throw new InputError(e.issues.map((i) => `${path}: ${i.field}: ${i.rule}`).join('\n'));
    throw e;
  }
}

const isMain = typeof process !== 'undefined' && process.argv[1] && /main\.(ts|js|mjs)$/.test(process.argv[1]);
if (isMain) {
  const io: Io = {
    out: (s) => process.stdout.write(s),
    err: (s) => process.stderr.write(s),
    isTTY: process.stderr.isTTY === true,
  };
  // `npm run sim -- trace ... | head` closes the pipe early: that is not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  main(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      if (e instanceof InputError) {
        process.stderr.write(`error: ${e.message}\n`);
        process.exitCode = 2;
      } else {
        process.stderr.write(`internal error (a defect in the simulator, please report it): ${(e as Error)?.message ?? String(e)}\n`);
        if (process.env.DEBUG) process.stderr.write(`${(e as Error)?.stack}\n`);
        process.exitCode = 1;
      }
    },
  );
}
