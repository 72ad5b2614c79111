/** The key figures over time, 2013 beside 2015, read from the two traces. */
import { useMemo } from 'react';
import { HELD_BUCKETS } from '../../core/timeline';
import { BarChart, COLOURS, LineChart, type Series } from './chartKit';
import { formatDay, formatWeekday } from './format';
import { viewsOf } from './selectors';
import { PROCESS_KEYS, type ProcessKey, type ProcessView } from './store';
import { Term } from './Term';
import { useReplay, useSideNames } from './useReplay';

const pct = (v: number) => `${Math.round(v * 100)}%`;
const count = (v: number) => String(Math.round(v * 10) / 10);
const MARKERS: Record<ProcessKey, 'circle' | 'square'> = { '2013': 'circle', '2015': 'square' };
/** The report's lines over what happened, 2013's on top: the report line is the story (issue 16). */
const REPORT_LAYER: Record<ProcessKey, number> = { '2013': 2, '2015': 1 };

export function Charts() {
  const run = useReplay((s) => s.run);
  const views = viewsOf(run);
  const names = useSideNames();
  const charts = useMemo(() => (views ? build(views, names) : null), [views, names]);
  if (!charts || !run) return null;
  return (
    <section className="section" aria-labelledby="charts-heading">
      <h2 id="charts-heading">The figures over time</h2>
      <p className="hint">
        The dotted line marks the current moment on the timeline. Solid lines: what really happened; dashed lines: what the <Term id="weekly-report">weekly report</Term> showed. Red with
        circles: 2013; blue with squares: 2015. The report&rsquo;s lines are drawn over the others.
      </p>
      <div className="chart-grid">{charts}</div>
    </section>
  );
}

