/**
 * The learner's results file (JSON, format version 1): what it holds, checked field by field when
 * it is loaded. Learners' saved results must keep loading: a change here is a new format version.
 */
import { z } from 'zod';
import type { Level } from '../../levels';
import { BOUNDARIES, RESPONSE_IDS } from '../vignette';

export const RESULTS_FORMAT = 'spa-front-door-training-results';

const levelField = z.number({ message: 'must be a level from 1 to 4' }).int('must be a level from 1 to 4').min(1, 'must be a level from 1 to 4').max(4, 'must be a level from 1 to 4').transform((n) => n as Level);
const londonTime = z.string({ message: 'must be a London time written YYYY-MM-DD HH:MM' }).regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/, 'must be a London time written YYYY-MM-DD HH:MM');
const responseField = z.enum(RESPONSE_IDS, { message: `must be one of ${RESPONSE_IDS.join(', ')}` });
const textField = z.string({ message: 'must be text' });
const yesOrNo = z.boolean({ message: 'must be true or false' });
const wholeCount = z.number({ message: 'must be a number' }).int('must be a whole number').min(0, 'must be 0 or more');

const PathStepOut = z
  .object({
    time: londonTime.nullable(),
    from: z.string().nullable(),
    to: z.string(),
    event: z.string(),
    actor: z.string(),
    report: z.string(),
    detail: z.string().optional(),
  })
  .strict();

const CaseResultSchema = z
  .object({
    vignetteId: textField.min(1, 'must not be empty'),
    title: textField,
    boundaries: z.array(z.enum(BOUNDARIES, { message: `must be one of ${BOUNDARIES.join(', ')}` })),
    referenceLevel: levelField,
    referenceResponse: responseField,
    decidedLevel: levelField.nullable(),
    decidedResponse: responseField.nullable(),
    rationale: textField,
    receivedAt: londonTime,
    dueBy: londonTime,
    decidedAt: londonTime.nullable(),
    timely: yesOrNo,
    workingHoursLate: z.number({ message: 'must be a number' }).min(0, 'must be 0 or more'),
    informationRequests: wholeCount,
    answersReceived: wholeCount,
    escalated: yesOrNo,
    heldByCaseCoordinator: yesOrNo,
    hiddenFromReport: yesOrNo,
    onParentalAccount: yesOrNo,
    finalState: textField,
    call: z.enum(['agree', 'over', 'under', 'undecided'], { message: 'must be agree, over, under or undecided' }),
    points: z.number({ message: 'must be a number' }).min(0, 'must be 0 or more'),
    path: z.array(PathStepOut),
  })
  .strict();

export type CaseResult = z.output<typeof CaseResultSchema>;

export const LearnerResultsSchema = z
  .object({
    format: z.literal(RESULTS_FORMAT, { message: `must be "${RESULTS_FORMAT}"` }),
    version: z.literal(1, { message: 'must be 1' }),
    learner: textField.max(80, 'must be at most 80 characters'),
    shift: z
      .object({
        seed: textField.min(1, 'must not be empty'),
        rules: z.enum(['2013', '2015'], { message: 'must be "2013" or "2015"' }),
        count: z.number({ message: 'must be a number' }).int('must be a whole number').min(1, 'must be at least 1'),
        start: textField,
        vignettes: z.array(textField),
      })
      .strict(),
    endedAt: londonTime.nullable(),
    cases: z.array(CaseResultSchema, { message: 'must be a list of cases' }).min(1, 'must hold at least one case'),
    /** Recomputed from `cases` when loaded; kept in the file for people reading it. */
    score: z.record(z.string(), z.number()),
  })
  .strict();

export type LearnerResults = z.output<typeof LearnerResultsSchema>;
