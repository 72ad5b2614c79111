/**
 * SCORM 1.2: finding the LMS's API object and what the training tells it.
 *
 * What is reported when a shift ends (README "For a workforce team"):
 * - cmi.core.score.raw / min / max: the core's score (src/core/training/scoring.ts), 0 to 100.
 * - cmi.core.lesson_status: "passed" at or above the pass mark set at build time, else "failed"
 *   (in SCORM 1.2 both mean the lesson is complete).
 * - cmi.core.session_time: the time since the package was opened, HHHH:MM:SS.SS.
 * - one interaction per contact: its id (the vignette's), type "choice", the learner's response
 *   ("3-childInNeed": level and response; "undecided" if none), the reference as the correct
 *   response, and "correct" when the level agrees with the reference (the core's "agree"), else
 *   "wrong". The weighting is the most points the contact could cost (its weight in the score).
 */
import { maxCasePenalty } from '../../../core/training/scoring';
import type { LearnerResults } from '../../../core/training';

/** The SCORM 1.2 runtime API an LMS puts on a window (RTE 3.3). */
export interface Scorm12Api {
  LMSInitialize(arg: ''): string;
  LMSFinish(arg: ''): string;
  LMSGetValue(element: string): string;
  LMSSetValue(element: string, value: string): string;
  LMSCommit(arg: ''): string;
  LMSGetLastError(): string;
  LMSGetErrorString(code: string): string;
}

export interface ApiWindow {
  parent: ApiWindow | null;
  opener?: ApiWindow | null;
}

/** What every SCORM version's session does for the training (connection.ts). */
export interface LmsSession {
  readonly errors: string[];
  start(): boolean;
  report(results: LearnerResults, passMark: number): void;
  finish(): void;
}

/**
 * The API object named `name` on this window or a parent (at most 7 up, as ADL's own finder),
 * else on the opener's chain; `isApi` says whether what is there is one.
 */
export function findApiOnChain<T>(start: ApiWindow, name: string, isApi: (x: unknown) => x is T): T | null {
  const search = (w: ApiWindow | null | undefined): T | null => {
    for (let tries = 0; w && tries <= 7; tries++) {
      try {
        const found = (w as unknown as Record<string, unknown>)[name];
        if (isApi(found)) return found;
      } catch {
        return null; // a window of another origin: it cannot be ours to report to
      }
      if (!w.parent || w.parent === w) break;
      w = w.parent;
    }
    return null;
  };
  const here = search(start);
  if (here) return here;
  try {
    return start.opener ? search(start.opener) : null;
  } catch {
    return null;
  }
}

const isScorm12Api = (x: unknown): x is Scorm12Api => typeof x === 'object' && x !== null && typeof (x as Scorm12Api).LMSInitialize === 'function';

/** SCORM 1.2's API: `window.API` (RTE 3.3.6.1). */
export function findScorm12Api(start: ApiWindow): Scorm12Api | null {
  return findApiOnChain(start, 'API', isScorm12Api);
}

/** CMITimespan, HHHH:MM:SS.SS (RTE 3.4.2). */
export function scormTimespan(ms: number): string {
  const cs = Math.max(0, Math.round(ms / 10));
  const h = Math.floor(cs / 360_000);
  const m = Math.floor((cs % 360_000) / 6_000);
  const s = (cs % 6_000) / 100;
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  return `${pad(h, 4)}:${pad(m, 2)}:${s.toFixed(2).padStart(5, '0')}`;
}

/** How a level and response are written in an interaction. */
export const choiceText = (level: number | null, response: string | null): string => (level === null ? 'undecided' : `${level}-${response ?? 'none'}`);

/**
 * Every value the LMS is sent for one ended shift, in order. `firstInteraction` is the LMS's
 * cmi.interactions._count before (a second shift in one session adds its interactions after).
 */
export function scormValues(results: LearnerResults, passMark: number, firstInteraction: number): [string, string][] {
  const score = results.score.score;
  const out: [string, string][] = [
    ['cmi.core.score.min', '0'],
    ['cmi.core.score.max', '100'],
    ['cmi.core.score.raw', String(score)],
    ['cmi.core.lesson_status', score >= passMark ? 'passed' : 'failed'],
  ];
  results.cases.forEach((c, i) => {
    const n = `cmi.interactions.${firstInteraction + i}`;
    out.push(
      [`${n}.id`, c.vignetteId],
      [`${n}.type`, 'choice'],
      [`${n}.student_response`, choiceText(c.decidedLevel, c.decidedResponse)],
      [`${n}.correct_responses.0.pattern`, choiceText(c.referenceLevel, c.referenceResponse)],
      [`${n}.result`, c.call === 'agree' ? 'correct' : 'wrong'],
      [`${n}.weighting`, String(maxCasePenalty(c.referenceLevel))],
    );
  });
  return out;
}

/** One connection to the LMS for the life of the page. */
export class Scorm12Session implements LmsSession {
  private finished = false;
  /** Errors the LMS reported, for the console of whoever is debugging a package. */
  readonly errors: string[] = [];

  constructor(
    private readonly api: Scorm12Api,
    private readonly openedAt: number,
    private readonly now: () => number,
  ) {}

  /** LMSInitialize, and mark the lesson started. False if the LMS refuses. */
  start(): boolean {
    if (this.api.LMSInitialize('') !== 'true') {
      // 101: already initialised (a reload inside the same LMS frame): carry on in that session.
      if (this.api.LMSGetLastError() !== '101') return this.fail('LMSInitialize');
    }
    const status = this.api.LMSGetValue('cmi.core.lesson_status');
    if (status === 'not attempted' || status === '') this.set('cmi.core.lesson_status', 'incomplete');
    this.commit();
    return true;
  }

  report(results: LearnerResults, passMark: number): void {
    if (this.finished) return;
    const count = Number(this.api.LMSGetValue('cmi.interactions._count')) || 0;
    for (const [k, v] of scormValues(results, passMark, count)) this.set(k, v);
    this.set('cmi.core.session_time', scormTimespan(this.now() - this.openedAt));
    this.commit();
  }

  /** On leaving the page: the session's time, then LMSFinish. */
  finish(): void {
    if (this.finished) return;
    this.finished = true;
    this.set('cmi.core.session_time', scormTimespan(this.now() - this.openedAt));
    this.api.LMSFinish('');
  }

  private set(k: string, v: string): void {
    if (this.api.LMSSetValue(k, v) !== 'true') this.fail(`LMSSetValue ${k}`);
  }

  private commit(): void {
    if (this.api.LMSCommit('') !== 'true') this.fail('LMSCommit');
  }

  private fail(what: string): false {
    const code = this.api.LMSGetLastError();
    this.errors.push(`${what}: ${code} ${this.api.LMSGetErrorString(code)}`);
    return false;
  }
}
