/**
 * The invariant library: named safeguards over traces, each with a plain-English statement and
 * a source, a checker, and chronologies that tell a breach as a case file would.
 * Framework-free and deterministic like the rest of src/core.
 */
import { INVARIANTS } from './library';
import { indexRun } from './run-index';
import type { Invariant, InvariantResult, RunIndex, RunView } from './types';

export { INVARIANTS, invariantById } from './library';
export { indexRun, firstDecision, recordAt } from './run-index';
export { chronology, formatChronologies, type CaseChronology, type ChronologyEntry, type Mark } from './chronology';
export { when } from './words';
export type { Invariant, InvariantResult, Parameter, RunIndex, RunView, Violation } from './types';

export interface CheckOptions {
  /** Breaches kept per invariant (all are counted). Default 20. */
  limit?: number;
}

/** Judge a run against invariants (all of the library by default), in library order. */
export function checkInvariants(run: RunView | RunIndex, invariants: readonly Invariant[] = INVARIANTS, options: CheckOptions = {}): InvariantResult[] {
  const ix = 'cases' in run && 'meta' in run ? run : indexRun(run);
  const limit = options.limit ?? 20;
  return invariants.map((invariant) => {
    const violations = [...invariant.check(ix)].sort((a, b) => a.at - b.at);
    return { invariant, holds: violations.length === 0, violations: violations.slice(0, limit), count: violations.length };
  });
}

/** The ids of the invariants a run breaks. */
export function brokenInvariants(run: RunView | RunIndex, invariants: readonly Invariant[] = INVARIANTS): string[] {
  return checkInvariants(run, invariants, { limit: 0 }).filter((r) => !r.holds).map((r) => r.invariant.id);
}
