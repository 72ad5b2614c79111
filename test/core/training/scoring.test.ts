// Scoring a learner's calls: agreement, over- and under-thresholding counted apart and weighted
// (under-thresholding a level-4 child weighs most), timeliness, and contacts left undecided.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Level } from '../../../src/core/levels';
import { WEIGHTS, casePenalty, classifyCall, maxCasePenalty, scoreShift, thresholdPenalty, type ScoreInput } from '../../../src/core/training';

const level = fc.constantFrom<Level>(1, 2, 3, 4);

describe('the weights', () => {
  it('are 1 per level over, 2 per level under, 3 per level under for a level-4 child, and 1 for a late decision', () => {
    expect({ ...WEIGHTS }).toEqual({ over: 1, under: 2, underLevel4: 3, late: 1 });
  });

  it('give no points for agreement', () => {
    for (const l of [1, 2, 3, 4] as Level[]) expect(casePenalty({ referenceLevel: l, decidedLevel: l, timely: true }).total).toBe(0);
  });

  it('count over-thresholding at 1 point per level', () => {
    expect(thresholdPenalty(1, 2)).toBe(1);
    expect(thresholdPenalty(1, 4)).toBe(3);
    expect(thresholdPenalty(3, 4)).toBe(1);
  });

  it('count under-thresholding at 2 points per level', () => {
    expect(thresholdPenalty(2, 1)).toBe(2);
    expect(thresholdPenalty(3, 2)).toBe(4 / 2);
    expect(thresholdPenalty(3, 1)).toBe(4);
  });

  it('weigh under-thresholding a level-4 child at 3 points per level, the most', () => {
    expect(thresholdPenalty(4, 3)).toBe(3);
    expect(thresholdPenalty(4, 1)).toBe(9);
  });

  it('make any miss downwards cost more than the same miss upwards', () => {
    fc.assert(
      fc.property(level, fc.integer({ min: 1, max: 3 }), (ref, d) => {
        fc.pre(ref - d >= 1 && ref + d <= 4);
        expect(thresholdPenalty(ref, (ref - d) as Level)).toBeGreaterThan(thresholdPenalty(ref, (ref + d) as Level));
      }),
    );
  });

  it('make under-thresholding a level-4 child cost more than the same distance under for any other child', () => {
    fc.assert(
      fc.property(level, fc.integer({ min: 1, max: 3 }), (ref, d) => {
        fc.pre(ref < 4 && ref - d >= 1);
        expect(thresholdPenalty(4, (4 - d) as Level)).toBeGreaterThan(thresholdPenalty(ref, (ref - d) as Level));
      }),
    );
  });

  it('add 1 point for a decision after the one-working-day deadline', () => {
    expect(casePenalty({ referenceLevel: 3, decidedLevel: 3, timely: false })).toMatchObject({ call: 'agree', threshold: 0, late: 1, total: 1 });
    expect(casePenalty({ referenceLevel: 4, decidedLevel: 2, timely: false })).toMatchObject({ call: 'under', threshold: 6, late: 1, total: 7 });
  });

  it('score a contact left undecided as a late level-1 call', () => {
    expect(casePenalty({ referenceLevel: 4, decidedLevel: null, timely: false })).toMatchObject({ call: 'undecided', threshold: 9, late: 1, total: 10 });
    expect(casePenalty({ referenceLevel: 1, decidedLevel: null, timely: false })).toMatchObject({ call: 'undecided', threshold: 0, late: 1, total: 1 });
  });

  it("put each contact's worst call, made late, at its maximum", () => {
    expect([1, 2, 3, 4].map((l) => maxCasePenalty(l as Level))).toEqual([4, 3, 5, 10]);
    fc.assert(
      fc.property(level, fc.option(level, { nil: null }), fc.boolean(), (ref, decided, timely) => {
        expect(casePenalty({ referenceLevel: ref, decidedLevel: decided, timely }).total).toBeLessThanOrEqual(maxCasePenalty(ref));
      }),
    );
  });

  it('classify calls as agree, over, under or undecided', () => {
    expect([classifyCall(2, 2), classifyCall(2, 3), classifyCall(2, 1), classifyCall(2, null)]).toEqual(['agree', 'over', 'under', 'undecided']);
  });
});

describe('a shift score', () => {
  const calls: ScoreInput[] = [
    { referenceLevel: 4, decidedLevel: 4, timely: true, responseAgrees: true }, // agree
    { referenceLevel: 4, decidedLevel: 3, timely: true, responseAgrees: false }, // under a level-4 child: 3
    { referenceLevel: 3, decidedLevel: 2, timely: false, responseAgrees: false }, // under: 2, late: 1
    { referenceLevel: 1, decidedLevel: 2, timely: true, responseAgrees: false }, // over: 1
    { referenceLevel: 2, decidedLevel: null, timely: false }, // undecided: 2 + 1
  ];

  it('counts agreement, over, under (and level-4 under), undecided and lateness apart', () => {
    const s = scoreShift(calls);
    expect(s).toMatchObject({ contacts: 5, agree: 1, over: 1, under: 2, underLevel4: 1, undecided: 1, timely: 3, late: 1, responseAgree: 1 });
  });

  it('adds the points up, by kind', () => {
    const s = scoreShift(calls);
    expect(s).toMatchObject({ pointsOver: 1, pointsUnder: 5, pointsUndecided: 3, pointsLate: 1, points: 10 });
    expect(s.maxPoints).toBe(10 + 10 + 5 + 4 + 3);
    expect(s.score).toBe(Math.round(100 * (1 - 10 / 32)));
  });

  it('is 100 when every call agrees on time, and 0 when every call is the worst, late', () => {
    const refs: Level[] = [1, 2, 3, 4, 4];
    expect(scoreShift(refs.map((r) => ({ referenceLevel: r, decidedLevel: r, timely: true }))).score).toBe(100);
    const worst = refs.map((r) => ({ referenceLevel: r, decidedLevel: (thresholdPenalty(r, 1) >= thresholdPenalty(r, 4) ? 1 : 4) as Level, timely: false }));
    expect(scoreShift(worst).score).toBe(0);
  });

  it('never rises when one call moves further from the reference', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ referenceLevel: level, decidedLevel: level, timely: fc.boolean() }), { minLength: 1, maxLength: 10 }), fc.nat(), (cs, k) => {
        const i = k % cs.length;
        const c = cs[i];
        const further = c.decidedLevel >= c.referenceLevel ? c.decidedLevel + 1 : c.decidedLevel - 1;
        fc.pre(further >= 1 && further <= 4);
        const worse = cs.map((x, j) => (j === i ? { ...x, decidedLevel: further as Level } : x));
        expect(scoreShift(worse).score).toBeLessThanOrEqual(scoreShift(cs).score);
        expect(scoreShift(worse).points).toBeGreaterThan(scoreShift(cs).points);
      }),
    );
  });

  it('is 100 with no contacts', () => {
    expect(scoreShift([]).score).toBe(100);
  });
});
