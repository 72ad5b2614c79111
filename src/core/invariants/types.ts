/**
 * The shapes of the invariant library: a run to judge, a safeguard, and a breach of it.
 *
 * An invariant is a safeguard a front door promises every child, stated in plain English with
 * its source, and judged against the ground truth in the trace (`undecided`, `unallocated`) and
 * the statechart's `meta` (who works a state, whether the child is seen), never against the
 * report the service made of itself.
 */
import type { AnyStateMachine } from 'xstate';
import type { Instant } from '../calendar';
import type { Contact } from '../contact';
import type { TraceRecord } from '../engine';
import type { StateMeta } from '../processes/common';
import type { StateFacts } from '../processes/facts';

/** What an invariant reads: a finished (or paused) run. A `Simulation` is one. */
export interface RunView {
  readonly contacts: readonly Contact[];
  readonly trace: readonly TraceRecord[];
  /** First instant simulated (the warm-up's start). */
  readonly simStart: Instant;
  /** The run stops here: nothing at or after `end` is known. */
  readonly end: Instant;
  readonly machine: AnyStateMachine;
}

/** One breach of a safeguard. */
export interface Violation {
  /** The cases that show the breach, most telling first; a chronology tells their story. */
  readonly caseIds: readonly string[];
  /** When the safeguard was broken. */
  readonly at: Instant;
  /** What went wrong, in plain English, naming the case and the figures. */
  readonly message: string;
}

/** A number an invariant uses, with where it comes from. */
export interface Parameter {
  readonly value: number;
  readonly unit: string;
  readonly source: string;
}

export interface Invariant {
  /** Stable kebab-case name, used on the command line (`--only`). */
  readonly id: string;
  /** A short title. */
  readonly title: string;
  /** The safeguard in plain English, as a practitioner would say it. */
  readonly statement: string;
  /** Where the safeguard comes from: DOMAIN.md or a seed paragraph. */
  readonly source: string;
  readonly parameters: Readonly<Record<string, Parameter>>;
  /**
   * How the end of the run is treated: a deadline that falls at or after the end is not judged,
   * since nobody can be blamed for what the run did not reach.
   */
  readonly censoring: string;
  check(run: RunIndex): Violation[];
}

/** A run, indexed once for every invariant. */
export interface RunIndex {
  readonly run: RunView;
  /** Trace records grouped by case, in order. */
  readonly cases: ReadonlyMap<string, readonly TraceRecord[]>;
  readonly contacts: ReadonlyMap<string, Contact>;
  /** What the chart's meta says of a state (processes/facts.ts), or undefined if the machine has no such state. */
  facts(state: string): StateFacts | undefined;
  /** The meta of a state, or undefined if the machine has no such state. */
  meta(state: string): StateMeta | undefined;
  isFinal(state: string): boolean;
}

export interface InvariantResult {
  readonly invariant: Invariant;
  readonly holds: boolean;
  /** Every breach found (the first `limit` kept, see `checkInvariants`). */
  readonly violations: readonly Violation[];
  /** How many breaches there were in all. */
  readonly count: number;
}
