/**
 * The steppers: what sends a case's snapshot an event and gives the next snapshot. By default the
 * compiled stepper (a table compiled from the chart's own definition: ../compiled.ts); XState's
 * interpreter when asked, or when the compiler cannot reproduce a chart exactly. Both give
 * byte-identical traces (test/core/compiled.test.ts).
 */
import { createActor, type AnyActorScope, type AnyStateMachine, type SnapshotFrom } from 'xstate';
import { compileMachine, NotCompilable, type CompiledMachine, type CompiledSnapshot } from '../compiled';
import { copyContext, type SpaEvent, type SpaInput } from '../processes/common';

/** What the engine needs of a snapshot; XState's and the compiled stepper's both have it. */
export interface Snap {
  value: unknown;
  context: unknown;
}

export interface Stepper {
  readonly kind: 'compiled' | 'xstate';
  /** How many snapshots a compiled stepper keeps (see `makeStepper`); 0 for XState's. */
  readonly size: number;
  initial(input: SpaInput): Snap;
  transition(snapshot: Snap, event: SpaEvent): Snap;
}

/** The compiled stepper as the engine calls it (a class: the same methods for every run). */
class CompiledStepper implements Stepper {
  readonly kind = 'compiled' as const;
  constructor(private readonly compiled: CompiledMachine) {}
  /** How many snapshots it keeps. */
  get size(): number {
    return this.compiled.size ?? 0;
  }
  initial(input: SpaInput): Snap {
    return this.compiled.initial(input);
  }
  transition(snapshot: Snap, event: SpaEvent): Snap {
    return this.compiled.transition(snapshot as CompiledSnapshot, event);
  }
}

/**
 * The most microsteps one step of a chart may take (the event's own transition, then the eventless
 * `always` transitions and raised events that follow it, all at one instant) before the chart is
 * taken to loop. A shipped chart takes at most a few; XState itself would go on for ever (its
 * `maxIterations` is Infinity unless the chart sets it). The compiled stepper needs no such bound:
 * it refuses charts with eventless transitions or raised events (../compiled.ts), which then run
 * here, and each of its steps is one transition. Between steps time moves: every piece of work
 * lasts at least SHORTEST_WORK_MS (world.ts), and clocks ring once per decision.
 */
export const MAX_MICROSTEPS_AT_ONE_INSTANT = 1000;

/** How many of the last microsteps name the loop's states. */
const LOOP_WINDOW = 50;

/** A chart that goes round without time moving: the states of the loop, in the order taken. */
export class ChartLoopError extends Error {
  constructor(
    readonly chart: string,
    readonly states: readonly string[],
    readonly event: string,
  ) {
    super(
      `chart "${chart}": more than ${MAX_MICROSTEPS_AT_ONE_INSTANT} transitions at one instant after "${event}", without time moving: it loops through ${states.map((s) => `"${s}"`).join(' -> ')} (eventless "always" transitions or raised events that lead back to each other; give one of them a guard that ends the loop, or an event to wait for)`,
    );
    this.name = 'ChartLoopError';
  }
}

const stateName = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));

