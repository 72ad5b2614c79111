/**
 * The bounds on every number a scenario file can hold, each with the reason it follows from what
 * a front door can be. The schema (scenario.ts) enforces them, the command line prints them in
 * `--help`, the browser's form shows them as hints, and the README lists them (a test checks the
 * README's table against this one, so the two cannot drift apart).
 *
 * A bound is there so that a value no front door could have is refused by name before it runs,
 * not so that a mistyped value is guessed at: inside the bounds every value runs in seconds to
 * minutes, and the run-size check (runSize.ts) refuses a run whose size, all fields together,
 * would take longer without being asked to.
 */

export interface NumberBound {
  min: number;
  max: number;
  /** Whole numbers only. */
  whole: boolean;
  /** Why the bound is where it is, in plain words. */
  why: string;
}

/** The rule a value outside the bound breaks, in plain words ("must be a whole number from 0 to 500"). */
export function ruleOf(b: NumberBound): string {
  return `must be ${b.whole ? 'a whole number' : 'a number'} from ${b.min} to ${b.max}`;
}

export const SHARE: NumberBound = { min: 0, max: 1, whole: false, why: 'a share of contacts or a chance: levelMix, sourceMix, absenceRate, decisionAccuracy, outcomes, ...' };

/** A working day is taken as 9 working hours throughout (scenario.ts, DEFAULT_DURATIONS). */
const WORKING_HOURS_A_YEAR = 250 * 9;

export const BOUNDS = {
  /**
   * England had about 26,000-28,000 full-time children's social workers in 2015-2016 (DfE
   * children's social work workforce statistics; an outside figure, not in ../shared/DOMAIN.md),
   * under 200 for each of its 152 authorities on average; 500 in one role is more than the largest authority's front door and
   * assessment teams together. (A count of a billion exhausted the memory: issue 17.)
   */
  staffCount: { min: 0, max: 500, whole: true, why: 'more people in one role than the largest authority employs in its front door and assessment teams together' },
  /**
   * Social workers' caseloads are usually 15-25 children and a case coordinator's 30 (the shipped
   * scenarios); 100 cases at once for one person is a waiting list, which the model already has
   * in its queues.
   */
  caseload: { min: 1, max: 100, whole: true, why: 'cases one person holds at once: caseloads are 15-30; 100 is a waiting list, not a caseload' },
  /**
   * The longest default is early help, about 12 weeks (540 working hours); DOMAIN.md's longest
   * statutory clock, an assessment, is 45 working days. No piece of front-door work lasts a
   * working year (250 days of 9 hours) on average. (1e308 broke the calendar; 1e9 ran for ever.)
   */
  meanWorkingHours: { min: 0, max: WORKING_HOURS_A_YEAR, whole: false, why: 'a working year (250 days of 9 hours): the longest default, early help, is 540 hours' },
  /**
   * The defaults are 0.4-1. With a coefficient of variation of 3 one piece of work in 10,000
   * already takes about 90 times its mean; more would describe work that mostly takes no time
   * and now and then takes centuries.
   */
  cv: { min: 0, max: 3, whole: false, why: 'the spread of a duration: the defaults are 0.4-1; at 3 one piece in 10,000 takes 90 times the mean' },
  /**
   * All of England's about 2.3 million contacts a year (DOMAIN.md, NAO 2016) are about 8,000 a
   * working day; 2,000 is a quarter of England's, more than a regional hub for every London
   * borough would receive. 0.1 is one contact a fortnight.
   */
  contactsPerWorkingDay: { min: 0.1, max: 2000, whole: false, why: 'a quarter of all England\u2019s contacts (about 8,000 a working day, NAO 2016)' },
  /** Monday's volume against another working day's: 5 puts the whole week's contacts on Monday. */
  mondayFactor: { min: 0, max: 5, whole: false, why: '5 puts the whole working week\u2019s contacts on the Monday' },
  /**
   * The questions asked of a front-door model span months to a few years (inspections come every
   * 3-4 years); ten years is the outside.
   */
  days: { min: 1, max: 3660, whole: true, why: 'ten years: questions about a front door span months to a few years' },
  /** A year of warm-up fills every queue the model has (the longest default duration is 12 weeks). */
  warmUpDays: { min: 0, max: 366, whole: true, why: 'a year fills every queue: the longest default piece of work is 12 weeks' },
  vacancyWeeks: { min: 0, max: 52, whole: false, why: 'a post vacant for longer than a year is a smaller team: lower the count' },
  incompleteFormFactor: { min: 1, max: 10, whole: false, why: 'an incomplete form lengthens information gathering; 10 times is more than any chase for a missing form' },
  escalateAfterWorkingHours: { min: 0, max: 9, whole: false, why: 'the escalation comes within the one working day (9 hours) it is there to keep' },
  repeatWeight: { min: 0.1, max: 10, whole: false, why: 'how much likelier a child at this level is to be contacted again: ten times either way' },
  stepUpAfterShareOfEarlyHelp: { min: 0.01, max: 1, whole: false, why: 'how far through the episode early help steps a case up' },
  /** A surge is a burst on top of ordinary demand: a month at most; longer is demand, raise contactsPerWorkingDay. */
  surgeDays: { min: 1, max: 31, whole: true, why: 'a surge is a burst: longer than a month is demand, so raise contactsPerWorkingDay' },
  /**
   * Kingston's front door receives about 6,000 contacts a year; a surge of 10,000 is more than a
   * year of a borough's contacts arriving at once. (A surge of a million ran for ever: issue 17.)
   */
  surgeExtraContacts: { min: 0, max: 10_000, whole: true, why: 'more than a borough\u2019s year of contacts arriving at once' },
} as const satisfies Record<string, NumberBound>;

