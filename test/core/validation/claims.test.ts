import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLAIMS } from '../../../src/core/validation';
import { ROOT, SCENARIO_DIR } from '../../support/scenarios';

/** The seed documents live beside the repository (../shared/seeds), not in it. */
const SEEDS = join(ROOT, '..', 'shared', 'seeds');
const CITATION = /\d{3} ¶\d+|DOMAIN\.md/;

describe('the validation claims', () => {
  it('are at least 25, with unique kebab-case ids', () => {
    expect(CLAIMS.length).toBeGreaterThanOrEqual(25);
    const ids = CLAIMS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('each cite a source document and paragraph, or DOMAIN.md', () => {
    for (const c of CLAIMS) expect(c.source, c.id).toMatch(CITATION);
  });

  it('draw on 004, 003, 000, 002 and DOMAIN.md', () => {
    const all = CLAIMS.map((c) => c.source).join(' ');
    for (const doc of ['004 ¶', '003 ¶', '000 ¶', '002 ¶', 'DOMAIN.md']) expect(all).toContain(doc);
  });

  it('each have a range with low <= high, a why, a claim and what is measured', () => {
    for (const c of CLAIMS) {
      const [low, high] = c.target;
      expect(Number.isNaN(low) || Number.isNaN(high), c.id).toBe(false);
      expect(low, c.id).toBeLessThanOrEqual(high);
      expect(Number.isFinite(low) || Number.isFinite(high), `${c.id}: a range open on both sides judges nothing`).toBe(true);
      expect(c.why.trim().length, c.id).toBeGreaterThan(20);
      expect(c.claim.trim().length, c.id).toBeGreaterThan(20);
      expect(c.measuredAs.trim().length, c.id).toBeGreaterThan(10);
      if (c.widened !== undefined) expect(c.widened.trim().length, c.id).toBeGreaterThan(10);
      if (c.unit === 'share') expect(low >= 0 && high <= 1, `${c.id}: a share's range lies in [0, 1]`).toBe(true);
    }
  });

  it('each name a shipped scenario', () => {
    const shipped = new Set(readdirSync(SCENARIO_DIR));
    for (const c of CLAIMS) expect(shipped.has(c.scenario), `${c.id}: ${c.scenario}`).toBe(true);
  });

  it('name the figure they need when the model cannot measure them', () => {
    for (const c of CLAIMS) {
      if (c.measure === null) expect(c.needs.trim().length, c.id).toBeGreaterThan(10);
      else expect(typeof c.measure, c.id).toBe('function');
    }
    expect(CLAIMS.filter((c) => c.measure !== null).length).toBeGreaterThanOrEqual(25);
  });

  it.skipIf(!existsSync(SEEDS))('cite paragraphs that exist in the seed documents (skipped when ../shared/seeds is absent)', () => {
    const files = readdirSync(SEEDS);
    const text = (doc: string) => readFileSync(join(SEEDS, files.find((f) => f.startsWith(`${doc}_`))!), 'utf8');
    for (const c of CLAIMS) {
      // "004 ¶38, ¶20; 000 ¶4": each document, then each paragraph up to the next document.
      for (const part of c.source.split(';')) {
        const m = /(\d{3}) (¶\d+(?:, ¶\d+)*)/.exec(part);
        if (!m) continue;
        const doc = m[1];
        const body = text(doc);
        for (const n of m[2].match(/\d+/g)!) {
          if (doc === '004') expect(body, `${c.id}: 004 ¶${n}`).toMatch(new RegExp(`(^|\\s)${n}\\.\\s`));
          else expect(body.split('\n').filter((l) => l.trim() !== '').length, `${c.id}: ${doc} ¶${n}`).toBeGreaterThanOrEqual(Number(n));
        }
      }
    }
  });
});
