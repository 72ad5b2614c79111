/**
 * Where each transition goes: to the figures as the run goes (metrics.ts), and, when the run
 * keeps it, to the trace. A replication that needs only the figures keeps no trace (and never
 * makes a contact object: the trace names each case by its contact's id).
 */
import type { Arrivals } from '../arrivals';
import type { Instant } from '../calendar';
import type { MetricsAccumulator } from '../metrics';
import type { SpaEvent } from '../processes/common';
import type { StateRt } from './states';
import { traceRecord, type TraceRecord } from './trace';

const LEVEL_DETAIL = ['level 0', 'level 1', 'level 2', 'level 3', 'level 4'];

export class TraceSink {
  /** Every transition, in order (empty when the run keeps no trace). */
  readonly trace: TraceRecord[] = [];

  /** @param arrivals the run's contacts (for the ids and sources the trace records) */
  constructor(
    readonly keep: boolean,
    private readonly figures: MetricsAccumulator,
    private readonly arrivals: Readonly<Arrivals>,
  ) {}

  /** A case's transition (from null: it arrived); `workStartedAt` when the event ends a piece of work (else NaN). */
  record(caseIndex: number, t: Instant, from: StateRt | null, to: StateRt, event: SpaEvent | { type: string }, actor: string, workStartedAt = NaN): void {
    const level = event.type === 'threshold.decided' ? (event as { level: number }).level : -1;
    this.figures.add(caseIndex, t, from === null ? null : from.facts, to.facts, event.type, level);
    if (!this.keep) return;
    let detail: string | undefined;
    if (level >= 0) detail = LEVEL_DETAIL[level];
    else if ('outcome' in event) detail = String((event as { outcome: string }).outcome);
    const trace = this.trace;
    trace.push(traceRecord(trace.length, t, this.arrivals.contacts[caseIndex].id, from === null ? null : from.name, to.name, to.meta, event.type, actor, detail, workStartedAt));
  }

  /** Who a contact came from, as the trace records it ('' when no trace is kept: no contact object is made). */
  arrivalActor(caseIndex: number): string {
    if (!this.keep) return '';
    const contact = this.arrivals.contacts[caseIndex];
    return contact.outOfHours ? `${contact.source} (out of hours, EDT)` : contact.source;
  }
}
