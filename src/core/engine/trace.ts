/**
 * The trace record: one state change (or handled self-transition) of one case. The trace is the
 * product (../shared/STYLE.md): the figures, exports, replay, safeguards and tests all read it.
 *
 * Kept apart from the engine so that what reads the trace (metrics.ts and the rest) imports only
 * this, not the engine that writes it.
 */
import type { Instant } from '../calendar';
import type { StateMeta } from '../processes/common';

/** One state change (or handled self-transition) of one case. */
export interface TraceRecord {
  seq: number;
  t: Instant;
  caseId: string;
  from: string | null;
  to: string;
  event: string;
  actor: string;
  /** What the service's own report records for the case after this transition. */
  report: string;
  reportPending: boolean;
  reportDecided: boolean;
  /** Ground truth after this transition. */
  undecided: boolean;
  unallocated: boolean;
  /** Event detail: decided level, or an assessment/enquiry outcome. */
  detail?: string;
  /**
   * When the event ends a piece of work (the state's meta `work.done`): when the worker started
   * it, so a reader can tell a case being worked from one queued for a worker.
   */
  workStartedAt?: Instant;
}

/** A trace record: the transition, and what the target state's meta says the report and the truth are. */
export function traceRecord(seq: number, t: Instant, caseId: string, from: string | null, to: string, m: StateMeta, event: string, actor: string, detail: string | undefined, workStartedAt = NaN): TraceRecord {
  return {
    seq,
    t,
    caseId,
    from,
    to,
    event,
    actor,
    report: m.report.label,
    reportPending: m.report.pending,
    reportDecided: m.report.decided,
    undecided: m.undecided,
    unallocated: m.unallocated === true,
    detail,
    workStartedAt: Number.isNaN(workStartedAt) ? undefined : workStartedAt,
  };
}
