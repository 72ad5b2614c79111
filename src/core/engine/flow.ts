/**
 * How cases move: what the engine does at each event. A contact arrives and its case starts in
 * the chart's initial state; every event is sent to the case's snapshot through the stepper, and
 * every transition is recorded; a state with work queues the case for its role (or the same
 * worker carries on), and when a worker takes it the world says how long the work takes and how
 * it ends; the decision clocks ring unless a step-up has started a new decision. The engine never
 * decides where a case goes: the chart does.
 */
import { RATING_OF_NUMBER, type Arrivals } from '../arrivals';
import { DAY, HOUR, addWorkingDays, addWorkingMillis, dueAfterWorkingHours, dueByOneWorkingDay, openingHoursOn, type Instant } from '../calendar';
import { ROLES, STRATEGY_HELD, type Role, type SpaContext, type SpaEvent } from '../processes/common';
import { KIND, type Agenda, type AgendaItem } from './agenda';
import type { CaseTable } from './cases';
import { EVENTS, inputOf } from './events';
import { JOB_PRIORITY, type RolePool } from './pool';
import type { TraceSink } from './sink';
import type { StateTable } from './states';
import type { Stepper } from './stepper';
import type { World } from './world';
import { lognormalDraw, type Uniform } from '../rng';

/** A green rating in the arrivals' rating column. */
const RATING_GREEN = RATING_OF_NUMBER.indexOf('green');

/** The parts a run's flow works with (composed by `createSimulation`), and when it starts. */
export type FlowParts = Pick<CaseFlow, 'processLabel' | 'stepper' | 'states' | 'cases' | 'arrivals' | 'agenda' | 'pools' | 'world' | 'sink' | 'escalates' | 'outOfHoursService' | 'booksAgainstStrategy' | 'escalateAfterMs' | 'escalateGreenAfterMs' | 'decisionClockHours' | 'recognitionDraw' | 'parentContactDraw' | 'end'> & {
  readonly simStart: Instant;
};

/**
 * Speed: a class, so every run's flow has the same shape and its methods stay monomorphic (the
 * engine's hot path is `step` and what it calls).
 */
export class CaseFlow {
  /** Simulated time. */
  now: Instant;
  /** The day (index from simStart) whose staffing is in force. */
  day = 0;
  /** The process's name, for errors. */
  readonly processLabel: string;
  readonly stepper: Stepper;
  readonly states: StateTable;
  readonly cases: CaseTable;
  readonly arrivals: Readonly<Arrivals>;
  readonly agenda: Agenda;
  /** One pool per role, in ROLES order (a case's slot column holds the index). */
  readonly pools: readonly RolePool[];
  readonly world: World;
  readonly sink: TraceSink;
  /**
   * Whether any state of the chart answers the escalation clock (2015 does, 2013 has no
   * escalation: 004 ¶38). A chart that cannot answer it is never sent it, which changes nothing
   * (an unanswered event leaves no trace) but saves a queued event per contact.
   */
  readonly escalates: boolean;
  /**
   * Whether any state of the chart answers an out-of-hours arrival (an out-of-hours service: the
   * EDT, 004 ¶47). A chart that cannot answer it is never sent it, as with `escalates`.
   */
  readonly outOfHoursService: boolean;
  /**
   * Whether some state books the meeting that ends its work against a timescale counted from the
   * strategy discussion (meta `bookedWithinTimescale`): only then does the flow keep each case's
   * strategy discussion time.
   */
  readonly booksAgainstStrategy: boolean;
  /** Working time from a contact (or a step-up) rated red or amber to its escalation clock. */
  readonly escalateAfterMs: number;
  /** The same for a contact rated green (its target is the 24 hours itself: DOMAIN.md RAG targets). */
  readonly escalateGreenAfterMs: number;
  /**
   * The chart's own decision clock in working hours (root meta `clocks.decisionWithinWorkingHours`),
   * or null: the standard one working day (the arrivals' `due`, which the figures also measure
   * against). Only when the clock rings moves with it, never what the figures count as in time.
   */
  readonly decisionClockHours: number | null;
  /**
   * The draws of whether a manager overseeing a state recognises a child's concerns (meta
   * `managerRecognises`): a stream of its own, drawn only for the children it can recognise, so
   * no other draw moves.
   */
  readonly recognitionDraw: Uniform;
  /**
   * The draws of how long a worker's contact with a case's parents takes (meta `contactsParents`):
   * a stream of its own, so no other draw moves.
   */
  readonly parentContactDraw: Uniform;
  /** The end of the run: nothing at or after it happens. */
  readonly end: Instant;

