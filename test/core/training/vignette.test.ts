// The shipped vignette library: every file validates and has a reference answer; the library is
// spread across levels and weighted to the hard boundaries; a malformed file is reported by field.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INDICATORS, LEVELS } from '../../../src/core/levels';
import { PROCESSES } from '../../../src/core/processes';
import {
  BOUNDARIES,
  VignetteError,
  act,
  caseActions,
  loadLibrary,
  parseVignette,
  parseVignetteText,
  responseInfo,
  startShift,
  type ShiftState,
  type Vignette,
} from '../../../src/core/training';

const ROOT = resolve(import.meta.dirname, '..', '..', '..');
const DIR = join(ROOT, 'scenarios', 'training');
const SEEDS = resolve(ROOT, '..', 'shared', 'seeds');

const files = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((name) => ({ name, text: readFileSync(join(DIR, name), 'utf8') }));
const library = loadLibrary(files);
const vignettes = library.vignettes;
const rawBaby = JSON.parse(files.find((f) => f.name === 'baby-bruise-on-cheek.json')!.text) as Record<string, unknown>;

/** The issues a parse throws (fails the test if it does not throw a VignetteError). */
function issuesOf(fn: () => unknown): { field: string; rule: string }[] {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(VignetteError);
    return (e as VignetteError).issues;
  }
  throw new Error('expected a VignetteError, but the vignette parsed');
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a test fixture edited freely
function mutate(f: (v: Record<string, any>) => void): Record<string, unknown> {
  const v = structuredClone(rawBaby);
  f(v);
  return v;
}

describe('the shipped vignette library', () => {
  it('has at least 24 vignettes and every file validates', () => {
    expect(library.errors.map((e) => e.message)).toEqual([]);
    expect(files.length).toBeGreaterThanOrEqual(24);
    expect(vignettes.length).toBe(files.length);
  });

  it('names each file after its vignette id', () => {
    for (const f of files) expect(f.name).toBe(`${parseVignetteText(f.text).id}.json`);
  });

  it('spreads the reference levels across 1-4, at least three at each level', () => {
    for (const level of LEVELS) expect(vignettes.filter((v) => v.reference.level === level).length).toBeGreaterThanOrEqual(3);
  });

  it('covers every hard boundary, and most vignettes teach one', () => {
    for (const b of BOUNDARIES) expect(vignettes.filter((v) => v.boundaries.includes(b)).length, b).toBeGreaterThanOrEqual(2);
    expect(vignettes.filter((v) => v.boundaries.length > 0).length / vignettes.length).toBeGreaterThanOrEqual(0.6);
  });

  it('includes a police notification of domestic abuse at about 02:00 that arrives before the shift', () => {
    const overnight = vignettes.filter((v) => v.boundaries.includes('police-overnight') && v.contact.day === 0 && v.contact.time < '03:00');
    expect(overnight.length).toBeGreaterThanOrEqual(1);
  });

  it('gives every vignette a reference answer: a level, a response of that level, a rationale, sources and four outcomes', () => {
    for (const v of vignettes) {
      expect(LEVELS).toContain(v.reference.level);
      expect(responseInfo(v.reference.response).level, v.id).toBe(v.reference.level);
      expect(v.reference.rationale.length, v.id).toBeGreaterThan(60);
      expect(v.reference.sources.length, v.id).toBeGreaterThan(0);
      for (const level of LEVELS) expect(v.outcomes[level].length, `${v.id} outcome ${level}`).toBeGreaterThan(20);
      for (const id of v.reference.indicators) expect(INDICATORS.map((i) => i.id)).toContain(id);
    }
  });

  it('cites only seed paragraphs that exist', () => {
    if (!existsSync(SEEDS)) return; // the seeds live beside the repository, in ../shared
    const seedText = new Map(readdirSync(SEEDS).filter((f) => /^\d{3}_/.test(f)).map((f) => [f.slice(0, 3), readFileSync(join(SEEDS, f), 'utf8')]));
    for (const v of vignettes) {
      for (const s of v.reference.sources) {
        const m = /^(\d{3})(?: (.+))?$/.exec(s);
        if (!m) continue; // DOMAIN.md
        const text = seedText.get(m[1]);
        expect(text, `${v.id}: seed ${m[1]}`).toBeDefined();
        for (const p of (m[2] ?? '').matchAll(/¶(\d+)/g)) expect(text!, `${v.id}: ${s}`).toMatch(new RegExp(`(^|\\s)${p[1]}\\.\\s`, 'm'));
      }
    }
  });

  it('lets every vignette be worked to its reference answer under both rules, with and without asking for information', () => {
    for (const v of vignettes) {
      for (const rules of ['2013', '2015'] as const) {
        for (const ask of [false, true]) {
          const s = workToReference([v], rules, ask);
          expect(s.ended, `${v.id} ${rules} ask=${ask}`).toBe(true);
          expect(s.cases[0].decision?.level).toBe(v.reference.level);
          // The simulated journey after the decision ends in a final state of the statechart.
          const steps = [...s.cases[0].path, ...s.cases[0].after];
          expect(PROCESSES[rules].root.states[steps[steps.length - 1].to].type, `${v.id} ${rules}`).toBe('final');
        }
      }
    }
  });
});

