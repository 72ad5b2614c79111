// Balanced shifts: the trainer's mix, the spread over levels and boundaries, the time limit's
// bounds, and the N shortcut's "next contact that can be decided now".
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BOUNDARIES,
  SHIFT_LIMITS,
  SHIFT_MIXES,
  ShiftActionError,
  act,
  caseActions,
  classResults,
  drawVignettes,
  learnerResults,
  loadLibrary,
  mixPool,
  nextToDecide,
  parseLearnerResultsText,
  resultsToJson,
  startShift,
  validateConfig,
  type ShiftMix,
} from '../../../src/core/training';

const DIR = resolve(import.meta.dirname, '..', '..', '..', 'scenarios', 'training');
const library = loadLibrary(readdirSync(DIR).filter((f) => f.endsWith('.json')).map((name) => ({ name, text: readFileSync(join(DIR, name), 'utf8') }))).vignettes;
const SEEDS = Array.from({ length: 40 }, (_, i) => `class-${i}`);

const levelCounts = (mix: ShiftMix, seed: string, count: number) => {
  const n = [0, 0, 0, 0];
  for (const v of drawVignettes(library, seed, count, mix)) n[v.reference.level - 1]++;
  return n;
};

describe('a balanced shift', () => {
  it('gives every seed of 8 contacts two of each level (the library has at least two of each)', () => {
    for (const seed of SEEDS) expect(levelCounts('balanced', seed, 8), seed).toEqual([2, 2, 2, 2]);
  });

  it('spreads any count over the levels as evenly as the library allows', () => {
    const available = [1, 2, 3, 4].map((l) => library.filter((v) => v.reference.level === l).length);
    for (let count = 1; count <= library.length; count++) {
      const n = levelCounts('balanced', 'class-3', count);
      expect(n.reduce((a, b) => a + b)).toBe(count);
      // No level gets two more than another unless that other has run out.
      for (let a = 0; a < 4; a++) for (let b = 0; b < 4; b++) if (n[a] < available[a]) expect(n[b] - n[a], `count ${count}: ${n}`).toBeLessThanOrEqual(1);
    }
  });

  it('meets every hard boundary in a shift of 8, for every seed', () => {
    for (const seed of SEEDS) {
      const met = new Set(drawVignettes(library, seed, 8, 'balanced').flatMap((v) => v.boundaries));
      expect([...met].sort(), seed).toEqual([...BOUNDARIES].sort());
    }
  });

  it('is the same for everyone with the same seed, whatever order the library is read in, and differs between seeds', () => {
    const a = drawVignettes(library, 'class-7', 8, 'balanced').map((v) => v.id);
    expect(drawVignettes([...library].reverse(), 'class-7', 8, 'balanced').map((v) => v.id)).toEqual(a);
    expect(new Set(a).size).toBe(8);
    expect(drawVignettes(library, 'class-8', 8, 'balanced').map((v) => v.id)).not.toEqual(a);
  });

  it('ends, with the whole pool, when asked for more contacts than the pool holds', () => {
    expect(drawVignettes(library, 'class-1', 999, 'levels-3-4')).toHaveLength(mixPool(library, 'levels-3-4').length);
    expect(drawVignettes([], 'class-1', 5, 'balanced')).toEqual([]);
  });

  it("keeps a shift saved before mixes (no mix) on the plain shuffle's contacts", () => {
    const old = startShift(library, { seed: 'class-7', rules: '2015', count: 8 });
    expect(old.cases.map((c) => c.id).sort()).toEqual(drawVignettes(library, 'class-7', 8).map((v) => v.id).sort());
  });
});

describe('a mix the trainer chooses', () => {
  it('draws only from its pool: a level pair, or one boundary', () => {
    for (const { id } of SHIFT_MIXES) {
      const pool = new Set(mixPool(library, id).map((v) => v.id));
      expect(pool.size, id).toBeGreaterThan(0);
      const drawn = drawVignettes(library, 'class-1', pool.size, id);
      expect(new Set(drawn.map((v) => v.id)), id).toEqual(pool);
    }
    for (const v of mixPool(library, 'levels-3-4')) expect([3, 4]).toContain(v.reference.level);
    for (const v of mixPool(library, 'boundary:step-up')) expect(v.boundaries).toContain('step-up');
  });

  it('splits the level 3/4 boundary evenly between the two levels', () => {
    for (const seed of SEEDS) {
      const n = levelCounts('levels-3-4', seed, 6);
      expect(n, seed).toEqual([0, 0, 3, 3]);
    }
  });

  it('refuses more contacts than the mix has, an unknown mix and a time limit out of bounds, naming each field', () => {
    const pool = mixPool(library, 'boundary:step-down').length;
    const issues = validateConfig({ seed: 's', rules: '2013', count: pool + 1, mix: 'boundary:step-down', timeLimitMinutes: SHIFT_LIMITS.timeLimitMinutes + 1 }, library);
    expect(issues.map((i) => i.field)).toEqual(['count', 'timeLimitMinutes']);
    expect(issues[0].rule).toContain(`from 1 to ${pool}`);
    expect(validateConfig({ seed: 's', rules: '2013', count: 2, mix: 'levels-9-10' as ShiftMix }, library).map((i) => i.field)).toEqual(['mix']);
    for (const bad of [0, 1.5, -3]) expect(validateConfig({ seed: 's', rules: '2013', count: 2, timeLimitMinutes: bad }, library).map((i) => i.field)).toEqual(['timeLimitMinutes']);
    expect(validateConfig({ seed: 's', rules: '2013', count: 2, timeLimitMinutes: SHIFT_LIMITS.timeLimitMinutes }, library)).toEqual([]);
    expect(() => startShift(library, { seed: 's', rules: '2013', count: pool + 1, mix: 'boundary:step-down' })).toThrow(ShiftActionError);
  });

  it('is written into the results file and read back; a file without it still loads', () => {
    let s = startShift(library, { seed: 'class-2', rules: '2015', count: 3, mix: 'levels-3-4', timeLimitMinutes: 45 });
    s = act(s, { type: 'end' });
    const r = learnerResults(s, 'A');
    expect(r.shift.mix).toBe('levels-3-4');
    expect(r.shift.timeLimitMinutes).toBe(45);
    expect(parseLearnerResultsText(resultsToJson(r)).shift.mix).toBe('levels-3-4');
    const { mix: _mix, timeLimitMinutes: _limit, ...older } = r.shift;
    expect(parseLearnerResultsText(JSON.stringify({ ...r, shift: older })).shift.mix).toBeUndefined();
    expect(() => parseLearnerResultsText(JSON.stringify({ ...r, shift: { ...r.shift, mix: 'all-level-4' } }))).toThrow(/shift\.mix/);
  });
});