/**
 * Bounds of a chart's own clocks (a process's root meta `clocks`: processes/common.ts `ChartClocks`,
 * checked in processes/validate.ts), in working hours from receipt (9 working hours are one
 * working day: calendar.ts `dueAfterWorkingHours`).
 */
export const CHART_CLOCK_BOUNDS = {
  /**
   * The chart's decision clock: at least an hour (a shorter clock is no time to screen and decide),
   * at most five working days (a week: the longest "decide within" any front door is held to; the
   * statutory one is one working day, DOMAIN.md statutory clocks).
   */
  decisionWithinWorkingHours: { min: 1, max: 45, whole: false, why: 'an hour to five working days (45 hours): a week is the longest any front door gives itself to decide' },
  /**
   * The chart's escalation points: from receipt (0) up to the chart's decision clock (the rule
   * beside the bound: the escalation comes within the clock it is there to keep, as the
   * scenario's `escalateAfterWorkingHours` comes within the one working day).
   */
  escalateAfterWorkingHours: { min: 0, max: 45, whole: false, why: 'the escalation comes within the chart\u2019s own decision clock (at most 45 working hours), as the scenario\u2019s comes within the one working day' },
} as const satisfies Record<string, NumberBound>;

/** Limits on lists and text in a scenario: not front-door facts, but a scenario file is read whole and printed. */
export const LIST_LIMITS = {
  /** Surges in one scenario; one a week for a year is more than any front door has seen. */
  surges: 52,
  /** All surges' extra contacts together: two of the largest surges. */
  surgesExtraContactsTotal: 20_000,
  sources: 500,
  nameLength: 200,
  descriptionLength: 5_000,
  /** A source's text. */
  textLength: 1_000,
  /** The field a source supports. */
  fieldLength: 200,
  /** Comparison notes in one scenario: one for each figure they may explain (COMPARISON_FIGURES). */
  comparisonNotes: 3,
  /** A comparison note's explanation: the mechanism, with its sources. */
  noteLength: 2_000,
} as const;

/**
 * Limits on a process file (src/core/processes/processFile.ts): not front-door facts, but a file
 * is read whole, built into a statechart and drawn. The shipped charts have 13 and 14 states,
 * about 45 transitions and a nesting of 9; every limit is several times that.
 */
export const PROCESS_FILE_LIMITS = {
  /** States in one chart. */
  states: 100,
  /** Transitions in one chart, every candidate of an event counted (the shipped have about 45). */
  transitions: 1_000,
  /** Actions on one transition. */
  actionsPerTransition: 10,
  /** A state's name (a word: letters, digits and _). */
  stateNameLength: 60,
  /** The file's id. */
  idLength: 60,
  nameLength: 200,
  /** Any other text: the description, a meta field. */
  textLength: 5_000,
  /** Fields in one group (a state's meta, the events a state answers). */
  fieldsPerGroup: 100,
  /** How deep groups and lists nest (the shipped charts reach 9). */
  depth: 16,
} as const;

