/**
 * The discrete-event engine. It owns simulated time; the process statecharts own the logic.
 *
 * One run is one object (`createSimulation`); the only module-level state is memos of pure
 * values: constant event and input objects, and each chart's compiled steps (`makeStepper`),
 * which no run can change and which change no result. The engine:
 *  - generates the contacts before the run (arrivals.ts), from streams independent of the
 *    process, so that 2013 and 2015 meet the same children at the same instants (or takes them
 *    from `prepareArrivals`, generated once for both);
 *  - keeps one statechart snapshot per contact and sends it events with XState's pure
 *    `transition()` (or the compiled stepper, which shares snapshots between cases); it never
 *    decides where a case goes, only when work ends and what the world answers (the level a
 *    manager decides, an assessment's outcome);
 *  - keeps the cases as columns (typed arrays by arrival order), not an object each, and reads
 *    the contacts from the arrivals' columns: a figure-only run never makes a contact object;
 *  - reads each state's `meta.work` to know which role works the case and which event ends the
 *    work; roles have capacity (people x caseload, less absence and vacancies), and queues form
 *    where capacity runs out: that is how holds and unallocated referrals arise (004 ¶20, ¶30);
 *  - schedules every clock (one working day, escalation, durations on the working-day calendar)
 *    as events ordered by (time, priority, sequence): work in a heap, and what comes in time
 *    order by construction (arrivals, day starts, decision clocks) in lines beside it;
 *  - appends every transition to the trace, which metrics, exports, replay and tests read, and
 *    feeds it to the figures as it goes (metrics.ts), so a replication that needs only the
 *    figures can run without keeping the trace (`trace: false`).
 */
import type { AnyStateMachine } from 'xstate';
import { generateArrivals, type Arrivals } from '../arrivals';
import { DAY, HOUR, addLocalDays, addWorkingMillis, dueByOneWorkingDay, fromLondon, type Instant } from '../calendar';
import { copyContact, type Contact } from '../contact';
import { MetricsAccumulator, type RunMetrics } from '../metrics';
import { PROCESSES, type ProcessName } from '../processes';
import { ROLES, type Role, type SpaContext, type SpaEvent } from '../processes/common';
import { chartFacts } from '../processes/facts';
import { createStreams } from '../rng';
import { checkStaffFor, type Scenario } from '../scenario';
import { Agenda, KIND, type AgendaItem } from './agenda';
import { CaseTable } from './cases';
import { EVENTS, inputOf } from './events';
import { RolePool } from './pool';
import { TraceSink } from './sink';
import { staffingByDay } from './staffing';
import { StateTable, type StateRt } from './states';
import { makeStepper, type Snap } from './stepper';
import type { TraceRecord } from './trace';
import { World } from './world';

export interface SimulationOptions {
  seed?: string | number;
  process?: ProcessName;
  days?: number;
  /** A custom process machine (a service designer's changed statechart); overrides `process`. */
  machine?: AnyStateMachine;
  /** Name to record for a custom machine. */
  processLabel?: string;
  /**
   * 'compiled' (default) evaluates the chart from a table compiled from its definition;
   * 'xstate' runs XState's interpreter. Both give identical traces (test/compiled.test.ts).
   * A chart the compiler cannot reproduce exactly always runs on XState.
   */
  engine?: 'compiled' | 'xstate';
  /**
   * Keep the trace (default true). Without it `trace` stays empty and only the figures
   * (`metrics()`) are kept: the same figures, with far less memory and garbage.
   */
  trace?: boolean;
  /**
   * Contacts generated beforehand by `prepareArrivals` for this scenario, seed and period, to be
   * shared by the runs of several processes. The same contacts `createSimulation` would generate
   * itself, never changed by a run (what a run decides about each child is kept beside them,
   * and `contacts` gives copies with it filled in); only quicker for a comparison.
   */
  arrivals?: PreparedArrivals;
}

/** Contacts generated once for a scenario, seed and period (see `SimulationOptions.arrivals`). */
export interface PreparedArrivals {
  readonly scenario: Scenario;
  readonly seed: string;
  readonly days: number;
  readonly arrivals: Readonly<Arrivals>;
}

/** The first instant counted, the first simulated and the end, for a scenario and period. */
function runWindow(scenario: Scenario, days: number) {
  const start = parseDate(scenario.start);
  return { start, simStart: addLocalDays(start, -scenario.warmUpDays), end: addLocalDays(start, days) };
}

/** Generate a run's contacts once, for several runs of the same scenario, seed and period. */
export function prepareArrivals(scenario: Scenario, seed?: string | number, days?: number): PreparedArrivals {
  const s = String(seed ?? scenario.seed);
  const d = days ?? scenario.days;
  const { simStart, end } = runWindow(scenario, d);
  return { scenario, seed: s, days: d, arrivals: generateArrivals(scenario, createStreams(s), { from: simStart, to: end }) };
}