/** XState's own `getInitialSnapshot` and pure `transition`, through one inert scope per run. */
class XStateStepper implements Stepper {
  readonly kind = 'xstate' as const;
  readonly size = 0;
  private readonly scope: AnyActorScope;
  /** Microsteps of the step under way, and the states of the last few once it nears the bound. */
  private microsteps = 0;
  private readonly recent: string[] = [];
  private event = '';
  constructor(private readonly machine: AnyStateMachine) {
    this.scope = inertScope(machine, (value) => this.microstep(value));
  }
  initial(input: SpaInput): Snap {
    this.startStep('(the contact arrives: the initial state)');
    return this.machine.getInitialSnapshot(this.scope, input);
  }
  transition(snapshot: Snap, event: SpaEvent): Snap {
    this.startStep(event.type);
    return this.machine.transition(snapshot as SnapshotFrom<AnyStateMachine>, event, this.scope);
  }
  private startStep(event: string): void {
    this.microsteps = 0;
    this.event = event;
  }
  /** XState reports every microstep of a step; past the bound, the step is stopped with the loop named. */
  private microstep(value: unknown): void {
    const n = ++this.microsteps;
    if (n <= MAX_MICROSTEPS_AT_ONE_INSTANT - LOOP_WINDOW) return;
    if (n === MAX_MICROSTEPS_AT_ONE_INSTANT - LOOP_WINDOW + 1) this.recent.length = 0;
    this.recent.push(stateName(value));
    if (n > MAX_MICROSTEPS_AT_ONE_INSTANT) throw new ChartLoopError(this.machine.id, loopOf(this.recent), this.event);
  }
}

/** The shortest cycle at the end of a run of states, seen twice over: [x, a, b, a, b] -> [a, b]. */
export function loopOf(states: readonly string[]): string[] {
  const n = states.length;
  for (let period = 1; 2 * period <= n; period++) {
    let repeats = true;
    for (let i = 1; i <= period && repeats; i++) repeats = states[n - i] === states[n - i - period];
    if (repeats) return states.slice(n - period);
  }
  return [...new Set(states)];
}

/**
 * The compiled stepper of each chart, kept while the chart is: a memo of the chart's steps, which
 * are pure (the same snapshot and event give the same next snapshot in any run), so keeping them
 * from one run to the next changes no result (test/core/engine/simulation.test.ts runs charts with a kept and a
 * fresh stepper). Speed: a borough-year run makes about 2,000 distinct snapshots from scratch and
 * a few hundred new ones once the memo is warm. The memo grows slowly, so a stepper that keeps
 * more than MAX_KEPT is replaced by a fresh one. null: the chart cannot be compiled.
 */
const compiledSteppers = new WeakMap<AnyStateMachine, CompiledStepper | null>();
const MAX_KEPT = 100_000;

/** The stepper for a run of a chart: the kept compiled one, or XState's (asked for, or the chart cannot be compiled). */
export function makeStepper(machine: AnyStateMachine, kind: 'compiled' | 'xstate'): Stepper {
  if (kind === 'compiled') {
    let stepper = compiledSteppers.get(machine);
    if (stepper === undefined || (stepper !== null && stepper.size > MAX_KEPT)) {
      stepper = null;
      try {
        // Snapshots shared between cases: the engine's events and inputs are interned constants
        // (events.ts).
        stepper = new CompiledStepper(compileMachine(machine, { copyContext, share: true }));
      } catch (e) {
        if (!(e instanceof NotCompilable)) throw e;
      }
      compiledSteppers.set(machine, stepper);
    }
    if (stepper) return stepper;
  }
  return new XStateStepper(machine);
}

/**
 * One inert actor scope per run, as XState's pure `transition()` builds per call (it constructs
 * an actor each time, which dominated run time). Our machines spawn no children, send nothing and
 * have no side effects, so a shared inert scope gives the same snapshots; test/core/engine/simulation.test.ts
 * checks the trace against XState's own `transition()`.
 */
function inertScope(machine: AnyStateMachine, onMicrostep: (value: unknown) => void): AnyActorScope {
  const self = createActor(machine);
  // XState tells the system of each microstep it takes (an inspection event); the rest of the
  // system is XState's own.
  const system = Object.create(self.system, {
    _sendInspectionEvent: {
      value: (e: { type: string; snapshot?: { value: unknown } }) => {
        if (e.type === '@xstate.microstep') onMicrostep(e.snapshot?.value);
      },
    },
  });
  return {
    self,
    defer: () => {},
    id: '',
    logger: () => {},
    sessionId: '',
    stopChild: () => {},
    system,
    emit: () => {},
    actionExecutor: () => {},
  } as unknown as AnyActorScope;
}
