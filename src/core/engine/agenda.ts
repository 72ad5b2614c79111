/**
 * The agenda: what happens next, in (time, priority, sequence) order, so that equal times resolve
 * the same way on every run (../shared/STYLE.md, "The engine owns time"; SimPy's Environment).
 *
 * Speed: only what can come out of time order waits in the heap (work ending, and what happens
 * during work). What comes in time order by construction waits in its own line beside it: the
 * arrivals (the contacts' `receivedAt` column), the day starts, and the decision clocks (one
 * `Lane` each). `peek` weighs the first of each line against the heap's first by the same order,
 * so the order is exactly as if every event had been queued in one heap. The arrivals' and day
 * starts' sequence numbers are reserved up front (arrival i is i; day d is count + d - 1), so
 * ties resolve as if each had been queued at the start.
 */
import { addLocalDays, type Instant } from '../calendar';
import type { SpaEvent } from '../processes/common';
import { EVENTS } from './events';
import { Heap, Lane, precedes, type Keyed } from './heap';

/** At the same instant, the lower goes first (SimPy's URGENT and NORMAL). */
export const PRIORITY = {
  /** A day's staffing takes effect at local midnight, before anything else at that instant. */
  dayStart: 0,
  /** Contacts arrive, and decision clocks ring, before work ends at the same instant. */
  arrival: 1,
  clock: 1,
  work: 2,
} as const;

/**
 * What the next event is. One numbering for every kind, whether it waits in the heap (work done,
 * during work, a late clock, over caseload) or in a line beside it.
 */
export const KIND = {
  /** Nothing is left. */
  none: 0,
  /** A case's work ends: the event its state's work names, or the outcome the world drew. */
  workDone: 1,
  /** Something happens during a case's work (a manager recognises child protection concerns). */
  duringWork: 2,
  /** A decision clock that would have fallen before the last in its line (never, with the shipped rules). */
  lateClock: 3,
  /** The next contact arrives. */
  arrival: 4,
  /** A new day's staffing takes effect. */
  dayStart: 5,
  /** A case's one working day is up. */
  dueClock: 6,
  /** A case's escalation clock rings (2015). */
  escalationClock: 7,
  /**
   * A case has waited its state's longest wait for a worker (meta `allocateOverCaseloadAfter`): a
   * manager gives it to one over their caseload. In the heap.
   */
  overCaseload: 8,
  /**
   * A plan a worker has carried for its state's time (meta `holdsCaseload`) leaves their caseload:
   * the slot is free for the next case. In the heap.
   */
  caseloadReleased: 9,
  /**
   * The parent contact alongside a case's work falls due (meta `contactsParents`: 2013's hold):
   * the case joins the contact's role's queue. In the heap.
   */
  parentContactDue: 10,
  /** A worker's contact with a case's parents ends (meta `contactsParents`): their slot is free. In the heap. */
  parentContactDone: 11,
} as const;
export type Kind = (typeof KIND)[keyof typeof KIND];

/**
 * One event waiting in the heap. Speed: every kind has the same fields, so that handled items are
 * reused for later ones (a borough-year queues about 40,000 a process).
 */
export interface AgendaItem extends Keyed {
  kind: Kind;
  /** The case (its arrival index). */
  caseIndex: number;
  /** The case's token when queued (work done, during work): stale once the case has moved on. */
  token: number;
  /** The case's clock epoch when set (a late clock): stale after a step-up. */
  epoch: number;
  event: SpaEvent | null;
  /** Who acts: the role whose work is done (or who contacted the parents), 'teamManager' overseeing, 'clock'. */
  actor: string;
}

export class Agenda {
  /** What comes next, and when (set by `peek`). */
  nextKind: Kind = KIND.none;
  nextAt = Infinity;
  /** The one-working-day clocks, in the order they ring. */
  readonly dueClocks = new Lane<SpaEvent>(EVENTS.oneWorkingDayElapsed);
  /** The escalation clocks (2015), in the order they ring. */
  readonly escalationClocks = new Lane<SpaEvent>(EVENTS.escalationDue);
  private readonly heap = new Heap<AgendaItem>();
  /** Speed: handled items, kept for reuse. */
  private readonly spare: AgendaItem[] = [];
  private seq: number;
  private nextArrival = 0;
  private nextDay = 1;
  private nextDayAt: Instant;

  /**
   * @param receivedAt when each contact arrives, in arrival order (the arrivals' column)
   * @param arrivals how many contacts arrive
   * @param simStart the first instant simulated (day 0 starts there)
   * @param days how many days are simulated (day starts 1 to days - 1 are on the agenda)
   */
  constructor(
    private readonly receivedAt: Float64Array,
    private readonly arrivals: number,
    private readonly simStart: Instant,
    private readonly days: number,
  ) {
    this.seq = arrivals + Math.max(0, days - 1);
    this.nextDayAt = this.dayStartAt(this.nextDay);
  }

  /** The next sequence number (for anything ordered by the agenda's rule, such as a role's jobs). */
  nextSeq(): number {
    return this.seq++;
  }

