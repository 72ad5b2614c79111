/**
 * A learner's results: built from a finished shift, exported as JSON (re-loadable, validated) and
 * CSV, and combined across a class.
 */
import { z } from 'zod';
import { FILE_LIMITS, sizeInWords, withoutByteOrderMark } from '../bounds';
import { HOUR, formatLondon, workingMillisBetween } from '../calendar';
import { LEVEL_INFO, type Level } from '../levels';
import { rowsToCsv } from '../export';
import { casePenalty, scoreShift, type Call, type ShiftScore } from './scoring';
import { eventPhrase } from '../labels';
import { describeWorkingHours, factsOfState, stateText, type PathStep, type Rules, type ShiftCase, type ShiftState } from './shift';
import { BOUNDARIES, RESPONSE_IDS, issuesOf, responseInfo, VignetteError, type ResponseId } from './vignette';

export const RESULTS_FORMAT = 'spa-front-door-training-results';

const levelField = z.number({ message: 'must be a level from 1 to 4' }).int('must be a level from 1 to 4').min(1, 'must be a level from 1 to 4').max(4, 'must be a level from 1 to 4').transform((n) => n as Level);
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

const textField = (max: number = RESULTS_LIMITS.text) => z.string({ message: 'must be text' }).max(max, `must be at most ${max} characters`);
const count = (max: number) => z.number({ message: `must be a whole number from 0 to ${max}` }).int(`must be a whole number from 0 to ${max}`).min(0, `must be a whole number from 0 to ${max}`).max(max, `must be a whole number from 0 to ${max}`);

const londonTime = z.string({ message: 'must be a London time written YYYY-MM-DD HH:MM' }).regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/, 'must be a London time written YYYY-MM-DD HH:MM');

const PathStepOut = z
  .object({
    time: londonTime.nullable(),
    from: textField().nullable(),
    to: textField(),
    event: textField(),
    actor: textField(),
    report: textField(),
    detail: textField().optional(),
  })
  .strict();

const CaseResultSchema = z
  .object({
    vignetteId: textField().min(1, 'must not be empty'),
    title: textField(),
    boundaries: z.array(z.enum(BOUNDARIES, { message: `must be one of ${BOUNDARIES.join(', ')}` })).max(BOUNDARIES.length, `must list at most ${BOUNDARIES.length} boundaries`),
    referenceLevel: levelField,
    referenceResponse: z.enum(RESPONSE_IDS, { message: `must be one of ${RESPONSE_IDS.join(', ')}` }),
    decidedLevel: levelField.nullable(),
    decidedResponse: z.enum(RESPONSE_IDS, { message: `must be one of ${RESPONSE_IDS.join(', ')}` }).nullable(),
    rationale: textField(RESULTS_LIMITS.rationale),
    receivedAt: londonTime,
    dueBy: londonTime,
    decidedAt: londonTime.nullable(),
    timely: z.boolean({ message: 'must be true or false' }),
    workingHoursLate: z.number({ message: `must be a number from 0 to ${RESULTS_LIMITS.hoursLate}` }).min(0, `must be a number from 0 to ${RESULTS_LIMITS.hoursLate}`).max(RESULTS_LIMITS.hoursLate, `must be a number from 0 to ${RESULTS_LIMITS.hoursLate}`),
    informationRequests: count(RESULTS_LIMITS.requests),
    answersReceived: count(RESULTS_LIMITS.requests),
    escalated: z.boolean({ message: 'must be true or false' }),
    heldByCaseCoordinator: z.boolean({ message: 'must be true or false' }),
    hiddenFromReport: z.boolean({ message: 'must be true or false' }),
    onParentalAccount: z.boolean({ message: 'must be true or false' }),
    finalState: textField(),
    call: z.enum(['agree', 'over', 'under', 'undecided'], { message: 'must be agree, over, under or undecided' }),
    points: z.number({ message: `must be a number from 0 to ${RESULTS_LIMITS.points}` }).min(0, `must be a number from 0 to ${RESULTS_LIMITS.points}`).max(RESULTS_LIMITS.points, `must be a number from 0 to ${RESULTS_LIMITS.points}`),
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
        seed: textField().min(1, 'must not be empty'),
        rules: z.enum(['2013', '2015'], { message: 'must be "2013" or "2015"' }),
        count: count(RESULTS_LIMITS.cases).min(1, `must be a whole number from 1 to ${RESULTS_LIMITS.cases}`),
        start: textField(),
        vignettes: z.array(textField(), { message: 'must be a list of vignette ids' }).max(RESULTS_LIMITS.cases, `must list at most ${RESULTS_LIMITS.cases} vignettes`),
      })
      .strict(),
    endedAt: londonTime.nullable(),
    cases: z.array(CaseResultSchema, { message: 'must be a list of cases' }).min(1, 'must hold at least one case').max(RESULTS_LIMITS.cases, `must hold at most ${RESULTS_LIMITS.cases} cases (a shift is drawn from the vignette library)`),
    /** Recomputed from `cases` when loaded; kept in the file for people reading it. */
    score: z.record(textField(100), z.number()).refine((r) => Object.keys(r).length <= 50, 'must have at most 50 figures'),
  })
  .strict();

