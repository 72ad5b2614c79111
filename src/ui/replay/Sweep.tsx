/**
 * Capacity sweep: one scenario field varied over a range, both processes, replicated, in the
 * replications' pool of web workers, and plotted against the value with 95% confidence
 * intervals. The same figures as `npm run sim -- sweep <scenario> --vary FIELD=FROM:TO:STEP
 * --replications R --seed N`, and the same CSV columns as its `--csv`.
 */
import { useEffect, useMemo, useRef, type FormEvent } from 'react';
import { rowsToCsv } from '../../core/export';
import { ErrorSummary } from '../ErrorSummary';
import { FIGURE_HELP, LABELS, SHARE_FIGURES, formatFigure } from '../../core/labels';
import { sweepRows } from '../../core/sweep';
import { COLOURS, LineChart, niceScale, type Series } from './chartKit';
import { downloadText } from './download';
import { formatDuration } from './format';
import { defaultPoolSize } from './store';
import { OTHER_FIELD, SWEEP_FIELDS, SWEEP_METRICS, currentValue, sweepField, sweepJson, type SweepInput, type SweepResult } from './sweepForm';
import { Help } from './Term';
import { useReplay, useStore } from './useReplay';

const INPUT_LABELS: Record<SweepInput, string> = {
  choice: 'Field to vary',
  path: 'Field path',
  from: 'From',
  to: 'To',
  step: 'Step',
  replications: 'Replications per point',
};

const ORDER: readonly SweepInput[] = ['choice', 'path', 'from', 'to', 'step', 'replications'];