  /** A case's work ends, or something happens during it, at t (in the heap, after arrivals and clocks at t). */
  scheduleWork(kind: typeof KIND.workDone | typeof KIND.duringWork, t: Instant, caseIndex: number, token: number, event: SpaEvent, actor: string): void {
    this.push(kind, t, PRIORITY.work, this.seq++, caseIndex, token, 0, event, actor);
  }

  /** The parent contact alongside a case's work falls due at t, or a worker's contact with the parents ends (in the heap, as work ending at t). */
  scheduleParentContact(kind: typeof KIND.parentContactDue | typeof KIND.parentContactDone, t: Instant, caseIndex: number, token: number, event: SpaEvent, actor: string): void {
    this.push(kind, t, PRIORITY.work, this.seq++, caseIndex, token, 0, event, actor);
  }

  /** A case still waiting for a worker at t is given one over their caseload (in the heap, as work ending at t). */
  scheduleOverCaseload(t: Instant, caseIndex: number, token: number): void {
    this.push(KIND.overCaseload, t, PRIORITY.work, this.seq++, caseIndex, token, 0, null, 'teamManager');
  }

  /** A case carried on a worker's caseload (meta `holdsCaseload`) leaves it at t (in the heap, as work ending at t). */
  scheduleCaseloadRelease(t: Instant, caseIndex: number, token: number): void {
    this.push(KIND.caseloadReleased, t, PRIORITY.work, this.seq++, caseIndex, token, 0, null, 'teamManager');
  }

  /** A decision clock of a case goes in its line; one that would fall before the line's last goes in the heap. */
  setClock(lane: Lane<SpaEvent>, t: Instant, caseIndex: number, epoch: number): void {
    const seq = this.seq++;
    if (!lane.push(t, seq, caseIndex, epoch)) this.push(KIND.lateClock, t, PRIORITY.clock, seq, caseIndex, 0, epoch, lane.event, 'clock');
  }

  /** Find what comes next (`nextKind`, `nextAt`): the first of the heap and the lines. */
  peek(): void {
    const top = this.heap.peek();
    let kind: Kind = KIND.none;
    let t = Infinity;
    let priority = 0;
    let seq = 0;
    if (top) {
      kind = top.kind;
      t = top.t;
      priority = top.priority;
      seq = top.seq;
    }
    const a = this.nextArrival;
    if (a < this.arrivals && precedes(this.receivedAt[a], PRIORITY.arrival, a, t, priority, seq)) {
      kind = KIND.arrival;
      t = this.receivedAt[a];
      priority = PRIORITY.arrival;
      seq = a;
    }
    const daySeq = this.dayStartSeq(this.nextDay);
    if (precedes(this.nextDayAt, PRIORITY.dayStart, daySeq, t, priority, seq)) {
      kind = KIND.dayStart;
      t = this.nextDayAt;
      priority = PRIORITY.dayStart;
      seq = daySeq;
    }
    for (let k = 0; k < 2; k++) {
      const lane = k === 0 ? this.dueClocks : this.escalationClocks;
      if (lane.head === lane.tail) continue;
      const at = lane.t[lane.head];
      const laneSeq = lane.seq[lane.head];
      if (precedes(at, PRIORITY.clock, laneSeq, t, priority, seq)) {
        kind = k === 0 ? KIND.dueClock : KIND.escalationClock;
        t = at;
        priority = PRIORITY.clock;
        seq = laneSeq;
      }
    }
    this.nextKind = kind;
    this.nextAt = t;
  }

  /** Take the heap's first item (when `peek` said it comes next); give it back with `recycle` once handled. */
  takeItem(): AgendaItem {
    return this.heap.pop()!;
  }

  recycle(item: AgendaItem): void {
    item.event = null;
    this.spare.push(item);
  }

  /** Take the next arrival (when `peek` said it comes next): the contact's index. */
  takeArrival(): number {
    return this.nextArrival++;
  }

  /** Take the next day start (when `peek` said it comes next): the day's index from simStart. */
  takeDayStart(): number {
    const day = this.nextDay++;
    this.nextDayAt = this.dayStartAt(this.nextDay);
    return day;
  }

  /** The line of a clock kind (dueClock or escalationClock); its head is the clock that rings next. */
  clockLane(kind: Kind): Lane<SpaEvent> {
    return kind === KIND.dueClock ? this.dueClocks : this.escalationClocks;
  }

  private push(kind: Kind, t: Instant, priority: number, seq: number, caseIndex: number, token: number, epoch: number, event: SpaEvent | null, actor: string): void {
    const item: AgendaItem = this.spare.pop() ?? { kind: KIND.none, t: 0, priority: 0, seq: 0, caseIndex: -1, token: 0, epoch: 0, event: null, actor: '' };
    item.kind = kind;
    item.t = t;
    item.priority = priority;
    item.seq = seq;
    item.caseIndex = caseIndex;
    item.token = token;
    item.epoch = epoch;
    item.event = event;
    item.actor = actor;
    this.heap.push(item);
  }

  private dayStartAt(day: number): Instant {
    return day < this.days ? addLocalDays(this.simStart, day) : Infinity;
  }

  private dayStartSeq(day: number): number {
    return this.arrivals + day - 1;
  }
}
