import { beforeAll, describe, expect, it } from 'vitest';
import { main, MAX_REPLICATIONS, QUICK_REPLICATIONS } from '../../src/cli/validate';
import { CLAIMS } from '../../src/core/validation';
import { callMain, runCli } from '../support/cli';


/** Run the real command as a user would; never throws. */
const validate = (args: string[]) => runCli('validate.ts', args, 16 << 20);

/** Call main() in-process; bad arguments (InputError) become exit 2 as in the real command. */
const call = (args: string[]) => callMain(main, args);

interface JsonClaim {
  id: string;
  source: string;
  scenario: string;
  target: { low: number | null; high: number | null };
  why: string;
  verdict: string;
  needs?: string;
  measurements: { process: string; mean: number; low: number; high: number; replications: number; verdict: string }[];
}

describe('npm run validate -- --quick --json', () => {
  let result: { code: number; out: string; err: string };
  let json: { quick: boolean; replications: number; summary: Record<string, number>; claims: JsonClaim[] };

  beforeAll(async () => {
    result = await call(['--quick', '--json']);
    json = JSON.parse(result.out);
  }, 60_000);

  it('prints one JSON object with every claim, its source, range, why and verdict', () => {
    expect(result.out.trim().split('\n')).toHaveLength(1);
    expect(json.quick).toBe(true);
    expect(json.replications).toBe(QUICK_REPLICATIONS);
    expect(json.claims.map((c) => c.id)).toEqual(CLAIMS.map((c) => c.id));
    for (const c of json.claims) {
      expect(['within', 'outside', 'not measured', 'not run']).toContain(c.verdict);
      expect(c.source).toMatch(/\d{3} ¶\d+|DOMAIN\.md/);
      expect(c.why.length).toBeGreaterThan(0);
    }
  });

  it('measures every measurable claim on a short scenario, with a mean and 95% interval over the replications', () => {
    for (const claim of CLAIMS) {
      const c = json.claims.find((x) => x.id === claim.id)!;
      if (claim.measure === null) {
        expect(c.verdict, c.id).toBe('not measured');
        expect(c.needs, c.id).toBeTruthy();
      } else if (claim.scenario === 'kingston-2013.json') {
        expect(['within', 'outside'], c.id).toContain(c.verdict);
        for (const m of c.measurements) {
          expect(m.replications, c.id).toBe(QUICK_REPLICATIONS);
          expect(m.low, c.id).toBeLessThanOrEqual(m.mean);
          expect(m.high, c.id).toBeGreaterThanOrEqual(m.mean);
        }
      } else expect(c.verdict, `${c.id}: the quick form runs only short scenarios`).toBe('not run');
    }
  });

  it('exits 1 exactly when a measured claim is outside its range', () => {
    expect(json.summary.outside + json.summary.within + json.summary.notMeasured + json.summary.notRun).toBe(CLAIMS.length);
    expect(result.code).toBe(json.summary.outside > 0 ? 1 : 0);
  });
});

describe('npm run validate: the real command', () => {
  it('prints the table with every claim and a summary, and its exit code says whether a claim is outside', async () => {
    const r = await validate(['--quick', '--replications', '2']);
    for (const c of CLAIMS) expect(r.stdout).toContain(c.id);
    const m = /(\d+) claims: (\d+) within, (\d+) outside, (\d+) not measured/.exec(r.stdout);
    expect(m).not.toBeNull();
    expect(Number(m![1])).toBe(CLAIMS.length);
    expect(r.code).toBe(Number(m![3]) > 0 ? 1 : 0);
    expect(r.stderr).toMatch(/validate: \d+ claims, \d+ runs in [\d.]+ s/);
  }, 60_000);

  it('--help prints the usage with the bound on --replications and exits 0', async () => {
    const r = await validate(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--replications N');
    expect(r.stdout).toContain(`1 to ${MAX_REPLICATIONS}`);
  }, 30_000);

  it('exits 2 on a bad argument, naming the option and the rule', async () => {
    const r = await validate(['--replications', '0']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`--replications: must be a whole number from 1 to ${MAX_REPLICATIONS} (got 0)`);
  }, 30_000);
});

describe('npm run validate: bad arguments (exit 2)', () => {
  it.each([
    [['--replications', String(MAX_REPLICATIONS + 1)], /--replications: must be a whole number from 1 to 1000/],
    [['--replications', 'many'], /--replications: must be a whole number from 1 to 1000 \(got "many"\)/],
    [['--replications', '2.5'], /--replications: must be a whole number/],
    [['--workers', '0'], /--workers: must be a whole number from 1 to 64/],
    [['--seed', ' '], /--seed: must be a whole number of at most 15 digits, or a word .*; nothing was given/],
    [['--bogus'], /validate: --bogus is not an option of validate/],
    [['--replications'], /--replications/],
    [['scenarios/kingston-2013.json'], /validate takes no file arguments/],
  ])('%j', async (args, message) => {
    const r = await call(args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });

  it('--help and -h print the usage and exit 0', async () => {
    for (const flag of ['--help', '-h']) {
      const r = await call([flag]);
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/^Validation table/);
    }
  });
});