export type LearnerResults = z.output<typeof LearnerResultsSchema>;

// ---------------------------------------------------------------------------------------------
// Building
// ---------------------------------------------------------------------------------------------

function pathOut(p: PathStep): CaseResult['path'][number] {
  return { time: p.t === null ? null : formatLondon(p.t), from: p.from, to: p.to, event: p.event, actor: p.actor, report: p.report, ...(p.detail !== undefined ? { detail: p.detail } : {}) };
}

export function caseResult(s: ShiftState, c: ShiftCase): CaseResult {
  const ref = c.vignette.reference;
  const d = c.decision;
  const end = s.endedAt ?? s.now;
  const timely = d !== null && d.at <= c.dueBy;
  const lateTo = d ? d.at : end;
  const workingHoursLate = lateTo > c.dueBy ? Math.round((workingMillisBetween(c.dueBy, lateTo) / HOUR) * 100) / 100 : 0;
  const p = casePenalty({ referenceLevel: ref.level, decidedLevel: d?.level ?? null, timely });
  const full = [...c.path, ...c.after];
  const held = c.path.some((x) => factsOfState(s.settings.rules, x.to).hold);
  return {
    vignetteId: c.id,
    title: c.vignette.title,
    boundaries: [...c.vignette.boundaries],
    referenceLevel: ref.level,
    referenceResponse: ref.response,
    decidedLevel: d?.level ?? null,
    decidedResponse: d?.response ?? null,
    rationale: d?.rationale ?? '',
    receivedAt: formatLondon(c.receivedAt),
    dueBy: formatLondon(c.dueBy),
    decidedAt: d ? formatLondon(d.at) : null,
    timely,
    workingHoursLate,
    informationRequests: c.requests.length,
    answersReceived: c.requests.filter((r) => r.status === 'answered').length,
    escalated: d?.escalated ?? factsOfState(s.settings.rules, c.state).escalated,
    heldByCaseCoordinator: held,
    hiddenFromReport: c.path.some((x) => x.hidden),
    onParentalAccount: d?.onParentalAccount ?? held,
    finalState: full.length ? full[full.length - 1].to : c.state,
    call: p.call,
    points: p.total,
    path: full.map(pathOut),
  };
}

export function scoreOf(cases: readonly CaseResult[]): ShiftScore {
  return scoreShift(
    cases.map((c) => ({ referenceLevel: c.referenceLevel, decidedLevel: c.decidedLevel, timely: c.timely, responseAgrees: c.decidedResponse === c.referenceResponse })),
  );
}

export function learnerResults(s: ShiftState, learner: string): LearnerResults {
  const cases = s.cases.map((c) => caseResult(s, c));
  return {
    format: RESULTS_FORMAT,
    version: 1,
    learner: learner.trim().slice(0, 80),
    shift: { seed: s.settings.seed, rules: s.settings.rules, count: s.settings.count, start: s.settings.start, vignettes: s.cases.map((c) => c.id) },
    endedAt: s.endedAt === null ? null : formatLondon(s.endedAt),
    cases,
    score: { ...scoreOf(cases) },
  };
}