  constructor(parts: FlowParts) {
    this.now = parts.simStart;
    this.processLabel = parts.processLabel;
    this.stepper = parts.stepper;
    this.states = parts.states;
    this.cases = parts.cases;
    this.arrivals = parts.arrivals;
    this.agenda = parts.agenda;
    this.pools = parts.pools;
    this.world = parts.world;
    this.sink = parts.sink;
    this.escalates = parts.escalates;
    this.outOfHoursService = parts.outOfHoursService;
    this.booksAgainstStrategy = parts.booksAgainstStrategy;
    this.escalateAfterMs = parts.escalateAfterMs;
    this.escalateGreenAfterMs = parts.escalateGreenAfterMs;
    this.decisionClockHours = parts.decisionClockHours;
    this.recognitionDraw = parts.recognitionDraw;
    this.parentContactDraw = parts.parentContactDraw;
    this.end = parts.end;
  }

  /** Handle the next event; false when nothing is left before the end. */
  step(): boolean {
    const agenda = this.agenda;
    agenda.peek();
    const kind = agenda.nextKind;
    if (kind === KIND.none || agenda.nextAt >= this.end) return false;
    this.now = agenda.nextAt;
    switch (kind) {
      case KIND.arrival:
        this.arrive(agenda.takeArrival());
        break;
      case KIND.dayStart:
        this.startDay(agenda.takeDayStart());
        break;
      case KIND.dueClock:
      case KIND.escalationClock: {
        const lane = agenda.clockLane(kind);
        const h = lane.head++;
        this.clockRings(lane.c[h], lane.epoch[h], lane.event);
        break;
      }
      default: {
        const item = agenda.takeItem();
        this.handle(item);
        agenda.recycle(item);
      }
    }
    return true;
  }

  /** A contact arrives: its case starts in the chart's initial state, with what the process knows of the child. */
  private arrive(index: number): void {
    const { cases, arrivals } = this;
    // Any earlier case about the child counts, not only the last one (a later contact closed
    // with advice does not close an earlier referral).
    const previous = arrivals.previousIndex[index];
    const root = previous >= 0 ? cases.root[previous] : index;
    cases.root[index] = root;
    let openCase = previous >= 0 && cases.openUntil[root] > this.now;
    let inEarlyHelp = false;
    for (let earlier = previous; earlier >= 0; earlier = arrivals.previousIndex[earlier]) {
      const facts = this.states.states[cases.state[earlier]].facts;
      if (facts.openSocialCare) openCase = true;
      if (facts.earlyHelp) inEarlyHelp = true;
    }
    // What the process decided about earlier contacts: kept beside the contacts, and given to
    // them when `contacts` is read, so a run never asked for its contacts never makes them.
    cases.openCase[index] = openCase ? 1 : 0;
    cases.inEarlyHelp[index] = inEarlyHelp ? 1 : 0;
    const snapshot = this.stepper.initial(
      inputOf(openCase, arrivals.immediateDanger[index] === 1, arrivals.levelClear[index] === 1, arrivals.aboveEarlyHelp[index] === 1, arrivals.mentalHealth[index] === 1, arrivals.formComplete[index] === 1, inEarlyHelp, RATING_OF_NUMBER[arrivals.rating[index]]),
    );
    const id = this.states.idOfSnapshot(snapshot);
    cases.snapshot[index] = snapshot;
    cases.state[index] = id;
    cases.arrived = index + 1;
    this.sink.record(index, this.now, null, this.states.states[id], EVENTS.contactReceived, this.sink.arrivalActor(index));
    const receivedAt = arrivals.receivedAt[index];
    this.setDecisionClocks(index, receivedAt, this.decisionClockHours === null ? arrivals.due[index] : dueAfterWorkingHours(receivedAt, this.decisionClockHours));
    // The SPA is closed: the chart says whether an out-of-hours service takes the contact now
    // (send enters the new state); if not, the contact waits in its first state for the SPA.
    if (this.outOfHoursService && arrivals.outOfHours[index] === 1 && this.send(index, EVENTS.receivedOutOfHours, 'clock')) return;
    this.enter(index);
  }

