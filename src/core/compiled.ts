/**
 * A compiled stepper: the same statechart, evaluated without XState's interpreter.
 *
 * XState's `transition()` builds snapshots, microsteps and an actor scope for every event; for a
 * borough-year of contacts that dominates run time. The front-door charts are flat machines
 * whose transitions are guard + target + `assign` actions, so they can be compiled into a table
 * read straight from the machine definition (nothing about the process is written here twice).
 * The engine uses this table by default; `engine: 'xstate'` runs the interpreter instead, and a
 * property test (test/core/compiled.test.ts) proves both give byte-identical traces.
 *
 * `compileMachine` refuses any machine it cannot reproduce exactly (nested or parallel states,
 * entry/exit actions, eventless or delayed transitions, actions other than `assign`), so a
 * service designer's changed chart falls back to the interpreter rather than being run wrongly.
 */
import type { AnyStateMachine } from 'xstate';

export interface CompiledSnapshot {
  value: string;
  context: Record<string, unknown>;
  status: 'active' | 'done';
}

type Guard = (args: { context: Record<string, unknown>; event: { type: string } }) => boolean;
/** The context after one assign action (a new object). */
type Assignment = (ctx: Record<string, unknown>, event: { type: string }) => Record<string, unknown>;

interface Candidate {
  guard: Guard | null;
  target: string | null;
  assigns: Assignment[];
}

export interface CompiledMachine {
  initial(input: unknown): CompiledSnapshot;
  /** The next snapshot, or the same object when the event is not handled. */
  transition(snapshot: CompiledSnapshot, event: { type: string }): CompiledSnapshot;
  /** With `share`: how many snapshots it keeps. */
  readonly size?: number;
}

export class NotCompilable extends Error {}

interface RawTransition {
  guard?: unknown;
  target?: { key: string; parent?: unknown }[];
  actions: unknown[];
  reenter?: boolean;
}

interface RawNode {
  key: string;
  type: string;
  states: Record<string, RawNode>;
  transitions: Map<string, RawTransition[]>;
  entry: unknown[];
  exit: unknown[];
  always?: unknown[];
  after?: unknown[];
  invoke?: unknown[];
}

type Copier = (context: Record<string, unknown>) => Record<string, unknown>;

/** What an object-form assign needs to know about the machine's contexts (see `CompileOptions`). */
interface AssignInfo {
  /** Every key an object-form assign sets. */
  keys: Set<string>;
  /** Whether some assign is a function (it may add keys). */
  functionForm: boolean;
  /** The literal copier, once the first initial context shows it copies every key. */
  copier: Copier | null;
}

function compileAssign(action: unknown, implementations: Record<string, unknown>, where: string, info: AssignInfo): Assignment {
  const resolved = typeof action === 'string' ? implementations[action] : action;
  const a = resolved as { type?: string; assignment?: unknown } | undefined;
  if (!a || a.type !== 'xstate.assign') throw new NotCompilable(`${where}: action ${String(action)} is not an assign`);
  const assignment = a.assignment;
  if (typeof assignment === 'function') {
    info.functionForm = true;
    return (context, event) => ({ ...context, ...(assignment as (args: unknown) => Record<string, unknown>)({ context, event }) });
  }
  // Object form: every property is computed from the context before this action, as XState does;
  // one copy of the context per action.
  const keys = Object.keys(assignment as Record<string, unknown>);
  for (const k of keys) info.keys.add(k);
  const values = keys.map((k) => (assignment as Record<string, unknown>)[k]);
  const computed = values.map((v) => typeof v === 'function');
  return (context, event) => {
    const next: Record<string, unknown> = info.copier ? info.copier(context) : { ...context };
    for (let k = 0; k < keys.length; k++) next[keys[k]] = computed[k] ? (values[k] as (args: unknown) => unknown)({ context, event }) : values[k];
    return next;
  };
}

function compileGuard(guard: unknown, implementations: Record<string, unknown>, where: string): Guard | null {
  if (guard === undefined) return null;
  const g = typeof guard === 'string' ? implementations[guard] : guard;
  if (typeof g !== 'function') throw new NotCompilable(`${where}: guard ${String(guard)} is not a plain function`);
  // Higher-order guards (and/or/not/stateIn) carry a `check` and need XState.
  if ((g as { check?: unknown }).check !== undefined) throw new NotCompilable(`${where}: higher-order guard`);
  return g as Guard;
}

