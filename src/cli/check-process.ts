/**
 * `npm run check-process -- <scenario.json | process module> [options]`: checks a front-door
 * process against the invariant library (src/core/invariants) over generated scenarios, and
 * prints, for each broken safeguard, the seed and path that replay it and the smallest
 * counterexample found, told as a case chronology.
 *
 * Exit codes: 0 every safeguard held; 1 at least one was broken (a finding about the process,
 * not an error of the command); 2 bad input (the message names the file, the field and the
 * rule); 3 internal error (a defect in the checker or the simulator).
 */
import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { INVARIANTS, invariantById, type Invariant } from '../core/invariants';
import { PROCESS_NAMES, type ProcessName } from '../core/processes';
import { InputError } from './io';
import { loadTarget, DEFAULT_SCENARIO } from './check/load';
import { formatText, toJson, type ReportContext } from './check/report';
import { checkProcess } from './check/runner';

export const USAGE = `Check a front-door process against the safeguards (invariants) it must keep.

Usage:
  npm run check-process -- <scenario.json | process module> [options]

  scenario.json      check the scenario's process (2013 or 2015), on scenarios generated from it
  process module     a .ts or .js file whose default export (or first export) is an XState
                     machine, e.g. a copy of src/core/processes/spa2015.ts that you changed;
                     it runs on scenarios/kingston-2015.json unless --scenario names another

Options:
  --runs N           generated scenarios to try (default 100)
  --seed S           the seed (a whole number); the same seed gives the same report
  --path P           with --seed: replay one counterexample (the path a report prints)
  --only ID,ID       check only these safeguards (see --list)
  --days N           longest generated run in days (default 20)
  --scenario FILE    with a process module: the base scenario
  --process 2013|2015  with a scenario file: check this process instead of the scenario's
  --json             print one JSON object
  --list             list the safeguards, their sources and parameters, and exit

Exit codes: 0 every safeguard held; 1 at least one safeguard was broken (the report says which,
with a replayable counterexample); 2 bad input (the message names the field and the rule);
3 internal error (a defect in the checker or the simulator, please report it).`;

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  isTTY: boolean;
  /** A seed when none is given; the command line draws one at random. */
  randomSeed: () => number;
}

/** A defect in the checker or simulator, as opposed to bad input. */
export class InternalError extends Error {}

function parseWhole(name: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^-?\d+$/.test(value.trim())) throw new InputError(`--${name}: must be a whole number (got "${value}")`);
  const n = Number(value);
  if (n < min || n > max) throw new InputError(`--${name}: must be between ${min} and ${max} (got ${n})`);
  return n;
}

function parseOnly(value: string | undefined): Invariant[] {
  if (value === undefined) return [...INVARIANTS];
  const ids = value.split(',').map((s) => s.trim()).filter(Boolean);
  if (ids.length === 0) throw new InputError('--only: must name at least one safeguard (see --list)');
  return ids.map((id) => {
    const inv = invariantById(id);
    if (!inv) throw new InputError(`--only: "${id}" is not a safeguard; known: ${INVARIANTS.map((i) => i.id).join(', ')}`);
    return inv;
  });
}

export function formatList(): string {
  const out: string[] = [];
  for (const inv of INVARIANTS) {
    out.push(`${inv.id}: ${inv.title}`);
    out.push(`  ${inv.statement}`);
    out.push(`  Source: ${inv.source}`);
    for (const [name, p] of Object.entries(inv.parameters)) out.push(`  Parameter ${name}: ${p.value} ${p.unit} (${p.source})`);
    out.push(`  End of run: ${inv.censoring}`);
    out.push('');
  }
  return out.join('\n');
}

