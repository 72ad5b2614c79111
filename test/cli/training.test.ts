// The trainers' command line: validate vignettes, preview a shift, combine results files.
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runTraining } from '../../src/cli/training';
import { act, caseActions, learnerResults, loadLibrary, resultsToJson, startShift } from '../../src/core/training';

const ROOT = resolve(import.meta.dirname, '..', '..');
const DIR = join(ROOT, 'scenarios', 'training');

function run(argv: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = runTraining(argv, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

describe('the training command line', () => {
  it('validates the shipped library and counts it by level and boundary', () => {
    const r = run(['validate', DIR]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^(\d+) of \1 vignettes valid\./);
    expect(r.out).toContain('police-overnight: 3');
  });

  it('names the file, the field and the rule of a bad vignette, and exits 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vignettes-'));
    const good = JSON.parse(readFileSync(join(DIR, 'baby-bruise-on-cheek.json'), 'utf8'));
    writeFileSync(join(dir, 'baby-bruise-on-cheek.json'), JSON.stringify({ ...good, reference: { ...good.reference, level: 0 } }));
    const r = run(['validate', dir]);
    expect(r.code).toBe(2);
    expect(r.err).toBe('baby-bruise-on-cheek.json: reference.level: must be a level: a whole number from 1 to 4\n');
  });

  it('previews the contacts a seed draws, with the reference answers', () => {
    const r = run(['draw', '--seed', 'demo', '--rules', '2013', '--count', '4', '--mix', 'shuffle', '--folder', DIR]);
    expect(r.code).toBe(0);
    expect(r.out.trim().split('\n')).toHaveLength(5);
    expect(r.out).toContain('[marf-incomplete-older-boyfriend]');
    // The default is the form's: balanced, one contact of each level in a shift of four.
    const balanced = run(['draw', '--seed', 'demo', '--rules', '2013', '--count', '4', '--folder', DIR]);
    expect(balanced.out).toContain('mix balanced');
    expect([...balanced.out.matchAll(/ level (\d) /g)].map((m) => m[1]).sort()).toEqual(['1', '2', '3', '4']);
    expect(run(['draw', '--seed', 'demo', '--mix', 'all-level-4', '--folder', DIR]).err).toMatch(/^error: --mix: must be one of balanced, /);
  });

  it('refuses a count larger than the library', () => {
    const r = run(['draw', '--seed', 'demo', '--count', '999', '--folder', DIR]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^error: --count: The number of contacts must be a whole number from 1 to \d+\./);
  });

  it("combines learners' results files", () => {
    const lib = loadLibrary(readdirSync(DIR).filter((f) => f.endsWith('.json')).map((name) => ({ name, text: readFileSync(join(DIR, name), 'utf8') }))).vignettes;
    let s = startShift(lib, { seed: 'cli', rules: '2015', count: 3 });
    for (let i = 0; i < 30 && !s.ended; i++) {
      const c = s.cases.find((x) => x.arrived && !x.decision);
      s = c && caseActions(s, c.id).decide.allowed ? act(s, { type: 'decide', caseId: c.id, level: 1, response: 'advice', rationale: 'Everything is level 1 today.' }) : act(s, { type: 'wait' });
    }
    const dir = mkdtempSync(join(tmpdir(), 'results-'));
    writeFileSync(join(dir, 'a.json'), resultsToJson(learnerResults(s, 'Ann')));
    writeFileSync(join(dir, 'b.json'), resultsToJson(learnerResults(s, 'Bob')));
    const r = run(['class', join(dir, 'a.json'), join(dir, 'b.json')]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Ann: score');
    expect(r.out).toContain('Bob: score');
    const csv = run(['class', '--csv', join(dir, 'a.json'), join(dir, 'b.json')]);
    expect(csv.out.split('\n')[0]).toBe('vignetteId,title,referenceLevel,learners,agree,over,under,undecided,calledLevel1,calledLevel2,calledLevel3,calledLevel4,calledUndecided');
  });

  it('reads options as every command does: once each, only its own, a bounded count', () => {
    expect(run(['draw', '--seed', 'a', '--seed', 'b', '--folder', DIR]).err).toBe('error: training draw: --seed is given twice; give it once\n');
    expect(run(['draw', '--seed', 'a', '--csv', '--folder', DIR]).err).toMatch(/^error: training draw: --csv is not an option of training draw/);
    expect(run(['draw', '--seed', 'a', '--count', '1e9', '--folder', DIR]).err).toBe('error: --count: must be a whole number from 0 to 1000 (got "1e9")\n');
    expect(run(['draw', '--seed', '1.5', '--folder', DIR]).code).toBe(2);
    expect(run(['class', 'a.json', '--csv', '--csv']).code).toBe(2);
  });

  it('reads only regular files: a device as a results file is refused by name', () => {
    const r = run(['class', '/dev/zero']);
    expect(r.code).toBe(2);
    expect(r.err).toBe('error: /dev/zero: is a device, not a results file; only regular files are read\n');
  });

  it('exits 2 with the usage for an unknown command', () => {
    const r = run(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('unknown command "frobnicate"');
  });
});