function build(views: Record<ProcessKey, ProcessView | null>, names: Record<ProcessKey, string>) {
  const ready = PROCESS_KEYS.filter((p) => views[p]) as ProcessKey[];
  if (!ready.length) return null;
  const any = views[ready[0]]!.replay;
  const x0 = any.start;
  const x1 = any.end;
  const byDay = any.timelinessBy === 'day';
  const dayLabel = (x: number) => (byDay ? formatWeekday(x) : `week from ${formatDay(x, true)}`);
  const sampleLabel = (x: number) => (x === x1 ? `end (${formatDay(x)})` : `${formatWeekday(x)}, 00:00`);

  const timeliness: Series[] = ready.flatMap((p) => {
    // A bucket whose deadlines run past the period's end is incomplete: leave it out of the chart.
    const b = views[p]!.replay.timeliness.filter((q) => q.due > 0 && q.dueAfterEnd === 0);
    return [
      { key: `${p}-truth`, label: `${names[p]}: happened`, colour: COLOURS[p], marker: MARKERS[p], points: b.map((q) => [q.from, q.decidedInTime / q.due] as const) },
      { key: `${p}-report`, label: `${names[p]}: report`, colour: COLOURS[p], dash: '7 4', marker: MARKERS[p], layer: REPORT_LAYER[p], points: b.map((q) => [q.from, q.reportedInTime / q.due] as const) },
    ];
  });

  const daily = (p: ProcessKey, field: 'undecided' | 'hidden' | 'unallocated' | 'unallocatedOver48Hours' | 'stepUps' | 'stepDowns') => {
    const d = views[p]!.replay.daily;
    return d.times.map((t, i) => [t, d[field][i]] as const);
  };
  const anyHidden = (p: ProcessKey) => views[p]!.replay.daily.hidden.some((v) => v > 0);
  const waiting: Series[] = ready.flatMap((p) => [
    { key: `${p}-undecided`, label: `${names[p]}: waiting`, colour: COLOURS[p], points: daily(p, 'undecided'), step: true },
    ...(anyHidden(p) ? [{ key: `${p}-hidden`, label: `${names[p]}: hidden`, colour: COLOURS[p], dash: '2 3', points: daily(p, 'hidden'), step: true }] : []),
  ]);
  const unallocated: Series[] = ready.flatMap((p) => [
    { key: `${p}-unallocated`, label: `${names[p]}: waiting`, colour: COLOURS[p], points: daily(p, 'unallocated'), step: true },
    { key: `${p}-over48`, label: `${names[p]}: over 48 h`, colour: COLOURS[p], dash: '7 4', points: daily(p, 'unallocatedOver48Hours'), step: true },
  ]);
  const steps: Series[] = ready.flatMap((p) => [
    { key: `${p}-up`, label: `${names[p]}: step-ups`, colour: COLOURS[p], points: daily(p, 'stepUps'), step: true },
    { key: `${p}-down`, label: `${names[p]}: step-downs`, colour: COLOURS[p], dash: '7 4', points: daily(p, 'stepDowns'), step: true },
  ]);
  const groups = (values: (v: ProcessView) => number[]) =>
    ready.map((p) => ({ key: p, label: names[p], colour: COLOURS[p], pattern: p === '2015', values: values(views[p]!) }));

  return (
    <>
      <LineChart
        id="decided-within-one-working-day"
        title="Decided within one working day: what happened and what the report showed"
        description={`Share of contacts decided within one working day of receipt, by the ${byDay ? 'working day' : 'week'} their clock started (the last, whose deadlines fall after the period, is left out). In 2013 the report counted held cases as decided.`}
        xLabel={byDay ? 'Working day the clock started' : 'Week the clock started'}
        yLabel="Share decided in time"
        x0={x0}
        x1={x1}
        yMax={1}
        yFormat={pct}
        series={timeliness}
        rowLabel={dayLabel}
        cursor
      />
      <LineChart
        id="waiting-for-a-decision"
        title="Contacts waiting for a threshold decision"
        description="At each midnight: contacts with no decision yet, and (dotted) those the weekly report did not show as waiting."
        xLabel="Date"
        yLabel="Contacts"
        x0={x0}
        x1={x1}
        yFormat={count}
        series={waiting}
        rowLabel={sampleLabel}
        cursor
      />
      <BarChart
        id="how-long-held"
        title="How long contacts waited for a decision"
        description="Contacts received in the period, by working days from receipt to the threshold decision (or to the end of the period)."
        xLabel="Working days waited"
        yLabel="Contacts"
        categories={HELD_BUCKETS.map((b) => b.label)}
        groups={groups((v) => v.replay.held)}
      />
      <LineChart
        id="unallocated-referrals"
        title="Accepted referrals waiting for a named social worker"
        description="At each midnight: unallocated referrals, and (dashed) those waiting more than 48 hours. The inspectors found 25 over 48 hours in June 2013."
        xLabel="Date"
        yLabel="Referrals"
        x0={x0}
        x1={x1}
        yFormat={count}
        series={unallocated}
        rowLabel={sampleLabel}
        cursor
      />
      <BarChart
        id="outcomes-by-level"
        title="Outcomes: the first decision, by level"
        description="Contacts received in the period by the first response decided. Open cases went straight to their allocated worker."
        xLabel="First decision"
        yLabel="Contacts"
        categories={['Level 1 advice', 'Level 2 early help', 'Level 3 child in need', 'Level 4 protection', 'Open case', 'Undecided at end']}
        groups={groups((v) => {
          const s = v.replay.summary;
          return [s.outcomes.advice, s.outcomes.earlyHelp, s.outcomes.childInNeed, s.outcomes.childProtection, s.passedToAllocatedWorker, s.undecidedAtEnd];
        })}
      />
      <LineChart
        id="step-ups-and-step-downs"
        title="Step-ups and step-downs, running total"
        description="Step-ups: early help escalated to social care, or a contact about a child in early help referred. Step-downs: assessments ending in early help."
        xLabel="Date"
        yLabel="Cases since the start"
        x0={x0}
        x1={x1}
        yFormat={count}
        series={steps}
        rowLabel={sampleLabel}
        cursor
      />
    </>
  );
}
