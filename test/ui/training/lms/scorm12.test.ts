import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maxCasePenalty, scoreOf } from '../../../../src/core/training';
import { Scorm12Session, findScorm12Api, scormTimespan, scormValues, type Scorm12Api } from '../../../../src/ui/training/lms/scorm12';
import { arbitraryResults, workedShift } from './fixtures';

/** A stand-in LMS that keeps what it is told (the browser test uses scorm-again itself). */
function fakeApi(): Scorm12Api & { values: Map<string, string>; calls: string[] } {
  const values = new Map<string, string>([['cmi.core.lesson_status', 'not attempted'], ['cmi.interactions._count', '0']]);
  const calls: string[] = [];
  return {
    values,
    calls,
    LMSInitialize: () => (calls.push('init'), 'true'),
    LMSFinish: () => (calls.push('finish'), 'true'),
    LMSGetValue: (k) => values.get(k) ?? '',
    LMSSetValue: (k, v) => {
      calls.push(`set ${k}`);
      values.set(k, v);
      const m = /^cmi\.interactions\.(\d+)\.id$/.exec(k);
      if (m) values.set('cmi.interactions._count', String(Math.max(Number(values.get('cmi.interactions._count')), Number(m[1]) + 1)));
      return 'true';
    },
    LMSCommit: () => (calls.push('commit'), 'true'),
    LMSGetLastError: () => '0',
    LMSGetErrorString: () => '',
  };
}

describe('SCORM 1.2 reporting', () => {
  it('writes times as CMITimespan, HHHH:MM:SS.SS', () => {
    expect(scormTimespan(754_320)).toBe('0000:12:34.32');
    expect(scormTimespan(3_661_000)).toBe('0001:01:01.00');
    expect(scormTimespan(-5)).toBe('0000:00:00.00');
  });

  it('reports the core score out of 100, and passed exactly when it reaches the pass mark', () => {
    fc.assert(
      fc.property(arbitraryResults, fc.integer({ min: 0, max: 100 }), (results, passMark) => {
        const v = new Map(scormValues(results, passMark, 0));
        const score = scoreOf(results.cases).score;
        expect(v.get('cmi.core.score.raw')).toBe(String(score));
        expect([v.get('cmi.core.score.min'), v.get('cmi.core.score.max')]).toEqual(['0', '100']);
        expect(v.get('cmi.core.lesson_status')).toBe(score >= passMark ? 'passed' : 'failed');
        results.cases.forEach((c, i) => {
          expect(v.get(`cmi.interactions.${i}.result`)).toBe(c.call === 'agree' ? 'correct' : 'wrong');
          expect(v.get(`cmi.interactions.${i}.weighting`)).toBe(String(maxCasePenalty(c.referenceLevel)));
        });
      }),
    );
  });

  it('numbers a second shift\u2019s interactions after the first\u2019s', () => {
    const keys = scormValues(workedShift(), 80, 3).map(([k]) => k).filter((k) => k.endsWith('.id'));
    expect(keys).toEqual(['cmi.interactions.3.id', 'cmi.interactions.4.id', 'cmi.interactions.5.id']);
  });

  it('starts the lesson, reports, commits and finishes with the session time', () => {
    const api = fakeApi();
    let now = 1_000;
    const session = new Scorm12Session(api, 1_000, () => now);
    expect(session.start()).toBe(true);
    expect(api.values.get('cmi.core.lesson_status')).toBe('incomplete');
    now += 90_500;
    session.report(workedShift(), 40);
    expect(api.values.get('cmi.core.lesson_status')).toBe('passed');
    expect(api.values.get('cmi.core.session_time')).toBe('0000:01:30.50');
    expect(api.calls.at(-1)).toBe('commit');
    session.report(workedShift(), 40);
    expect(api.values.get('cmi.interactions._count')).toBe('6');
    session.finish();
    session.finish();
    expect(api.calls.filter((c) => c === 'finish')).toHaveLength(1);
    expect(session.errors).toEqual([]);
  });

  it('finds the API on a parent window, or on the opener\u2019s chain, and none when there is none', () => {
    const api = fakeApi();
    const top = { API: api, parent: null as unknown };
    top.parent = top;
    const frame = { parent: top };
    expect(findScorm12Api(frame as never)).toBe(api);
    const alone = { parent: null as unknown, opener: { parent: null as unknown, API: api } };
    alone.parent = alone;
    alone.opener.parent = alone.opener;
    expect(findScorm12Api(alone as never)).toBe(api);
    const none = { parent: null as unknown };
    none.parent = none;
    expect(findScorm12Api(none as never)).toBeNull();
  });

  it('treats a parent of another origin (it throws when read) as no LMS', () => {
    const foreign = Object.defineProperty({ parent: null as unknown }, 'API', {
      get() {
        throw new DOMException('Blocked a frame with origin', 'SecurityError');
      },
    });
    foreign.parent = foreign;
    expect(findScorm12Api({ parent: foreign } as never)).toBeNull();
  });
});
