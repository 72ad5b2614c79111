/**
 * Whether a chart is one the engine can run, with every problem named by state, field and rule:
 * flat, and every state's `meta` says what the report records, whether the contact is undecided,
 * who works it and how (see `StateMeta` in common.ts). The command line refuses a chart with
 * problems (check-process), and the browser will show the same messages.
 */
import type { AnyStateMachine } from 'xstate';
import { eventMatches } from './facts';
import { CHART_CLOCK_BOUNDS, ruleOf } from '../bounds';
import { WORKING_DAY_HOURS } from '../calendar';
import { LEVELS } from '../levels';
import { BOOKABLE_TIMESCALE_STARTS, CHART_CLOCK_FIELDS, DRAWN_OUTCOMES, RATINGS, ROLES, SPA_EVENT_TYPES, STAGES, TIMESCALE_MEASURES, TIMESCALE_STARTS, type Activity, type Role, type SpaEventType } from './common';

/** The named activities a state's work may name (the scenario gives each its duration). */
export const ACTIVITIES = [
  'screening', 'heldInformationGathering', 'parentContact', 'informationGathering', 'camhsScreening', 'thresholdDecision', 'escalatedDecision',
  'allocation', 'assessment', 'initialAssessment', 'coreAssessment', 'strategyDiscussion', 'jointVisit', 'section47Enquiry', 'initialConference', 'earlyHelp', 'emergencyResponse',
] as const satisfies readonly Activity[];

/**
 * Bounds of `allocateOverCaseloadAfter.workingDays`: 0 (allocated on the day, over the caseload if
 * need be) to 60 working days (about three months: a longer ceiling is no ceiling within a run of
 * a year's warm-up, and no source describes referrals waiting longer for a named worker).
 */
export const ALLOCATE_OVER_CASELOAD_AFTER = Object.freeze({ min: 0, max: 60 });

/**
 * Bounds of `holdsCaseload.workingDays`: 1 to 250 working days (about a year: a plan on one
 * worker's caseload longer than a year of a run is the whole run).
 */
export const HOLDS_CASELOAD = Object.freeze({ min: 1, max: 250 });

const isBool = (x: unknown) => typeof x === 'boolean';
const isObject = (x: unknown): x is Record<string, unknown> => !!x && typeof x === 'object' && !Array.isArray(x);
const oneOf = (list: readonly unknown[]) => `must be one of ${list.join(', ')}`;

