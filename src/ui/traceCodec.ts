/**
 * The trace in columns for the trip from the worker to the page. Posting tens of thousands of
 * record objects makes the page's thread rebuild every string and property (hundreds of
 * milliseconds for a year); typed arrays move across without copying, and the few distinct
 * strings (states, events, report labels, case ids) travel once in tables. Decoding gives back
 * records equal to the originals.
 */
import type { TraceRecord } from '../core/engine';

export interface PackedTrace {
  n: number;
  strings: string[];
  t: Float64Array;
  seq: Int32Array;
  /** Indices into `strings`; -1 for null or absent. */
  caseId: Int32Array;
  from: Int32Array;
  to: Int32Array;
  event: Int32Array;
  actor: Int32Array;
  report: Int32Array;
  detail: Int32Array;
  /** Bits: 1 reportPending, 2 reportDecided, 4 undecided, 8 unallocated. */
  flags: Uint8Array;
  /** When the work this record ends began (NaN: none). */
  workStartedAt: Float64Array;
}

export function packTrace(trace: readonly TraceRecord[]): PackedTrace {
  const n = trace.length;
  const strings: string[] = [];
  const ids = new Map<string, number>();
  const id = (s: string | null | undefined): number => {
    if (s === null || s === undefined) return -1;
    let i = ids.get(s);
    if (i === undefined) {
      i = strings.length;
      strings.push(s);
      ids.set(s, i);
    }
    return i;
  };
  const p: PackedTrace = {
    n,
    strings,
    t: new Float64Array(n),
    seq: new Int32Array(n),
    caseId: new Int32Array(n),
    from: new Int32Array(n),
    to: new Int32Array(n),
    event: new Int32Array(n),
    actor: new Int32Array(n),
    report: new Int32Array(n),
    detail: new Int32Array(n),
    flags: new Uint8Array(n),
    workStartedAt: new Float64Array(n),
  };
  for (let k = 0; k < n; k++) {
    const r = trace[k];
    p.t[k] = r.t;
    p.seq[k] = r.seq;
    p.caseId[k] = id(r.caseId);
    p.from[k] = id(r.from);
    p.to[k] = id(r.to);
    p.event[k] = id(r.event);
    p.actor[k] = id(r.actor);
    p.report[k] = id(r.report);
    p.detail[k] = 'detail' in r ? id(r.detail) : -2;
    p.workStartedAt[k] = r.workStartedAt ?? NaN;
    p.flags[k] = (r.reportPending ? 1 : 0) | (r.reportDecided ? 2 : 0) | (r.undecided ? 4 : 0) | (r.unallocated ? 8 : 0);
  }
  return p;
}

export function unpackTrace(p: PackedTrace): TraceRecord[] {
  const s = p.strings;
  const out: TraceRecord[] = new Array(p.n);
  for (let k = 0; k < p.n; k++) {
    const f = p.flags[k];
    const r: TraceRecord = {
      seq: p.seq[k],
      t: p.t[k],
      caseId: s[p.caseId[k]],
      from: p.from[k] < 0 ? null : s[p.from[k]],
      to: s[p.to[k]],
      event: s[p.event[k]],
      actor: s[p.actor[k]],
      report: s[p.report[k]],
      reportPending: (f & 1) !== 0,
      reportDecided: (f & 2) !== 0,
      undecided: (f & 4) !== 0,
      unallocated: (f & 8) !== 0,
    };
    const d = p.detail[k];
    if (d !== -2) r.detail = d < 0 ? (undefined as unknown as string) : s[d];
    // As the engine writes it (engine/trace.ts), after the detail: undefined when no work ended.
    r.workStartedAt = Number.isNaN(p.workStartedAt[k]) ? undefined : p.workStartedAt[k];
    out[k] = r;
  }
  return out;
}

/** The typed arrays of a packed trace, to hand over (not copy) with postMessage. */
export function transferables(p: PackedTrace): ArrayBuffer[] {
  return [p.t, p.seq, p.caseId, p.from, p.to, p.event, p.actor, p.report, p.detail, p.flags, p.workStartedAt].map((a) => a.buffer as ArrayBuffer);
}
