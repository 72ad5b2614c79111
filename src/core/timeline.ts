/**
 * Replay from the trace: what was where at any simulated instant, and figures over time.
 *
 * The trace is the product (../shared/STYLE.md): a replay never re-simulates. The state of the
 * front door at instant t is the fold of the trace records up to t; to scrub quickly, the fold is
 * stored every `stride` records (checkpoints) and a binary search over trace time finds where to
 * start. Everything here is pure, deterministic and framework-free, and the index is plain data
 * (typed arrays) so a web worker can build it and post it to the page.
 */
import type { AnyStateMachine } from 'xstate';
import { HOUR, addLocalDays, isWorkingDay, nextOpening, startOfLocalDay, toLondon, type Instant } from './calendar';
import type { Contact } from './contact';
import type { TraceRecord } from './engine';
import type { CaseSummary } from './metrics';
import type { Role, Stage } from './processes/common';
import { chartFacts } from './processes/facts';

// ---------------------------------------------------------------------------------------------
// The statechart, as a diagram reads it
// ---------------------------------------------------------------------------------------------

export interface StateInfo {
  name: string;
  /** Short plain-English name (the state's meta `label`). */
  label: string;
  /** Which stage of the journey it is, from its meta. */
  stage: Stage | null;
  final: boolean;
  description: string;
  source: string;
  /** What the weekly report records for a case in this state. */
  reportLabel: string;
  reportPending: boolean;
  /** Ground truth: no threshold decision yet. */
  undecided: boolean;
  /** Undecided while the report does not list the case as pending: hidden from the report (004 ¶38). */
  hidden: boolean;
  /** An accepted referral with no named social worker (004 ¶30). */
  unallocated: boolean;
  /** Who works a case here, if anyone. */
  role: Role | null;
}

/** Every top-level state of a process statechart, in definition order, with its meta. */
export function stateInfos(machine: AnyStateMachine): StateInfo[] {
  return chartFacts(machine).states.map((f) => ({
    name: f.name,
    label: f.label,
    stage: f.stage,
    final: f.final,
    description: f.meta.description ?? '',
    source: f.meta.source ?? '',
    reportLabel: f.meta.report?.label ?? '',
    reportPending: f.reportPending,
    undecided: f.undecided,
    hidden: f.hidden,
    unallocated: f.unallocated,
    role: f.role,
  }));
}

export interface Edge {
  from: string;
  to: string;
  /** Events that take a case along this edge. */
  events: string[];
}

/** The transitions between different states, read from the machine definition. */
export function machineEdges(machine: AnyStateMachine): Edge[] {
  const edges = new Map<string, Edge>();
  for (const [name, node] of Object.entries(machine.root.states)) {
    for (const [event, defs] of node.transitions) {
      for (const def of defs) {
        for (const target of def.target ?? []) {
          if (target.key === name) continue;
          const key = `${name}>${target.key}`;
          let e = edges.get(key);
          if (!e) edges.set(key, (e = { from: name, to: target.key, events: [] }));
          if (!e.events.includes(event)) e.events.push(event);
        }
      }
    }
  }
  return [...edges.values()];
}

/** Roles a process puts work on, in the order its states first use them. */
export function rolesOf(machine: AnyStateMachine): Role[] {
  return [...chartFacts(machine).roles];
}

// ---------------------------------------------------------------------------------------------
// State counts at any instant
// ---------------------------------------------------------------------------------------------

export interface TimelineIndex {
  states: string[];
  /** Per state: an end (final) state. Cases reaching one are counted only from `countFinalFrom`. */
  final: boolean[];
  /** Trace time of each record (the trace is in time order). */
  times: Float64Array;
  /** State index a record leaves (-1 for a new contact) and enters. */
  from: Int16Array;
  to: Int16Array;
  countFinalFrom: Instant;
  stride: number;
  /** Counts before record k * stride, for k = 0..floor(n / stride); row-major, states.length wide. */
  checkpoints: Int32Array;
}

/**
 * Build the replay index of one trace. Open states count every case there (warm-up contacts
 * still load the front door); end states count the cases that reached them at or after
 * `countFinalFrom` (the start of the period), so their numbers read "ended here since the start".
 */
export function buildTimeline(trace: readonly TraceRecord[], states: readonly string[], finalStates: ReadonlySet<string>, countFinalFrom: Instant, stride = 128): TimelineIndex {
  const n = trace.length;
  const w = states.length;
  const ids = new Map(states.map((s, i) => [s, i]));
  const id = (s: string): number => {
    const i = ids.get(s);
    if (i === undefined) throw new Error(`the trace names state "${s}", which is not in the statechart`);
    return i;
  };
  const final = states.map((s) => finalStates.has(s));
  const times = new Float64Array(n);
  const from = new Int16Array(n);
  const to = new Int16Array(n);
  const checkpoints = new Int32Array((Math.floor(n / stride) + 1) * w);
  const counts = new Int32Array(w);
  for (let k = 0; k < n; k++) {
    if (k % stride === 0) checkpoints.set(counts, (k / stride) * w);
    const r = trace[k];
    times[k] = r.t;
    from[k] = r.from === null ? -1 : id(r.from);
    to[k] = id(r.to);
    apply(counts, from[k], to[k], r.t, final, countFinalFrom);
  }
  if (n % stride === 0) checkpoints.set(counts, (n / stride) * w);
  return { states: [...states], final, times, from, to, countFinalFrom, stride, checkpoints };
}

