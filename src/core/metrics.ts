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
 *  - timeliness against statutory timescales (a state's meta `timescale`: DOMAIN.md statutory
 *    clocks): judged when a case leaves the state, in working days from the referral (the last
 *    threshold decision), from entering the state, or from the strategy discussion;
 *  - section 47 enquiries, initial conferences and the plans they make; referrals closed with
 *    no further action at the referral stage (DfE's NFA) and after an assessment or enquiry; and
 *    children on child protection plans at the end of the run.
 *  - out of hours, a child in immediate danger: clock hours from receipt to the first protective
 *    action, the first move out of a state whose work protects the child (an emergency response
 *    by the EDT, 004 ¶47, or a strategy discussion: meta `stage`);
 *  - a contact about a child's mental health: working hours from receipt to the end of the work
 *    in the first state where the chart says such a need is assessed (meta `assessesMentalHealth`).
 *
 * The figures are accumulated one transition at a time (`MetricsAccumulator`): the engine feeds
 * it as it runs, so a replication need not keep a trace, and `computeMetrics` feeds it a stored
 * trace. One implementation either way; test/core/metrics.test.ts checks the two agree.
 */
import { DAY, HOUR, dueByOneWorkingDay, nextOpening, workingDaysBetween, workingMillisBetween, type Instant } from './calendar';
import type { Contact } from './contact';
import type { AnyStateMachine } from 'xstate';
import type { TraceRecord } from './engine/trace';
import type { Role } from './processes/common';
import { FIRST_RESPONSES, chartFacts, type ChartFacts, type StateFacts } from './processes/facts';
import { STRATEGY_HELD, TIMESCALE_MEASURES, type TimescaleMeasure } from './processes/common';

export interface Outcomes {
  advice: number;
  earlyHelp: number;
  childInNeed: number;
  childProtection: number;
}

/** Work judged against one statutory timescale (DOMAIN.md statutory clocks), ended in the period. */
export interface TimescaleFigures {
  /** Pieces of work (assessments, conferences) ended in the period. */
  completed: number;
  withinTimescale: number;
  /** withinTimescale / completed; null when none was completed. */
  share: number | null;
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
  /**
   * Referrals about a child referred within the 12 months before (DfE's re-referral: the earlier
   * referral's receipt at most 365 days before this one's), warm-up referrals counting as history.
   */
  reReferrals: number;
  /**
   * Referrals with a full 12 months of the run before them (received at least 365 days after the
   * run's first contact, warm-up included), and of them the re-referrals: the share DfE publishes,
   * judged only where the run can know the child's year of history.
   */
  referralsWithYearOfHistory: number;
  reReferralsWithYearOfHistory: number;
  /**
   * Referrals closed with no further action at the referral stage, before any assessment or
   * section 47 enquiry (DOMAIN.md: NFA; the DfE's "referrals resulting in no further action", a
   * share of all referrals: a referral may result in an assessment, advice, a referral elsewhere
   * or no further action). Referrals received in the period, closed by the end of the run.
   */
  referralsNoFurtherAction: number;
  /**
   * Threshold decisions made after the team manager contacted the parents during a hold: the
   * decision rests on the parents' account, the child unseen (004 ¶20, ¶29, ¶38).
   */
  decidedOnParentsAccount: number;
  /** Threshold decisions (first responses other than the allocated worker) made in the window. */
  decisions: number;
  /**
   * Of them, decisions a team manager made or signed off: the deciding state's worker is a team
   * manager, or the decision lands in work a team manager does (an immediate-danger contact goes
   * straight to a strategy discussion the team manager holds: 004 ¶17, ¶38).
   */
  decisionsByManager: number;
  /** Joint visits with the police after a strategy discussion, and those more than one working day after it (004 ¶39). */
  jointVisits: number;
  jointVisitsAfterOneWorkingDay: number;
  /** Mean working days from receipt to the threshold decision for contacts at true level 3 (null: none). */
  meanHeldWorkingDaysLevel3: number | null;
  level4Contacts: number;
  /** Median working hours from receipt to the strategy discussion, for true level-4 contacts that had one. */
  medianHoursToStrategyDiscussion: number | null;
  maxHoursToStrategyDiscussion: number | null;
  /**
   * Share of true level-4 contacts (due inside the run, not passed to an allocated worker) whose
   * strategy discussion was held within one working day of receipt.
   */
  strategyDiscussionWithinOneWorkingDay: number;
  /**
   * Contacts escalated to a manager before their one-working-day clock ran out (2015: 002 ¶8): a
   * count of contacts whose case entered a state of the escalated-decision stage.
   */
  escalations: number;
  /**
   * Share of escalated contacts (due inside the run) whose threshold decision was made within one
   * working day of receipt; 0 when none was escalated.
   */
  escalatedWithinOneWorkingDay: number;
  /** Decisions below the child's true level (under-thresholding). */
  underThresholded: number;
  overThresholded: number;
  /**
   * Share of assessments (states of stage `assessment` with a timescale) ended in the period
   * within their timescale: 2013's initial (10 working days) and core (35) assessments, 2015's
   * single assessment (45). Null when none ended.
   */
  assessmentsInTimescale: number | null;
  /** Each timescale measure apart (a measure the chart does not use has none completed). */
  timescales: Record<TimescaleMeasure, TimescaleFigures>;
  /** Section 47 enquiries completed in the period. */
  section47Enquiries: number;
  /** Initial child protection conferences held in the period. */
  initialConferences: number;
  /** Of those, the ones that put the child on a child protection plan. */
  conferencePlans: number;
  /**
   * Referrals closed with no further action after social-care work (an assessment, a section 47
   * enquiry, a conference): not NFA as the DfE counts it, which is closure without an assessment
   * (`referralsNoFurtherAction`). Referrals received in the period, closed by the end of the run.
   */
  closedNoFurtherAction: number;
  /** Children on a child protection plan at the end of the run (plans last their state's `keepsCaseOpen` days). */
  childrenOnProtectionPlans: number;
  /** Contacts about a child in immediate danger that arrived while the SPA was closed (004 ¶47). */
  outOfHoursImmediateDanger: OutOfHoursResponse;
  /** Contacts about a child's mental health, and how soon their need was assessed (000 ¶10). */
  mentalHealthNeeds: MentalHealthNeeds;
}

/**
 * How soon a contact about a child's mental health had that need assessed: working hours from
 * receipt to the end of the work in the first state where the chart says a mental-health need is
 * assessed (meta `assessesMentalHealth`: 2015's CAMHS screening at the front door; 2013's first
 * social work assessment). Contacts received in the period; a need assessed after the run's end
 * is not counted.
 */
export interface MentalHealthNeeds {
  contacts: number;
  /** Of them, those whose need was assessed by the end of the run. */
  assessed: number;
  /** Median working hours from receipt to the assessment, over those assessed (null: none was). */
  medianWorkingHoursToAssessment: number | null;
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
/** The case entered an escalated decision (meta stage 'escalatedDecision'). */
const ESCALATED = 4;
/** `caseBits`: the team manager contacted the parents during a hold, before the decision. */
const CASE_PARENTS_CONTACTED = 1;
/** `caseBits`: a team manager made or signed off the threshold decision. */
const CASE_MANAGER_DECIDED = 2;
/** `caseBits`: the case's social-care work ended in closure straight from the referral stage, before any assessment or enquiry (DfE's NFA). */
const CASE_CLOSED_AT_REFERRAL = 4;
/** `caseBits`: the case's social-care work ended in closure after an assessment, an enquiry or a conference. */
const CASE_CLOSED_AFTER_WORK = 8;
/** The role whose decisions count as made or signed off by a manager (004 ¶17: a team manager oversees all contacts). */
const MANAGER: Role = 'teamManager';
/** Re-referrals: within 12 months of the earlier referral (DOMAIN.md, DfE). */
const RE_REFERRAL_WINDOW = 365 * DAY;
const LEVEL_PREFIX = 'level ';
const UNALLOCATED_LIMIT = 48 * HOUR;
const PARENTS_CONTACTED = 'parents.contacted';
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
  /** When the case's mental-health need was first assessed (meta `assessesMentalHealth`), NaN before. */
  private mentalHealthAssessedAt: Float64Array;
  private unallocatedSince: Float64Array;
  private level: Int8Array;
  private response: Int8Array;
  private flags: Uint8Array;
  /** When a case's social-care work ended (first move out of it), NaN before. */
  private concludedAt: Float64Array;
  /** Per case: bits of `CASE_*` (parents contacted in a hold, decided by a manager, how its social-care work closed). */
  private caseBits: Uint8Array;
  private jointVisits = 0;
  private jointVisitsLate = 0;
  private stepUpEvents = 0;
  private stepDowns = 0;
  /** When the case entered its current state, and its last threshold decision (the referral). */
  private enteredAt: Float64Array;
  private referralAt: Float64Array;
  /** The end of the child protection plan the case is on (NaN: none). */
  private planUntil: Float64Array;
  /** Per timescale measure (TIMESCALE_MEASURES order): ended in the period, and within the timescale. */
  private readonly timedCompleted = new Int32Array(TIMESCALE_MEASURES.length);
  private readonly timedWithin = new Int32Array(TIMESCALE_MEASURES.length);
  private assessmentsEnded = 0;
  private assessmentsWithin = 0;
  private enquiries = 0;
  private conferences = 0;
  private conferencePlans = 0;
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
    this.mentalHealthAssessedAt = new Float64Array(capacity).fill(NaN);
    this.unallocatedSince = new Float64Array(capacity).fill(NaN);
    this.enteredAt = new Float64Array(capacity).fill(NaN);
    this.referralAt = new Float64Array(capacity).fill(NaN);
    this.planUntil = new Float64Array(capacity).fill(NaN);
    this.level = new Int8Array(capacity).fill(-1);
    this.response = new Int8Array(capacity).fill(-1);
    this.flags = new Uint8Array(capacity).fill(WAS_UNDECIDED);
    this.concludedAt = new Float64Array(capacity).fill(NaN);
    this.caseBits = new Uint8Array(capacity);
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
    if (to.escalated) flags |= ESCALATED;
    if (reportDecided && Number.isNaN(this.reportedAt[i])) this.reportedAt[i] = t;
    if (!undecided && flags & WAS_UNDECIDED) this.referralAt[i] = t;
    if (!undecided && flags & WAS_UNDECIDED && Number.isNaN(this.decidedAt[i])) {
      this.decidedAt[i] = t;
      this.response[i] = responseNumber(to);
      if ((from !== null && from.role === MANAGER) || to.role === MANAGER) this.caseBits[i] |= CASE_MANAGER_DECIDED;
      if (level >= 0) this.level[i] = level;
      else if (to.recordsLevel !== null) this.level[i] = to.recordsLevel;
    }
    this.flags[i] = undecided ? flags | WAS_UNDECIDED : flags & ~WAS_UNDECIDED;
    if (event === STRATEGY_HELD && Number.isNaN(this.strategyAt[i])) this.strategyAt[i] = t;
    // The team manager contacted the parents while the case was held, undecided (004 ¶38).
    // (A chart may end the hold with the contact: then the hold is the state it leaves.)
    if (event === PARENTS_CONTACTED && (to.hold || (from !== null && from.hold)) && undecided) this.caseBits[i] |= CASE_PARENTS_CONTACTED;
    // Social-care work ends: closed with no further action (at the referral stage, before any
    // assessment or enquiry, or after one), or a plan, or early help.
    if (from !== null && from.openSocialCare && !to.openSocialCare && Number.isNaN(this.concludedAt[i])) {
      this.concludedAt[i] = t;
      if (to.closure) this.caseBits[i] |= from.stage === 'referral' ? CASE_CLOSED_AT_REFERRAL : CASE_CLOSED_AFTER_WORK;
    }
    // A joint visit with the police ends: how long after the strategy discussion (004 ¶39).
    if (from !== null && from.stage === 'jointVisit' && to.stage !== 'jointVisit' && !Number.isNaN(this.strategyAt[i]) && t >= this.start && t < this.end) {
      this.jointVisits++;
      if (t > dueByOneWorkingDay(this.strategyAt[i])) this.jointVisitsLate++;
    }
    if (from !== null && from.protective && from !== to && Number.isNaN(this.protectedAt[i])) this.protectedAt[i] = t;
    // The work of a state where a mental-health need is assessed ended (meta `assessesMentalHealth`).
    if (from !== null && event === from.assessesMentalHealthOn && Number.isNaN(this.mentalHealthAssessedAt[i])) this.mentalHealthAssessedAt[i] = t;
    // Unallocated episodes (004 ¶30).
    const since = this.unallocatedSince[i];
    if (unallocated && Number.isNaN(since)) this.unallocatedSince[i] = t;
    else if (!unallocated && !Number.isNaN(since)) {
      this.unallocatedSince[i] = NaN;
      if (t - since > UNALLOCATED_LIMIT) this.episode(since + UNALLOCATED_LIMIT, t);
    }
    // Step-ups by the early help worker's escalation, and step-downs: from decided social-care
    // work (an assessment) into early help.
    const inPeriod = t >= this.start && t < this.end;
    if (inPeriod) {
      if (event === 'earlyHelp.escalated') this.stepUpEvents++;
      else if (to.earlyHelp && from !== null && from.openSocialCare) this.stepDowns++;
    }
    if (from !== to) {
      if (from !== null && inPeriod) this.leave(i, t, from, to);
      this.enteredAt[i] = t;
      if (to.childProtectionPlan) this.planUntil[i] = t + to.keepsCaseOpenDays * DAY;
    }
  }

  /** Case i leaves `from` for `to` at t, inside the period: timescales, enquiries, conferences, closures. */
  private leave(i: number, t: Instant, from: StateFacts, to: StateFacts): void {
    const timescale = from.timescale;
    if (timescale !== null) {
      const since = timescale.from === 'referral' ? this.referralAt[i] : timescale.from === 'entry' ? this.enteredAt[i] : this.strategyAt[i];
      // A clock with no start (a changed chart with no strategy discussion before its conference) is not judged.
      if (!Number.isNaN(since)) {
        const m = TIMESCALE_MEASURES.indexOf(timescale.measure);
        const within = workingDaysBetween(since, t) <= timescale.workingDays;
        this.timedCompleted[m]++;
        if (within) this.timedWithin[m]++;
        if (from.timedAssessment) {
          this.assessmentsEnded++;
          if (within) this.assessmentsWithin++;
        }
      }
    }
    if (from.stage === 'section47Enquiry') this.enquiries++;
    if (from.stage === 'conference') {
      this.conferences++;
      if (to.childProtectionPlan) this.conferencePlans++;
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
    const { count, receivedAt: receivedAtOf, due: dueOf, trueLevel: trueLevelOf, previous, repeat, inEarlyHelp, outOfHours, immediateDanger, mentalHealth } = contacts;
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
    let escalations = 0;
    let escalatedJudged = 0;
    let escalatedInTime = 0;
    const strategyHours: number[] = [];
    // Children on a child protection plan at the end: each child (the first contact about it) once.
    const childOf = new Int32Array(count);
    const onPlan = new Set<number>();
    let withHistory = 0;
    let reReferralsWithHistory = 0;
    const historyFrom = count > 0 ? receivedAtOf[0] + RE_REFERRAL_WINDOW : Infinity;
    let closedAtReferral = 0;
    let closedAfterWork = 0;
    let onParentsAccount = 0;
    let decisions = 0;
    let byManager = 0;
    let level3Count = 0;
    let level3Held = 0;
    // When the child was last referred, by each contact (this one or an earlier one; NaN: never):
    // children referred before the window count for re-referrals too.
    const lastReferralAt = new Float64Array(count);
    let outOfHoursDanger = 0;
    let outOfHoursJudged = 0;
    let outOfHoursInTime = 0;
    const responseHours: number[] = [];
    let mentalHealthContacts = 0;
    const mentalHealthHours: number[] = [];
    for (let i = 0; i < count; i++) {
      const response = this.response[i];
      const referral = response === CHILD_IN_NEED || response === CHILD_PROTECTION;
      childOf[i] = previous[i] >= 0 ? childOf[previous[i]] : i;
      if (this.planUntil[i] > end) onPlan.add(childOf[i]);
      const receivedAt = receivedAtOf[i];
      const referredBefore = previous[i] >= 0 ? lastReferralAt[previous[i]] : NaN;
      lastReferralAt[i] = referral ? receivedAt : referredBefore;
      const trueLevel = trueLevelOf[i];
      if (receivedAt >= start && receivedAt < end) {
        counted++;
        if (repeat ? repeat[i] === 1 : previous[i] >= 0) repeatContacts++;
        // (NaN, never referred before, compares false.)
        const reReferral = referral && receivedAt - referredBefore <= RE_REFERRAL_WINDOW;
        if (reReferral) reReferrals++;
        if (referral && receivedAt >= historyFrom) {
          withHistory++;
          if (reReferral) reReferralsWithHistory++;
        }
        const bits = this.caseBits[i];
        if (referral) {
          if (bits & CASE_CLOSED_AT_REFERRAL) closedAtReferral++;
          else if (bits & CASE_CLOSED_AFTER_WORK) closedAfterWork++;
        }
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
          if (this.flags[i] & ESCALATED) {
            escalations++;
            if (due <= end) {
              escalatedJudged++;
              if (decidedAt <= due) escalatedInTime++;
            }
          }
          if (trueLevel === 3) {
            level3Count++;
            level3Held += held;
          }
          if (response >= 0) {
            decisions++;
            if (bits & CASE_MANAGER_DECIDED) byManager++;
            if (bits & CASE_PARENTS_CONTACTED) onParentsAccount++;
          }
          const level = this.level[i];
          if (level >= 0) {
            if (level < trueLevel) under++;
            else if (level > trueLevel) over++;
          }
        }
        if (mentalHealth[i] === 1) {
          mentalHealthContacts++;
          const assessedAt = this.mentalHealthAssessedAt[i];
          if (!Number.isNaN(assessedAt)) mentalHealthHours.push(workingMillisBetween(receivedAt, assessedAt) / HOUR);
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
      referralsWithYearOfHistory: withHistory,
      reReferralsWithYearOfHistory: reReferralsWithHistory,
      referralsNoFurtherAction: closedAtReferral,
      decidedOnParentsAccount: onParentsAccount,
      decisions,
      decisionsByManager: byManager,
      jointVisits: this.jointVisits,
      jointVisitsAfterOneWorkingDay: this.jointVisitsLate,
      meanHeldWorkingDaysLevel3: level3Count ? round(level3Held / level3Count, 3) : null,
      level4Contacts: level4,
      medianHoursToStrategyDiscussion: strategyHours.length ? round(median(strategyHours)!, 2) : null,
      maxHoursToStrategyDiscussion: strategyHours.length ? round(Math.max(...strategyHours), 2) : null,
      strategyDiscussionWithinOneWorkingDay: level4Judged ? round(strategyInTime / level4Judged) : 0,
      escalations,
      escalatedWithinOneWorkingDay: escalatedJudged ? round(escalatedInTime / escalatedJudged) : 0,
      underThresholded: under,
      overThresholded: over,
      assessmentsInTimescale: this.assessmentsEnded ? round(this.assessmentsWithin / this.assessmentsEnded) : null,
      timescales: this.timescaleFigures(),
      section47Enquiries: this.enquiries,
      initialConferences: this.conferences,
      conferencePlans: this.conferencePlans,
      closedNoFurtherAction: closedAfterWork,
      childrenOnProtectionPlans: onPlan.size,
      outOfHoursImmediateDanger: {
        contacts: outOfHoursDanger,
        medianHoursToResponse: responseHours.length ? round(median(responseHours)!, 2) : null,
        maxHoursToResponse: responseHours.length ? round(Math.max(...responseHours), 2) : null,
        respondedBeforeSpaOpens: outOfHoursJudged ? round(outOfHoursInTime / outOfHoursJudged) : null,
      },
      mentalHealthNeeds: {
        contacts: mentalHealthContacts,
        assessed: mentalHealthHours.length,
        medianWorkingHoursToAssessment: mentalHealthHours.length ? round(median(mentalHealthHours)!, 2) : null,
      },
    };
  }

  private timescaleFigures(): Record<TimescaleMeasure, TimescaleFigures> {
    const out = {} as Record<TimescaleMeasure, TimescaleFigures>;
    TIMESCALE_MEASURES.forEach((m, k) => {
      const completed = this.timedCompleted[k];
      const withinTimescale = this.timedWithin[k];
      out[m] = { completed, withinTimescale, share: completed ? round(withinTimescale / completed) : null };
    });
    return out;
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
  /** 1 if the contact is about the child's mental health. */
  mentalHealth: ArrayLike<number>;
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
    mentalHealth: contacts.map((c) => (c.mentalHealth ? 1 : 0)),
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