/** Problems with one state's meta, each as 'states.NAME.meta.FIELD: RULE'. */
function metaProblems(at: string, meta: unknown, roles: Set<Role>): string[] {
  const problems: string[] = [];
  if (!isObject(meta)) return [`${at}.meta: is required (source, description, report, undecided)`];
  const report = meta.report;
  if (!isObject(report)) problems.push(`${at}.meta.report: is required ({ label, pending, decided })`);
  else {
    if (typeof report.label !== 'string') problems.push(`${at}.meta.report.label: must be a string`);
    if (!isBool(report.pending)) problems.push(`${at}.meta.report.pending: must be true or false`);
    if (!isBool(report.decided)) problems.push(`${at}.meta.report.decided: must be true or false`);
  }
  if (typeof meta.source !== 'string' || meta.source.trim() === '') problems.push(`${at}.meta.source: must say where the state comes from (e.g. "004 ¶38", or "assumption")`);
  if (typeof meta.description !== 'string' || meta.description.trim() === '') problems.push(`${at}.meta.description: must describe the state in a sentence`);
  if (!isBool(meta.undecided)) problems.push(`${at}.meta.undecided: must be true or false`);
  if (meta.keepsCaseOpen !== undefined && meta.work !== undefined) problems.push(`${at}.meta.keepsCaseOpen: must not be given on a state with work (a plan that keeps the case open is where the work has ended)`);
  for (const flag of ['unallocated', 'childSeen'] as const) {
    if (meta[flag] !== undefined && !isBool(meta[flag])) problems.push(`${at}.meta.${flag}: must be true or false`);
  }
  if (meta.label !== undefined && (typeof meta.label !== 'string' || meta.label.trim() === '')) problems.push(`${at}.meta.label: must be a non-empty string`);
  if (meta.stage !== undefined && !(STAGES as readonly unknown[]).includes(meta.stage)) problems.push(`${at}.meta.stage: ${oneOf(STAGES)}`);
  if (meta.priority !== undefined && meta.priority !== 'urgent' && meta.priority !== 'routine') problems.push(`${at}.meta.priority: must be "urgent" or "routine"`);
  if (meta.priorityByRating !== undefined) {
    const p = meta.priorityByRating;
    if (!isObject(p) || typeof p.source !== 'string' || p.source.trim() === '') problems.push(`${at}.meta.priorityByRating: must be { red?, amber?, green?: "urgent" or "routine", source: where it comes from }`);
    else {
      for (const key of Object.keys(p)) {
        if (key === 'source') continue;
        if (!(RATINGS as readonly string[]).includes(key)) problems.push(`${at}.meta.priorityByRating.${key}: ${oneOf(RATINGS)} (a RAG rating)`);
        else if (p[key] !== 'urgent' && p[key] !== 'routine') problems.push(`${at}.meta.priorityByRating.${key}: must be "urgent" or "routine"`);
      }
    }
  }
  if (meta.recordsLevel !== undefined && !(LEVELS as readonly unknown[]).includes(meta.recordsLevel)) problems.push(`${at}.meta.recordsLevel: ${oneOf(LEVELS)}`);
  if (meta.keepsCaseOpen !== undefined) {
    const k = meta.keepsCaseOpen;
    if (!isObject(k) || typeof k.days !== 'number' || !Number.isFinite(k.days) || k.days < 0 || k.days > 3660 || typeof k.source !== 'string') {
      problems.push(`${at}.meta.keepsCaseOpen: must be { days: a number from 0 to 3660, source: where the figure comes from }`);
    }
  }
  if (meta.decisionError !== undefined) {
    const d = meta.decisionError;
    if (!isObject(d) || typeof d.factor !== 'number' || !Number.isFinite(d.factor) || d.factor < 0 || d.factor > 5 || typeof d.source !== 'string') {
      problems.push(`${at}.meta.decisionError: must be { factor: a number from 0 to 5, source: where it comes from }`);
    }
  }
  if (meta.allocateOverCaseloadAfter !== undefined) {
    const a = meta.allocateOverCaseloadAfter;
    const { min, max } = ALLOCATE_OVER_CASELOAD_AFTER;
    if (!isObject(a) || typeof a.workingDays !== 'number' || !Number.isInteger(a.workingDays) || a.workingDays < min || a.workingDays > max || typeof a.source !== 'string' || a.source.trim() === '') {
      problems.push(`${at}.meta.allocateOverCaseloadAfter: must be { workingDays: a whole number from ${min} to ${max}, source: where the figure comes from }`);
    }
    if (meta.work === undefined) problems.push(`${at}.meta.allocateOverCaseloadAfter: must be given only on a state with work (it is how long a case waits for that work's worker)`);
  }
  if (meta.holdsCaseload !== undefined) {
    const h = meta.holdsCaseload;
    const { min, max } = HOLDS_CASELOAD;
    if (!isObject(h) || !(ROLES as readonly unknown[]).includes(h.role) || typeof h.workingDays !== 'number' || !Number.isInteger(h.workingDays) || h.workingDays < min || h.workingDays > max
      || typeof h.source !== 'string' || h.source.trim() === '') {
      problems.push(`${at}.meta.holdsCaseload: must be { role: one of ${ROLES.join(', ')}, workingDays: a whole number from ${min} to ${max}, source: where the figure comes from }`);
    }
    if (meta.work !== undefined) problems.push(`${at}.meta.holdsCaseload: must not be given on a state with work (the state's work already holds its worker)`);
  }
  if (meta.timescale !== undefined) {
    const t = meta.timescale;
    if (!isObject(t) || !(TIMESCALE_MEASURES as readonly unknown[]).includes(t.measure) || typeof t.workingDays !== 'number' || !Number.isFinite(t.workingDays) || t.workingDays <= 0 || t.workingDays > 250
      || !(TIMESCALE_STARTS as readonly unknown[]).includes(t.from) || typeof t.source !== 'string' || t.source.trim() === '') {
      problems.push(`${at}.meta.timescale: must be { measure: one of ${TIMESCALE_MEASURES.join(', ')}, workingDays: a number above 0 and at most 250, from: one of ${TIMESCALE_STARTS.join(', ')}, source: where the timescale comes from }`);
    } else if (meta.work === undefined) problems.push(`${at}.meta.timescale: must be given only on a state with work (the timescale is judged when the work ends)`);
  }
  if (meta.bookedWithinTimescale !== undefined) {
    const b = meta.bookedWithinTimescale;
    if (!isObject(b) || typeof b.source !== 'string' || b.source.trim() === '') problems.push(`${at}.meta.bookedWithinTimescale: must be { source: where the booking practice comes from }`);
    if (meta.work === undefined || !isObject(meta.timescale)) problems.push(`${at}.meta.bookedWithinTimescale: must be given only on a state with work and a timescale (the meeting that ends the work is booked against the timescale)`);
    else if (!(BOOKABLE_TIMESCALE_STARTS as readonly unknown[]).includes(meta.timescale.from)) {
      problems.push(`${at}.meta.bookedWithinTimescale: the timescale must be counted from ${BOOKABLE_TIMESCALE_STARTS.join(' or ')} (the starts known when the case enters the state), not ${String(meta.timescale.from)}`);
    } else if (!Number.isInteger(meta.timescale.workingDays)) {
      problems.push(`${at}.meta.bookedWithinTimescale: the timescale's workingDays must be a whole number (the meeting is booked for a working day), not ${String(meta.timescale.workingDays)}`);
    }
  }
  if (meta.plan !== undefined) {
    if (meta.plan !== 'childInNeed' && meta.plan !== 'childProtection') problems.push(`${at}.meta.plan: must be "childInNeed" or "childProtection"`);
    else if (meta.keepsCaseOpen === undefined) problems.push(`${at}.meta.plan: must be given with keepsCaseOpen (how long the child is on the plan)`);
  }
  if (meta.managerRecognises !== undefined) {
    const m = meta.managerRecognises;
    if (!isObject(m) || !(LEVELS as readonly unknown[]).includes(m.trueLevelAtLeast) || typeof m.share !== 'number' || !Number.isFinite(m.share) || m.share < 0 || m.share > 1
      || typeof m.afterWorkingHours !== 'number' || !Number.isFinite(m.afterWorkingHours) || m.afterWorkingHours < 0 || m.afterWorkingHours > 90
      || typeof m.source !== 'string' || m.source.trim() === '') {
      problems.push(`${at}.meta.managerRecognises: must be { trueLevelAtLeast: ${oneOf(LEVELS)}, share: a number from 0 to 1, afterWorkingHours: a number from 0 to 90 (ten working days), source: where the figures come from }`);
    }
  }
  if (meta.assessesMentalHealth !== undefined) {
    const m = meta.assessesMentalHealth;
    if (!isObject(m) || typeof m.source !== 'string' || m.source.trim() === '') problems.push(`${at}.meta.assessesMentalHealth: must be { source: where it comes from }`);
    if (meta.work === undefined) problems.push(`${at}.meta.assessesMentalHealth: must be given only on a state with work (the need is assessed when the work ends)`);
  }
  if (meta.work !== undefined) problems.push(...workProblems(`${at}.meta.work`, meta.work, roles));
  if (meta.contactsParents !== undefined) {
    const c = meta.contactsParents;
    const rule = `must be { role: one of ${ROLES.join(', ')}, activity: one of ${ACTIVITIES.join(', ')}, done: the event that ends the contact, priority?: "routine" or "afterRoutine", source: where it comes from }`;
    if (!isObject(c)) problems.push(`${at}.meta.contactsParents: ${rule}`);
    else {
      if (!(ROLES as readonly unknown[]).includes(c.role)) problems.push(`${at}.meta.contactsParents.role: ${oneOf(ROLES)}`);
      else roles.add(c.role as Role);
      if (!(ACTIVITIES as readonly unknown[]).includes(c.activity)) problems.push(`${at}.meta.contactsParents.activity: ${oneOf(ACTIVITIES)}`);
      if (!(SPA_EVENT_TYPES as readonly unknown[]).includes(c.done)) problems.push(`${at}.meta.contactsParents.done: ${oneOf(SPA_EVENT_TYPES)}`);
      if (c.priority !== undefined && c.priority !== 'routine' && c.priority !== 'afterRoutine') problems.push(`${at}.meta.contactsParents.priority: must be "routine" or "afterRoutine"`);
      if (typeof c.source !== 'string' || c.source.trim() === '') problems.push(`${at}.meta.contactsParents.source: must say where the parent contact comes from (e.g. "004 ¶38", or "assumption")`);
    }
    if (meta.work === undefined) problems.push(`${at}.meta.contactsParents: must be given only on a state with work (the contact falls due on the days of that work)`);
  }
  return problems;
}

