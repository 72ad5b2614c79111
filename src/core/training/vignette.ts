/**
 * Training vignettes: synthetic contacts a learner works in a simulated shift at the front door.
 *
 * One vignette per JSON file in `scenarios/training/` (see its README.md for how to write one).
 * Each says how the contact arrives, what further information the learner can ask for (and how
 * many working hours each answer takes: the 2013 trap was waiting on information while the child
 * was not seen, 004 ¶20, ¶29, ¶38), the reference level and response with a rationale and its
 * sources, and what happens next for the child for each level the learner might decide.
 *
 * Parse, never trust (../shared/STYLE.md): `parseVignette` and `parseVignetteText` throw a
 * `VignetteError` whose issues name the field and the rule, as `parseScenario` does.
 */
import { z } from '../zod';
import { CONTACT_SOURCES, type ContactSource } from '../contact';
import { AGE_BANDS, INDICATORS, type AgeBand, type Level } from '../levels';
import { VignetteError, decodeJson, fieldName, issuesOf, type FieldIssue } from './issues';
import { byId } from './order';

export { VignetteError, fieldName, issuesOf, type FieldIssue } from './issues';

// ---------------------------------------------------------------------------------------------
// Vocabularies
// ---------------------------------------------------------------------------------------------

/**
 * The hard boundaries the library is weighted to (the training issue's list). A vignette names
 * the ones it teaches; the schema checks each tag is honest (see `boundaryRules`).
 */
export const BOUNDARIES = [
  'cumulative', // several level-2 indicators that add up (or do not add up) to level 3 (DOMAIN.md)
  'baby-or-disabled', // a baby or a disabled child raises concern (DOMAIN.md; 004 ¶31)
  'incomplete-referral', // a partner's incomplete referral form, the MARF (004 ¶37)
  'police-overnight', // a police notification of domestic abuse out of hours (EDT, 004 ¶47)
  'step-up', // a repeat contact about a child already in early help (004 ¶24; 002)
  'step-down', // after assessment, should the case step down to early help? (004 ¶20, ¶24)
  'conflicting-accounts', // a parent's account conflicts with a school's (004 ¶20, ¶29, ¶38)
] as const;
export type Boundary = (typeof BOUNDARIES)[number];

export const BOUNDARY_TEXT: Record<Boundary, string> = {
  cumulative: 'several level-2 indicators together',
  'baby-or-disabled': 'a baby or a disabled child',
  'incomplete-referral': 'an incomplete referral form (MARF)',
  'police-overnight': 'a police notification of domestic abuse overnight',
  'step-up': 'a repeat contact about a child in early help (step-up)',
  'step-down': 'after an assessment: step down to early help?',
  'conflicting-accounts': "a parent's account that conflicts with a professional's",
};

/**
 * The responses a learner can choose, each belonging to one level. The statechart routes on the
 * level (threshold.decided); the response says which service within that level.
 */
export const RESPONSES = [
  { id: 'advice', level: 1, text: 'Advice to the caller, and close' },
  { id: 'signpost', level: 1, text: 'Signpost to a universal service (school, GP, health visitor, children\u2019s centre)' },
  { id: 'earlyHelp', level: 2, text: 'Early help assessment with a lead professional' },
  { id: 'stepDown', level: 2, text: 'Step down from social work to early help' },
  { id: 'continueEarlyHelp', level: 2, text: 'Continue the early help plan (no step-up)' },
  { id: 'childInNeed', level: 3, text: 'Child-in-need assessment by a social worker (section 17)' },
  { id: 'stepUp', level: 3, text: 'Step up from early help to a child-in-need assessment' },
  { id: 'keepOpen', level: 3, text: 'Keep open to social work (do not step down)' },
  { id: 'strategyDiscussion', level: 4, text: 'Strategy discussion today and a section 47 enquiry' },
] as const satisfies readonly { id: string; level: Level; text: string }[];

export type ResponseId = (typeof RESPONSES)[number]['id'];
export const RESPONSE_IDS = RESPONSES.map((r) => r.id) as [ResponseId, ...ResponseId[]];

