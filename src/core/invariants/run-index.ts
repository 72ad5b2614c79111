/** Index a run once (records by case, contacts by id, state meta) for every invariant. */
import type { TraceRecord } from '../engine';
import { byCase } from '../metrics';
import { chartFacts } from '../processes/facts';
import type { Contact } from '../contact';
import type { Instant } from '../calendar';
import type { RunIndex, RunView } from './types';

export function indexRun(run: RunView): RunIndex {
  const cases = byCase(run.trace);
  const contacts = new Map<string, Contact>();
  for (const c of run.contacts) contacts.set(c.id, c);
  const chart = chartFacts(run.machine);
  return {
    run,
    cases,
    contacts,
    facts: (state) => chart.find(state),
    meta: (state) => chart.find(state)?.meta,
    isFinal: (state) => chart.find(state)?.final === true,
  };
}

/** The record in force at t (the last at or before t), or undefined before the case arrived. */
export function recordAt(records: readonly TraceRecord[], t: Instant): TraceRecord | undefined {
  let found: TraceRecord | undefined;
  for (const r of records) {
    if (r.t > t) break;
    found = r;
  }
  return found;
}

/** The index of the record in force at t (the last at or before t), or -1 before the case arrived. */
export function indexAt(records: readonly TraceRecord[], t: Instant): number {
  let found = -1;
  for (let k = 0; k < records.length && records[k].t <= t; k++) found = k;
  return found;
}

/** The instant of the first threshold decision: the first move out of an undecided state. */
export function firstDecision(records: readonly TraceRecord[]): TraceRecord | undefined {
  let wasUndecided = true;
  for (const r of records) {
    if (wasUndecided && !r.undecided) return r;
    wasUndecided = r.undecided;
  }
  return undefined;
}

/** The first record after index i (exclusive) for which `test` holds. */
export function firstAfter(records: readonly TraceRecord[], i: number, test: (r: TraceRecord) => boolean): TraceRecord | undefined {
  for (let k = i + 1; k < records.length; k++) if (test(records[k])) return records[k];
  return undefined;
}