function workProblems(at: string, work: unknown, roles: Set<Role>): string[] {
  if (!isObject(work)) return [`${at}: must be { role, activity, done }`];
  const problems: string[] = [];
  if (!(ROLES as readonly unknown[]).includes(work.role)) problems.push(`${at}.role: ${oneOf(ROLES)}`);
  else roles.add(work.role as Role);
  if (!(ACTIVITIES as readonly unknown[]).includes(work.activity)) problems.push(`${at}.activity: ${oneOf(ACTIVITIES)}`);
  if (typeof work.done !== 'string') problems.push(`${at}.done: must name the event that ends the work`);
  else if (!(SPA_EVENT_TYPES as readonly string[]).includes(work.done)) problems.push(`${at}.done: ${oneOf(SPA_EVENT_TYPES)}`);
  if (work.longerIfFormIncomplete !== undefined && !isBool(work.longerIfFormIncomplete)) problems.push(`${at}.longerIfFormIncomplete: must be true or false`);
  if (work.aroundTheClock !== undefined && !isBool(work.aroundTheClock)) problems.push(`${at}.aroundTheClock: must be true or false`);
  if (work.soonerFor !== undefined) {
    const f = work.soonerFor;
    const outcomes = typeof work.done === 'string' ? DRAWN_OUTCOMES[work.done as SpaEventType] : undefined;
    if (!isObject(f) || typeof f.shareOfWork !== 'number' || !Number.isFinite(f.shareOfWork) || f.shareOfWork <= 0 || f.shareOfWork > 1 || typeof f.source !== 'string' || f.source.trim() === '') {
      problems.push(`${at}.soonerFor: must be { outcome: an outcome of the work's event, shareOfWork: a number above 0 and at most 1, source: where it comes from }`);
    } else if (outcomes === undefined) problems.push(`${at}.soonerFor: must be given only on work whose event has drawn outcomes (${Object.keys(DRAWN_OUTCOMES).join(', ')}), not ${String(work.done)}`);
    else if (!outcomes.includes(f.outcome as string)) problems.push(`${at}.soonerFor.outcome: ${oneOf(outcomes)} (an outcome of ${String(work.done)})`);
  }
  return problems;
}

