/**
 * SCORM 2004 (4th edition): the same report as SCORM 1.2 (scorm12.ts) in 2004's words, for an LMS
 * that prefers it (`npm run build:lms -- --scorm 2004`).
 *
 * - cmi.score.scaled (0 to 1), raw, min, max: the core's score.
 * - cmi.success_status "passed" or "failed" against the pass mark; cmi.completion_status "completed".
 * - cmi.session_time in ISO 8601 (PT#H#M#S).
 * - one interaction per contact, as in 1.2, with learner_response and "correct" / "incorrect".
 */
import { maxCasePenalty } from '../../../core/training/scoring';
import type { LearnerResults } from '../../../core/training';
import { choiceText, findApiOnChain, type ApiWindow, type LmsSession } from './scorm12';
import { isoDuration } from './xapi';

/** The SCORM 2004 runtime API (RTE 3.1). */
export interface Scorm2004Api {
  Initialize(arg: ''): string;
  Terminate(arg: ''): string;
  GetValue(element: string): string;
  SetValue(element: string, value: string): string;
  Commit(arg: ''): string;
  GetLastError(): string;
  GetErrorString(code: string): string;
}

const isScorm2004Api = (x: unknown): x is Scorm2004Api => typeof x === 'object' && x !== null && typeof (x as Scorm2004Api).Initialize === 'function';

/** SCORM 2004's API: `window.API_1484_11` (RTE 3.1.2). */
export function findScorm2004Api(start: ApiWindow): Scorm2004Api | null {
  return findApiOnChain(start, 'API_1484_11', isScorm2004Api);
}

export function scorm2004Values(results: LearnerResults, passMark: number, firstInteraction: number): [string, string][] {
  const score = results.score.score;
  const out: [string, string][] = [
    ['cmi.score.min', '0'],
    ['cmi.score.max', '100'],
    ['cmi.score.raw', String(score)],
    ['cmi.score.scaled', String(score / 100)],
    ['cmi.success_status', score >= passMark ? 'passed' : 'failed'],
    ['cmi.completion_status', 'completed'],
  ];
  results.cases.forEach((c, i) => {
    const n = `cmi.interactions.${firstInteraction + i}`;
    out.push(
      [`${n}.id`, c.vignetteId],
      [`${n}.type`, 'choice'],
      [`${n}.learner_response`, choiceText(c.decidedLevel, c.decidedResponse)],
      [`${n}.correct_responses.0.pattern`, choiceText(c.referenceLevel, c.referenceResponse)],
      [`${n}.result`, c.call === 'agree' ? 'correct' : 'incorrect'],
      [`${n}.weighting`, String(maxCasePenalty(c.referenceLevel))],
    );
  });
  return out;
}

export class Scorm2004Session implements LmsSession {
  private finished = false;
  readonly errors: string[] = [];

  constructor(
    private readonly api: Scorm2004Api,
    private readonly openedAt: number,
    private readonly now: () => number,
  ) {}

  start(): boolean {
    if (this.api.Initialize('') !== 'true') {
      // 103: already initialised (a reload inside the same LMS frame): carry on in that session.
      if (this.api.GetLastError() !== '103') return this.fail('Initialize');
    }
    const status = this.api.GetValue('cmi.completion_status');
    if (status === 'unknown' || status === 'not attempted' || status === '') this.set('cmi.completion_status', 'incomplete');
    this.commit();
    return true;
  }

  report(results: LearnerResults, passMark: number): void {
    if (this.finished) return;
    const count = Number(this.api.GetValue('cmi.interactions._count')) || 0;
    for (const [k, v] of scorm2004Values(results, passMark, count)) this.set(k, v);
    this.set('cmi.session_time', isoDuration(this.now() - this.openedAt));
    this.commit();
  }

  finish(): void {
    if (this.finished) return;
    this.finished = true;
    this.set('cmi.session_time', isoDuration(this.now() - this.openedAt));
    this.set('cmi.exit', 'normal');
    this.api.Terminate('');
  }

  private set(k: string, v: string): void {
    if (this.api.SetValue(k, v) !== 'true') this.fail(`SetValue ${k}`);
  }

  private commit(): void {
    if (this.api.Commit('') !== 'true') this.fail('Commit');
  }

  private fail(what: string): false {
    const code = this.api.GetLastError();
    this.errors.push(`${what}: ${code} ${this.api.GetErrorString(code)}`);
    return false;
  }
}
