/**
 * Figures from a trace: the ground truth beside the management report's view.
 *
 * Everything here reads the trace and the contact list; nothing recomputes history another way
 * (../shared/STYLE.md, "The trace is the product"). Only contacts received in [start, end) are
 * counted; warm-up contacts still occupy staff and queues.
 *
 *  - decided within one working day (truth): the first transition out of a state whose meta says
 *    `undecided` happened by `dueByOneWorkingDay(receivedAt)`;
 *  - reported within one working day: the first transition into a state that the weekly report
 *    records as decided (004 ¶38: a held case's outcome is recorded as "provision of advice and
 *    information", so the report counts it decided on the day it was held);
 *  - held: working days from receipt to the true decision (or to the end of the run);
 *  - hidden from the report: the case was at some moment truly undecided while the report did
 *    not list it as pending;
 *  - unallocated over 48 hours at the worst moment (004 ¶30: 25 found during the inspection).
 */
import { HOUR, dueByOneWorkingDay, workingDaysBetween, workingMillisBetween, type Instant } from './calendar';
import type { Contact } from './contact';
import type { TraceRecord } from './engine';

export interface Outcomes {
  advice: number;
  earlyHelp: number;
  childInNeed: number;
  childProtection: number;
}

export interface RunMetrics {
  contacts: number;
  /** The first response decided for each contact (immediate danger counts as child protection). */
  outcomes: Outcomes;
  /** Contacts about children with an open case, passed to their allocated worker. */
  passedToAllocatedWorker: number;
  /** Contacts with no decision when the run ended. */
  undecidedAtEnd: number;
  decidedWithinOneWorkingDay: number;
  reportedWithinOneWorkingDay: number;
  heldOverFiveWorkingDays: number;
  maxHeldWorkingDays: number;
  meanHeldWorkingDays: number;
  hiddenFromReport: number;
  peakUnallocatedOver48Hours: number;
  stepUps: number;
  stepDowns: number;
  repeatContacts: number;
  reReferrals: number;
  level4Contacts: number;
  /** Median working hours from receipt to the strategy discussion, for true level-4 contacts that had one. */
  medianHoursToStrategyDiscussion: number | null;
  maxHoursToStrategyDiscussion: number | null;
  /**
   * Share of true level-4 contacts (due inside the run, not passed to an allocated worker) whose
   * strategy discussion was held within one working day of receipt.
   */
  strategyDiscussionWithinOneWorkingDay: number;
  /** Decisions below the child's true level (under-thresholding). */
  underThresholded: number;
  overThresholded: number;
}

export interface CaseSummary {
  caseId: string;
  receivedAt: Instant;
  due: Instant;
  /** True decision instant (first transition out of an undecided state), or null. */
  decidedAt: Instant | null;
  /** Instant the report first showed the contact as decided, or null. */
  reportedDecidedAt: Instant | null;
  heldWorkingDays: number;
  hidden: boolean;
  decidedLevel: number | null;
  firstResponse: keyof Outcomes | 'allocatedWorker' | null;
  strategyAt: Instant | null;
}

const RESPONSE_BY_STATE: Record<string, keyof Outcomes | 'allocatedWorker'> = {
  adviceGiven: 'advice',
  earlyHelp: 'earlyHelp',
  awaitingAllocation: 'childInNeed',
  strategyDiscussion: 'childProtection',
  withAllocatedWorker: 'allocatedWorker',
};

/** Group the trace by case, in order. */
export function byCase(trace: readonly TraceRecord[]): Map<string, TraceRecord[]> {
  const out = new Map<string, TraceRecord[]>();
  for (const r of trace) {
    let list = out.get(r.caseId);
    if (!list) out.set(r.caseId, (list = []));
    list.push(r);
  }
  return out;
}