const CLOCK_FIELDS = [...CHART_CLOCK_FIELDS, 'source'] as const;

/**
 * Problems with the chart's root meta (common.ts `ChartMeta`), each as 'meta.FIELD: RULE': only
 * `clocks`, whose figures are within their bounds (bounds.ts `CHART_CLOCK_BOUNDS`), whose
 * escalation points come before its decision clock, and which says where they come from. A chart
 * that escalates (`escalates`) and shortens its decision clock below one working day gives its own
 * escalation points: the scenario's are set against one working day, and one at or past the
 * chart's clock would never fire (no escalation at all, with nothing to say so).
 */
export function chartMetaProblems(meta: unknown, escalates = false): string[] {
  if (meta === undefined) return [];
  if (!isObject(meta)) return ['meta: must be a group of fields in braces { } (clocks)'];
  const problems: string[] = [];
  for (const key of Object.keys(meta)) if (key !== 'clocks') problems.push(`meta.${key}: is not a known field of the chart's meta (clocks)`);
  const clocks = meta.clocks;
  if (clocks === undefined) return problems;
  if (!isObject(clocks)) return [...problems, 'meta.clocks: must be { decisionWithinWorkingHours?, escalateAfterWorkingHours?, escalateGreenAfterWorkingHours?, source }'];
  for (const key of Object.keys(clocks)) {
    if (!(CLOCK_FIELDS as readonly string[]).includes(key)) problems.push(`meta.clocks.${key}: is not a known clock (${CLOCK_FIELDS.join(', ')})`);
  }
  const inBound = (x: unknown, b: { min: number; max: number }) => typeof x === 'number' && Number.isFinite(x) && x >= b.min && x <= b.max;
  const decision = clocks.decisionWithinWorkingHours;
  const decisionBound = CHART_CLOCK_BOUNDS.decisionWithinWorkingHours;
  let clock = WORKING_DAY_HOURS;
  if (decision !== undefined) {
    if (!inBound(decision, decisionBound)) problems.push(`meta.clocks.decisionWithinWorkingHours: ${ruleOf(decisionBound)} working hours (9 is one working day; ${decisionBound.why})`);
    else clock = decision as number;
  }
  for (const key of ['escalateAfterWorkingHours', 'escalateGreenAfterWorkingHours'] as const) {
    const x = clocks[key];
    if (x === undefined) continue;
    const b = CHART_CLOCK_BOUNDS.escalateAfterWorkingHours;
    if (!inBound(x, b)) problems.push(`meta.clocks.${key}: ${ruleOf(b)} working hours`);
    else if ((x as number) >= clock) {
      problems.push(`meta.clocks.${key}: must be earlier than the chart's decision clock (${clock} working hours${decision === undefined ? ', one working day' : ''}): the escalation comes within the clock it is there to keep`);
    }
  }
  if (escalates && clock < WORKING_DAY_HOURS) {
    for (const key of ['escalateAfterWorkingHours', 'escalateGreenAfterWorkingHours'] as const) {
      if (clocks[key] === undefined) {
        problems.push(`meta.clocks.${key}: must be given when the decision clock is shorter than one working day (${clock} working hours) in a chart that escalates: the scenario's escalation point is set against one working day and would come too late to fire`);
      }
    }
  }
  const given = CLOCK_FIELDS.some((k) => k !== 'source' && clocks[k] !== undefined);
  if (!given) problems.push('meta.clocks: must give at least one clock (decisionWithinWorkingHours, escalateAfterWorkingHours, escalateGreenAfterWorkingHours), or be left out');
  if (typeof clocks.source !== 'string' || clocks.source.trim() === '') problems.push('meta.clocks.source: must say where the clocks come from (e.g. "002", or "assumption")');
  return problems;
}