/** Each field of a scenario a bound applies to, as the README and `--help` list them. */
export const BOUNDED_FIELDS: readonly { field: string; bound: NumberBound }[] = [
  { field: 'days', bound: BOUNDS.days },
  { field: 'warmUpDays', bound: BOUNDS.warmUpDays },
  { field: 'contactsPerWorkingDay', bound: BOUNDS.contactsPerWorkingDay },
  { field: 'mondayFactor', bound: BOUNDS.mondayFactor },
  { field: 'staff.<role>.count', bound: BOUNDS.staffCount },
  { field: 'staff.<role>.caseload', bound: BOUNDS.caseload },
  { field: 'durations.<activity>.meanWorkingHours', bound: BOUNDS.meanWorkingHours },
  { field: 'durations.<activity>.cv', bound: BOUNDS.cv },
  { field: 'surges[].days', bound: BOUNDS.surgeDays },
  { field: 'surges[].extraContacts', bound: BOUNDS.surgeExtraContacts },
  { field: 'vacancyWeeks', bound: BOUNDS.vacancyWeeks },
  { field: 'incompleteFormFactor', bound: BOUNDS.incompleteFormFactor },
  { field: 'escalateAfterWorkingHours', bound: BOUNDS.escalateAfterWorkingHours },
  { field: 'escalateGreenAfterWorkingHours', bound: BOUNDS.escalateAfterWorkingHours },
  { field: 'repeatContacts.weightByLevel.<level>', bound: BOUNDS.repeatWeight },
  { field: 'outcomes.stepUpAfterShareOfEarlyHelp', bound: BOUNDS.stepUpAfterShareOfEarlyHelp },
  { field: 'any share or chance', bound: SHARE },
];

/** The bounds as lines of text, for `--help`. */
export function formatBounds(indent = '  '): string {
  const rows = BOUNDED_FIELDS.map(({ field, bound }) => [field, `${bound.min} to ${bound.max}${bound.whole ? ', whole' : ''}`, bound.why]);
  const w0 = Math.max(...rows.map((r) => r[0].length));
  const w1 = Math.max(...rows.map((r) => r[1].length));
  const lines = rows.map((r) => `${indent}${r[0].padEnd(w0)}  ${r[1].padEnd(w1)}  ${r[2]}`);
  lines.push(
    `${indent}surges: at most ${LIST_LIMITS.surges}, with at most ${LIST_LIMITS.surgesExtraContactsTotal} extra contacts in all; start: 2012-01-01 to 2016-12-31`,
  );
  return lines.join('\n');
}

/**
 * The largest file of each kind that is read, in bytes, by the command line and the browser alike.
 * Each is far above what a real file of its kind needs and far below what would strain the machine
 * (a 50 MB file of garbage used to take 1.7 GB before it was refused: issue 17).
 */
export const FILE_LIMITS = {
  /** A shipped scenario is about 3 KB; the longest texts and lists LIST_LIMITS allows fit in well under 1 MB. */
  'scenario file': 1 << 20,
  /** A process module (a chart): the shipped ones are about 6 KB. */
  'process module': 1 << 20,
  /** A process file (JSON): the shipped charts export to about 25 KB. */
  'process file': 1 << 20,
  /** A training vignette: a few KB of text. */
  'vignette file': 256 << 10,
  /** A learner's results: a shift of a few dozen contacts is tens of KB. */
  'results file': 2 << 20,
} as const;

export type FileKind = keyof typeof FILE_LIMITS;

/** A size in words: "1 MB", "256 KB". */
export function sizeInWords(bytes: number): string {
  return bytes >= 1 << 20 ? `${Math.round((bytes / (1 << 20)) * 10) / 10} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/** Why a file of this size is not read, or null when it is within its kind's limit. */
export function fileSizeProblem(kind: FileKind, bytes: number): string | null {
  return bytes > FILE_LIMITS[kind] ? `is ${sizeInWords(bytes)}; a ${kind} can be at most ${sizeInWords(FILE_LIMITS[kind])}` : null;
}

/** Text as read from a file: without the byte-order mark Windows Notepad puts at the start. */
export function withoutByteOrderMark(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