export function Sweep() {
  const store = useStore();
  const sweep = useReplay((s) => s.sweep);
  const applied = useReplay((s) => s.applied);
  const running = sweep.status === 'running';
  const cancelRef = useRef<HTMLButtonElement>(null);
  const runRef = useRef<HTMLButtonElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const { form, errors } = sweep;
  const field = sweepField(form);
  const now = applied && field ? currentValue(applied.scenario, field) : undefined;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (store.startSweep()) {
      // The Run button is disabled while the sweep runs: keep focus on something that works.
      requestAnimationFrame(() => cancelRef.current?.focus());
    } else {
      requestAnimationFrame(() => summaryRef.current?.focus());
    }
  };
  const cancel = () => {
    store.cancelSweep();
    requestAnimationFrame(() => runRef.current?.focus());
  };
  // When the sweep ends with focus on Cancel (which goes with it), put focus back on Run.
  const wasRunning = useRef(running);
  useEffect(() => {
    if (wasRunning.current && !running && (document.activeElement === document.body || document.activeElement === null)) runRef.current?.focus();
    wasRunning.current = running;
  }, [running]);

  const errorList = ORDER.filter((k) => errors[k]);
  const pct = sweep.total ? Math.round((sweep.done / sweep.total) * 100) : 0;
  const input = (key: SweepInput, className = 'input-number') => ({
    id: `sweep-${key}`,
    className: `${className}${errors[key] ? ' input-error' : ''}`,
    value: form[key],
    autoComplete: 'off',
    'aria-invalid': errors[key] ? true : undefined,
    'aria-describedby': errors[key] ? `sweep-${key}-error` : undefined,
    onChange: (e: { target: { value: string } }) => store.setSweepInput(key, e.target.value),
    disabled: running,
  });
  const message = (key: SweepInput) =>
    errors[key] ? (
      <p id={`sweep-${key}-error`} className="error-message">
        <span className="visually-hidden">Error:</span> {errors[key]}
      </p>
    ) : null;

  return (
    <section className="section sweep" aria-labelledby="sweep-heading">
      <h2 id="sweep-heading">Capacity sweep: what if there were more contacts, or more staff?</h2>
      <p className="hint">
        Vary one figure of the scenario over a range and run both processes at each value, with replications, to see where each front door stops coping. It runs in the background in the same
        workers as replications ({defaultPoolSize()} at a time), with seed {applied ? String(applied.seed) : 'N'} as the first replication.
      </p>
      <ErrorSummary
        ref={summaryRef}
        titleId="sweep-error-title"
        title="There is a problem with the sweep"
        items={errorList.map((k) => ({ key: k, message: errors[k], fieldId: `sweep-${k}` }))}
      />
      <form className="sweep-form" onSubmit={onSubmit} noValidate aria-describedby="sweep-hint">
        <div className={`form-group${errors.choice || errors.path ? ' form-group-error' : ''}`}>
          <label htmlFor="sweep-choice">Field to vary</label>
          {message('choice')}
          <select {...input('choice', 'sweep-select')}>
            {SWEEP_FIELDS.map((f) => (
              <option key={f.field} value={f.field}>
                {f.label} ({f.field})
              </option>
            ))}
            <option value={OTHER_FIELD}>Another field: type its path</option>
          </select>
          {form.choice === OTHER_FIELD && (
            <div className="sweep-path">
              <label htmlFor="sweep-path">Field path, with dots between names</label>
              <p className="hint" id="sweep-path-hint">
                For example <code>nonWorkingDayFactor</code> or <code>staff.teamManager.caseload</code>
              </p>
              {message('path')}
              <input {...input('path', 'input-path')} spellCheck={false} aria-describedby={`sweep-path-hint${errors.path ? ' sweep-path-error' : ''}`} />
            </div>
          )}
          <p className="hint" id="sweep-now">
            {now !== undefined ? `In this scenario it is ${now}.` : field ? `This scenario has no number at \u201c${field}\u201d.` : '\u00a0'}
          </p>
        </div>
        <div className="sweep-range">
          {(['from', 'to', 'step', 'replications'] as const).map((k) => (
            <div key={k} className={`form-group${errors[k] ? ' form-group-error' : ''}`}>
              <label htmlFor={`sweep-${k}`}>{INPUT_LABELS[k]}</label>
              {message(k)}
              <input {...input(k)} inputMode={k === 'replications' ? 'numeric' : 'decimal'} />
            </div>
          ))}
        </div>
        <div className="bar-row">
          <button type="submit" className="button" ref={runRef} disabled={running || !applied}>
            Run sweep
          </button>
          <span id="sweep-hint" className="hint">
            Each value runs {form.replications.trim() || 'R'} replication{form.replications.trim() === '1' ? '' : 's'} of both processes.
          </span>
        </div>
      </form>
      {(running || sweep.status === 'cancelled' || sweep.status === 'error') && (
        <div className="reps-progress sweep-progress" data-sweep-status={sweep.status}>
          <label htmlFor="sweep-progress">
            {running ? `Sweep running: ${sweep.done} of ${sweep.total} runs (${pct}%)` : sweep.status === 'cancelled' ? `Sweep cancelled after ${sweep.done} of ${sweep.total} runs.` : `Sweep stopped: ${sweep.message}`}
          </label>
          <div className="bar-row">
            <progress id="sweep-progress" max={sweep.total || 1} value={sweep.done}>
              {pct}%
            </progress>
            {running && (
              <button type="button" className="button button-warning" ref={cancelRef} onClick={cancel}>
                Cancel sweep
              </button>
            )}
          </div>
        </div>
      )}
      {sweep.result && sweep.status === 'done' && <SweepResultView result={sweep.result} metric={sweep.metric} elapsedMs={sweep.elapsedMs ?? 0} />}
    </section>
  );
}

const MARKERS = { '2013': 'circle', '2015': 'square' } as const;
const DASHES = { '2013': undefined, '2015': '7 4' } as const;

