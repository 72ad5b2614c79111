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
 *  - unallocated over 48 hours at the worst moment (004 ¶30: 25 found during the inspection);
 *  - out of hours, a child in immediate danger: clock hours from receipt to the first protective
 *    action, the first move out of a state whose work protects the child (an emergency response
 *    by the EDT, 004 ¶47, or a strategy discussion: meta `stage`).
 *
 * The figures are accumulated one transition at a time (`MetricsAccumulator`): the engine feeds
 * it as it runs, so a replication need not keep a trace, and `computeMetrics` feeds it a stored
 * trace. One implementation either way; test/core/metrics.test.ts checks the two agree.
 */
import { HOUR, dueByOneWorkingDay, nextOpening, workingDaysBetween, workingMillisBetween, type Instant } from './calendar';
import type { Contact } from './contact';
import type { AnyStateMachine } from 'xstate';
import type { TraceRecord } from './engine/trace';
import { FIRST_RESPONSES, chartFacts, type ChartFacts, type StateFacts } from './processes/facts';

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
  /** Contacts about a child in immediate danger that arrived while the SPA was closed (004 ¶47). */
  outOfHoursImmediateDanger: OutOfHoursResponse;
}

/**
 * How quickly a child in immediate danger whose contact arrived out of hours was protected: clock
 * hours from receipt to the first protective action (the emergency duty team's response, or the
 * strategy discussion where there is none).
 */
export interface OutOfHoursResponse {
  contacts: number;
  /** Median clock hours to the first protective action, over the contacts that had one (null: none had). */
  medianHoursToResponse: number | null;
  maxHoursToResponse: number | null;
  /**
   * Share of these contacts protected by the time the SPA next opened after receipt, over those
   * whose next opening fell inside the run (null: none did). A contact never protected counts as not.
   */
  respondedBeforeSpaOpens: number | null;
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

export interface MetricsInput {
  /** The chart that made the trace: what the figures know of each state comes from its meta. */
  machine: AnyStateMachine;
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

/** The first responses, numbered (a case's `response` column holds the number, -1 for none). */
const RESPONSES = FIRST_RESPONSES;
const CHILD_IN_NEED = RESPONSES.indexOf('childInNeed');
const CHILD_PROTECTION = RESPONSES.indexOf('childProtection');
const ALLOCATED_WORKER = RESPONSES.indexOf('allocatedWorker');
/** The number of the first response a decision into a state stands for, or -1. */
const responseNumber = (to: StateFacts): number => (to.firstResponse === null ? -1 : RESPONSES.indexOf(to.firstResponse));
const HIDDEN = 1;
const WAS_UNDECIDED = 2;
const LEVEL_PREFIX = 'level ';
const UNALLOCATED_LIMIT = 48 * HOUR;
const nullable = (x: number): number | null => (Number.isNaN(x) ? null : x);

/** The level a trace record's detail names ('level 3' -> 3), or -1. */
function levelOf(r: TraceRecord): number {
  return r.event === 'threshold.decided' && r.detail ? Number(r.detail.slice(LEVEL_PREFIX.length)) : -1;
}

/**
 * The figures, accumulated one transition at a time. The engine feeds it as it runs (so a
 * replication need not keep its trace), and `computeMetrics` feeds it a stored trace: one
 * implementation, whichever way the records arrive (test/core/metrics.test.ts checks both agree).
 * Cases are numbered in arrival order (the index of the contact in the run's contact list).
 */
export class MetricsAccumulator {
  private decidedAt: Float64Array;
  private reportedAt: Float64Array;
  private strategyAt: Float64Array;
  /** The first protective action: the first move out of a state whose work protects the child. */
  private protectedAt: Float64Array;
  private unallocatedSince: Float64Array;
  private level: Int8Array;
  private response: Int8Array;
  private flags: Uint8Array;
  private stepUpEvents = 0;
  private stepDowns = 0;
  /** Unallocated-over-48-hours episodes: +1 at entry + 48 h, -1 at exit. */
  private deltaT: number[] = [];
  private deltaD: number[] = [];

