/**
 * The learner's results file (JSON, format version 1): what it holds, checked field by field when
 * it is loaded. Learners' saved results must keep loading: a change here is a new format version.
 */
import { z } from '../../zod';
import type { Level } from '../../levels';
import { BOUNDARIES, RESPONSE_IDS } from '../vignette';
import { SHIFT_MIXES, isShiftMix } from '../shift/draw';
import { SHIFT_LIMITS } from '../shift/settings';

export const RESULTS_FORMAT = 'spa-front-door-training-results';

const levelField = z.number({ message: 'must be a level from 1 to 4' }).int('must be a level from 1 to 4').min(1, 'must be a level from 1 to 4').max(4, 'must be a level from 1 to 4').transform((n) => n as Level);
const londonTime = z.string({ message: 'must be a London time written YYYY-MM-DD HH:MM' }).regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/, 'must be a London time written YYYY-MM-DD HH:MM');
const responseField = z.enum(RESPONSE_IDS, { message: `must be one of ${RESPONSE_IDS.join(', ')}` });
/**
 * Bounds on what a results file can hold, so that a file of 20,000 cases or 30 MB (issue 17) is
 * refused by name before it freezes the page: a shift is drawn from the vignette library (a few
 * dozen contacts), each contact's path is a few dozen steps, a rationale a few paragraphs.
 */
export const RESULTS_LIMITS = {
  cases: 200,
  pathSteps: 200,
  /** A rationale, generously: about ten pages of text. */
  rationale: 20_000,
  /** Any other text: an id, a title, a state, a step's words. */
  text: 2_000,
  /** Information requests or answers for one contact. */
  requests: 100,
  /** Working hours late: a year of working days. */
  hoursLate: 2_250,
  /** A case's penalty points. */
  points: 1_000,
} as const;

const text = (max: number = RESULTS_LIMITS.text) => z.string({ message: 'must be text' }).max(max, `must be at most ${max} characters`);
const textField = text();
const yesOrNo = z.boolean({ message: 'must be true or false' });
const count = (max: number) => z.number({ message: `must be a whole number from 0 to ${max}` }).int(`must be a whole number from 0 to ${max}`).min(0, `must be a whole number from 0 to ${max}`).max(max, `must be a whole number from 0 to ${max}`);
const upTo = (max: number) => z.number({ message: `must be a number from 0 to ${max}` }).min(0, `must be a number from 0 to ${max}`).max(max, `must be a number from 0 to ${max}`);

const PathStepOut = z
  .object({
    time: londonTime.nullable(),
    from: textField.nullable(),
    to: textField,
    event: textField,
    actor: textField,
    report: textField,
    detail: textField.optional(),
  })
  .strict();

const CaseResultSchema = z
  .object({
    vignetteId: textField.min(1, 'must not be empty'),
    title: textField,
    boundaries: z.array(z.enum(BOUNDARIES, { message: `must be one of ${BOUNDARIES.join(', ')}` })).max(BOUNDARIES.length, `must list at most ${BOUNDARIES.length} boundaries`),
    referenceLevel: levelField,
    referenceResponse: responseField,
    decidedLevel: levelField.nullable(),
    decidedResponse: responseField.nullable(),
    rationale: text(RESULTS_LIMITS.rationale),
    receivedAt: londonTime,
    dueBy: londonTime,
    decidedAt: londonTime.nullable(),
    timely: yesOrNo,
    workingHoursLate: upTo(RESULTS_LIMITS.hoursLate),
    informationRequests: count(RESULTS_LIMITS.requests),
    answersReceived: count(RESULTS_LIMITS.requests),
    escalated: yesOrNo,
    heldByCaseCoordinator: yesOrNo,
    hiddenFromReport: yesOrNo,
    onParentalAccount: yesOrNo,
    finalState: textField,
    call: z.enum(['agree', 'over', 'under', 'undecided'], { message: 'must be agree, over, under or undecided' }),
    points: upTo(RESULTS_LIMITS.points),
    path: z.array(PathStepOut, { message: 'must be a list of steps' }).max(RESULTS_LIMITS.pathSteps, `must list at most ${RESULTS_LIMITS.pathSteps} steps`),
  })
  .strict();

export type CaseResult = z.output<typeof CaseResultSchema>;

export const LearnerResultsSchema = z
  .object({
    format: z.literal(RESULTS_FORMAT, { message: `must be "${RESULTS_FORMAT}"` }),
    version: z.literal(1, { message: 'must be 1' }),
    learner: z.string({ message: 'must be text' }).max(80, 'must be at most 80 characters'),
    shift: z
      .object({
        seed: textField.min(1, 'must not be empty'),
        rules: z.enum(['2013', '2015'], { message: 'must be "2013" or "2015"' }),
        count: count(RESULTS_LIMITS.cases).min(1, `must be a whole number from 1 to ${RESULTS_LIMITS.cases}`),
        start: textField,
        vignettes: z.array(textField, { message: 'must be a list of vignette ids' }).max(RESULTS_LIMITS.cases, `must list at most ${RESULTS_LIMITS.cases} vignettes`),
        /** The trainer's mix (absent in files written before mixes: a plain shuffle). */
        mix: z.string({ message: 'must be text' }).refine(isShiftMix, { message: `must be one of ${SHIFT_MIXES.map((m) => m.id).join(', ')}` }).optional(),
        /** The trainer's time limit in real minutes, if any. */
        timeLimitMinutes: z.number({ message: 'must be a number' }).int('must be a whole number').min(1, 'must be at least 1').max(SHIFT_LIMITS.timeLimitMinutes, `must be at most ${SHIFT_LIMITS.timeLimitMinutes}`).optional(),
      })
      .strict(),
    endedAt: londonTime.nullable(),
    cases: z.array(CaseResultSchema, { message: 'must be a list of cases' }).min(1, 'must hold at least one case').max(RESULTS_LIMITS.cases, `must hold at most ${RESULTS_LIMITS.cases} cases (a shift is drawn from the vignette library)`),
    /** Recomputed from `cases` when loaded; kept in the file for people reading it. */
    score: z.record(text(100), z.number()).refine((r) => Object.keys(r).length <= 50, 'must have at most 50 figures'),
  })
  .strict();

export type LearnerResults = z.output<typeof LearnerResultsSchema>;