  /**
   * Send a case an event; false if the chart did not answer it (no transition, nothing recorded).
   * `workStartedAt`: when the work this event ends began (the trace records it; NaN for none).
   */
  private send(c: number, event: SpaEvent, actor: string, workStartedAt = NaN): boolean {
    const cases = this.cases;
    const prev = cases.snapshot[c];
    const next = this.stepper.transition(prev, event);
    if (next.value === prev.value && next.context === prev.context) return false;
    cases.snapshot[c] = next;
    // The strategy discussion a booked meeting's timescale counts from: the first, as the figures time it.
    if (this.booksAgainstStrategy && event.type === STRATEGY_HELD && cases.strategyAt[c] !== cases.strategyAt[c]) cases.strategyAt[c] = this.now;
    const fromId = cases.state[c];
    const toId = this.states.idOfSnapshot(next);
    this.sink.record(c, this.now, this.states.states[fromId], this.states.states[toId], event, actor, workStartedAt);
    if (toId !== fromId) {
      cases.state[c] = toId;
      cases.token[c]++;
      // A step-up needs a new decision, on a new one-working-day clock.
      if (event.type === 'earlyHelp.escalated') this.setDecisionClocks(c, this.now, this.decisionClockHours === null ? dueByOneWorkingDay(this.now) : dueAfterWorkingHours(this.now, this.decisionClockHours));
      this.enter(c);
    }
    return true;
  }

  /** A case enters its state: it waits for the state's worker (or its worker carries on), or leaves its worker. */
  private enter(c: number): void {
    const state = this.states.states[this.cases.state[c]];
    const recognises = state.facts.managerRecognises;
    // A manager overseeing the state recognises child protection concerns (meta `managerRecognises`).
    if (recognises !== null && this.arrivals.trueLevel[c] >= recognises.trueLevelAtLeast && this.recognitionDraw() < recognises.share) {
      this.agenda.scheduleWork(KIND.duringWork, addWorkingMillis(this.now, recognises.afterWorkingHours * HOUR), c, this.cases.token[c], EVENTS.concernsRecognised, 'teamManager');
    }
    const work = state.work;
    if (work) {
      // The meeting that ends the work is booked now, against the state's timescale (meta `bookedWithinTimescale`).
      if (work.booked !== null) this.cases.bookedFor[c] = this.bookedFor(c, work.booked);
      const pool = work.pool;
      if (pool.holds(c)) {
        // The same worker carries on (an allocated social worker goes on to assess).
        this.startWork(c);
        return;
      }
      this.releaseSlot(c);
      pool.request(c, this.jobPriority(c), this.now, this.agenda.nextSeq());
      this.dispatch(pool);
      // The state's allocation practice: past this wait a manager allocates over the caseload.
      const after = state.facts.allocateOverCaseloadAfterWorkingDays;
      if (after !== null && !pool.holds(c)) this.agenda.scheduleOverCaseload(addWorkingDays(this.now, after), c, this.cases.token[c]);
    } else {
      const carried = state.holdsCaseload;
      if (carried) {
        // A plan the team goes on carrying: the worker who had the case keeps it; a case that comes
        // with no worker of the role is given one over their caseload (meta `holdsCaseload`).
        if (!carried.pool.holds(c)) {
          this.releaseSlot(c);
          carried.pool.takeOverCaseload(c);
        }
        this.agenda.scheduleCaseloadRelease(addWorkingDays(this.now, carried.workingDays), c, this.cases.token[c]);
      } else this.releaseSlot(c);
      const openDays = state.facts.keepsCaseOpenDays;
      if (openDays) {
        const root = this.cases.root[c];
        this.cases.openUntil[root] = Math.max(this.cases.openUntil[root], this.now + openDays * DAY);
      }
    }
  }