export function summariseCase(contact: Contact, records: readonly TraceRecord[], end: Instant): CaseSummary {
  const due = dueByOneWorkingDay(contact.receivedAt);
  let decidedAt: Instant | null = null;
  let reportedDecidedAt: Instant | null = null;
  let hidden = false;
  let decidedLevel: number | null = null;
  let firstResponse: CaseSummary['firstResponse'] = null;
  let strategyAt: Instant | null = null;
  let wasUndecided = true;
  for (const r of records) {
    if (r.undecided && !r.reportPending) hidden = true;
    if (reportedDecidedAt === null && r.reportDecided) reportedDecidedAt = r.t;
    if (decidedAt === null && wasUndecided && !r.undecided) {
      decidedAt = r.t;
      firstResponse = RESPONSE_BY_STATE[r.to] ?? null;
      if (r.event === 'threshold.decided' && r.detail) decidedLevel = Number(r.detail.replace('level ', ''));
      else if (r.to === 'strategyDiscussion') decidedLevel = 4;
    }
    wasUndecided = r.undecided;
    if (strategyAt === null && r.event === 'strategy.held') strategyAt = r.t;
  }
  const heldUntil = decidedAt ?? end;
  return {
    caseId: contact.id,
    receivedAt: contact.receivedAt,
    due,
    decidedAt,
    reportedDecidedAt,
    heldWorkingDays: workingDaysBetween(contact.receivedAt, heldUntil),
    hidden,
    decidedLevel,
    firstResponse,
    strategyAt,
  };
}

export interface MetricsInput {
  contacts: readonly Contact[];
  trace: readonly TraceRecord[];
  start: Instant;
  end: Instant;
}

function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

const round = (x: number, dp = 4) => Math.round(x * 10 ** dp) / 10 ** dp;