/** Every problem with a chart (empty when the engine can run it), and the roles it puts work on. */
export function chartProblems(machine: AnyStateMachine): { problems: string[]; roles: Role[] } {
  const states = machine.root.states as Record<string, { meta?: unknown; states?: Record<string, unknown>; type?: string; transitions?: Map<string, unknown> }>;
  const names = Object.keys(states);
  const escalates = names.some((name) => [...(states[name].transitions?.keys() ?? [])].some((key) => eventMatches(key, 'clock.escalationDue')));
  const problems: string[] = chartMetaProblems(machine.root.meta, escalates);
  if (names.length === 0) problems.push('states: must have at least one state');
  const roles = new Set<Role>();
  /** For each role, the first state that gives it work, and whether that work is around the clock. */
  const hoursOfRole = new Map<unknown, { state: string; aroundTheClock: boolean }>();
  for (const name of names) {
    const node = states[name];
    const at = `states.${name}`;
    if (node.states && Object.keys(node.states).length > 0) problems.push(`${at}: must not have nested states (the engine runs flat statecharts)`);
    problems.push(...metaProblems(at, node.meta, roles));
    const work = (node.meta as { work?: { done?: unknown; role?: unknown; aroundTheClock?: unknown } } | undefined)?.work;
    if (isObject(work) && (ROLES as readonly unknown[]).includes(work.role)) {
      const aroundTheClock = work.aroundTheClock === true;
      const first = hoursOfRole.get(work.role);
      if (!first) hoursOfRole.set(work.role, { state: name, aroundTheClock });
      else if (first.aroundTheClock !== aroundTheClock) {
        problems.push(`${at}.meta.work.aroundTheClock: must be the same for every state the role ${String(work.role)} works (${aroundTheClock ? 'true here' : 'not set here'}, ${first.aroundTheClock ? 'true' : 'not set'} in "${first.state}"): a role works around the clock or in working hours`);
      }
    }
    // The parent contact alongside the work ends with an event the state must answer, as its work's does.
    const contactDone = (node.meta as { contactsParents?: { done?: unknown } } | undefined)?.contactsParents?.done;
    if (typeof contactDone === 'string' && node.type !== 'final' && ![...(node.transitions?.keys() ?? [])].some((key) => eventMatches(key, contactDone))) {
      problems.push(`${at}.on: must answer "${contactDone}", the event its meta.contactsParents says ends the contact with the parents`);
    }
    const done = work?.done;
    if (typeof done === 'string') {
      if (node.type === 'final') problems.push(`${at}.meta.work: must not be given on a final state (nothing can end the work)`);
      else if (![...(node.transitions?.keys() ?? [])].some((key) => eventMatches(key, done))) {
        problems.push(`${at}.on: must answer "${done}", the event its meta.work says ends the work`);
      }
    }
  }
  return { problems, roles: [...roles] };
}