  /** A worker starts a case's work: the world says how long it takes and how it ends. */
  private startWork(c: number): void {
    const work = this.states.states[this.cases.state[c]].work!;
    const world = this.world;
    const event = world.answer(c, work);
    const ms = world.workMs;
    const token = this.cases.token[c];
    this.cases.workStartedAt[c] = this.now;
    // Work around the clock (the EDT) runs in clock hours; all other work in the SPA's working hours.
    let doneAt = work.aroundTheClock ? this.now + ms : addWorkingMillis(this.now, ms);
    // A booked meeting: on its date, or when the work is done if that is later (late).
    if (work.booked !== null && this.cases.bookedFor[c] > doneAt) doneAt = this.cases.bookedFor[c];
    this.agenda.scheduleWork(KIND.workDone, doneAt, c, token, event, work.pool.role);
    const contact = work.contactsParents;
    if (contact !== null) {
      // Alongside the work, the parent contact falls due (meta `contactsParents`; 2013: the team
      // manager's contact with the parents and office visits, 004 ¶38) on the first day drawn.
      // Every day is drawn, so the case's later draws are the same whichever day it falls due.
      const heldDays = world.heldDays(ms);
      let due = false;
      for (let d = 1; d <= heldDays; d++) {
        if (world.parentsContactedOnHeldDay() && !due) {
          due = true;
          this.agenda.scheduleParentContact(KIND.parentContactDue, addWorkingMillis(this.now, world.parentContactAfter(d)), c, token, contact.event, contact.pool.role);
        }
      }
    }
  }

  /**
   * When a meeting booked on entering a state is held (meta `bookedWithinTimescale`): at the opening
   * of the last working day the timescale allows, counted from the case's strategy discussion or
   * from now. NaN when the timescale has no start (no strategy discussion before it): not booked.
   */
  private bookedFor(c: number, booked: { workingDays: number; fromStrategy: boolean }): Instant {
    const since = booked.fromStrategy ? this.cases.strategyAt[c] : this.now;
    if (since !== since) return NaN;
    const due = addWorkingDays(since, booked.workingDays);
    return openingHoursOn(due)!.open;
  }

  /**
   * A worker starts a contact with a case's parents alongside the case's own work (meta
   * `contactsParents`): it takes the scenario's duration of its activity, in working hours.
   */
  private startParentContact(c: number): void {
    const contact = this.states.states[this.cases.state[c]].work!.contactsParents!;
    const ms = Math.max(60_000, Math.round(lognormalDraw(this.parentContactDraw, contact.hours) * HOUR));
    this.cases.parentContactStartedAt[c] = this.now;
    this.agenda.scheduleParentContact(KIND.parentContactDone, addWorkingMillis(this.now, ms), c, this.cases.token[c], contact.event, contact.pool.role);
  }

  /** How urgent a case's job is: the state's priority for the contact's RAG rating (its meta), or immediate danger. */
  private jobPriority(c: number): number {
    const context = this.cases.snapshot[c].context as SpaContext;
    if (context.immediateDanger || this.states.states[this.cases.state[c]].facts.urgentFor.has(context.rating)) return JOB_PRIORITY.urgent;
    if (context.escalated) return JOB_PRIORITY.escalated;
    return JOB_PRIORITY.routine;
  }

  /** Start work for as many waiting cases as the pool has free slots today. */
  private dispatch(pool: RolePool): void {
    for (let c = pool.dispatch(this.day); c >= 0; c = pool.dispatch(this.day)) {
      if (pool.dispatchedAlongside) this.startParentContact(c);
      else this.startWork(c);
    }
  }

