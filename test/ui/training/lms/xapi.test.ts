import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scoreOf } from '../../../../src/core/training';
import { VERBS, agentOf, buildStatements, isoDuration, type StatementInput } from '../../../../src/ui/training/lms/xapi';
import { arbitraryResults, workedShift } from './fixtures';

const ACTIVITY = 'https://training.example.org/front-door';

function input(over: Partial<StatementInput> = {}): StatementInput {
  let n = 0;
  return {
    results: over.results ?? workedShift(),
    actor: agentOf('https://lms.example.org', 'L042', 'A Learner'),
    activityId: ACTIVITY,
    title: 'Front door',
    passMark: 60,
    durationMs: 754_320,
    timestamp: '2026-11-29T11:00:00.000Z',
    newId: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
    ...over,
  };
}

describe('xAPI statements', () => {
  it('writes durations as ISO 8601, to a hundredth of a second', () => {
    expect(isoDuration(754_320)).toBe('PT12M34.32S');
    expect(isoDuration(3_600_000)).toBe('PT1H');
    expect(isoDuration(3_661_000)).toBe('PT1H1M1S');
    expect(isoDuration(0)).toBe('PT0S');
  });

  it('gives one answered statement per contact, then completed, then passed or failed, with ADL verbs', () => {
    const st = buildStatements(input());
    expect(st.map((s) => s.verb.id)).toEqual([VERBS.answered.id, VERBS.answered.id, VERBS.answered.id, VERBS.completed.id, VERBS.failed.id]);
    expect(new Set(st.map((s) => s.id)).size).toBe(st.length);
    for (const s of st) expect(s.verb.id.startsWith('http://adlnet.gov/expapi/verbs/')).toBe(true);
  });

  it('says for each contact the response chosen, the reference and whether the level agreed', () => {
    const r = workedShift();
    const st = buildStatements(input({ results: r }));
    r.cases.forEach((c, i) => {
      const s = st[i];
      expect(s.object.id).toBe(`${ACTIVITY}/contact/${c.vignetteId}`);
      expect(s.object.definition.correctResponsesPattern).toEqual([`${c.referenceLevel}-${c.referenceResponse}`]);
      expect(s.result.response).toBe(c.decidedLevel === null ? 'undecided' : `${c.decidedLevel}-${c.decidedResponse}`);
      expect(s.result.success).toBe(c.call === 'agree');
      expect(s.context.contextActivities?.parent[0].id).toBe(ACTIVITY);
    });
  });

  it('carries the score, success, completion and duration on the result', () => {
    const st = buildStatements(input());
    const last = st[st.length - 1];
    expect(last.object.id).toBe(ACTIVITY);
    expect(last.result).toMatchObject({ score: { scaled: 0.46, raw: 46, min: 0, max: 100 }, success: false, completion: true, duration: 'PT12M34.32S' });
    expect(st[st.length - 2].result).toMatchObject({ completion: true, duration: 'PT12M34.32S' });
  });

  it('makes no passed or failed statement without a pass mark (a build that is not the LMS package)', () => {
    const st = buildStatements(input({ passMark: null }));
    expect(st.map((s) => s.verb.id).filter((v) => v === VERBS.passed.id || v === VERBS.failed.id)).toEqual([]);
  });

  it('scores every shift as the core does, and passes it exactly when the core score reaches the pass mark', () => {
    fc.assert(
      fc.property(arbitraryResults, fc.integer({ min: 0, max: 100 }), (results, passMark) => {
        const core = scoreOf(results.cases);
        const st = buildStatements(input({ results, passMark }));
        const last = st[st.length - 1];
        expect(last.result.score).toEqual({ scaled: core.score / 100, raw: core.score, min: 0, max: 100 });
        expect(last.verb.id).toBe(core.score >= passMark ? VERBS.passed.id : VERBS.failed.id);
        expect(last.result.success).toBe(core.score >= passMark);
        expect(st.slice(0, -2).filter((s) => s.result.success).length).toBe(core.agree);
      }),
    );
  });

  it('names the learner by the LMS id when there is one, else by the name typed', () => {
    expect(agentOf('https://lms.example.org', 'L042', 'A Learner')).toEqual({ objectType: 'Agent', name: 'A Learner', account: { homePage: 'https://lms.example.org', name: 'L042' } });
    expect(agentOf('https://x.example', '', 'Anna B').account.name).toBe('Anna B');
    expect(agentOf('https://x.example', '', '').account.name).toBe('anonymous');
  });
});