export function responseInfo(id: ResponseId): { id: ResponseId; level: Level; text: string } {
  const r = RESPONSES.find((x) => x.id === id);
  if (!r) throw new Error(`unknown response "${id}"`);
  return r;
}

export function responsesFor(level: Level): { id: ResponseId; level: Level; text: string }[] {
  return RESPONSES.filter((r) => r.level === level);
}

/**
 * Who made the contact: the engine's sources (src/core/contact.ts) and, for step-down requests,
 * the council's own social workers.
 */
export type TrainingSource = ContactSource | 'socialCare';
export const TRAINING_SOURCES: [TrainingSource, ...TrainingSource[]] = ['socialCare', ...CONTACT_SOURCES];

/** Who an information request goes to. */
export const INFORMATION_FROM = ['parent', 'school', 'health', 'police', 'earlyHelp', 'records', 'referrer', 'other'] as const;
export type InformationFrom = (typeof INFORMATION_FROM)[number];

// ---------------------------------------------------------------------------------------------
// Schema
// ---------------------------------------------------------------------------------------------

const text = (min: number, max: number) =>
  z.string({ message: 'must be text' }).trim().min(min, min <= 1 ? 'must not be empty' : `must be at least ${min} characters`).max(max, `must be at most ${max} characters`);

const slug = z
  .string({ message: 'must be text' })
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lower-case letters and digits joined by hyphens, like "baby-bruise"')
  .max(60, 'must be at most 60 characters');

