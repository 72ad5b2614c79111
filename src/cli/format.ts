/** Readable tables for the terminal. */
import { LABELS, SHARE_FIGURES } from '../core/labels';
import { COMPARED_METRICS, figureAt, type CompareResult, type RunSummary } from '../core/run';
import type { SweepPoint } from '../core/sweep';

/** Plain-English labels, shared by the run and compare tables (and the browser): src/core/labels.ts. */
export { LABELS };

const SHARES = SHARE_FIGURES;

function fmt(key: string, v: number | null | undefined): string {
  if (v === null || v === undefined || Number.isNaN(v)) return '-';
  if (SHARES.has(key)) return `${(v * 100).toFixed(1)}%`;
  return Number.isInteger(v) ? String(v) : v.toFixed(2);
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')).join('\n') + '\n';
}

export function formatRun(s: RunSummary): string {
  const head = `${s.scenario}\nprocess ${s.process}, seed ${s.seed}, ${s.days} days from ${s.start}\n\n`;
  const rows: string[][] = [['Figure', 'Value']];
  for (const key of Object.keys(LABELS)) {
    rows.push([LABELS[key], fmt(key, figureAt(s, key))]);
  }
  return head + table(rows);
}

export function formatCompare(r: CompareResult): string {
  const head = `${r.scenario}\nseed ${r.seed}, ${r.replications} replication${r.replications === 1 ? '' : 's'}; mean with 95% confidence interval\n\n`;
  const rows: string[][] = [['Figure', ...r.processes, ...(r.processes.length === 2 ? [`${r.processes[1]} - ${r.processes[0]}`] : [])]];
  for (const key of COMPARED_METRICS) {
    const cells = r.processes.map((p) => {
      const i = r.metrics[key][p];
      if (i.n === 0) return '-';
      return i.n > 1 ? `${fmt(key, i.mean)} (${fmt(key, i.low)} to ${fmt(key, i.high)})` : fmt(key, i.mean);
    });
    if (r.processes.length === 2) {
      const d = r.difference[key];
      cells.push(d.n === 0 ? '-' : d.n > 1 ? `${fmt(key, d.mean)} (${fmt(key, d.low)} to ${fmt(key, d.high)})` : fmt(key, d.mean));
    }
    rows.push([LABELS[key] ?? key, ...cells]);
  }
  return head + table(rows);
}

const SWEEP_METRICS = ['decidedWithinOneWorkingDay', 'reportedWithinOneWorkingDay', 'heldOverFiveWorkingDays', 'hiddenFromReport', 'peakUnallocatedOver48Hours'] as const;

export function formatSweep(field: string, points: SweepPoint[], processes: readonly string[]): string {
  const r0 = points[0]?.result;
  const head = `${r0?.scenario ?? ''}\nvarying ${field}; ${r0?.replications ?? 0} replications per point; mean (95% confidence interval)\n\n`;
  const rows: string[][] = [[field, 'process', ...SWEEP_METRICS.map((k) => LABELS[k] ?? k)]];
  for (const pt of points) {
    for (const p of processes) {
      rows.push([
        String(pt.value),
        p,
        ...SWEEP_METRICS.map((k) => {
          const i = pt.result.metrics[k][p];
          return i.n > 1 ? `${fmt(k, i.mean)} (${fmt(k, i.low)}-${fmt(k, i.high)})` : fmt(k, i.mean);
        }),
      ]);
    }
  }
  return head + table(rows);
}