  constructor(
    capacity: number,
    readonly start: Instant,
    readonly end: Instant,
  ) {
    this.decidedAt = new Float64Array(capacity).fill(NaN);
    this.reportedAt = new Float64Array(capacity).fill(NaN);
    this.strategyAt = new Float64Array(capacity).fill(NaN);
    this.protectedAt = new Float64Array(capacity).fill(NaN);
    this.unallocatedSince = new Float64Array(capacity).fill(NaN);
    this.level = new Int8Array(capacity).fill(-1);
    this.response = new Int8Array(capacity).fill(-1);
    this.flags = new Uint8Array(capacity).fill(WAS_UNDECIDED);
  }

  /**
   * One transition of case i, at t, from state `from` (null when the contact arrives) into state
   * `to` on `event`; `level` is the decided level of a threshold decision (else -1). What the
   * figures read of the two states is their facts (the chart's meta).
   */
  add(i: number, t: Instant, from: StateFacts | null, to: StateFacts, event: string, level: number): void {
    const { undecided, reportPending, reportDecided, unallocated } = to;
    let flags = this.flags[i];
    if (undecided && !reportPending) flags |= HIDDEN;
    if (reportDecided && Number.isNaN(this.reportedAt[i])) this.reportedAt[i] = t;
    if (!undecided && flags & WAS_UNDECIDED && Number.isNaN(this.decidedAt[i])) {
      this.decidedAt[i] = t;
      this.response[i] = responseNumber(to);
      if (level >= 0) this.level[i] = level;
      else if (to.recordsLevel !== null) this.level[i] = to.recordsLevel;
    }
    this.flags[i] = undecided ? flags | WAS_UNDECIDED : flags & ~WAS_UNDECIDED;
    if (event === 'strategy.held' && Number.isNaN(this.strategyAt[i])) this.strategyAt[i] = t;
    if (from !== null && from.protective && from !== to && Number.isNaN(this.protectedAt[i])) this.protectedAt[i] = t;
    // Unallocated episodes (004 ¶30).
    const since = this.unallocatedSince[i];
    if (unallocated && Number.isNaN(since)) this.unallocatedSince[i] = t;
    else if (!unallocated && !Number.isNaN(since)) {
      this.unallocatedSince[i] = NaN;
      if (t - since > UNALLOCATED_LIMIT) this.episode(since + UNALLOCATED_LIMIT, t);
    }
    // Step-ups by the early help worker's escalation, and step-downs: from decided social-care
    // work (an assessment) into early help.
    if (t >= this.start && t < this.end) {
      if (event === 'earlyHelp.escalated') this.stepUpEvents++;
      else if (to.earlyHelp && from !== null && from.openSocialCare) this.stepDowns++;
    }
  }

  /** One stored trace record of case i; `chart` is the facts of the chart that made the trace. */
  addRecord(i: number, r: TraceRecord, chart: ChartFacts): void {
    this.add(i, r.t, r.from === null ? null : chart.state(r.from), chart.state(r.to), r.event, levelOf(r));
  }

  private episode(from: Instant, to: Instant) {
    this.deltaT.push(from, to);
    this.deltaD.push(1, -1);
  }

  /** Case i's summary; `contact` is the contact numbered i. */
  caseSummary(i: number, contact: Contact): CaseSummary {
    const decidedAt = nullable(this.decidedAt[i]);
    const r = this.response[i];
    const level = this.level[i];
    return {
      caseId: contact.id,
      receivedAt: contact.receivedAt,
      due: dueByOneWorkingDay(contact.receivedAt),
      decidedAt,
      reportedDecidedAt: nullable(this.reportedAt[i]),
      heldWorkingDays: workingDaysBetween(contact.receivedAt, decidedAt ?? this.end),
      hidden: (this.flags[i] & HIDDEN) !== 0,
      decidedLevel: level >= 0 ? level : null,
      firstResponse: r >= 0 ? RESPONSES[r] : null,
      strategyAt: nullable(this.strategyAt[i]),
    };
  }

