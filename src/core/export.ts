/** Trace and figures as CSV and JSON Lines: the same columns for the CLI and the browser. */
import { formatLondon } from './calendar';
import type { TraceRecord } from './engine';
import { COMPARED_METRICS, type CompareResult } from './run';

export const TRACE_COLUMNS = ['seq', 'time', 'caseId', 'from', 'to', 'event', 'actor', 'report', 'reportPending', 'reportDecided', 'undecided', 'unallocated', 'detail'] as const;

/**
 * One CSV cell. A text cell that begins with = + - @, a tab or a carriage return would be run as a
 * formula by a spreadsheet (a learner named =HYPERLINK(...)): it gets a leading apostrophe, which
 * spreadsheets take as "this is text" and do not show, and is quoted (OWASP, CSV injection).
 * Numbers are never changed, so -3 stays a number.
 */
export function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  let s = String(v);
  const text = typeof v !== 'number' && typeof v !== 'boolean';
  if (text && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) || (text && s.startsWith("'")) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function traceRow(r: TraceRecord): (string | number | boolean | null)[] {
  return [r.seq, formatLondon(r.t), r.caseId, r.from, r.to, r.event, r.actor, r.report, r.reportPending, r.reportDecided, r.undecided, r.unallocated, r.detail ?? null];
}

export function traceToCsv(trace: readonly TraceRecord[]): string {
  const lines = [TRACE_COLUMNS.join(',')];
  for (const r of trace) lines.push(traceRow(r).map(csvCell).join(','));
  return lines.join('\n') + '\n';
}

export function traceToJsonl(trace: readonly TraceRecord[]): string {
  let out = '';
  for (const r of trace) out += JSON.stringify({ ...r, time: formatLondon(r.t) }) + '\n';
  return out;
}

/** Rows of objects to CSV; nested objects are flattened with dots (outcomes.advice). */
export function rowsToCsv(rows: readonly Record<string, unknown>[]): string {
  const flat = rows.map((r) => flatten(r));
  const cols: string[] = [];
  for (const r of flat) for (const k of Object.keys(r)) if (!cols.includes(k)) cols.push(k);
  return [cols.join(','), ...flat.map((r) => cols.map((c) => csvCell(r[c])).join(','))].join('\n') + '\n';
}

function flatten(o: Record<string, unknown>, prefix = ''): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) {
    if (v && typeof v === 'object' && !Array.isArray(v)) Object.assign(out, flatten(v as Record<string, unknown>, `${prefix}${k}.`));
    else out[`${prefix}${k}`] = v;
  }
  return out;
}

/** A comparison as CSV: one row per figure and process (`compare --csv`, and the browser's save). */
export function compareCsv(r: CompareResult): string {
  const rows: Record<string, unknown>[] = [];
  for (const key of COMPARED_METRICS) {
    for (const p of r.processes) {
      const i = r.metrics[key][p];
      rows.push({ metric: key, process: p, mean: i.mean, low95: i.low, high95: i.high, replications: i.n });
    }
  }
  return rowsToCsv(rows);
}