const time = z.string({ message: 'must be text' }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time written HH:MM on the 24-hour clock, like "02:00" or "14:30"');

const level = z
  .number({ message: 'must be a level: a whole number from 1 to 4' })
  .int('must be a level: a whole number from 1 to 4')
  .min(1, 'must be a level: a whole number from 1 to 4')
  .max(4, 'must be a level: a whole number from 1 to 4')
  .transform((n) => n as Level);

/** Seeds that exist (../shared/seeds/README.md). */
const SEEDS = ['000', '001', '002', '003', '004'];
const PARAGRAPHS = /^¶\d+(-\d+)?(, ¶\d+(-\d+)?)*$/;

/** 'DOMAIN.md', 'DOMAIN.md <section>', '004', '004 ¶38', '004 ¶37-39', '004 ¶20, ¶29'. */
export function isSourceReference(s: string): boolean {
  if (s === 'DOMAIN.md' || s.startsWith('DOMAIN.md ')) return s.trim().length > 0;
  const m = /^(\d{3})(?: (.+))?$/.exec(s);
  if (!m || !SEEDS.includes(m[1])) return false;
  return m[2] === undefined || PARAGRAPHS.test(m[2]);
}

const sourceRef = z
  .string({ message: 'must be text' })
  .refine(isSourceReference, 'must cite DOMAIN.md (optionally with a section) or a seed file 000-004, optionally with paragraphs, like "004 ¶38" or "004 ¶20, ¶29"');

const INDICATOR_IDS = INDICATORS.map((i) => i.id) as [string, ...string[]];

const Child = z
  .object({
    ageBand: z.enum(AGE_BANDS as readonly AgeBand[] as [AgeBand, ...AgeBand[]], { message: `must be one of ${AGE_BANDS.join(', ')}` }),
    disabled: z.boolean({ message: 'must be true or false' }).default(false),
    /** The child is receiving early help when the contact arrives (a step-up question). */
    inEarlyHelp: z.boolean({ message: 'must be true or false' }).default(false),
    /** Who the child is, in a line. Synthetic: initials only, no names or addresses. */
    summary: text(3, 300),
  })
  .strict();

const Contact = z
  .object({
    /** Calendar days from the shift's first day: 0 the shift day, -1 the day before, ... */
    day: z.number({ message: 'must be a whole number of days from -3 to 1' }).int('must be a whole number of days from -3 to 1').min(-3, 'must be a whole number of days from -3 to 1').max(1, 'must be a whole number of days from -3 to 1').default(0),
    /** London time the contact arrives. */
    time,
    source: z.enum(TRAINING_SOURCES, { message: `must be one of ${TRAINING_SOURCES.join(', ')}` }),
    /** Who made the contact, in plain words: "Health visitor", "Metropolitan Police". */
    from: text(2, 80),
    /** How it arrived: "phone call", "multi-agency referral form (MARF)", "police notification". */
    channel: text(2, 80),
    /** A partner's referral form (MARF) arrived complete (004 ¶37). */
    formComplete: z.boolean({ message: 'must be true or false' }).default(true),
    /** The contact is about the child's mental health (2015: CAMHS screens it in the SPA, 000). */
    mentalHealth: z.boolean({ message: 'must be true or false' }).default(false),
    /** The contact as it arrives, in the referrer's words. */
    text: text(20, 2000),
  })
  .strict();

const Information = z
  .object({
    id: slug,
    /** The request as a button would say it: "Ask the school about attendance". */
    label: text(3, 100),
    from: z.enum(INFORMATION_FROM, { message: `must be one of ${INFORMATION_FROM.join(', ')}` }),
    /** Working hours until the answer comes back (a qualified SPA worker asking). */
    hours: z.number({ message: 'must be a number of working hours' }).min(0.25, 'must be at least 0.25 working hours (15 minutes)').max(45, 'must be at most 45 working hours (five working days)'),
    answer: text(10, 1500),
  })
  .strict();

const Reference = z
  .object({
    level,
    response: z.enum(RESPONSE_IDS, { message: `must be one of ${RESPONSE_IDS.join(', ')}` }),
    /**
     * Indicator ids from src/core/levels.ts that the reference decision rests on, where the list
     * has them (it has no indicator for every need, e.g. a single episode of self-harm).
     */
    indicators: z.array(z.enum(INDICATOR_IDS, { message: 'must be an indicator id from src/core/levels.ts, like "suspected-abuse"' }), { message: 'must be a list of indicator ids' }).default([]),
    rationale: text(20, 1500),
    sources: z.array(sourceRef, { message: 'must be a list of sources' }).min(1, 'must cite at least one source'),
  })
  .strict();

const outcome = text(10, 800);

/** What happens next for the child for each level the learner might decide. */
const Outcomes = z.object({ 1: outcome, 2: outcome, 3: outcome, 4: outcome }).strict();

/**
 * Cross-field rules: a vignette's tags and its content must agree. Run only on a vignette whose
 * fields are each valid (so no rule reads a half-valid value, and no issue follows from another).
 */
export function crossFieldIssues(v: z.output<typeof VignetteShape>): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const add = (path: (string | number)[], rule: string) => issues.push({ field: fieldName(path), rule });
  const info = responseInfo(v.reference.response);
  if (info.level !== v.reference.level) {
    add(['reference', 'response'], `must be a level-${v.reference.level} response (${responsesFor(v.reference.level).map((r) => r.id).join(', ')}); "${info.id}" is level ${info.level}`);
  }
  const seen = new Set<string>();
  v.information.forEach((r, i) => {
    if (seen.has(r.id)) add(['information', i, 'id'], `must be unique within the vignette ("${r.id}" is used twice)`);
    seen.add(r.id);
  });
  const tags = new Set<string>();
  v.boundaries.forEach((b, i) => {
    if (tags.has(b)) add(['boundaries', i], `must not repeat a boundary ("${b}")`);
    tags.add(b);
  });
  const has = (b: Boundary) => tags.has(b);
  if (has('baby-or-disabled') && !(v.child.ageBand === 'unborn' || v.child.ageBand === 'under1' || v.child.disabled)) {
    add(['child'], 'must be a baby (ageBand "unborn" or "under1") or disabled (disabled: true) when boundaries include "baby-or-disabled"');
  }
  if (has('incomplete-referral') && v.contact.formComplete) add(['contact', 'formComplete'], 'must be false when boundaries include "incomplete-referral"');
  if (has('police-overnight')) {
    if (v.contact.source !== 'police') add(['contact', 'source'], 'must be "police" when boundaries include "police-overnight"');
    const [h, m] = v.contact.time.split(':').map(Number);
    const minutes = h * 60 + m;
    if (minutes >= 8 * 60 && minutes < 17 * 60) add(['contact', 'time'], 'must be out of office hours (before 08:00 or from 17:00) when boundaries include "police-overnight"');
  }
  if (has('step-up') && !v.child.inEarlyHelp) add(['child', 'inEarlyHelp'], 'must be true when boundaries include "step-up"');
  if (v.reference.response === 'stepUp' && !v.child.inEarlyHelp) add(['reference', 'response'], 'can be "stepUp" only when child.inEarlyHelp is true');
  if (v.reference.response === 'continueEarlyHelp' && !v.child.inEarlyHelp) add(['reference', 'response'], 'can be "continueEarlyHelp" only when child.inEarlyHelp is true');
  return issues;
}