describe('the next contact to decide (the N shortcut)', () => {
  it('skips a contact waiting for answers, says why, and goes to one that can be decided', () => {
    let s = startShift(library.filter((v) => ['police-da-strangulation', 'police-da-first-argument'].includes(v.id)), { seed: 't', rules: '2015', count: 2 });
    const [first, second] = s.cases.map((c) => c.id);
    s = act(s, { type: 'open', caseId: first });
    const info = s.cases[0].vignette.information.find((i) => i.hours >= 1)!;
    s = act(s, { type: 'request', caseId: first, requestId: info.id });
    expect(caseActions(s, first).decide.allowed).toBe(false);
    const found = nextToDecide(s, null);
    expect(found.caseId).toBe(second);
    expect(found.skipped.map((x) => x.caseId)).toEqual([first]);
    expect(found.skipped[0].reason).toMatch(/answer|gathered/);
    // From the second contact, round the queue: the first still cannot be decided, so the second again.
    expect(nextToDecide(s, second)).toMatchObject({ caseId: second });
  });

  it('finds none when every contact that has arrived is waiting, and lists them', () => {
    let s = startShift(library.filter((v) => v.id === 'police-da-strangulation'), { seed: 't', rules: '2015', count: 1 });
    const id = s.cases[0].id;
    s = act(s, { type: 'request', caseId: id, requestId: s.cases[0].vignette.information.find((i) => i.hours >= 1)!.id });
    const found = nextToDecide(s, id);
    expect(found.caseId).toBeNull();
    expect(found.skipped.map((x) => x.caseId)).toEqual([id]);
  });
});

describe('decisions that play out', () => {
  it("sets the reference call's journey beside the learner's, from the same moment", () => {
    let s = startShift(library.filter((v) => v.id === 'conflicting-belt-marks'), { seed: 't', rules: '2015', count: 1 });
    const id = s.cases[0].id;
    while (!s.cases[0].arrived) s = act(s, { type: 'wait' });
    s = act(s, { type: 'decide', caseId: id, level: 2, response: 'earlyHelp', rationale: 'Looks like a family that needs some support.' });
    const c = s.cases[0];
    expect(c.vignette.reference.level).toBe(4);
    expect(c.path.at(-1)!.detail).toBe('level 2');
    expect(c.referenceJourney[0]).toMatchObject({ event: 'threshold.decided', detail: 'level 4', from: c.path.at(-1)!.from });
    // The reference call goes straight to a strategy discussion; the learner's to early help,
    // which steps the case up before the strategy discussion comes.
    const strategy = (steps: readonly { event: string }[]) => steps.findIndex((p) => p.event === 'strategy.held');
    expect(strategy(c.referenceJourney)).toBe(1);
    expect(c.after[0].event).toBe('earlyHelp.escalated');
    expect(strategy(c.after)).toBeGreaterThan(1);
  });
});

describe('a class, by hard boundary', () => {
  it('counts the calls on contacts teaching each boundary, and puts the boundary where the class strayed most first', () => {
    const run = (level: 1 | 2 | 3 | 4) => {
      let s = startShift(library.filter((v) => ['conflicting-belt-marks', 'cumulative-two-needs-only'].includes(v.id)), { seed: 't', rules: '2015', count: 2 });
      for (const c of s.cases) {
        while (!s.cases.find((x) => x.id === c.id)!.arrived) s = act(s, { type: 'wait' });
        const v = c.vignette;
        const l = v.boundaries.includes('conflicting-accounts') ? level : v.reference.level;
        const response = l === v.reference.level ? v.reference.response : ({ 1: 'advice', 2: 'earlyHelp', 3: 'childInNeed', 4: 'strategyDiscussion' } as const)[l];
        s = act(s, { type: 'decide', caseId: c.id, level: l, response, rationale: 'A rationale long enough to record.' });
      }
      return s.ended ? s : act(s, { type: 'end' });
    };
    const files = [{ results: learnerResults(run(2), 'A') }, { results: learnerResults(run(3), 'B') }, { results: learnerResults(run(4), 'C') }];
    const rows = classResults(files).boundaries;
    const conflicting = rows.find((r) => r.boundary === 'conflicting-accounts')!;
    expect(conflicting).toMatchObject({ calls: 3, under: 2, agree: 1, over: 0 });
    expect(rows[0].boundary).toBe('conflicting-accounts');
    for (const r of rows) expect(r.agree + r.under + r.over + r.undecided).toBe(r.calls);
  });
});
