/**
 * Options, read the same way by every command (sim, check-process, training, validate, bench):
 * an option the command does not take, an option given twice, or two that contradict each other
 * is bad input (exit 2) naming the option and the command; numbers are whole and bounded; a seed
 * is a whole number or a word everywhere. Every message names the option and the rule.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { readSeed, SEED_RULE } from '../core/seed';
import { InputError } from './io';

type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

type Parsed<O extends OptionsConfig> = ReturnType<typeof parseArgs<{ args: string[]; options: O; allowPositionals: true; strict: true; tokens: true }>>;

function list(options: OptionsConfig): string {
  const names = Object.keys(options).map((o) => `--${o}`);
  return names.length ? names.join(', ') : 'no options';
}

/**
 * `parseArgs` in strict mode, with its errors put in words that name the command and the option.
 * `allowed`, when given, is the part of `options` this command takes (the sim commands share one
 * set of options, each taking a part of it). `positionals`: how many file arguments it takes at most.
 * A command that takes --help also takes the word `help` alone, as `git` and `npm` do (`npm run
 * check-process -- help`): the same as --help.
 */
export function parseCommandLine<O extends OptionsConfig>(
  command: string,
  args: readonly string[],
  options: O,
  { allowed, positionals = Infinity }: { allowed?: readonly string[]; positionals?: number } = {},
): Parsed<O> {
  let parsed: Parsed<O>;
  const takes = allowed ? Object.fromEntries(Object.entries(options).filter(([k]) => allowed.includes(k))) : options;
  try {
    const words = args.length === 1 && args[0] === 'help' && 'help' in options ? ['--help'] : [...args];
    parsed = parseArgs({ args: words, options, allowPositionals: true, strict: true, tokens: true }) as Parsed<O>;
  } catch (e) {
    const err = e as Error & { code?: string };
    const name = /'(-[^' ]+)/.exec(err.message)?.[1] ?? '';
    if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new InputError(`${command}: ${name} is not an option of ${command} (it takes ${list(takes)})`);
    if (err.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      if (/argument missing/.test(err.message)) throw new InputError(`${command}: ${name} needs a value`);
      // The next word starts with a dash (`--seed -5`): it may be a value or a forgotten one.
      if (/ambiguous/.test(err.message)) throw new InputError(`${command}: ${name} needs a value; give one that starts with a dash as ${name}=VALUE`);
      throw new InputError(`${command}: ${name} takes no value`);
    }
    throw new InputError(`${command}: ${err.message.replace(/\. To specify.*$/s, '')}`);
  }
  const seen = new Map<string, string | undefined>();
  for (const t of parsed.tokens) {
    if (t.kind !== 'option') continue;
    if (allowed && !allowed.includes(t.name)) throw new InputError(`${command}: --${t.name} is not an option of ${command} (it takes ${list(takes)})`);
    if (seen.has(t.name)) throw new InputError(`${command}: --${t.name} is given twice; give it once`);
    seen.set(t.name, t.value);
  }
  if (parsed.positionals.length > positionals) {
    throw new InputError(positionals === 0 ? `${command} takes no file arguments (got "${parsed.positionals.join(' ')}")` : `${command} takes at most ${positionals} file argument${positionals === 1 ? '' : 's'} (got ${parsed.positionals.length}: ${parsed.positionals.join(' ')})`);
  }
  return parsed;
}

/** Options that cannot be given together: the first pair present is bad input naming both. */
export function refuseTogether(command: string, values: Record<string, unknown>, ...pairs: [string, string, string?][]): void {
  for (const [a, b, why] of pairs) {
    if (values[a] !== undefined && values[a] !== false && values[b] !== undefined && values[b] !== false) {
      throw new InputError(`${command}: --${a} and --${b} cannot be given together${why ? ` (${why})` : ''}`);
    }
  }
}

/** A whole number from min to max, or undefined when the option is not given. */
export function wholeOption(name: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const v = value.trim();
  if (!/^-?\d+$/.test(v)) throw new InputError(`--${name}: must be a whole number from ${min} to ${max} (got "${value}")`);
  const n = Number(v);
  if (n < min || n > max) throw new InputError(`--${name}: must be a whole number from ${min} to ${max} (got ${v})`);
  return n;
}

/** A seed as every command reads it (src/core/seed.ts), or undefined when the option is not given. */
export function seedOption(value: string | undefined): string | number | undefined {
  if (value === undefined) return undefined;
  const r = readSeed(value);
  if (r.problem !== null) throw new InputError(`--seed: must be ${SEED_RULE}; ${r.problem}`);
  return r.seed;
}

/** A seed as a 32-bit whole number for fast-check: in src/core/seed.ts, where the browser's check reads it too. */
export { seedAsInt32 } from '../core/seed';
