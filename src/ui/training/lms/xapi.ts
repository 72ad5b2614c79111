/**
 * xAPI statements (xAPI 1.0.3) for a learner's ended shift: the same results as the debrief and the
 * SCORM report, for a learning record store. Pure: the caller passes the actor, the times and the
 * statement ids, so the same inputs always give the same statements.
 *
 * Statements, in order: one "answered" per contact (its response, success when the level agrees
 * with the reference), one "completed", and, when a pass mark is set, one "passed" or "failed"
 * carrying the score (scaled 0-1, raw 0-100), success, completion and the time taken.
 *
 * Why no library: @xapi/xapi brings axios and its 30-odd dependencies to send one POST; the
 * statements are plain JSON, and the browser's fetch sends them (send.ts).
 */
import type { LearnerResults } from '../../../core/training';
import { choiceText } from './scorm12';

/** ADL's verbs (http://adlnet.gov/expapi/verbs/), with their display names. */
export const VERBS = {
  answered: { id: 'http://adlnet.gov/expapi/verbs/answered', display: { 'en-GB': 'answered' } },
  completed: { id: 'http://adlnet.gov/expapi/verbs/completed', display: { 'en-GB': 'completed' } },
  passed: { id: 'http://adlnet.gov/expapi/verbs/passed', display: { 'en-GB': 'passed' } },
  failed: { id: 'http://adlnet.gov/expapi/verbs/failed', display: { 'en-GB': 'failed' } },
} as const;

export const ACTIVITY_TYPES = {
  course: 'http://adlnet.gov/expapi/activities/course',
  interaction: 'http://adlnet.gov/expapi/activities/cmi.interaction',
} as const;

export interface XapiAgent {
  objectType: 'Agent';
  name?: string;
  account: { homePage: string; name: string };
}

export interface XapiActivity {
  objectType: 'Activity';
  id: string;
  definition: {
    name: Record<string, string>;
    type: string;
    interactionType?: 'choice';
    correctResponsesPattern?: string[];
  };
}

export interface XapiResult {
  score?: { scaled: number; raw: number; min: number; max: number };
  success?: boolean;
  completion?: boolean;
  response?: string;
  duration?: string;
  extensions?: Record<string, unknown>;
}

export interface XapiStatement {
  id: string;
  actor: XapiAgent;
  verb: { id: string; display: Record<string, string> };
  object: XapiActivity;
  result: XapiResult;
  context: { contextActivities?: { parent: XapiActivity[] }; extensions: Record<string, unknown> };
  timestamp: string;
}

/** ISO 8601 duration, PT#H#M#S, to a hundredth of a second (xAPI 4.1.5.1 keeps 0.01 s). */
export function isoDuration(ms: number): string {
  const cs = Math.max(0, Math.round(ms / 10));
  const h = Math.floor(cs / 360_000);
  const m = Math.floor((cs % 360_000) / 6_000);
  const s = (cs % 6_000) / 100;
  return `PT${h ? `${h}H` : ''}${m ? `${m}M` : ''}${s || (!h && !m) ? `${s}S` : ''}`;
}

export interface StatementInput {
  results: LearnerResults;
  actor: XapiAgent;
  activityId: string;
  title: string;
  /** Null: no pass mark set (outside the LMS package): no passed or failed statement. */
  passMark: number | null;
  /** Wall-clock milliseconds the learner took over the shift. */
  durationMs: number;
  /** When the shift ended, ISO 8601. */
  timestamp: string;
  /** One id per statement (UUIDs); called in statement order. */
  newId: () => string;
}

/** The learner as an xAPI agent: an account on `homePage` named by the LMS id, or by the name typed. */
export function agentOf(homePage: string, id: string, name: string): XapiAgent {
  return { objectType: 'Agent', ...(name ? { name } : {}), account: { homePage, name: id || name || 'anonymous' } };
}

export function buildStatements(input: StatementInput): XapiStatement[] {
  const { results, actor, activityId, title, passMark, durationMs, timestamp, newId } = input;
  const ext = (k: string) => `${activityId.replace(/\/$/, '')}/extensions/${k}`;
  const course: XapiActivity = { objectType: 'Activity', id: activityId, definition: { name: { 'en-GB': title }, type: ACTIVITY_TYPES.course } };
  const shift = { [ext('shift')]: { seed: results.shift.seed, rules: results.shift.rules, count: results.shift.count } };
  const score = results.score.score;
  const duration = isoDuration(durationMs);

  const answered: XapiStatement[] = results.cases.map((c) => ({
    id: newId(),
    actor,
    verb: VERBS.answered,
    object: {
      objectType: 'Activity',
      id: `${activityId.replace(/\/$/, '')}/contact/${encodeURIComponent(c.vignetteId)}`,
      definition: {
        name: { 'en-GB': c.title },
        type: ACTIVITY_TYPES.interaction,
        interactionType: 'choice',
        correctResponsesPattern: [choiceText(c.referenceLevel, c.referenceResponse)],
      },
    },
    result: {
      success: c.call === 'agree',
      response: choiceText(c.decidedLevel, c.decidedResponse),
      extensions: { [ext('call')]: c.call, [ext('points')]: c.points, [ext('timely')]: c.timely },
    },
    context: { contextActivities: { parent: [course] }, extensions: shift },
    timestamp,
  }));

  const scoreResult = { scaled: score / 100, raw: score, min: 0, max: 100 };
  const completed: XapiStatement = {
    id: newId(),
    actor,
    verb: VERBS.completed,
    object: course,
    result: { score: scoreResult, completion: true, duration },
    context: { extensions: shift },
    timestamp,
  };
  const out = [...answered, completed];
  if (passMark !== null) {
    const success = score >= passMark;
    out.push({
      id: newId(),
      actor,
      verb: success ? VERBS.passed : VERBS.failed,
      object: course,
      result: { score: scoreResult, success, completion: true, duration, extensions: { [ext('passMark')]: passMark } },
      context: { extensions: shift },
      timestamp,
    });
  }
  return out;
}