export interface Simulation {
  readonly scenario: Scenario;
  readonly process: string;
  readonly seed: string;
  /** First instant counted in the figures (the scenario's start). */
  readonly start: Instant;
  /** First instant simulated (start less the warm-up). */
  readonly simStart: Instant;
  readonly end: Instant;
  readonly contacts: readonly Contact[];
  /** Every transition, in order (empty when created with `trace: false`). */
  readonly trace: readonly TraceRecord[];
  readonly machine: AnyStateMachine;
  /** Which evaluator ran the chart. */
  readonly engine: 'compiled' | 'xstate';
  now(): Instant;
  /** The figures so far (what `computeMetrics` gives from the trace), kept as the run goes. */
  metrics(): RunMetrics;
  /** Handle the next event; false when nothing is left before the end. */
  step(): boolean;
  runUntil(t: Instant): void;
  run(onProgress?: (fraction: number) => void): void;
  /** Current state of a case, or undefined if it has not arrived. */
  stateOf(caseId: string): string | undefined;
  contextOf(caseId: string): SpaContext | undefined;
  /** Cases currently in each state. */
  stateCounts(): Record<string, number>;
  /** Cases waiting for each role, not yet started (cases that moved on while waiting are not counted). */
  queueLengths(): Record<Role, number>;
}

/** A state's meta (processes/facts.ts reads it for everyone). */
export { metaOf } from '../processes/facts';
export { traceRecord, type TraceRecord } from './trace';

function parseDate(s: string): Instant {
  const [y, m, d] = s.split('-').map(Number);
  return fromLondon(y, m, d, 0, 0);
}

