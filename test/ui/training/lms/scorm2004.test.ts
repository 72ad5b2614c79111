import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scoreOf } from '../../../../src/core/training';
import { Scorm2004Session, findScorm2004Api, scorm2004Values, type Scorm2004Api } from '../../../../src/ui/training/lms/scorm2004';
import { arbitraryResults, workedShift } from './fixtures';

function fakeApi(): Scorm2004Api & { values: Map<string, string>; calls: string[] } {
  const values = new Map<string, string>([['cmi.completion_status', 'unknown'], ['cmi.interactions._count', '0']]);
  const calls: string[] = [];
  return {
    values,
    calls,
    Initialize: () => (calls.push('init'), 'true'),
    Terminate: () => (calls.push('terminate'), 'true'),
    GetValue: (k) => values.get(k) ?? '',
    SetValue: (k, v) => (calls.push(`set ${k}`), values.set(k, v), 'true'),
    Commit: () => (calls.push('commit'), 'true'),
    GetLastError: () => '0',
    GetErrorString: () => '',
  };
}

describe('SCORM 2004 reporting', () => {
  it('reports the core score, scaled and raw, and success exactly when it reaches the pass mark', () => {
    fc.assert(
      fc.property(arbitraryResults, fc.integer({ min: 0, max: 100 }), (results, passMark) => {
        const v = new Map(scorm2004Values(results, passMark, 0));
        const score = scoreOf(results.cases).score;
        expect(v.get('cmi.score.raw')).toBe(String(score));
        expect(Number(v.get('cmi.score.scaled'))).toBe(score / 100);
        expect(v.get('cmi.success_status')).toBe(score >= passMark ? 'passed' : 'failed');
        expect(v.get('cmi.completion_status')).toBe('completed');
        results.cases.forEach((c, i) => expect(v.get(`cmi.interactions.${i}.result`)).toBe(c.call === 'agree' ? 'correct' : 'incorrect'));
      }),
    );
  });

  it('starts incomplete, reports with an ISO 8601 session time, and terminates once with a normal exit', () => {
    const api = fakeApi();
    let now = 0;
    const s = new Scorm2004Session(api, 0, () => now);
    expect(s.start()).toBe(true);
    expect(api.values.get('cmi.completion_status')).toBe('incomplete');
    now = 754_320;
    s.report(workedShift(), 40);
    expect(api.values.get('cmi.session_time')).toBe('PT12M34.32S');
    expect(api.values.get('cmi.success_status')).toBe('passed');
    s.finish();
    s.finish();
    expect(api.values.get('cmi.exit')).toBe('normal');
    expect(api.calls.filter((c) => c === 'terminate')).toHaveLength(1);
  });

  it('finds API_1484_11 on a parent window', () => {
    const api = fakeApi();
    const top = { API_1484_11: api, parent: null as unknown };
    top.parent = top;
    expect(findScorm2004Api({ parent: top } as never)).toBe(api);
    expect(findScorm2004Api(top as never)).toBe(api);
  });
});