function SweepResultView({ result: r, metric, elapsedMs }: { result: SweepResult; metric: string; elapsedMs: number }) {
  const store = useStore();
  const share = SHARE_FIGURES.has(metric);
  const label = LABELS[metric] ?? metric;
  const fieldLabel = SWEEP_FIELDS.find((f) => f.field === r.field)?.label ?? r.field;
  const lo = r.values[0];
  const hi = r.values[r.values.length - 1];
  const pad = hi > lo ? (hi - lo) * 0.05 : 1;
  const series: Series[] = useMemo(
    () =>
      r.processes.map((p) => ({
        key: p,
        label: `${p} process`,
        colour: COLOURS[p],
        dash: DASHES[p],
        marker: MARKERS[p],
        nudge: p === '2013' ? -5 : 5,
        points: r.points.map((pt) => [pt.value, pt.result.metrics[metric][p].mean] as const),
        whiskers: r.replications > 1 ? r.points.map((pt) => [pt.result.metrics[metric][p].low, pt.result.metrics[metric][p].high] as const) : undefined,
      })),
    [r, metric],
  );
  const xTicks = useMemo(() => {
    if (r.values.length <= 11) return r.values.map((v) => ({ at: v, label: String(v) }));
    // About eight round ticks across the range.
    const { step } = niceScale((hi - lo) / 2, false);
    const out: { at: number; label: string }[] = [];
    for (let v = Math.ceil(lo / step) * step; v <= hi + 1e-9; v += step) out.push({ at: v, label: String(Math.round(v * 1e6) / 1e6) });
    return out;
  }, [r, lo, hi]);
  const yFormat = useMemo(() => (share ? (v: number) => `${Math.round(v * 100)}%` : (v: number) => String(Math.round(v * 100) / 100)), [share]);
  const valueFormat = useMemo(() => (v: number) => formatFigure(metric, v), [metric]);
  const rowLabel = useMemo(() => (x: number) => `${x}`, []);
  const last = /^-?\d+$/.test(r.seed) ? String(Number(r.seed) + r.replications - 1) : `${r.seed}-${r.replications - 1}`;
  const cli = `npm run sim -- sweep <scenario> --vary ${r.field}=${lo}:${hi}${r.values.length > 1 ? `:${Math.round((r.values[1] - lo) * 1e9) / 1e9}` : ''} --replications ${r.replications} --seed ${r.seed}`;
  return (
    <div className="sweep-result" data-sweep-status="done" data-elapsed-ms={elapsedMs}>
      <h3 id="sweep-result-heading">
        {fieldLabel} from {lo} to {hi}: {r.scenario}
      </h3>
      <p className="hint">
        {r.values.length} value{r.values.length === 1 ? '' : 's'} &times; {r.replications} replication{r.replications === 1 ? '' : 's'} (seeds {r.seed}
        {r.replications > 1 ? ` to ${last}` : ''}) &times; 2 processes: {r.values.length * r.replications * r.processes.length} runs took {formatDuration(elapsedMs)}. The same figures as <code>{cli}</code>.
      </p>
      <div className="field-inline sweep-metric">
        <label htmlFor="sweep-metric">Figure to plot</label>
        <select id="sweep-metric" value={metric} onChange={(e) => store.setSweepMetric(e.target.value)}>
          {SWEEP_METRICS.map((k) => (
            <option key={k} value={k}>
              {LABELS[k] ?? k}
            </option>
          ))}
        </select>
        {FIGURE_HELP[metric] && <Help label={label}>{FIGURE_HELP[metric]}</Help>}
      </div>
      <div className="sweep-chart">
        <LineChart
          id={`sweep-${r.field}-${metric}`}
          title={`${label}, by ${fieldLabel.toLowerCase()}`}
          description={
            r.replications > 1
              ? `Mean over ${r.replications} replications at each value; the whiskers show the 95% confidence interval. 2013: solid line, round markers; 2015: dashed line, square markers.`
              : '2013: solid line, round markers; 2015: dashed line, square markers. With one replication there is no confidence interval.'
          }
          xLabel={`${fieldLabel} (${r.field})`}
          yLabel={share ? 'Share of contacts' : 'Number'}
          x0={lo - pad}
          x1={hi + pad}
          yMax={share ? 1 : undefined}
          yFormat={yFormat}
          valueFormat={valueFormat}
          series={series}
          xTicks={xTicks}
          rowLabel={rowLabel}
        />
      </div>
      <div className="button-row">
        <button type="button" className="button button-secondary" onClick={() => downloadText(rowsToCsv(sweepRows(r.field, r.points, r.processes)), `sweep-${r.field}.csv`, 'text/csv')}>
          Save the sweep as CSV
        </button>
        <button type="button" className="button button-secondary" onClick={() => downloadText(sweepJson(r), `sweep-${r.field}.json`, 'application/json')}>
          Save the sweep as JSON
        </button>
      </div>
    </div>
  );
}