export function computeMetrics({ contacts, trace, start, end }: MetricsInput): RunMetrics {
  const groups = byCase(trace);
  const counted = contacts.filter((c) => c.receivedAt >= start && c.receivedAt < end);
  const outcomes: Outcomes = { advice: 0, earlyHelp: 0, childInNeed: 0, childProtection: 0 };
  let passed = 0;
  let undecidedAtEnd = 0;
  let dueCount = 0;
  let decidedInTime = 0;
  let reportedInTime = 0;
  let heldOver5 = 0;
  let maxHeld = 0;
  let sumHeld = 0;
  let needingDecision = 0;
  let hidden = 0;
  let stepUps = 0;
  let repeatContacts = 0;
  let reReferrals = 0;
  let level4 = 0;
  let under = 0;
  let over = 0;
  let strategyInTime = 0;
  let level4Judged = 0;
  const strategyHours: number[] = [];
  const referredChildren = new Set<string>();
  // Children referred before the window count for re-referrals too.
  const summaries = new Map<string, CaseSummary>();
  for (const c of contacts) {
    const s = summariseCase(c, groups.get(c.id) ?? [], end);
    summaries.set(c.id, s);
  }
  for (const c of contacts) {
    const s = summaries.get(c.id)!;
    const inWindow = c.receivedAt >= start && c.receivedAt < end;
    const referral = s.firstResponse === 'childInNeed' || s.firstResponse === 'childProtection';
    if (inWindow) {
      if (c.previousContactId) repeatContacts++;
      if (referral && referredChildren.has(c.childId)) reReferrals++;
      if (c.inEarlyHelp && referral) stepUps++;
      if (s.firstResponse === 'allocatedWorker') passed++;
      else {
        needingDecision++;
        if (s.firstResponse) outcomes[s.firstResponse]++;
        else undecidedAtEnd++;
        // Timeliness counts only contacts whose due time fell inside the run: one due after the
        // end can only be judged if decided, which would admit successes and never failures.
        if (s.due <= end) {
          dueCount++;
          if (s.decidedAt !== null && s.decidedAt <= s.due) decidedInTime++;
          if (s.reportedDecidedAt !== null && s.reportedDecidedAt <= s.due) reportedInTime++;
        }
        if (s.heldWorkingDays > 5) heldOver5++;
        if (s.heldWorkingDays > maxHeld) maxHeld = s.heldWorkingDays;
        sumHeld += s.heldWorkingDays;
        if (s.hidden) hidden++;
        if (s.decidedLevel !== null) {
          if (s.decidedLevel < c.trueLevel) under++;
          else if (s.decidedLevel > c.trueLevel) over++;
        }
      }
      if (c.trueLevel === 4) {
        level4++;
        if (s.strategyAt !== null) strategyHours.push(workingMillisBetween(c.receivedAt, s.strategyAt) / HOUR);
        // The share within one working day: contacts due inside the run and not passed to an
        // allocated worker (whose own case carries the response).
        if (s.due <= end && s.firstResponse !== 'allocatedWorker') {
          level4Judged++;
          if (s.strategyAt !== null && s.strategyAt <= s.due) strategyInTime++;
        }
      }
    }
    if (referral) referredChildren.add(c.childId);
  }
  // Step-ups by the early help worker's escalation, and step-downs after assessment.
  let stepDowns = 0;
  for (const r of trace) {
    if (r.t < start || r.t >= end) continue;
    if (r.event === 'earlyHelp.escalated') stepUps++;
    if (r.event === 'assessment.completed' && r.to === 'earlyHelp') stepDowns++;
  }
  return {
    contacts: counted.length,
    outcomes,
    passedToAllocatedWorker: passed,
    undecidedAtEnd,
    decidedWithinOneWorkingDay: dueCount ? round(decidedInTime / dueCount) : 0,
    reportedWithinOneWorkingDay: dueCount ? round(reportedInTime / dueCount) : 0,
    heldOverFiveWorkingDays: heldOver5,
    maxHeldWorkingDays: round(maxHeld, 2),
    meanHeldWorkingDays: needingDecision ? round(sumHeld / needingDecision, 3) : 0,
    hiddenFromReport: hidden,
    peakUnallocatedOver48Hours: peakUnallocated(trace, start, end),
    stepUps,
    stepDowns,
    repeatContacts,
    reReferrals,
    level4Contacts: level4,
    medianHoursToStrategyDiscussion: strategyHours.length ? round(median(strategyHours)!, 2) : null,
    maxHoursToStrategyDiscussion: strategyHours.length ? round(Math.max(...strategyHours), 2) : null,
    strategyDiscussionWithinOneWorkingDay: level4Judged ? round(strategyInTime / level4Judged) : 0,
    underThresholded: under,
    overThresholded: over,
  };
}

/**
 * The largest number of cases at one moment in [start, end) that had waited unallocated for more
 * than 48 hours (004 ¶30). Each unallocated episode contributes +1 from entry + 48 h until exit.
 */
export function peakUnallocated(trace: readonly TraceRecord[], start: Instant, end: Instant): number {
  const since = new Map<string, Instant>();
  const deltas: [Instant, number][] = [];
  const LIMIT = 48 * HOUR;
  for (const r of trace) {
    const entered = since.get(r.caseId);
    if (r.unallocated && entered === undefined) since.set(r.caseId, r.t);
    else if (!r.unallocated && entered !== undefined) {
      since.delete(r.caseId);
      if (r.t - entered > LIMIT) {
        deltas.push([entered + LIMIT, 1], [r.t, -1]);
      }
    }
  }
  for (const entered of since.values()) if (end - entered > LIMIT) deltas.push([entered + LIMIT, 1], [end, -1]);
  // Removals before additions at the same instant.
  deltas.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let n = 0;
  let peak = 0;
  for (const [t, d] of deltas) {
    n += d;
    if (t >= start && t < end && n > peak) peak = n;
  }
  // An episode that began before the window and is still counting at `start`.
  let atStart = 0;
  for (const [t, d] of deltas) if (t <= start) atStart += d;
  return Math.max(peak, atStart);
}