export function createSimulation(scenario: Scenario, options: SimulationOptions = {}): Simulation {
  const process = options.process ?? scenario.process;
  if (!options.machine) checkStaffFor(scenario, process);
  const machine: AnyStateMachine = options.machine ?? (PROCESSES[process] as unknown as AnyStateMachine);
  const processLabel = options.processLabel ?? (options.machine ? options.machine.id : process);
  const seed = String(options.seed ?? scenario.seed);
  const days = options.days ?? scenario.days;
  const streams = createStreams(seed);

  const { start, simStart, end } = runWindow(scenario, days);
  const totalDays = scenario.warmUpDays + days + 1;

  const shared = options.arrivals;
  if (shared && (shared.scenario !== scenario || shared.seed !== seed || shared.days !== days)) {
    throw new Error(`arrivals: prepared for ${shared.scenario.name}, seed ${shared.seed}, ${shared.days} days; this run is ${scenario.name}, seed ${seed}, ${days} days`);
  }
  const arrivals = shared ? shared.arrivals : generateArrivals(scenario, streams, { from: simStart, to: end });
  const { count: n, previousIndex, due: dueAt, receivedAt, trueLevel: trueLevelAt, formComplete: formCompleteAt } = arrivals;
  /**
   * The contact objects: made from the arrivals' columns when first needed (a trace, an error,
   * `contacts`, `stateOf`); a replication that keeps only figures never needs them.
   */
  const contactsOf = (): readonly Contact[] => arrivals.contacts;
  /** The arrived contacts as `sim.contacts` shows them (made on demand: own drafts filled in, shared ones copied). */
  const arrived: Contact[] = [];
  const keepTrace = options.trace ?? true;
  const figures = new MetricsAccumulator(n, start, end);
  const cases = new CaseTable(n, streams.stream('case-seeds'));
  const { snapshot: snapshots, state: stateAt, token: tokenAt, clockEpoch: clockEpochAt, slot: slotAt, root: rootAt, openUntil, openCase: openCaseAt, inEarlyHelp: inEarlyHelpAt } = cases;
  /** Case index by contact id, filled in lazily for `stateOf` and `contextOf`. */
  const caseIndex = new Map<string, number>();
  const caseById = (id: string): number | undefined => {
    for (let k = caseIndex.size; k < cases.arrived; k++) caseIndex.set(contactsOf()[k].id, k);
    return caseIndex.get(id);
  };
  const stepper = makeStepper(machine, options.engine ?? 'compiled');
  const chart = chartFacts(machine);
  const pools = ROLES.map((role, index) => new RolePool(role, index, staffingByDay(scenario, role, streams, simStart, totalDays), tokenAt, slotAt));

  const stateTable = new StateTable(chart, scenario, pools, stepper.size);
  const states = stateTable.states;
  const stateOfSnapshot = (snapshot: Snap): number => stateTable.idOfSnapshot(snapshot);

  const agenda = new Agenda(receivedAt, n, simStart, totalDays);
  let now = simStart;
  let dayIndex = 0;

  const world = new World(scenario, cases, trueLevelAt, formCompleteAt);
  const sink = new TraceSink(keepTrace, figures, arrivals);
  const record = (c: number, t: Instant, from: StateRt | null, to: StateRt, event: SpaEvent | { type: string }, actor: string) => sink.record(c, t, from, to, event, actor);

  const releaseSlot = (c: number) => {
    const slot = slotAt[c];
    if (slot >= 0) {
      const pool = pools[slot];
      pool.release(c);
      dispatch(pool);
    }
  };

  const startWork = (c: number) => {
    const work = states[stateAt[c]].work!;
    const event = world.answer(c, work);
    const ms = world.workMs;
    const token = tokenAt[c];
    agenda.scheduleWork(KIND.workDone, addWorkingMillis(now, ms), c, token, event, work.pool.role);
    if (work.held) {
      // 004 ¶38: the team manager contacts parents and holds office visits during the hold.
      const heldDays = world.heldDays(ms);
      for (let d = 1; d <= heldDays; d++) {
        if (world.parentsContactedOnHeldDay()) {
          agenda.scheduleWork(KIND.duringWork, addWorkingMillis(now, world.parentContactAfter(d)), c, token, EVENTS.parentsContacted, 'teamManager');
        }
      }
    }
  };

  const jobPriority = (c: number): number => {
    const ctx = snapshots[c].context as SpaContext;
    if (ctx.immediateDanger || states[stateAt[c]].facts.urgent) return 0;
    if (ctx.escalated) return 1;
    return 2;
  };

  const dispatch = (pool: RolePool) => {
    for (let c = pool.dispatch(dayIndex); c >= 0; c = pool.dispatch(dayIndex)) startWork(c);
  };

  const enter = (c: number) => {
    const state = states[stateAt[c]];
    const work = state.work;
    if (work) {
      const pool = work.pool;
      if (pool.holds(c)) {
        // The same worker carries on (an allocated social worker goes on to assess).
        startWork(c);
        return;
      }
      releaseSlot(c);
      pool.request(c, jobPriority(c), now, agenda.nextSeq());
      dispatch(pool);
    } else {
      releaseSlot(c);
      const openDays = state.facts.keepsCaseOpenDays;
      if (openDays) {
        const root = rootAt[c];
        openUntil[root] = Math.max(openUntil[root], now + openDays * DAY);
      }
    }
  };

  const send = (c: number, event: SpaEvent, actor: string): boolean => {
    const prev = snapshots[c];
    const next = stepper.transition(prev, event);
    if (next.value === prev.value && next.context === prev.context) return false;
    snapshots[c] = next;
    const fromId = stateAt[c];
    const toId = stateOfSnapshot(next);
    record(c, now, states[fromId], states[toId], event, actor);
    if (toId !== fromId) {
      stateAt[c] = toId;
      tokenAt[c]++;
      // A step-up needs a new decision, on a new one-working-day clock.
      if (event.type === 'earlyHelp.escalated') scheduleDecisionClocks(c, now, dueByOneWorkingDay(now));
      enter(c);
    }
    return true;
  };

  /**
   * Whether any state of the chart answers the escalation clock (2015 does, 2013 has no
   * escalation: 004 ¶38). A chart that cannot answer it is never sent it, which changes nothing
   * (an unanswered event leaves no trace) but saves a queued event per contact.
   */
  const escalates = chart.escalates;
  /** The decision clocks (DOMAIN.md statutory clocks; 000; 002), as engine events. */
  const scheduleDecisionClocks = (c: number, from: Instant, due: Instant) => {
    const epoch = ++clockEpochAt[c];
    agenda.setClock(agenda.dueClocks, due, c, epoch);
    if (escalates) {
      const escalateAt = addWorkingMillis(from, scenario.escalateAfterWorkingHours * HOUR);
      if (escalateAt < due) agenda.setClock(agenda.escalationClocks, escalateAt, c, epoch);
    }
  };
  /** A decision clock of case c rings, unless it belongs to an earlier decision (before a step-up). */
  const clockRings = (c: number, epoch: number, event: SpaEvent) => {
    if (epoch === clockEpochAt[c]) send(c, event, 'clock');
  };
  const arrive = (index: number) => {
    // Any earlier case about the child counts, not only the last one (a later contact closed
    // with advice does not close an earlier referral).
    const previous = previousIndex[index];
    const root = previous >= 0 ? rootAt[previous] : index;
    rootAt[index] = root;
    let openCase = previous >= 0 && openUntil[root] > now;
    let inEarlyHelp = false;
    for (let earlier = previous; earlier >= 0; earlier = previousIndex[earlier]) {
      const state = states[stateAt[earlier]];
      if (state.facts.openSocialCare) openCase = true;
      if (state.facts.earlyHelp) inEarlyHelp = true;
    }
    // What the process decided about earlier contacts: kept beside the drafts, and given to the
    // contacts when `contacts` is read (filled in the run's own drafts, or copies of shared ones),
    // so a run that is never asked for its contacts never makes them.
    openCaseAt[index] = openCase ? 1 : 0;
    inEarlyHelpAt[index] = inEarlyHelp ? 1 : 0;
    const snapshot = stepper.initial(
      inputOf(openCase, arrivals.immediateDanger[index] === 1, arrivals.levelClear[index] === 1, arrivals.mentalHealth[index] === 1, formCompleteAt[index] === 1, inEarlyHelp),
    );
    const id = stateOfSnapshot(snapshot);
    snapshots[index] = snapshot;
    stateAt[index] = id;
    cases.arrived = index + 1;
    record(index, now, null, states[id], EVENTS.contactReceived, sink.arrivalActor(index));
    scheduleDecisionClocks(index, receivedAt[index], dueAt[index]);
    enter(index);
  };

  const handle = (item: AgendaItem) => {
    const c = item.caseIndex;
    switch (item.kind) {
      case KIND.workDone: {
        if (tokenAt[c] !== item.token) break; // superseded (e.g. escalated while working)
        if (!send(c, item.event!, item.actor)) {
          // A chart whose state does not answer its own work's event would hold the worker for
          // ever; say so rather than run on wrongly (only a changed chart can do this).
          throw new Error(`process ${processLabel}: state "${states[stateAt[c]].name}" does not handle "${item.event!.type}", the event its meta.work says ends its work (case ${contactsOf()[c].id})`);
        }
        break;
      }
      case KIND.duringWork: {
        if (tokenAt[c] !== item.token) break;
        send(c, item.event!, item.actor);
        break;
      }
      case KIND.lateClock:
        clockRings(c, item.epoch, item.event!);
        break;
    }
  };

  const step = (): boolean => {
    agenda.peek();
    const kind = agenda.nextKind;
    if (kind === KIND.none || agenda.nextAt >= end) return false;
    now = agenda.nextAt;
    switch (kind) {
      case KIND.arrival:
        arrive(agenda.takeArrival());
        break;
      case KIND.dayStart:
        dayIndex = agenda.takeDayStart();
        for (const pool of pools) dispatch(pool);
        break;
      case KIND.dueClock:
      case KIND.escalationClock: {
        const lane = agenda.clockLane(kind);
        const h = lane.head++;
        clockRings(lane.c[h], lane.epoch[h], lane.event);
        break;
      }
      default: {
        const item = agenda.takeItem();
        handle(item);
        agenda.recycle(item);
      }
    }
    return true;
  };

  const sim: Simulation = {
    scenario,
    process: processLabel,
    seed,
    start,
    simStart,
    end,
    get contacts() {
      for (let k = arrived.length; k < cases.arrived; k++) {
        const draft = contactsOf()[k];
        const decided = { openCase: openCaseAt[k] === 1, inEarlyHelp: inEarlyHelpAt[k] === 1 };
        if (shared) arrived.push(copyContact(draft, decided));
        else arrived.push(Object.assign(draft as { -readonly [K in keyof Contact]: Contact[K] }, decided));
      }
      return arrived;
    },
    trace: sink.trace,
    machine,
    engine: stepper.kind,
    now: () => now,
    metrics: () => figures.finish({ count: cases.arrived, receivedAt, due: dueAt, trueLevel: trueLevelAt, previous: previousIndex, repeat: null, inEarlyHelp: inEarlyHelpAt }),
    step,
    runUntil(t: Instant) {
      for (;;) {
        agenda.peek();
        if (agenda.nextKind === KIND.none || agenda.nextAt >= end || agenda.nextAt > t) break;
        step();
      }
      if (t > now) now = Math.min(t, end);
    },
    run(onProgress) {
      const span = end - simStart;
      let lastReported = -1;
      while (step()) {
        if (onProgress) {
          const f = Math.floor(((now - simStart) / span) * 100);
          if (f !== lastReported) {
            lastReported = f;
            onProgress(f / 100);
          }
        }
      }
      now = end;
      onProgress?.(1);
    },
    stateOf(id) {
      const k = caseById(id);
      return k === undefined ? undefined : states[stateAt[k]].name;
    },
    contextOf(id) {
      const k = caseById(id);
      return k === undefined ? undefined : (snapshots[k].context as SpaContext);
    },
    stateCounts() {
      const out: Record<string, number> = {};
      for (let k = 0; k < cases.arrived; k++) {
        const name = states[stateAt[k]].name;
        out[name] = (out[name] ?? 0) + 1;
      }
      return out;
    },
    queueLengths() {
      const out = {} as Record<Role, number>;
      // Jobs whose case moved on while waiting stay in the heap until popped: do not count them.
      for (const pool of pools) out[pool.role] = pool.queueLength();
      return out;
    },
  };
  return sim;
}