function candidates(list: RawTransition[] | undefined, impl: { guards: Record<string, unknown>; actions: Record<string, unknown> }, where: string, root: RawNode, info: AssignInfo): Candidate[] {
  return (list ?? []).map((t) => {
    if (t.target && t.target.length !== 1) throw new NotCompilable(`${where}: multiple targets`);
    const target = t.target?.[0];
    if (target && target.parent !== root) throw new NotCompilable(`${where}: target outside the top level`);
    return {
      guard: compileGuard(t.guard, impl.guards, where),
      target: target ? target.key : null,
      assigns: t.actions.map((a) => compileAssign(a, impl.actions, where, info)),
    };
  });
}

export interface CompileOptions {
  /**
   * A copy of a context as an object literal with the same keys in the same order (faster, and
   * smaller, than a spread copy). Used by object-form assigns only if the first initial context
   * shows it copies exactly that context's keys, every assigned key is one of them and no assign
   * is a function (which could add keys); otherwise contexts are spread, as XState does.
   */
  copyContext?: (context: never) => unknown;
  /**
   * Share snapshots between cases: the snapshot after (snapshot, event) is computed once and the
   * same object is returned every time after, and the same input object gets the same initial
   * snapshot (the engine makes one input object per combination of facts). A case then holds a
   * pointer: no context is copied per transition and nothing is kept per case. Right because a
   * chart's guards and actions are pure functions of the context and the event (the machines own
   * no time source; XState's own `transition()` is pure too), and test/core/compiled.test.ts checks
   * shared and unshared steppers agree with XState. Worth it only when events and inputs come
   * from a bounded set of objects, as the engine's do (each distinct object gets its own entry).
   */
  share?: boolean;
}

export function compileMachine(machine: AnyStateMachine, options: CompileOptions = {}): CompiledMachine {
  const root = machine.root as unknown as RawNode;
  const impl = machine.implementations as unknown as { guards: Record<string, unknown>; actions: Record<string, unknown> };
  const config = machine.config as { initial?: string; context?: unknown; entry?: unknown; exit?: unknown };
  if (typeof config.initial !== 'string') throw new NotCompilable('no string initial state');
  if (root.entry.length || root.exit.length || root.always?.length || root.after?.length || root.invoke?.length) throw new NotCompilable('root has entry, exit, always, after or invoke');
  if (typeof config.context !== 'function') throw new NotCompilable('context must be a function of the input');
  const info: AssignInfo = { keys: new Set(), functionForm: false, copier: null };
  let copierChecked = options.copyContext === undefined;
  /** The keys (in order) of the contexts the copier copies. */
  let copiedKeys: string[] = [];
  const sameKeys = (context: Record<string, unknown>): boolean => {
    let i = 0;
    for (const k in context) if (k !== copiedKeys[i++]) return false;
    return i === copiedKeys.length;
  };
  const table = new Map<string, Map<string, Candidate[]>>();
  const finals = new Set<string>();
  const rootOn = new Map<string, Candidate[]>();
  const noWildcard = (type: string, where: string) => {
    if (type === '*' || type.endsWith('.*')) throw new NotCompilable(`${where}: wildcard event ${type}`);
  };
  for (const [type, list] of root.transitions) {
    noWildcard(type, 'root');
    rootOn.set(type, candidates(list, impl, `root on ${type}`, root, info));
  }
  for (const [key, node] of Object.entries(root.states)) {
    if (Object.keys(node.states).length) throw new NotCompilable(`${key}: nested states`);
    if (node.entry.length || node.exit.length || node.always?.length || node.after?.length || node.invoke?.length) throw new NotCompilable(`${key}: entry, exit, always, after or invoke`);
    if (node.type === 'final') finals.add(key);
    const on = new Map<string, Candidate[]>();
    for (const [type, list] of node.transitions) {
      noWildcard(type, key);
      on.set(type, candidates(list, impl, `${key} on ${type}`, root, info));
    }
    table.set(key, on);
  }
  const contextOf = config.context as (args: { input: unknown }) => Record<string, unknown>;

  const select = (list: Candidate[] | undefined, context: Record<string, unknown>, event: { type: string }): Candidate | null => {
    if (!list) return null;
    for (const c of list) if (!c.guard || c.guard({ context, event })) return c;
    return null;
  };

  const machineStepper: CompiledMachine = {
    initial(input) {
      const value = config.initial as string;
      const context = contextOf({ input });
      if (!copierChecked) {
        copierChecked = true;
        const copy = options.copyContext as unknown as Copier;
        const keys = Object.keys(context);
        const same = Object.keys(copy(context)).join('\n') === keys.join('\n');
        if (same && !info.functionForm && [...info.keys].every((k) => keys.includes(k))) {
          info.copier = copy;
          copiedKeys = keys;
        }
      } else if (info.copier && !sameKeys(context)) {
        // A context factory whose keys vary with the input: spread from here on.
        info.copier = null;
      }
      return { value, context, status: finals.has(value) ? 'done' : 'active' };
    },
    transition(snapshot, event) {
      // Like XState's pure transition(), a done snapshot still answers root-level transitions.
      // The active state first, then the root (XState's document order for a flat machine).
      const chosen = select(table.get(snapshot.value)?.get(event.type), snapshot.context, event) ?? select(rootOn.get(event.type), snapshot.context, event);
      if (!chosen) return snapshot;
      let context = snapshot.context;
      for (const assign of chosen.assigns) context = assign(context, event);
      const value = chosen.target ?? snapshot.value;
      if (value === snapshot.value && context === snapshot.context) return snapshot;
      return { value, context, status: finals.has(value) ? 'done' : 'active' };
    },
  };
  return options.share ? new SharingStepper(machineStepper) : machineStepper;
}

