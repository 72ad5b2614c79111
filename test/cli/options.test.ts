/**
 * Options read the same way by every command (src/cli/options.ts): an option a command does not
 * take, one given twice, one missing its value, two that contradict each other, a number out of
 * bounds or a seed that is neither a whole number nor a word is bad input naming the option and
 * the command.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/cli/io';
import { parseCommandLine, refuseTogether, seedAsInt32, seedOption, wholeOption } from '../../src/cli/options';
import { readSeed } from '../../src/core/seed';
import { inputProblem } from '../support/cli';

const OPTIONS = { seed: { type: 'string' }, json: { type: 'boolean' }, csv: { type: 'boolean' }, days: { type: 'string' } } as const;

const problem = inputProblem;

describe('parseCommandLine', () => {
  it('names the command and the option it does not take, and lists what it takes', () => {
    expect(problem(() => parseCommandLine('run', ['f.json', '--replications', '5'], OPTIONS))).toBe('run: --replications is not an option of run (it takes --seed, --json, --csv, --days)');
  });

  it('refuses an option the shared set has but this command does not take', () => {
    expect(problem(() => parseCommandLine('run', ['f.json', '--csv'], OPTIONS, { allowed: ['seed', 'json'] }))).toBe('run: --csv is not an option of run (it takes --seed, --json)');
  });

  it('refuses an option given twice, even with the same value', () => {
    expect(problem(() => parseCommandLine('run', ['--seed', '1', '--seed', '1'], OPTIONS))).toBe('run: --seed is given twice; give it once');
    expect(problem(() => parseCommandLine('run', ['--json', '--json'], OPTIONS))).toBe('run: --json is given twice; give it once');
  });

  it('says when an option needs a value or takes none', () => {
    expect(problem(() => parseCommandLine('run', ['--seed'], OPTIONS))).toBe('run: --seed needs a value');
    expect(problem(() => parseCommandLine('run', ['--seed', '-5'], OPTIONS))).toBe('run: --seed needs a value; give one that starts with a dash as --seed=VALUE');
    expect(problem(() => parseCommandLine('run', ['--json=yes'], OPTIONS))).toBe('run: --json takes no value');
  });

  it('refuses file arguments beyond what the command takes', () => {
    expect(problem(() => parseCommandLine('validate', ['a.json'], OPTIONS, { positionals: 0 }))).toBe('validate takes no file arguments (got "a.json")');
    expect(parseCommandLine('run', ['a.json', '--json'], OPTIONS, { positionals: 1 }).positionals).toEqual(['a.json']);
  });

  it('refuses two options that contradict each other, naming both', () => {
    const { values } = parseCommandLine('compare', ['--json', '--csv'], OPTIONS);
    expect(problem(() => refuseTogether('compare', values, ['json', 'csv']))).toBe('compare: --json and --csv cannot be given together');
    expect(() => refuseTogether('compare', parseCommandLine('compare', ['--json'], OPTIONS).values, ['json', 'csv'])).not.toThrow();
  });

  it('never throws anything but bad input on any list of arguments', () => {
    const word = fc.oneof(fc.constantFrom('--seed', '--json', '--csv', '--days', '--', '-x', '--json=1', '--nope', 'f.json', '3'), fc.string());
    fc.assert(
      fc.property(fc.array(word, { maxLength: 8 }), (args) => {
        try {
          parseCommandLine('run', args, OPTIONS, { allowed: ['seed', 'json', 'days'], positionals: 1 });
        } catch (e) {
          expect(e).toBeInstanceOf(InputError);
          expect((e as Error).message).toMatch(/^run(:| takes)/);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe('numbers and seeds', () => {
  it('reads a whole number within its bounds, naming the option and the bounds otherwise', () => {
    expect(wholeOption('days', ' 12 ', 1, 3660)).toBe(12);
    expect(wholeOption('days', undefined, 1, 3660)).toBeUndefined();
    for (const bad of ['0', '3661', '1.5', '1e3', 'ten', '', '99999999999999999999']) {
      expect(problem(() => wholeOption('days', bad, 1, 3660))).toMatch(/^--days: must be a whole number from 1 to 3660 \(got /);
    }
  });

  it('reads a seed the same way as the browser and a scenario file (src/core/seed.ts)', () => {
    for (const text of ['7', '-3', 'abc', 'class-2', 'x:y.z', '1.5', '1e3', 'a b', '', 'x'.repeat(61), '\u001b[31m', '12345678901234567890']) {
      const core = readSeed(text);
      if (core.problem === null) expect(seedOption(text)).toBe(core.seed);
      else expect(problem(() => seedOption(text))).toMatch(/^--seed: must be a whole number of at most 15 digits, or a word/);
    }
    expect(seedOption('42')).toBe(42);
    expect(seedOption('abc')).toBe('abc');
  });

  it('turns any seed into the same 32-bit number every time, keeping those that already are one', () => {
    expect(seedAsInt32(2015)).toBe(2015);
    expect(seedAsInt32(-5)).toBe(-5);
    fc.assert(
      fc.property(fc.oneof(fc.string({ minLength: 1 }), fc.maxSafeInteger()), (s) => {
        const n = seedAsInt32(s);
        expect(Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31).toBe(true);
        expect(seedAsInt32(s)).toBe(n);
      }),
    );
    expect(seedAsInt32('abc')).not.toBe(seedAsInt32('abd'));
  });
});
