/**
 * One run is one object (SimPy's Environment): `createSimulation` composes the parts of a run and
 * returns a `Simulation` that owns its simulated time. The parts:
 *  - the contacts (../arrivals.ts), generated before the run from streams independent of the
 *    process, so that 2013 and 2015 meet the same children at the same instants, or taken from
 *    `prepareArrivals`, generated once for both;
 *  - the case table (cases.ts), the chart's states as the run meets them (states.ts) and the
 *    stepper that sends cases events (stepper.ts);
 *  - the agenda of what happens next (agenda.ts), a pool of workers per role (pool.ts, staffed
 *    day by day: staffing.ts), and the world's answers (world.ts);
 *  - the trace sink (sink.ts): the figures as the run goes, and the trace when kept;
 *  - the flow (flow.ts): what happens at each event.
 */
import type { AnyStateMachine } from 'xstate';
import { generateArrivals, type Arrivals } from '../arrivals';
import { HOUR, addLocalDays, fromLondon, type Instant } from '../calendar';
import { copyContact, type Contact } from '../contact';
import { MetricsAccumulator, type RunMetrics } from '../metrics';
import { PROCESSES, type ProcessName } from '../processes';
import { ROLES, type Role, type SpaContext } from '../processes/common';
import { chartFacts, escalationPoints } from '../processes/facts';
import { createStreams, type Streams } from '../rng';
import { checkStaffFor, staffedFor, type Scenario } from '../scenario';
import { Agenda, KIND } from './agenda';
import { CaseTable } from './cases';
import { CaseFlow } from './flow';
import { RolePool } from './pool';
import { TraceSink } from './sink';
import { staffingByDay } from './staffing';
import { StateTable } from './states';
import { makeStepper } from './stepper';
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
   * Whose era's workforce a custom machine runs with (`staffingByProcess`): a process file derived
   * from a shipped process runs with that process's workforce; absent, the scenario's own staff.
   */
  workforce?: ProcessName;
  /**
   * 'compiled' (default) evaluates the chart from a table compiled from its definition;
   * 'xstate' runs XState's interpreter. Both give identical traces (test/core/compiled.test.ts).
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

/** The first instant counted, the first simulated and the end, for a scenario and period. */
interface RunWindow {
  readonly start: Instant;
  readonly simStart: Instant;
  readonly end: Instant;
}

function runWindow(scenario: Scenario, days: number): RunWindow {
  const [y, m, d] = scenario.start.split('-').map(Number);
  const start = fromLondon(y, m, d, 0, 0);
  return { start, simStart: addLocalDays(start, -scenario.warmUpDays), end: addLocalDays(start, days) };
}

/** Generate a run's contacts once, for several runs of the same scenario, seed and period. */
export function prepareArrivals(scenario: Scenario, seed?: string | number, days?: number): PreparedArrivals {
  const s = String(seed ?? scenario.seed);
  const d = days ?? scenario.days;
  const { simStart, end } = runWindow(scenario, d);
  return { scenario, seed: s, days: d, arrivals: generateArrivals(scenario, createStreams(s), { from: simStart, to: end }) };
}

/** The run's contacts: the prepared ones (checked to be for this run), or generated now. */
function arrivalsFor(scenario: Scenario, seed: string, days: number, streams: Streams, window: RunWindow, shared: PreparedArrivals | undefined): Readonly<Arrivals> {
  if (!shared) return generateArrivals(scenario, streams, { from: window.simStart, to: window.end });
  if (shared.scenario !== scenario || shared.seed !== seed || shared.days !== days) {
    throw new Error(`arrivals: prepared for ${shared.scenario.name}, seed ${shared.seed}, ${shared.days} days; this run is ${scenario.name}, seed ${seed}, ${days} days`);
  }
  return shared.arrivals;
}

export function createSimulation(scenario: Scenario, options: SimulationOptions = {}): Simulation {
  const process = options.process ?? scenario.process;
  if (!options.machine) checkStaffFor(scenario, process);
  const machine: AnyStateMachine = options.machine ?? (PROCESSES[process] as unknown as AnyStateMachine);
  const processLabel = options.processLabel ?? (options.machine ? options.machine.id : process);
  const seed = String(options.seed ?? scenario.seed);
  const days = options.days ?? scenario.days;
  const streams = createStreams(seed);
  const window = runWindow(scenario, days);
  // Day starts from simStart up to and including the day the run ends.
  const totalDays = scenario.warmUpDays + days + 1;
  const arrivals = arrivalsFor(scenario, seed, days, streams, window, options.arrivals);
  const cases = new CaseTable(arrivals.count, streams.stream('case-seeds'));
  const stepper = makeStepper(machine, options.engine ?? 'compiled');
  const chart = chartFacts(machine);
  const escalation = escalationPoints(chart.clocks, scenario);
  // The process's workforce: its era's, when the scenario gives one (`staffingByProcess`).
  const staffed = staffedFor(scenario, options.machine ? (options.workforce ?? options.machine) : process);
  const pools = ROLES.map((role, index) => new RolePool(role, index, staffingByDay(staffed, role, streams, window.simStart, totalDays), cases.token, cases.slot));
  const figures = new MetricsAccumulator(arrivals.count, window.start, window.end);
  const flow = new CaseFlow({
    processLabel,
    stepper,
    states: new StateTable(chart, scenario, pools, stepper.size),
    cases,
    arrivals,
    agenda: new Agenda(arrivals.receivedAt, arrivals.count, window.simStart, totalDays),
    pools,
    // The referral-stage draws (no further action) have a stream of their own, so no other draw moves.
    world: new World(scenario, cases, arrivals.trueLevel, arrivals.formComplete, Math.floor(streams.stream('referrals.noFurtherAction')() * 4294967296)),
    sink: new TraceSink(options.trace ?? true, figures, arrivals),
    escalates: chart.escalates,
    recognitionDraw: streams.stream('manager-recognises'),
    // How long each contact with the parents takes: a stream of its own, so no other draw moves.
    parentContactDraw: streams.stream('parent-contact-durations'),
    outOfHoursService: chart.outOfHoursService,
    booksAgainstStrategy: chart.states.some((s) => s.bookedWithinTimescale && s.timescale?.from === 'strategyDiscussion'),
    // The chart's own escalation points where it gives them (root meta `clocks`), else the scenario's.
    escalateAfterMs: escalation.escalateAfterWorkingHours * HOUR,
    escalateGreenAfterMs: escalation.escalateGreenAfterWorkingHours * HOUR,
    decisionClockHours: chart.clocks.decisionWithinWorkingHours,
    simStart: window.simStart,
    end: window.end,
  });
  return new SimulationRun(scenario, processLabel, seed, window, machine, flow, figures, options.arrivals !== undefined);
}

