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

/** XState's own `getInitialSnapshot` and pure `transition`, through one inert scope per run. */
class XStateStepper implements Stepper {
  readonly kind = 'xstate' as const;
  readonly size = 0;
  private readonly scope: AnyActorScope;
  constructor(private readonly machine: AnyStateMachine) {
    this.scope = inertScope(machine);
  }
  initial(input: SpaInput): Snap {
    return this.machine.getInitialSnapshot(this.scope, input);
  }
  transition(snapshot: Snap, event: SpaEvent): Snap {
    return this.machine.transition(snapshot as SnapshotFrom<AnyStateMachine>, event, this.scope);
  }
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
function inertScope(machine: AnyStateMachine): AnyActorScope {
  const self = createActor(machine);
  return {
    self,
    defer: () => {},
    id: '',
    logger: () => {},
    sessionId: '',
    stopChild: () => {},
    system: self.system,
    emit: () => {},
    actionExecutor: () => {},
  } as unknown as AnyActorScope;
}