  /** The case gives back the slot it holds, if any, and the next case in that pool starts. */
  private releaseSlot(c: number): void {
    const slot = this.cases.slot[c];
    if (slot >= 0) {
      const pool = this.pools[slot];
      pool.release(c);
      this.dispatch(pool);
    }
  }

  /** A new day's staffing takes effect: each pool starts what its slots allow. */
  private startDay(day: number): void {
    this.day = day;
    for (const pool of this.pools) this.dispatch(pool);
  }

  /** The decision clocks (DOMAIN.md statutory clocks; 000; 002) of a new decision episode. */
  private setDecisionClocks(c: number, from: Instant, due: Instant): void {
    const epoch = ++this.cases.clockEpoch[c];
    const agenda = this.agenda;
    agenda.setClock(agenda.dueClocks, due, c, epoch);
    if (this.escalates) {
      const green = this.arrivals.rating[c] === RATING_GREEN;
      const escalateAt = addWorkingMillis(from, green ? this.escalateGreenAfterMs : this.escalateAfterMs);
      if (escalateAt < due) agenda.setClock(agenda.escalationClocks, escalateAt, c, epoch);
    }
  }

  /** A decision clock of a case rings, unless it belongs to an earlier decision (before a step-up). */
  private clockRings(c: number, epoch: number, event: SpaEvent): void {
    if (epoch === this.cases.clockEpoch[c]) this.send(c, event, 'clock');
  }

  /** An event from the heap: work done, something during work, a late clock, an allocation over the caseload, a carried plan leaving a caseload, or a parent contact falling due or ending. */
  private handle(item: AgendaItem): void {
    const c = item.caseIndex;
    switch (item.kind) {
      case KIND.workDone:
        if (this.cases.token[c] !== item.token) break; // superseded (e.g. escalated while working)
        if (!this.send(c, item.event!, item.actor, this.cases.workStartedAt[c])) throw this.unansweredWork(c, item.event!);
        break;
      case KIND.duringWork:
        if (this.cases.token[c] !== item.token) break;
        this.send(c, item.event!, item.actor);
        break;
      case KIND.lateClock:
        this.clockRings(c, item.epoch, item.event!);
        break;
      case KIND.overCaseload: {
        if (this.cases.token[c] !== item.token) break; // allocated, or moved on, in time
        const pool = this.states.states[this.cases.state[c]].work!.pool;
        if (pool.holds(c)) break;
        pool.takeOverCaseload(c);
        this.startWork(c);
        break;
      }
      case KIND.parentContactDue: {
        if (this.cases.token[c] !== item.token) break; // the case left the state before the contact fell due
        const contact = this.states.states[this.cases.state[c]].work!.contactsParents!;
        contact.pool.request(c, contact.jobPriority, this.now, this.agenda.nextSeq(), true);
        this.dispatch(contact.pool);
        break;
      }
      case KIND.parentContactDone: {
        // The worker's time is spent whether or not the case is still there: their slot is free.
        const pool = this.pools[ROLES.indexOf(item.actor as Role)];
        pool.releaseAlongside();
        this.dispatch(pool);
        if (this.cases.token[c] === item.token) this.send(c, item.event!, item.actor, this.cases.parentContactStartedAt[c]);
        break;
      }
      case KIND.caseloadReleased:
        if (this.cases.token[c] !== item.token) break; // moved on (never, from a final state)
        this.releaseSlot(c);
        break;
    }
  }

  /**
   * A chart whose state does not answer its own work's event would hold the worker for ever: say
   * so rather than run on wrongly (only a changed chart can do this).
   */
  private unansweredWork(c: number, event: SpaEvent): Error {
    const state = this.states.states[this.cases.state[c]].name;
    return new Error(`process ${this.processLabel}: state "${state}" does not handle "${event.type}", the event its meta.work says ends its work (case ${this.arrivals.contacts[c].id})`);
  }
}
