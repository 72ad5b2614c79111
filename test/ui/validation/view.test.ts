import { describe, expect, it } from 'vitest';
import { CLAIMS, type Measurement } from '../../../src/core/validation';
import { niceStep, rangeScale, scaleX } from '../../../src/ui/validation/rangeChart';
import { SOURCE_DOCUMENTS, citedDocuments } from '../../../src/ui/validation/sources';

const m = (low: number, mean: number, high: number): Measurement => ({ process: '2013', interval: { mean, low, high, n: 5 } as Measurement['interval'], withinShare: 1, verdict: 'within', marginal: false });

describe('the legend of the sources', () => {
  it('names every document a claim cites, with a title of its own', () => {
    for (const c of CLAIMS) {
      const docs = citedDocuments(c.source);
      expect(docs.length, c.id).toBeGreaterThan(0);
      for (const d of docs) expect(SOURCE_DOCUMENTS, `${c.id} cites ${d.key}`).toContainEqual(d);
    }
  });

  it('reads the documents of a source in the order cited, each once', () => {
    expect(citedDocuments('004 ¶38, ¶29; 000 ¶9; 004 ¶1 and DOMAIN.md (clocks)').map((d) => d.key)).toEqual(['004', '000', 'DOMAIN.md']);
  });
});

describe('the range chart\u2019s scale', () => {
  it('shows the target and every interval, on round ends', () => {
    const s = rangeScale([0.95, 1], [m(0.826, 0.987, 1)], 'share');
    expect(s.min).toBeLessThanOrEqual(0.826);
    expect(s.max).toBe(1);
    expect(s.min).toBeCloseTo(0.8, 10);
  });

  it('never goes below 0 for a count, nor past 100% for a share', () => {
    expect(rangeScale([1, 20], [m(0, 3, 6)], 'count').min).toBe(0);
    expect(rangeScale([0, 1], [m(0.1, 0.5, 0.9)], 'share')).toMatchObject({ min: 0, max: 1 });
  });

  it('marks an open end and keeps it off the scale', () => {
    const s = rangeScale([1, Infinity], [m(30, 40, 50)], 'count');
    expect(s).toMatchObject({ openLow: false, openHigh: true });
    expect(Number.isFinite(s.max)).toBe(true);
    const x = scaleX(s, 10, 110);
    expect(x(Infinity)).toBe(110);
    expect(x(s.min)).toBe(10);
  });

  it('gives a single value room on both sides', () => {
    const s = rangeScale([0, 0], [m(0, 0, 0)], 'percentage points');
    expect(s.min).toBeLessThan(0);
    expect(s.max).toBeGreaterThan(0);
  });

  it('steps by 1, 2 or 5 times a power of ten', () => {
    expect([0.0475, 0.3, 7, 26].map(niceStep)).toEqual([0.05, 0.5, 10, 50]);
  });
});