const VignetteShape = z
  .object({
    /** Unique; the file is named `<id>.json`. */
    id: slug,
    title: text(3, 80),
    boundaries: z.array(z.enum(BOUNDARIES, { message: `must be one of ${BOUNDARIES.join(', ')}` }), { message: 'must be a list of boundary tags' }).default([]),
    child: Child,
    contact: Contact,
    information: z.array(Information, { message: 'must be a list of information requests' }).min(1, 'must offer at least one information request').max(6, 'must offer at most 6 information requests'),
    reference: Reference,
    outcomes: Outcomes,
    /** Notes for the trainer; not shown to learners during the shift. */
    notes: text(1, 1500).optional(),
  })
  .strict();

/** The schema of one vignette's fields; `parseVignette` adds the cross-field rules. */
export const VignetteSchema = VignetteShape;

export type Vignette = z.output<typeof VignetteShape>;
export type VignetteInput = z.input<typeof VignetteShape>;
export type InformationRequest = Vignette['information'][number];

// ---------------------------------------------------------------------------------------------
// Parsing
// ---------------------------------------------------------------------------------------------

/** Parse unknown data (already JSON-decoded) into a Vignette, or throw VignetteError. */
export function parseVignette(data: unknown, file?: string): Vignette {
  const result = VignetteShape.safeParse(data, { reportInput: true });
  if (!result.success) throw new VignetteError(issuesOf(result.error), file);
  const cross = crossFieldIssues(result.data);
  if (cross.length) throw new VignetteError(cross, file);
  if (file !== undefined) {
    const base = file.replace(/^.*[\\/]/, '').replace(/\.json$/, '');
    if (base !== result.data.id) throw new VignetteError([{ field: 'id', rule: `must match the file name: "${result.data.id}" is in ${base}.json` }], file);
  }
  return result.data;
}

/** Parse JSON text into a Vignette; a syntax error is reported against '(file)'. */
export function parseVignetteText(text: string, file?: string): Vignette {
  return parseVignette(decodeJson(text, file), file);
}

export interface LibraryLoad {
  vignettes: Vignette[];
  errors: VignetteError[];
}

/**
 * Load a library from files (name and text). Invalid files are reported, not fatal; duplicate ids
 * are an error on the later file. Vignettes come back sorted by id, so a seeded draw does not
 * depend on the order the files were listed in.
 */
export function loadLibrary(files: readonly { name: string; text: string }[]): LibraryLoad {
  const vignettes: Vignette[] = [];
  const errors: VignetteError[] = [];
  const ids = new Set<string>();
  for (const f of files) {
    try {
      const v = parseVignetteText(f.text, f.name);
      if (ids.has(v.id)) throw new VignetteError([{ field: 'id', rule: `must be unique in the library ("${v.id}" is used twice)` }], f.name);
      ids.add(v.id);
      vignettes.push(v);
    } catch (e) {
      if (e instanceof VignetteError) errors.push(e);
      else throw e;
    }
  }
  vignettes.sort(byId);
  return { vignettes, errors };
}