  /** The run's figures; `contacts` are what they read of the run's contacts, numbered as the cases. */
  finish(contacts: ContactColumns): RunMetrics {
    const { count, receivedAt: receivedAtOf, due: dueOf, trueLevel: trueLevelOf, previous, repeat, inEarlyHelp, outOfHours, immediateDanger } = contacts;
    const { start, end } = this;
    const outcomes: Outcomes = { advice: 0, earlyHelp: 0, childInNeed: 0, childProtection: 0 };
    let counted = 0;
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
    let stepUps = this.stepUpEvents;
    let repeatContacts = 0;
    let reReferrals = 0;
    let level4 = 0;
    let under = 0;
    let over = 0;
    let strategyInTime = 0;
    let level4Judged = 0;
    const strategyHours: number[] = [];
    let outOfHoursDanger = 0;
    let outOfHoursJudged = 0;
    let outOfHoursInTime = 0;
    const responseHours: number[] = [];
    // Whether the child had been referred by each contact (this one or an earlier one): children
    // referred before the window count for re-referrals too.
    const referredBy = new Uint8Array(count);
    for (let i = 0; i < count; i++) {
      const response = this.response[i];
      const referral = response === CHILD_IN_NEED || response === CHILD_PROTECTION;
      const before = previous[i] >= 0 && referredBy[previous[i]] === 1;
      referredBy[i] = referral || before ? 1 : 0;
      const receivedAt = receivedAtOf[i];
      const trueLevel = trueLevelOf[i];
      if (receivedAt >= start && receivedAt < end) {
        counted++;
        if (repeat ? repeat[i] === 1 : previous[i] >= 0) repeatContacts++;
        if (referral && before) reReferrals++;
        if (inEarlyHelp[i] === 1 && referral) stepUps++;
        const due = dueOf[i];
        if (response === ALLOCATED_WORKER) passed++;
        else {
          needingDecision++;
          if (response >= 0) outcomes[RESPONSES[response] as keyof Outcomes]++;
          else undecidedAtEnd++;
          // Timeliness counts only contacts whose due time fell inside the run: one due after the
          // end can only be judged if decided, which would admit successes and never failures.
          // (NaN, not decided, compares false.)
          const decidedAt = this.decidedAt[i];
          if (due <= end) {
            dueCount++;
            if (decidedAt <= due) decidedInTime++;
            if (this.reportedAt[i] <= due) reportedInTime++;
          }
          const held = workingDaysBetween(receivedAt, Number.isNaN(decidedAt) ? end : decidedAt);
          if (held > 5) heldOver5++;
          if (held > maxHeld) maxHeld = held;
          sumHeld += held;
          if (this.flags[i] & HIDDEN) hidden++;
          const level = this.level[i];
          if (level >= 0) {
            if (level < trueLevel) under++;
            else if (level > trueLevel) over++;
          }
        }
        if (outOfHours[i] === 1 && immediateDanger[i] === 1) {
          outOfHoursDanger++;
          const protectedAt = this.protectedAt[i];
          if (!Number.isNaN(protectedAt)) responseHours.push((protectedAt - receivedAt) / HOUR);
          const opens = nextOpening(receivedAt);
          if (opens <= end) {
            outOfHoursJudged++;
            if (protectedAt <= opens) outOfHoursInTime++;
          }
        }
        if (trueLevel === 4) {
          level4++;
          const strategyAt = this.strategyAt[i];
          if (!Number.isNaN(strategyAt)) strategyHours.push(workingMillisBetween(receivedAt, strategyAt) / HOUR);
          // The share within one working day: contacts due inside the run and not passed to an
          // allocated worker (whose own case carries the response).
          if (due <= end && response !== ALLOCATED_WORKER) {
            level4Judged++;
            if (strategyAt <= due) strategyInTime++;
          }
        }
      }
    }
    return {
      contacts: counted,
      outcomes,
      passedToAllocatedWorker: passed,
      undecidedAtEnd,
      decidedWithinOneWorkingDay: dueCount ? round(decidedInTime / dueCount) : 0,
      reportedWithinOneWorkingDay: dueCount ? round(reportedInTime / dueCount) : 0,
      heldOverFiveWorkingDays: heldOver5,
      maxHeldWorkingDays: round(maxHeld, 2),
      meanHeldWorkingDays: needingDecision ? round(sumHeld / needingDecision, 3) : 0,
      hiddenFromReport: hidden,
      peakUnallocatedOver48Hours: this.peakUnallocated(),
      stepUps,
      stepDowns: this.stepDowns,
      repeatContacts,
      reReferrals,
      level4Contacts: level4,
      medianHoursToStrategyDiscussion: strategyHours.length ? round(median(strategyHours)!, 2) : null,
      maxHoursToStrategyDiscussion: strategyHours.length ? round(Math.max(...strategyHours), 2) : null,
      strategyDiscussionWithinOneWorkingDay: level4Judged ? round(strategyInTime / level4Judged) : 0,
      underThresholded: under,
      overThresholded: over,
      outOfHoursImmediateDanger: {
        contacts: outOfHoursDanger,
        medianHoursToResponse: responseHours.length ? round(median(responseHours)!, 2) : null,
        maxHoursToResponse: responseHours.length ? round(Math.max(...responseHours), 2) : null,
        respondedBeforeSpaOpens: outOfHoursJudged ? round(outOfHoursInTime / outOfHoursJudged) : null,
      },
    };
  }