/** Decide each contact at its reference level, asking for one piece of information first if `ask`. */
function workToReference(lib: Vignette[], rules: '2013' | '2015', ask: boolean): ShiftState {
  let s = startShift(lib, { seed: 'x', rules, count: lib.length });
  for (let guard = 0; !s.ended && guard < 200; guard++) {
    const c = s.cases.find((x) => x.arrived && !x.decision);
    if (!c) {
      s = act(s, { type: 'wait' });
      continue;
    }
    const a = caseActions(s, c.id);
    if (ask && c.requests.length === 0 && a.request.allowed) s = act(s, { type: 'request', caseId: c.id, requestId: c.vignette.information[0].id });
    else if (a.decide.allowed) s = act(s, { type: 'decide', caseId: c.id, level: c.vignette.reference.level, response: c.vignette.reference.response, rationale: 'The reference answer, for the test.' });
    else if (a.takeToDecision.allowed) s = act(s, { type: 'takeToDecision', caseId: c.id });
    else s = act(s, { type: 'wait' });
  }
  return s;
}

describe('a malformed vignette file', () => {
  it('parses when nothing is wrong (the fixture for the cases below)', () => {
    expect(parseVignette(rawBaby).id).toBe('baby-bruise-on-cheek');
  });

  it('names reference.level when the level is out of range', () => {
    const issues = issuesOf(() => parseVignette(mutate((v) => (v.reference.level = 5))));
    expect(issues).toContainEqual({ field: 'reference.level', rule: 'must be a level: a whole number from 1 to 4' });
  });

  it('names a missing section as required', () => {
    const issues = issuesOf(() => parseVignette(mutate((v) => delete v.reference)));
    expect(issues).toContainEqual({ field: 'reference', rule: 'is required' });
  });

  it('names a missing field inside a list item by its index', () => {
    const issues = issuesOf(() => parseVignette(mutate((v) => delete v.information[1].hours)));
    expect(issues).toContainEqual({ field: 'information[1].hours', rule: 'is required' });
  });

  it('names contact.time when the time is not HH:MM', () => {
    const issues = issuesOf(() => parseVignette(mutate((v) => (v.contact.time = '25:00'))));
    expect(issues.map((i) => i.field)).toEqual(['contact.time']);
    expect(issues[0].rule).toMatch(/HH:MM/);
  });

  it('names an unknown field', () => {
    const issues = issuesOf(() => parseVignette(mutate((v) => (v.contact.colour = 'red'))));
    expect(issues).toContainEqual({ field: 'contact.colour', rule: 'is not a known field (colour)' });
  });

  it('names reference.response when the response belongs to another level', () => {
    const issues = issuesOf(() => parseVignette(mutate((v) => (v.reference.response = 'earlyHelp'))));
    expect(issues.map((i) => i.field)).toEqual(['reference.response']);
    expect(issues[0].rule).toMatch(/level-4 response/);
  });

  it('names a source that is neither DOMAIN.md nor a seed paragraph', () => {
    const issues = issuesOf(() => parseVignette(mutate((v) => (v.reference.sources = ['004 ¶29', 'Working Together']))));
    expect(issues.map((i) => i.field)).toEqual(['reference.sources[1]']);
  });

  it('checks a boundary tag against the content (an incomplete-referral form must be incomplete)', () => {
    const issues = issuesOf(() => parseVignette(mutate((v) => (v.boundaries = ['incomplete-referral']))));
    expect(issues.map((i) => i.field)).toEqual(['contact.formComplete']);
  });

  it('reports text that is not JSON against (file), with the file name', () => {
    let error: unknown;
    try {
      parseVignetteText('{ "id": "x", ', 'broken.json');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(VignetteError);
    expect((error as VignetteError).issues[0].field).toBe('(file)');
    expect((error as VignetteError).message).toMatch(/^broken\.json: \(file\): is not valid JSON/);
  });

  it('names id when the file name does not match it', () => {
    const issues = issuesOf(() => parseVignetteText(JSON.stringify(rawBaby), 'some-other-name.json'));
    expect(issues).toEqual([{ field: 'id', rule: 'must match the file name: "baby-bruise-on-cheek" is in some-other-name.json' }]);
  });

  it('reports a duplicate id in a library as an error on the later file, and keeps the rest', () => {
    const text = JSON.stringify(rawBaby);
    const load = loadLibrary([
      { name: 'baby-bruise-on-cheek.json', text },
      { name: 'baby-bruise-on-cheek.json', text },
      { name: 'bad.json', text: '[]' },
    ]);
    expect(load.vignettes.map((v) => v.id)).toEqual(['baby-bruise-on-cheek']);
    expect(load.errors.map((e) => [e.file, e.issues[0].field])).toEqual([
      ['baby-bruise-on-cheek.json', 'id'],
      ['bad.json', '(vignette)'],
    ]);
  });
});
