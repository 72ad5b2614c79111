/** Readable tables for the terminal. */
import { COMPARED_METRICS, type CompareResult, type RunSummary } from '../core/run';

/** Plain-English labels, shared by the run and compare tables. */
export const LABELS: Record<string, string> = {
  contacts: 'Contacts received',
  'outcomes.advice': 'Decided: advice or signposting (level 1)',
  'outcomes.earlyHelp': 'Decided: early help (level 2)',
  'outcomes.childInNeed': 'Decided: child-in-need referral (level 3)',
  'outcomes.childProtection': 'Decided: child protection (level 4)',
  passedToAllocatedWorker: 'Passed to an allocated worker (open case)',
  undecidedAtEnd: 'Still undecided when the run ended',
  decidedWithinOneWorkingDay: 'Decided within one working day (what happened)',
  reportedWithinOneWorkingDay: 'Decided within one working day (what the report showed)',
  heldOverFiveWorkingDays: 'Held over 5 working days without a decision',
  maxHeldWorkingDays: 'Longest wait for a decision (working days)',
  meanHeldWorkingDays: 'Mean wait for a decision (working days)',
  hiddenFromReport: 'Undecided cases the report did not show as pending',
  peakUnallocatedOver48Hours: 'Referrals unallocated over 48 hours, at the worst moment',
  stepUps: 'Step-ups (early help to social care)',
  stepDowns: 'Step-downs (social care to early help)',
  repeatContacts: 'Repeat contacts about the same child',
  reReferrals: 'Re-referrals',
  level4Contacts: 'Contacts whose true level was 4',
  medianHoursToStrategyDiscussion: 'Median working hours to strategy discussion (level 4)',
  maxHoursToStrategyDiscussion: 'Longest working hours to strategy discussion (level 4)',
  strategyDiscussionWithinOneWorkingDay: 'Level-4 strategy discussions within one working day',
  underThresholded: 'Decisions below the true level',
  overThresholded: 'Decisions above the true level',
};

const SHARES = new Set(['decidedWithinOneWorkingDay', 'reportedWithinOneWorkingDay', 'strategyDiscussionWithinOneWorkingDay']);

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
    const v = key.startsWith('outcomes.') ? s.outcomes[key.slice(9) as keyof RunSummary['outcomes']] : (s as unknown as Record<string, number | null>)[key];
    rows.push([LABELS[key], fmt(key, v)]);
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
