/**
 * `npm run check-process -- <scenario.json | 2013 | 2015 | process file | process module> [options]`:
 * checks a front-door process against the invariant library (src/core/invariants) over generated
 * scenarios, and prints, for each broken safeguard, the seed and path that replay it and the
 * smallest counterexample found, told as a case chronology. With `--as-given` it judges scenarios
 * exactly as their files give them instead (check/asGiven.ts): one scenario, or every shipped one.
 *
 * Exit codes: 0 every safeguard held; 1 at least one was broken (a finding about the process,
 * not an error of the command); 2 bad input (the message names the file, the field and the
 * rule); 3 internal error (a defect in the checker or the simulator).
 */
import { relative } from 'node:path';
import { formatBounds } from '../core/bounds';
import { INVARIANTS, invariantById, type Invariant } from '../core/invariants';
import { PROCESS_NAMES, type ProcessName } from '../core/processes';
import { RUN_LIMITS, expectedContacts, groupDigits, runSizeProblem } from '../core/runSize';
import { InputError, readScenarioFile } from './io';
import { parseCommandLine, refuseTogether, seedAsInt32, seedOption, wholeOption } from './options';
import { processStdio } from './stdio';
import { asGivenJson, checkAsGiven, formatAsGiven } from './check/asGiven';
import { checkRunnable, loadTarget, shippedScenarioFiles } from './check/load';
import { checkProcess, formatText, toJson, type ReportContext } from '../core/check';