/**
 * A shared snapshot, with the steps already computed from it: the events met (by object) and the
 * snapshot each led to, side by side. Speed: a snapshot meets a handful of distinct events, so
 * comparing the few objects is quicker than a Map's look-up (the hottest line of a run); past
 * `LINEAR_STEPS` the rest go in a Map.
 */
interface SharedSnapshot extends CompiledSnapshot {
  readonly events: object[];
  readonly nexts: SharedSnapshot[];
  more: Map<object, SharedSnapshot> | null;
  /** Its number, from 0 in the order made (a caller can keep what it knows of it in an array). */
  readonly node: number;
}

/** How many of a shared snapshot's steps are kept side by side before the rest go in a Map. */
const LINEAR_STEPS = 8;

/**
 * A stepper that computes each step once and shares the snapshots (`CompileOptions.share`). A
 * class, so that every stepper's methods are the same functions and the engine's calls to them
 * stay monomorphic (closures made per stepper made them polymorphic: measurably slower).
 */
class SharingStepper implements CompiledMachine {
  private readonly initials = new Map<unknown, SharedSnapshot>();
  private made = 0;

  constructor(private readonly stepper: CompiledMachine) {}

  /** How many snapshots it has made (and keeps). */
  get size(): number {
    return this.made;
  }

  private node(s: CompiledSnapshot): SharedSnapshot {
    return { value: s.value, context: s.context, status: s.status, events: [], nexts: [], more: null, node: this.made++ };
  }

  initial(input: unknown): CompiledSnapshot {
    let snapshot = this.initials.get(input);
    if (!snapshot) this.initials.set(input, (snapshot = this.node(this.stepper.initial(input))));
    return snapshot;
  }

  transition(snapshot: CompiledSnapshot, event: { type: string }): CompiledSnapshot {
    // Only snapshots this stepper made are passed back to it (the engine keeps what it returns).
    const from = snapshot as SharedSnapshot;
    const events = from.events;
    const n = events.length;
    for (let k = 0; k < n; k++) if (events[k] === event) return from.nexts[k];
    let next = from.more === null ? undefined : from.more.get(event);
    if (!next) {
      const computed = this.stepper.transition(from, event);
      next = computed === from ? from : this.node(computed);
      if (n < LINEAR_STEPS) {
        events.push(event);
        from.nexts.push(next);
      } else (from.more ??= new Map()).set(event, next);
    }
    return next;
  }
}