function shellQuote(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

export async function main(argv: string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        runs: { type: 'string' },
        seed: { type: 'string' },
        path: { type: 'string' },
        only: { type: 'string' },
        days: { type: 'string' },
        scenario: { type: 'string' },
        process: { type: 'string' },
        json: { type: 'boolean' },
        list: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    throw new InputError(`${(e as Error).message.replace(/\. To specify.*$/s, '')}\n\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.out(USAGE + '\n');
    return 0;
  }
  if (values.list) {
    io.out(formatList());
    return 0;
  }
  if (positionals.length !== 1) {
    throw new InputError(`needs exactly one scenario file or process module (got ${positionals.length})\n\n${USAGE}`);
  }
  const target = positionals[0];
  const runs = parseWhole('runs', values.runs, 1, 100_000) ?? 100;
  const maxDays = parseWhole('days', values.days, 1, 366) ?? 20;
  const givenSeed = parseWhole('seed', values.seed, -2_147_483_648, 2_147_483_647);
  if (values.path !== undefined) {
    if (!/^\d+(:\d+)*$/.test(values.path)) throw new InputError(`--path: must be numbers separated by colons, as a report prints it (got "${values.path}")`);
    if (givenSeed === undefined) throw new InputError('--path: needs --seed, the seed the report printed with it');
  }
  let process: ProcessName | undefined;
  if (values.process !== undefined) {
    if (!(PROCESS_NAMES as readonly string[]).includes(values.process)) throw new InputError(`--process: must be 2013 or 2015 (got "${values.process}")`);
    process = values.process as ProcessName;
  }
  const invariants = parseOnly(values.only);
  const seed = givenSeed ?? io.randomSeed();

  const t = await loadTarget(target, { scenario: values.scenario, process });
  const scenarioFile = relative('.', t.scenarioFile) || t.scenarioFile;
  const command = [
    'npm run check-process --',
    shellQuote(target),
    ...(values.scenario !== undefined ? ['--scenario', shellQuote(values.scenario)] : []),
    ...(process ? ['--process', process] : []),
    ...(values.days !== undefined ? ['--days', String(maxDays)] : []),
  ].join(' ');
  const ctx: ReportContext = { command, scenarioFile: t.kind === 'module' && values.scenario === undefined ? relative('.', DEFAULT_SCENARIO) : scenarioFile, maxDays };

  let lastShown = -1;
  const progress = io.isTTY && !values.json
    ? (phase: 'search' | 'shrink', done: number, total: number) => {
        const pct = Math.floor((done / Math.max(1, total)) * 100);
        if (pct === lastShown && done !== total) return;
        lastShown = pct;
        io.err(`\r${phase === 'search' ? 'Running generated scenarios' : 'Shrinking counterexamples  '} ${String(pct).padStart(3)}%${done === total ? '\n' : ''}`);
        if (done === total) lastShown = -1;
      }
    : undefined;

  const started = performance.now();
  let report;
  try {
    report = checkProcess({ machine: t.machine, label: t.label }, { base: t.base, runs, seed, invariants, maxDays, path: values.path, onProgress: progress });
  } catch (e) {
    if (t.kind === 'module') throw new InputError(`${target}: the process could not be run: ${(e as Error)?.message ?? String(e)}`);
    throw new InternalError((e as Error)?.message ?? String(e), { cause: e });
  }
  if (values.json) io.out(JSON.stringify(toJson(report, ctx)) + '\n');
  else {
    io.out(formatText(report, ctx));
    const seconds = (performance.now() - started) / 1000;
    io.out(`\n(${seconds.toFixed(1)} s; replay this report with --seed ${seed})\n`);
  }
  return report.failures.length === 0 ? 0 : 1;
}

/** Runs the command and turns every outcome into an exit code (see USAGE). */
export async function run(argv: string[], io: Io): Promise<number> {
  try {
    return await main(argv, io);
  } catch (e) {
    if (e instanceof InputError) {
      io.err(`error: ${e.message}\n`);
      return 2;
    }
    io.err(`internal error (a defect in the checker or the simulator, please report it): ${(e as Error)?.message ?? String(e)}\n`);
    if (typeof process !== 'undefined' && process.env.DEBUG) io.err(`${((e as Error)?.cause as Error)?.stack ?? (e as Error)?.stack}\n`);
    return 3;
  }
}

const isMain = typeof process !== 'undefined' && process.argv[1] && /check-process\.(ts|js|mjs)$/.test(process.argv[1]);
if (isMain) {
  const io: Io = {
    out: (s) => process.stdout.write(s),
    err: (s) => process.stderr.write(s),
    isTTY: process.stderr.isTTY === true,
    randomSeed: () => Math.floor(Math.random() * 2_147_483_647),
  };
  run(process.argv.slice(2), io).then((code) => {
    process.exitCode = code;
  });
}