/** A run as its callers see it: time, the figures, and questions about its cases. */
class SimulationRun implements Simulation {
  readonly start: Instant;
  readonly simStart: Instant;
  readonly end: Instant;
  readonly trace: readonly TraceRecord[];
  readonly engine: 'compiled' | 'xstate';
  /** The arrived contacts as `contacts` shows them (made on demand: own drafts filled in, shared ones copied). */
  private readonly arrived: Contact[] = [];
  /** Case index by contact id, filled in on demand for `stateOf` and `contextOf`. */
  private readonly caseIndex = new Map<string, number>();

  /** @param sharedArrivals the contacts were prepared for several runs: `contacts` gives copies */
  constructor(
    readonly scenario: Scenario,
    readonly process: string,
    readonly seed: string,
    window: RunWindow,
    readonly machine: AnyStateMachine,
    private readonly flow: CaseFlow,
    private readonly figures: MetricsAccumulator,
    private readonly sharedArrivals: boolean,
  ) {
    this.start = window.start;
    this.simStart = window.simStart;
    this.end = window.end;
    this.trace = flow.sink.trace;
    this.engine = flow.stepper.kind;
  }

  /** The contact objects: made from the arrivals' columns when first asked for (a figure-only run never is). */
  get contacts(): readonly Contact[] {
    const { cases, arrivals } = this.flow;
    for (let k = this.arrived.length; k < cases.arrived; k++) {
      const draft = arrivals.contacts[k];
      const decided = { openCase: cases.openCase[k] === 1, inEarlyHelp: cases.inEarlyHelp[k] === 1 };
      if (this.sharedArrivals) this.arrived.push(copyContact(draft, decided));
      else this.arrived.push(Object.assign(draft as { -readonly [K in keyof Contact]: Contact[K] }, decided));
    }
    return this.arrived;
  }

  now(): Instant {
    return this.flow.now;
  }

  metrics(): RunMetrics {
    const { cases, arrivals } = this.flow;
    return this.figures.finish({ count: cases.arrived, receivedAt: arrivals.receivedAt, due: arrivals.due, trueLevel: arrivals.trueLevel, previous: arrivals.previousIndex, repeat: null, inEarlyHelp: cases.inEarlyHelp, outOfHours: arrivals.outOfHours, immediateDanger: arrivals.immediateDanger, mentalHealth: arrivals.mentalHealth });
  }

  step(): boolean {
    return this.flow.step();
  }

  runUntil(t: Instant): void {
    const { flow } = this;
    const agenda = flow.agenda;
    for (;;) {
      agenda.peek();
      if (agenda.nextKind === KIND.none || agenda.nextAt >= this.end || agenda.nextAt > t) break;
      flow.step();
    }
    if (t > flow.now) flow.now = Math.min(t, this.end);
  }

  run(onProgress?: (fraction: number) => void): void {
    const { flow } = this;
    const span = this.end - this.simStart;
    let lastReported = -1;
    while (flow.step()) {
      if (onProgress) {
        const f = Math.floor(((flow.now - this.simStart) / span) * 100);
        if (f !== lastReported) {
          lastReported = f;
          onProgress(f / 100);
        }
      }
    }
    flow.now = this.end;
    onProgress?.(1);
  }

  stateOf(id: string): string | undefined {
    const k = this.caseById(id);
    return k === undefined ? undefined : this.flow.states.states[this.flow.cases.state[k]].name;
  }

  contextOf(id: string): SpaContext | undefined {
    const k = this.caseById(id);
    return k === undefined ? undefined : (this.flow.cases.snapshot[k].context as SpaContext);
  }

  stateCounts(): Record<string, number> {
    const { cases, states } = this.flow;
    const out: Record<string, number> = {};
    for (let k = 0; k < cases.arrived; k++) {
      const name = states.states[cases.state[k]].name;
      out[name] = (out[name] ?? 0) + 1;
    }
    return out;
  }

  queueLengths(): Record<Role, number> {
    const out = {} as Record<Role, number>;
    for (const pool of this.flow.pools) out[pool.role] = pool.queueLength();
    return out;
  }

  private caseById(id: string): number | undefined {
    const contacts = this.flow.arrivals.contacts;
    for (let k = this.caseIndex.size; k < this.flow.cases.arrived; k++) this.caseIndex.set(contacts[k].id, k);
    return this.caseIndex.get(id);
  }
}