export const USAGE = `Check a front-door process against the safeguards (invariants) it must keep.

Usage:
  npm run check-process -- <scenario.json | 2013 | 2015 | process file (.json) | process module> [options]

  scenario.json      check the scenario's process (2013 or 2015), on scenarios generated from it
  2013, 2015         a shipped process by name; it runs on its own scenario
                     (scenarios/kingston-2013.json or kingston-2015.json) unless --scenario names another
  process file       a process as JSON (npm run sim -- export-process 2015 writes one to change);
                     it runs on the scenario of the process it was derived from
                     (scenarios/kingston-2013.json or kingston-2015.json) unless --scenario names another
  process module     a .ts or .js file whose default export (or first export) is an XState
                     machine, e.g. a copy of src/core/processes/spa2015.ts that you changed;
                     it runs on scenarios/kingston-2015.json unless --scenario names another

Options (each at most once):
  --as-given         judge scenarios exactly as given instead of generated ones: one run of each, with
                     its days, its warm-up (judged too), its seed, and the workforce its
                     staffingByProcess gives the process. The scenario file itself; for 2013, 2015,
                     a process file or module, the --scenario named, or else every shipped scenario
                     (scenarios/*.json). Not with --runs, --seed, --path, --days or --allow-large-run.
  --runs N           generated scenarios to try, 1 to 100000 (default 100)
  --seed S           a whole number of at most 15 digits, or a word (letters, digits, - _ . :);
                     the same seed gives the same report (a word or a number beyond 32 bits is
                     turned into the 32-bit number the report prints)
  --path P           with --seed, not with --runs: replay one counterexample (the path a report
                     prints: at most 1000 numbers, the first a run from 0 to 99999)
  --only ID,ID       check only these safeguards (see --list)
  --days N           longest generated run in days, 1 to 366 (default 20)
  --scenario FILE    with 2013, 2015, a process file or module: the base scenario
  --process 2013|2015  with a scenario file: check this process instead of the scenario's
  --json             print one JSON object
  --list             list the safeguards, their sources and parameters, and exit (no other options)
  --allow-large-run  go ahead when the generated runs would simulate more than
                     ${groupDigits(RUN_LIMITS.contacts)} contacts in all (the limit of a few minutes)

Files are read only when they are regular files: a scenario, a process file or a process module of at most 1 MB.
A scenario's numbers are bounded:
${formatBounds('  ')}

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

/** The options check-process takes. */
const OPTIONS = {
  runs: { type: 'string' },
  seed: { type: 'string' },
  path: { type: 'string' },
  only: { type: 'string' },
  days: { type: 'string' },
  scenario: { type: 'string' },
  process: { type: 'string' },
  json: { type: 'boolean' },
  list: { type: 'boolean' },
  'as-given': { type: 'boolean' },
  'allow-large-run': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export const MAX_RUNS = 100_000;
/** A replay path: a run index below MAX_RUNS, then fast-check's shrink steps. */
const MAX_PATH_PARTS = 1000;

function checkPath(path: string): void {
  const parts = path.split(':');
  const rule = `must be numbers separated by colons, as a report prints it: at most ${MAX_PATH_PARTS} numbers, the first a run from 0 to ${MAX_RUNS - 1}`;
  if (!/^\d{1,9}(:\d{1,9})*$/.test(path) || parts.length > MAX_PATH_PARTS || Number(parts[0]) >= MAX_RUNS) throw new InputError(`--path: ${rule} (got "${path.length > 60 ? `${path.slice(0, 60)}...` : path}")`);
}

export async function main(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandLine('check-process', argv, OPTIONS, { positionals: 1 });
  if (values.help) {
    io.out(USAGE + '\n');
    return 0;
  }
  if (values.list) {
    const others = Object.keys(values).filter((k) => k !== 'list' && values[k as keyof typeof values] !== undefined);
    if (others.length || positionals.length) throw new InputError(`check-process: --list takes no ${others.length ? `other options (got --${others.join(', --')})` : 'file'}`);
    io.out(formatList());
    return 0;
  }
  if (positionals.length !== 1) {
    throw new InputError(`check-process: needs exactly one scenario file, process (2013 or 2015), process file or process module (got ${positionals.length})\n\n${USAGE}`);
  }
  if (values['as-given']) return asGiven(positionals[0], values, io);
  refuseTogether('check-process', values, ['path', 'runs', 'a replay runs the one counterexample its path names']);
  const target = positionals[0];
  const runs = wholeOption('runs', values.runs, 1, MAX_RUNS) ?? 100;
  const maxDays = wholeOption('days', values.days, 1, 366) ?? 20;
  const givenSeed = seedOption(values.seed);
  if (values.path !== undefined) {
    checkPath(values.path);
    if (givenSeed === undefined) throw new InputError('--path: needs --seed, the seed the report printed with it');
  }
  let process: ProcessName | undefined;
  if (values.process !== undefined) {
    if (!(PROCESS_NAMES as readonly string[]).includes(values.process)) throw new InputError(`--process: must be 2013 or 2015 (got "${values.process}")`);
    process = values.process as ProcessName;
  }
  const invariants = parseOnly(values.only);
  const seed = givenSeed === undefined ? io.randomSeed() : seedAsInt32(givenSeed);

  const t = await loadTarget(target, { scenario: values.scenario, process });
  if (values.path === undefined && !values['allow-large-run']) {
    // The search's runs at their largest: the longest run at the highest demand a variant has (arbitraries.ts).
    const largest = expectedContacts({ ...t.base, contactsPerWorkingDay: t.base.contactsPerWorkingDay * 1.5, warmUpDays: 0, surges: [] }, maxDays);
    const problem = runSizeProblem({ runs, largestRun: largest, contacts: runs * largest, traced: false });
    if (problem) throw new InputError(`check-process: at their longest and busiest, ${problem}. Use fewer --runs or --days, or add --allow-large-run to go ahead.`);
  }
  const scenarioFile = relative('.', t.scenarioFile) || t.scenarioFile;
  const command = [
    'npm run check-process --',
    shellQuote(target),
    ...(values.scenario !== undefined ? ['--scenario', shellQuote(values.scenario)] : []),
    ...(process ? ['--process', process] : []),
    ...(values.days !== undefined ? ['--days', String(maxDays)] : []),
  ].join(' ');
  const ctx: ReportContext = { command, scenarioFile, maxDays };

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
    if (t.kind !== 'scenario' && t.kind !== 'process') throw new InputError(`${target}: the process could not be run: ${(e as Error)?.message ?? String(e)}`);
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

/** The options `--as-given` refuses: a scenario as given has its own length and seed, and is one run. */
const NOT_AS_GIVEN = ['runs', 'seed', 'path', 'days', 'allow-large-run'] as const;

/** `--as-given`: each scenario exactly as given, one run each; exit 1 when any safeguard breaks on any. */
async function asGiven(target: string, values: { [k: string]: string | boolean | undefined }, io: Io): Promise<number> {
  for (const o of NOT_AS_GIVEN) refuseTogether('check-process', values, ['as-given', o, 'a scenario as given has its own days and seed, and is judged in one run']);
  let process: ProcessName | undefined;
  if (values.process !== undefined) {
    if (!(PROCESS_NAMES as readonly string[]).includes(values.process as string)) throw new InputError(`--process: must be 2013 or 2015 (got "${String(values.process)}")`);
    process = values.process as ProcessName;
  }
  const scenario = values.scenario as string | undefined;
  const invariants = parseOnly(values.only as string | undefined);
  const t = await loadTarget(target, { scenario, process });
  const files = t.kind === 'scenario' || scenario !== undefined ? [t.scenarioFile] : shippedScenarioFiles();
  const shown = (f: string) => relative('.', f) || f;
  const runs = files.map((file) => {
    const sc = file === t.scenarioFile ? t.base : readScenarioFile(file);
    checkRunnable(t, sc, shown(file));
    const command = [
      'npm run check-process --',
      shellQuote(target),
      '--as-given',
      ...(t.kind !== 'scenario' ? ['--scenario', shellQuote(shown(file))] : []),
      ...(process ? ['--process', process] : []),
    ].join(' ');
    try {
      return checkAsGiven(t, sc, shown(file), invariants, command);
    } catch (e) {
      if (t.kind !== 'scenario' && t.kind !== 'process') throw new InputError(`${target}: the process could not be run on ${shown(file)}: ${(e as Error)?.message ?? String(e)}`);
      throw new InternalError((e as Error)?.message ?? String(e), { cause: e });
    }
  });
  if (values.json) io.out(JSON.stringify(asGivenJson(t.label, runs)) + '\n');
  else io.out(formatAsGiven(t.label, runs, invariants));
  return runs.every((r) => r.results.every((x) => x.holds)) ? 0 : 1;
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
  // A closed pipe (`npm run check-process ... | head -1`) ends the output quietly, with the exit code the check had (stdio.ts).
  const io: Io = { ...processStdio(), randomSeed: () => Math.floor(Math.random() * 2_147_483_647) };
  run(process.argv.slice(2), io).then((code) => {
    process.exitCode = code;
  });
}