export function resultsToJson(r: LearnerResults): string {
  return JSON.stringify(r, null, 2) + '\n';
}

export const CSV_COLUMNS = [
  'learner', 'seed', 'rules', 'vignetteId', 'title', 'referenceLevel', 'decidedLevel', 'call', 'referenceResponse', 'decidedResponse',
  'receivedAt', 'dueBy', 'decidedAt', 'timely', 'workingHoursLate', 'informationRequests', 'escalated', 'heldByCaseCoordinator',
  'hiddenFromReport', 'finalState', 'points', 'rationale',
] as const;

/** One row per contact; the same columns whatever the shift. */
export function resultsToCsv(r: LearnerResults): string {
  const rows = r.cases.map((c) => {
    const row: Record<string, unknown> = { learner: r.learner, seed: r.shift.seed, rules: r.shift.rules };
    for (const col of CSV_COLUMNS.slice(3)) row[col] = (c as Record<string, unknown>)[col];
    return row;
  });
  return rowsToCsv(rows);
}

/** Parse a learner's results file; a VignetteError (field and rule) if it is not one. */
export function parseLearnerResultsText(text: string, file?: string): LearnerResults {
  if (text.length > FILE_LIMITS['results file']) throw new VignetteError([{ field: '(file)', rule: `is more than ${sizeInWords(FILE_LIMITS['results file'])}; a results file can be at most that` }], file);
  let data: unknown;
  try {
    data = JSON.parse(withoutByteOrderMark(text));
  } catch (e) {
    throw new VignetteError([{ field: '(file)', rule: `is not valid JSON: ${(e as Error).message}` }], file);
  }
  const result = LearnerResultsSchema.safeParse(data, { reportInput: true });
  if (!result.success) throw new VignetteError(issuesOf(result.error, '(results)'), file);
  const r = result.data;
  // Never trust derived figures: recompute each case's call and points, and the score.
  const issues: { field: string; rule: string }[] = [];
  r.cases.forEach((c, i) => {
    const p = casePenalty({ referenceLevel: c.referenceLevel, decidedLevel: c.decidedLevel, timely: c.timely });
    if (p.call !== c.call) issues.push({ field: `cases[${i}].call`, rule: `must be "${p.call}" for reference level ${c.referenceLevel} and decided level ${c.decidedLevel ?? 'none'}` });
    if (c.decidedResponse !== null && c.decidedLevel !== null && responseInfo(c.decidedResponse as ResponseId).level !== c.decidedLevel) {
      issues.push({ field: `cases[${i}].decidedResponse`, rule: `must be a response for level ${c.decidedLevel}` });
    }
  });
  if (issues.length) throw new VignetteError(issues, file);
  return { ...r, cases: r.cases.map((c) => ({ ...c, points: casePenalty(c).total })), score: { ...scoreOf(r.cases) } };
}

// ---------------------------------------------------------------------------------------------
// What happened next (the debrief's words)
// ---------------------------------------------------------------------------------------------

/**
 * What happened next for the child: the vignette's authored outcome for the level decided, and
 * what the process did (late, held and hidden from the report, escalated). Deterministic.
 */
export function whatHappenedNext(s: ShiftState, c: ShiftCase): string[] {
  const out: string[] = [];
  const r = caseResult(s, c);
  if (c.decision) {
    out.push(c.vignette.outcomes[c.decision.level]);
  } else if (!c.arrived) {
    out.push(
      `The shift ended before this contact arrived (${formatLondon(c.receivedAt)}). Someone still had to pick it up; it is scored as left undecided, a late level-1 call.`,
    );
  } else {
    out.push(
      `The shift ended with this contact undecided, in the state "${stateText(s.settings.rules, c.state)}". Until someone decides, the child receives nothing; it is scored as a late level-1 call.`,
    );
  }
  if (r.heldByCaseCoordinator) {
    out.push(
      'While the contact was held by a case coordinator, the weekly report recorded it as "provision of advice and information", so it did not show as waiting and had no risk assessment (004 ¶20, ¶38). Held contacts were screened without the child being seen, so decisions rested on what parents said (004 ¶29, ¶38).',
    );
  }
  if (r.escalated) out.push('The case escalated to a manager at its escalation point, so the decision was made on what was known by then (002).');
  if (c.decision && !r.timely) out.push(`The decision came ${describeWorkingHours(r.workingHoursLate)} of working time after the one-working-day deadline (${r.dueBy}).`);
  if (!c.decision && r.workingHoursLate > 0) out.push(`By the end of the shift it was ${describeWorkingHours(r.workingHoursLate)} of working time past its one-working-day deadline.`);
  return out;
}

