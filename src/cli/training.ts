/**
 * Training on the command line, for trainers: `npx tsx src/cli/training.ts <command>`.
 *
 *   validate [folder or files...]   check vignettes (default scenarios/training); lists them by level and boundary
 *   draw --seed S [--rules 2013|2015] [--count N] [--folder F]
 *                                   preview a shift: the contacts a class with this seed will get, with the reference answers
 *   class <results.json...> [--csv] combine learners' results files: each learner's figures, each contact's calls
 *
 * A thin adapter: every rule and figure comes from src/core/training. Exit codes: 0 success;
 * 2 bad input (the message names the file, the field and the rule); 1 a defect.
 */
import { readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { formatLondon } from '../core/calendar';
import { rowsToCsv } from '../core/export';
import {
  BOUNDARIES,
  SHIFT_MIXES,
  CALL_KEYS,
  VignetteError,
  isShiftMix,
  classResults,
  loadLibrary,
  parseLearnerResultsText,
  responseInfo,
  startShift,
  type LearnerResults,
  type Rules,
} from '../core/training';
import { InputError, readTextFile, type FileKind } from './io';
import { parseCommandLine, seedOption, wholeOption } from './options';
import { processStdio } from './stdio';

export const TRAINING_USAGE = `Training vignettes and results.

Usage:
  npx tsx src/cli/training.ts validate [folder-or-files...]
  npx tsx src/cli/training.ts draw --seed S [--rules 2013|2015] [--count N] [--mix M] [--folder F]
  npx tsx src/cli/training.ts class <results.json...> [--csv]

  --seed S     a whole number of at most 15 digits, or a word (letters, digits, - _ . :)
  --count N    contacts in the shift, 1 to the number of vignettes (default 8)
  --mix M      which contacts and how spread, as the training form's "Mix of contacts" (default
               balanced): balanced, levels-1-2, levels-2-3, levels-3-4, boundary:<boundary>
               (for example boundary:step-up), or shuffle (any contacts, the draw before mixes)
Each option at most once. Only regular files are read: a vignette of at most 256 KB, a results
file of at most 2 MB.

Exit codes: 0 success, 2 bad input (the message names the file, the field and the rule), 1 a defect.`;

export interface TrainingIo {
  out: (s: string) => void;
  err: (s: string) => void;
}

const DEFAULT_FOLDER = 'scenarios/training';

function readText(path: string, kind: FileKind): string {
  return readTextFile(path, kind);
}

function vignetteFiles(paths: readonly string[]): { name: string; text: string }[] {
  const files: { name: string; text: string }[] = [];
  for (const p of paths.length ? paths : [DEFAULT_FOLDER]) {
    let isDir = false;
    try {
      isDir = statSync(p).isDirectory();
    } catch {
      throw new InputError(`${p}: no such file or folder`);
    }
    if (isDir) {
      for (const f of readdirSync(p).filter((x) => x.endsWith('.json')).sort()) files.push({ name: f, text: readText(join(p, f), 'vignette file') });
    } else {
      files.push({ name: basename(p), text: readText(p, 'vignette file') });
    }
  }
  return files;
}

function validate(args: string[], io: TrainingIo): number {
  const { positionals: paths } = parseCommandLine('training validate', args, {});
  const files = vignetteFiles(paths);
  const lib = loadLibrary(files);
  for (const e of lib.errors) for (const i of e.issues) io.err(`${e.file}: ${i.field}: ${i.rule}\n`);
  const byLevel = [1, 2, 3, 4].map((l) => `level ${l}: ${lib.vignettes.filter((v) => v.reference.level === l).length}`);
  const byBoundary = BOUNDARIES.map((b) => `${b}: ${lib.vignettes.filter((v) => v.boundaries.includes(b)).length}`);
  io.out(`${lib.vignettes.length} of ${files.length} vignettes valid.\n  ${byLevel.join(', ')}\n  ${byBoundary.join(', ')}\n`);
  return lib.errors.length ? 2 : 0;
}

function draw(args: string[], io: TrainingIo): number {
  const { values } = parseCommandLine(
    'training draw',
    args,
    { seed: { type: 'string' }, rules: { type: 'string', default: '2015' }, count: { type: 'string', default: '8' }, mix: { type: 'string', default: 'balanced' }, folder: { type: 'string' } },
    { positionals: 0 },
  );
  if (!isShiftMix(values.mix)) throw new InputError(`--mix: must be one of ${SHIFT_MIXES.map((m) => m.id).join(', ')} (got "${values.mix}")`);
  const seed = seedOption(values.seed);
  if (seed === undefined) throw new InputError('--seed: required (a whole number or a word)');
  if (values.rules !== '2013' && values.rules !== '2015') throw new InputError(`--rules: must be 2013 or 2015 (got "${values.rules}")`);
  // The library's size is the real bound (startShift names it); this one keeps the number sane before the library is read.
  const count = wholeOption('count', values.count, 0, 1000)!;
  const lib = loadLibrary(vignetteFiles(values.folder ? [values.folder] : []));
  if (lib.errors.length) throw new InputError(lib.errors.map((e) => e.message).join('\n'));
  let s;
  try {
    s = startShift(lib.vignettes, { seed: String(seed), rules: values.rules as Rules, count, mix: values.mix });
  } catch (e) {
    if (e instanceof Error && 'issues' in e) throw new InputError((e as { issues: { field: string; rule: string }[] }).issues.map((i) => `--${i.field}: ${i.rule}`).join('\n'));
    throw e;
  }
  io.out(`Seed "${s.settings.seed}", ${s.settings.rules} rules, ${s.cases.length} contacts, mix ${s.settings.mix}; the shift starts ${formatLondon(s.start)}.\n`);
  for (const c of s.cases) {
    const ref = c.vignette.reference;
    io.out(`  ${formatLondon(c.receivedAt)}  due ${formatLondon(c.dueBy)}  level ${ref.level} (${responseInfo(ref.response).text})  ${c.vignette.title} [${c.id}]\n`);
  }
  return 0;
}

function classCommand(args: string[], io: TrainingIo): number {
  const { values, positionals } = parseCommandLine('training class', args, { csv: { type: 'boolean', default: false } });
  if (positionals.length === 0) throw new InputError('class: name at least one results file');
  const loaded: { results: LearnerResults; file: string }[] = [];
  const problems: string[] = [];
  for (const p of positionals) {
    try {
      loaded.push({ results: parseLearnerResultsText(readText(p, 'results file'), p), file: basename(p) });
    } catch (e) {
      if (e instanceof VignetteError) problems.push(...e.issues.map((i) => `${p}: ${i.field}: ${i.rule}`));
      else throw e;
    }
  }
  if (problems.length) throw new InputError(problems.join('\n'));
  const cls = classResults(loaded);
  if (values.csv) {
    io.out(
      rowsToCsv(
        cls.vignettes.map((v) => ({
          vignetteId: v.vignetteId,
          title: v.title,
          referenceLevel: v.referenceLevel,
          learners: v.learners,
          agree: v.agree,
          over: v.over,
          under: v.under,
          undecided: v.undecided,
          ...Object.fromEntries(CALL_KEYS.map((k) => [k === 'undecided' ? 'calledUndecided' : `calledLevel${k}`, v.calls[k]])),
        })),
      ),
    );
    return 0;
  }
  for (const w of cls.warnings) io.err(`warning: ${w}\n`);
  io.out('Learners\n');
  for (const l of cls.learners) {
    const s = l.score;
    io.out(`  ${l.learner}: score ${s.score}; agreed ${s.agree} of ${s.contacts}; too high ${s.over}; too low ${s.under} (level 4: ${s.underLevel4}); late ${s.late}; undecided ${s.undecided}\n`);
  }
  io.out('Each contact (calls at levels 1, 2, 3, 4, undecided)\n');
  for (const v of cls.vignettes) {
    io.out(`  ${v.title}: reference level ${v.referenceLevel}; agreed ${v.agree} of ${v.learners}; calls ${CALL_KEYS.map((k) => v.calls[k]).join(', ')}\n`);
  }
  return 0;
}

/** `training <command> --help` (or -h, or help): the usage, which covers every command. */
const asksForHelp = (args: readonly string[]) => args.includes('--help') || args.includes('-h') || (args.length === 1 && args[0] === 'help');

export function runTraining(argv: string[], io: TrainingIo): number {
  const [command, ...rest] = argv;
  if ((command === 'validate' || command === 'draw' || command === 'class') && asksForHelp(rest)) {
    io.out(`${TRAINING_USAGE}\n`);
    return 0;
  }
  try {
    switch (command) {
      case 'validate':
        return validate(rest, io);
      case 'draw':
        return draw(rest, io);
      case 'class':
        return classCommand(rest, io);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.out(`${TRAINING_USAGE}\n`);
        return command === undefined ? 2 : 0;
      default:
        throw new InputError(`unknown command "${command}"\n\n${TRAINING_USAGE}`);
    }
  } catch (e) {
    if (e instanceof InputError) {
      io.err(`error: ${e.message}\n`);
      return 2;
    }
    if (e instanceof TypeError && (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`error: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

const isMain = typeof process !== 'undefined' && process.argv[1] && /training\.(ts|js|mjs)$/.test(process.argv[1]) && /cli/.test(process.argv[1]);
if (isMain) {
  // A closed pipe ends the output quietly, with the exit code the command had (stdio.ts).
  const io = processStdio();
  try {
    process.exitCode = runTraining(process.argv.slice(2), io);
  } catch (e) {
    io.err(`internal error (a defect in the simulator, please report it): ${(e as Error)?.message ?? String(e)}\n`);
    process.exitCode = 1;
  }
}