function apply(counts: Int32Array, f: number, t: number, at: Instant, final: readonly boolean[], countFinalFrom: Instant): void {
  if (f === t) return; // a handled self-transition (a clock noted, parents contacted)
  if (f >= 0) counts[f]--;
  if (!final[t] || at >= countFinalFrom) counts[t]++;
}

/** Number of trace records at or before t (binary search; times are non-decreasing). */
export function recordsUpTo(times: Float64Array, t: Instant): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (times[mid] <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Cases in each state at instant t (every record with time <= t applied), by state index. */
export function countsAt(index: TimelineIndex, t: Instant): Int32Array {
  const upTo = recordsUpTo(index.times, t);
  const k = Math.floor(upTo / index.stride);
  const w = index.states.length;
  const counts = index.checkpoints.slice(k * w, (k + 1) * w);
  for (let i = k * index.stride; i < upTo; i++) apply(counts, index.from[i], index.to[i], index.times[i], index.final, index.countFinalFrom);
  return counts;
}

/** Cases in each state at instant t, by state name. */
export function stateCountsAt(index: TimelineIndex, t: Instant): Record<string, number> {
  const counts = countsAt(index, t);
  const out: Record<string, number> = {};
  index.states.forEach((s, i) => (out[s] = counts[i]));
  return out;
}

/** The time of the first record after t, or null. */
export function nextEventAfter(index: TimelineIndex, t: Instant): Instant | null {
  const i = recordsUpTo(index.times, t);
  return i < index.times.length ? index.times[i] : null;
}

/** The time of the last record before t, or null. */
export function previousEventBefore(index: TimelineIndex, t: Instant): Instant | null {
  let lo = 0;
  let hi = index.times.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (index.times[mid] < t) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? index.times[lo - 1] : null;
}

/** The record of one case in force at t (the last at or before t), or null before it arrived. */
export function caseRecordAt<R extends { t: Instant }>(records: readonly R[], t: Instant): R | null {
  let found: R | null = null;
  for (const r of records) {
    if (r.t > t) break;
    found = r;
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// Figures over time
// ---------------------------------------------------------------------------------------------

/** The instants a day-by-day series is sampled at: the start, then each London midnight to the end. */
export function dayBoundaries(start: Instant, end: Instant): Instant[] {
  const out = [start];
  for (let d = 1; ; d++) {
    const t = addLocalDays(startOfLocalDay(start), d);
    if (t >= end) break;
    out.push(t);
  }
  out.push(end);
  return out;
}

export interface DailySeries {
  /** Sample instants: the start, each midnight, the end. Each value counts records at or before it. */
  times: Instant[];
  /** Cases with no threshold decision. */
  undecided: number[];
  /** Of those, cases the weekly report did not list as waiting for a decision (004 ¶38). */
  hidden: number[];
  /** Accepted referrals with no named social worker (004 ¶30). */
  unallocated: number[];
  /** Of those, referrals that had waited more than 48 hours. */
  unallocatedOver48Hours: number[];
  /** Step-ups and step-downs since the start, counted as computeMetrics counts them. */
  stepUps: number[];
  stepDowns: number[];
}

const REFERRAL = new Set(['childInNeed', 'childProtection']);

/**
 * Counts at each day boundary, from one pass over the trace. The running totals of step-ups and
 * step-downs end at the run's figures: escalations from early help and assessments that step down
 * count when they happen; a contact about a child in early help that is referred counts when it
 * is decided (metrics.ts).
 */
export function dailySeries(machine: AnyStateMachine, trace: readonly TraceRecord[], contacts: readonly Contact[], cases: readonly CaseSummary[], start: Instant, end: Instant): DailySeries {
  const chart = chartFacts(machine);
  const times = dayBoundaries(start, end);
  const contactSteps: Instant[] = [];
  contacts.forEach((c, i) => {
    const s = cases[i];
    if (c.receivedAt >= start && c.receivedAt < end && c.inEarlyHelp && s.firstResponse && REFERRAL.has(s.firstResponse) && s.decidedAt !== null) contactSteps.push(s.decidedAt);
  });
  contactSteps.sort((a, b) => a - b);
  const out: DailySeries = { times, undecided: [], hidden: [], unallocated: [], unallocatedOver48Hours: [], stepUps: [], stepDowns: [] };
  const last = new Map<string, TraceRecord>();
  const unallocatedSince = new Map<string, Instant>();
  let undecided = 0;
  let hidden = 0;
  let ups = 0;
  let downs = 0;
  let k = 0;
  let c = 0;
  for (const at of times) {
    for (; k < trace.length && trace[k].t <= at; k++) {
      const r = trace[k];
      const prev = last.get(r.caseId);
      if (prev) {
        if (prev.undecided) undecided--;
        if (prev.undecided && !prev.reportPending) hidden--;
      }
      if (r.undecided) undecided++;
      if (r.undecided && !r.reportPending) hidden++;
      if (r.unallocated && !unallocatedSince.has(r.caseId)) unallocatedSince.set(r.caseId, r.t);
      else if (!r.unallocated) unallocatedSince.delete(r.caseId);
      last.set(r.caseId, r);
      if (r.t >= start && r.t < end) {
        if (r.event === 'earlyHelp.escalated') ups++;
        // A step-down: from decided social-care work into early help (as metrics.ts counts it).
        else if (r.from !== null && chart.state(r.to).earlyHelp && chart.state(r.from).openSocialCare) downs++;
      }
    }
    for (; c < contactSteps.length && contactSteps[c] <= at; c++) ups++;
    let over = 0;
    for (const since of unallocatedSince.values()) if (at - since > 48 * HOUR) over++;
    out.undecided.push(undecided);
    out.hidden.push(hidden);
    out.unallocated.push(unallocatedSince.size);
    out.unallocatedOver48Hours.push(over);
    out.stepUps.push(ups);
    out.stepDowns.push(downs);
  }
  return out;
}

export interface TimelinessBucket {
  /** First instant of the bucket (a working day's midnight, or a Monday's). */
  from: Instant;
  /** Contacts counted: due within the period (as computeMetrics counts them). */
  due: number;
  decidedInTime: number;
  reportedInTime: number;
  /** Contacts received in the bucket whose deadline falls after the period (so not all are counted). */
  dueAfterEnd: number;
}

/**
 * Decided within one working day, by when the clock started: per working day for short runs,
 * per week (from Monday) for long ones. The buckets add up to the run's figures.
 */
export function timelinessBuckets(contacts: readonly Contact[], cases: readonly CaseSummary[], start: Instant, end: Instant, by: 'day' | 'week'): TimelinessBucket[] {
  const buckets = new Map<Instant, TimelinessBucket>();
  contacts.forEach((c, i) => {
    const s = cases[i];
    if (c.receivedAt < start || c.receivedAt >= end || s.firstResponse === 'allocatedWorker') return;
    const from = bucketStart(nextOpening(c.receivedAt), by);
    let b = buckets.get(from);
    if (!b) buckets.set(from, (b = { from, due: 0, decidedInTime: 0, reportedInTime: 0, dueAfterEnd: 0 }));
    if (s.due > end) b.dueAfterEnd++;
    if (!(s.due <= end)) return;
    b.due++;
    if (s.decidedAt !== null && s.decidedAt <= s.due) b.decidedInTime++;
    if (s.reportedDecidedAt !== null && s.reportedDecidedAt <= s.due) b.reportedInTime++;
  });
  return [...buckets.values()].sort((a, b) => a.from - b.from);
}

function bucketStart(t: Instant, by: 'day' | 'week'): Instant {
  const day = startOfLocalDay(t);
  if (by === 'day') return day;
  const weekday = toLondon(day).weekday; // 0 = Sunday
  return addLocalDays(day, -((weekday + 6) % 7));
}

/** Buckets for how long contacts waited for a threshold decision, in working days. */
export const HELD_BUCKETS: readonly { label: string; below: number }[] = [
  { label: 'under 1', below: 1 },
  { label: '1 to 2', below: 2 },
  { label: '2 to 5', below: 5 },
  { label: '5 to 10', below: 10 },
  { label: '10 to 20', below: 20 },
  { label: '20 or more', below: Infinity },
];

/** Contacts needing a decision in the period, by working days waited (as meanHeldWorkingDays counts). */
export function heldHistogram(contacts: readonly Contact[], cases: readonly CaseSummary[], start: Instant, end: Instant): number[] {
  const out = HELD_BUCKETS.map(() => 0);
  contacts.forEach((c, i) => {
    const s = cases[i];
    if (c.receivedAt < start || c.receivedAt >= end || s.firstResponse === 'allocatedWorker') return;
    out[HELD_BUCKETS.findIndex((b) => s.heldWorkingDays < b.below)]++;
  });
  return out;
}

/** Working days (London) in [start, end): the instants of their midnights. */
export function workingDayStarts(start: Instant, end: Instant): Instant[] {
  const out: Instant[] = [];
  for (let d = 0; ; d++) {
    const t = addLocalDays(startOfLocalDay(start), d);
    if (t >= end) break;
    if (isWorkingDay(t + 12 * HOUR)) out.push(t);
  }
  return out;
}