/** One line for a path step: 'screened: New contact → Held by a case coordinator'. */
export function describeStep(rules: Rules, p: { from: string | null; to: string; event: string; detail?: string }): string {
  const what = eventPhrase(p.event);
  const detail = p.detail ? ` (${p.detail})` : '';
  const to = stateText(rules, p.to);
  if (p.from === null) return `${what}: ${to}`;
  if (p.from === p.to) return `${what}${detail}: still ${to.charAt(0).toLowerCase()}${to.slice(1)}`;
  return `${what}${detail}: ${to}`;
}

// ---------------------------------------------------------------------------------------------
// A class
// ---------------------------------------------------------------------------------------------

export type CallKey = '1' | '2' | '3' | '4' | 'undecided';
export const CALL_KEYS: readonly CallKey[] = ['1', '2', '3', '4', 'undecided'];

export interface ClassVignetteRow {
  vignetteId: string;
  title: string;
  referenceLevel: Level;
  learners: number;
  calls: Record<CallKey, number>;
  agree: number;
  over: number;
  under: number;
  undecided: number;
  timely: number;
}

export interface ClassResults {
  learners: { learner: string; file?: string; shift: string; score: ShiftScore }[];
  vignettes: ClassVignetteRow[];
  overall: ShiftScore;
  /** Plain-English warnings: mixed shifts, reference levels that differ between files. */
  warnings: string[];
}

export function shiftKey(r: LearnerResults): string {
  return `seed "${r.shift.seed}", ${r.shift.rules} rules, ${r.shift.count} contacts`;
}

export function classResults(files: readonly { results: LearnerResults; file?: string }[]): ClassResults {
  const rows = new Map<string, ClassVignetteRow>();
  const warnings: string[] = [];
  const all: CaseResult[] = [];
  const learners = files.map(({ results, file }, i) => {
    for (const c of results.cases) {
      all.push(c);
      let row = rows.get(c.vignetteId);
      if (!row) {
        row = { vignetteId: c.vignetteId, title: c.title, referenceLevel: c.referenceLevel, learners: 0, calls: { 1: 0, 2: 0, 3: 0, 4: 0, undecided: 0 }, agree: 0, over: 0, under: 0, undecided: 0, timely: 0 };
        rows.set(c.vignetteId, row);
      } else if (row.referenceLevel !== c.referenceLevel) {
        warnings.push(`"${c.title}" has reference level ${row.referenceLevel} in one file and ${c.referenceLevel} in ${file ?? `file ${i + 1}`}: the vignette library changed between shifts.`);
      }
      row.learners++;
      row.calls[c.decidedLevel === null ? 'undecided' : (String(c.decidedLevel) as CallKey)]++;
      row[c.call as Call]++;
      if (c.timely) row.timely++;
    }
    return { learner: results.learner || file || `learner ${i + 1}`, ...(file !== undefined ? { file } : {}), shift: shiftKey(results), score: scoreOf(results.cases) };
  });
  const shifts = new Set(learners.map((l) => l.shift));
  if (shifts.size > 1) warnings.push(`These results come from ${shifts.size} different shifts (${[...shifts].join('; ')}). Figures per contact still compare like with like.`);
  const vignettes = [...rows.values()].sort((a, b) => b.referenceLevel - a.referenceLevel || a.title.localeCompare(b.title));
  return { learners, vignettes, overall: scoreOf(all), warnings };
}

/** 'Level 3, complex needs (child in need)'. */
export function levelLabel(level: Level): string {
  return `Level ${level}, ${LEVEL_INFO[level].name}`;
}