  /**
   * The largest number of cases at one moment in [start, end) that had waited unallocated for
   * more than 48 hours (004 ¶30). Each episode counts +1 from entry + 48 h until its exit (or
   * the end of the run).
   */
  private peakUnallocated(): number {
    const { start, end } = this;
    const deltas: [Instant, number][] = [];
    for (let k = 0; k < this.deltaT.length; k++) deltas.push([this.deltaT[k], this.deltaD[k]]);
    for (const since of this.unallocatedSince) {
      if (!Number.isNaN(since) && end - since > UNALLOCATED_LIMIT) deltas.push([since + UNALLOCATED_LIMIT, 1], [end, -1]);
    }
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
}

/**
 * What the figures read of a run's contacts, one column per field, numbered as the cases (the
 * engine keeps these beside shared contacts; `contactColumns` makes them from a contact list).
 */
export interface ContactColumns {
  count: number;
  receivedAt: ArrayLike<number>;
  /** The end of each contact's one working day (`dueByOneWorkingDay` of its receipt). */
  due: ArrayLike<number>;
  trueLevel: ArrayLike<number>;
  /** The previous contact about the same child (its number), or -1. */
  previous: ArrayLike<number>;
  /** 1 for a repeat contact (one that names an earlier contact); null: the same as having a previous one. */
  repeat: ArrayLike<number> | null;
  /** 1 if the child was in early help when contacted. */
  inEarlyHelp: ArrayLike<number>;
  /** 1 if the contact arrived while the SPA was closed. */
  outOfHours: ArrayLike<number>;
  /** 1 if the child was in immediate danger. */
  immediateDanger: ArrayLike<number>;
}

/** The columns of a contact list. */
export function contactColumns(contacts: readonly Contact[]): ContactColumns {
  const lastOfChild = new Map<string, number>();
  const previous = new Int32Array(contacts.length);
  contacts.forEach((c, i) => {
    previous[i] = lastOfChild.get(c.childId) ?? -1;
    lastOfChild.set(c.childId, i);
  });
  return {
    count: contacts.length,
    receivedAt: contacts.map((c) => c.receivedAt),
    due: contacts.map((c) => dueByOneWorkingDay(c.receivedAt)),
    trueLevel: contacts.map((c) => c.trueLevel),
    previous,
    repeat: contacts.map((c) => (c.previousContactId ? 1 : 0)),
    inEarlyHelp: contacts.map((c) => (c.inEarlyHelp ? 1 : 0)),
    outOfHours: contacts.map((c) => (c.outOfHours ? 1 : 0)),
    immediateDanger: contacts.map((c) => (c.immediateDanger ? 1 : 0)),
  };
}

/** Feed a stored trace to an accumulator; cases are numbered by `contacts`, then by first appearance. */
function accumulate({ machine, contacts, trace, start, end }: MetricsInput): MetricsAccumulator {
  const chart = chartFacts(machine);
  const index = new Map<string, number>();
  contacts.forEach((c, i) => index.set(c.id, i));
  for (const r of trace) if (!index.has(r.caseId)) index.set(r.caseId, index.size);
  const acc = new MetricsAccumulator(index.size, start, end);
  for (const r of trace) acc.addRecord(index.get(r.caseId)!, r, chart);
  return acc;
}

/** Each contact's summary, in the order of `contacts`. */
export function summariseCases(input: MetricsInput): CaseSummary[] {
  const acc = accumulate(input);
  return input.contacts.map((c, i) => acc.caseSummary(i, c));
}

export function computeMetrics(input: MetricsInput): RunMetrics {
  return accumulate(input).finish(contactColumns(input.contacts));
}
