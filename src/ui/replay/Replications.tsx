/**
 * Replications: the same comparison repeated over seeds seed, seed+1, ... in web workers, with
 * a progress bar and a cancel button, and the result as means with 95% confidence intervals,
 * exactly as `npm run sim -- compare <scenario> --replications R --seed N` computes them.
 */
import type { FormEvent } from 'react';
import { FIGURE_HELP, LABELS, SHARE_FIGURES, formatFigure } from '../../core/labels';
import { COMPARED_METRICS, type CompareResult } from '../../core/run';
import type { Interval } from '../../core/stats';
import { COLOURS } from './chartKit';
import { downloadText } from './download';
import { formatDuration } from './format';
import { compareCsv } from '../../core/export';
import { PROCESS_KEYS, defaultPoolSize } from './store';
import { Help, Term } from './Term';
import { useReplay, useStore } from './useReplay';

function fmtInterval(key: string, i: Interval | undefined): string {
  if (!i || i.n === 0 || Number.isNaN(i.mean)) return '-';
  if (i.n === 1) return formatFigure(key, i.mean);
  return `${formatFigure(key, i.mean)} (${formatFigure(key, i.low)} to ${formatFigure(key, i.high)})`;
}

function fmtDiff(key: string, i: Interval | undefined): string {
  if (!i || i.n === 0 || Number.isNaN(i.mean)) return '-';
  const f = (v: number) => (SHARE_FIGURES.has(key) ? `${(v * 100).toFixed(1)}` : formatFigure(key, v));
  const unit = SHARE_FIGURES.has(key) ? ' points' : '';
  const sign = i.mean > 0 ? '+' : '';
  return i.n === 1 ? `${sign}${f(i.mean)}${unit}` : `${sign}${f(i.mean)}${unit} (${f(i.low)} to ${f(i.high)})`;
}

export function Replications() {
  const store = useStore();
  const reps = useReplay((s) => s.reps);
  const applied = useReplay((s) => s.applied);
  const running = reps.status === 'running';
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    store.startReps();
  };
  const pct = reps.total ? Math.round((reps.done / reps.total) * 100) : 0;
  return (
    <section className="section" aria-labelledby="reps-heading">
      <h2 id="reps-heading">Replications: how sure is the difference?</h2>
      <p className="hint">
        One run is one possible month or year. <Term id="replication">Replications</Term> run the same children through both processes again with seeds {applied ? String(applied.seed) : 'N'},{' '}
        {applied ? `${String(applied.seed)}+1` : 'N+1'} and so on, and give each figure&rsquo;s average with a <Term id="confidence-interval">95% confidence interval</Term>. They run in the
        background ({defaultPoolSize()} at a time); the page stays usable.
      </p>
      <form className="bar-row" onSubmit={onSubmit} noValidate>
        <div className="field-inline">
          <label htmlFor="reps-count">Replications</label>
          <input
            id="reps-count"
            className={`input-number${reps.error ? ' input-error' : ''}`}
            inputMode="numeric"
            value={reps.countText}
            autoComplete="off"
            aria-invalid={reps.error ? true : undefined}
            aria-describedby={`reps-hint${reps.error ? ' reps-error' : ''}`}
            onChange={(e) => store.setRepsText(e.target.value)}
            disabled={running}
          />
        </div>
        <button type="submit" className="button" disabled={running || !applied}>
          Run replications
        </button>
        <button type="button" className="button button-warning" disabled={!running} onClick={() => store.cancelReps()}>
          Cancel
        </button>
        <span id="reps-hint" className="hint">
          {applied && applied.scenario.days + applied.scenario.warmUpDays > 200
            ? 'A long scenario, so fewer replications are suggested (a year takes several times as long as a month).'
            : 'A month takes well under a second a replication.'}
        </span>
      </form>
      {reps.error && (
        <p id="reps-error" className="error-message" role="alert">
          <span className="visually-hidden">Error:</span> {reps.error}
        </p>
      )}
      {(running || reps.status === 'cancelled' || reps.status === 'error') && (
        <div className="reps-progress" data-reps-status={reps.status}>
          <label htmlFor="reps-progress">
            {running ? `Running: ${reps.done} of ${reps.total} runs (${pct}%)` : reps.status === 'cancelled' ? `Cancelled after ${reps.done} of ${reps.total} runs.` : `Stopped: ${reps.message}`}
          </label>
          <progress id="reps-progress" max={reps.total || 1} value={reps.done}>
            {pct}%
          </progress>
        </div>
      )}
      {reps.result && reps.status === 'done' && <RepsResult result={reps.result} label={reps.label} elapsedMs={reps.elapsedMs ?? 0} />}
    </section>
  );
}

function RepsResult({ result: r, label, elapsedMs }: { result: CompareResult; label: string; elapsedMs: number }) {
  const last = /^-?\d+$/.test(r.seed) ? String(Number(r.seed) + r.replications - 1) : `${r.seed}-${r.replications - 1}`;
  return (
    <div className="reps-result" data-reps-status="done" data-elapsed-ms={elapsedMs} data-replications={r.replications}>
      <h3>
        {r.replications} replications of {label}
      </h3>
      <p className="hint">
        Seeds {r.seed} to {last}; {r.replications * r.processes.length} runs took {formatDuration(elapsedMs)}. Mean, and in brackets the 95% confidence interval. The same figures as{' '}
        <code>
          npm run sim -- compare &lt;scenario&gt; --replications {r.replications} --seed {r.seed}
        </code>
        .
      </p>
      <IntervalPlot result={r} />
      <table className="table reps-table">
        <caption className="visually-hidden">Replications: mean and 95% confidence interval for each figure</caption>
        <thead>
          <tr>
            <th scope="col">Figure</th>
            {r.processes.map((p) => (
              <th scope="col" key={p} className="num">
                {p}
              </th>
            ))}
            <th scope="col" className="num">
              2015 minus 2013
            </th>
          </tr>
        </thead>
        <tbody>
          {COMPARED_METRICS.map((key) => (
            <tr key={key}>
              <th scope="row">
                {LABELS[key] ?? key} {FIGURE_HELP[key] && <Help label={LABELS[key] ?? key}>{FIGURE_HELP[key]}</Help>}
              </th>
              {r.processes.map((p) => (
                <td key={p} className="num" data-rep-figure={key} data-process={p} data-mean={r.metrics[key][p].mean}>
                  {fmtInterval(key, r.metrics[key][p])}
                </td>
              ))}
              <td className="num">{fmtDiff(key, r.difference[key])}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="button-row">
        <button type="button" className="button button-secondary" onClick={() => downloadText(compareCsv(r), 'replications.csv', 'text/csv')}>
          Save as CSV
        </button>
        <button type="button" className="button button-secondary" onClick={() => downloadText(JSON.stringify(r, null, 2) + '\n', 'replications.json', 'application/json')}>
          Save as JSON
        </button>
      </div>
    </div>
  );
}

/** The two timeliness shares with their intervals, as bars on a 0-100% scale. */
function IntervalPlot({ result: r }: { result: CompareResult }) {
  const rows = PROCESS_KEYS.flatMap((p) => [
    { key: 'decidedWithinOneWorkingDay', p, label: `${p}: what happened` },
    { key: 'reportedWithinOneWorkingDay', p, label: `${p}: what the report showed` },
  ]);
  const W = 600;
  const left = 190;
  const right = 70;
  const rowH = 26;
  const H = 34 + rows.length * rowH;
  const sx = (v: number) => left + v * (W - left - right);
  return (
    <figure className="chart interval-plot">
      <figcaption className="chart-title">Decided within one working day, with 95% confidence intervals</figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label="Decided within one working day, with 95% confidence intervals; the numbers are in the table below" fontFamily="Arial, sans-serif">
        {[0, 0.25, 0.5, 0.75, 1].map((v) => (
          <g key={v}>
            <line x1={sx(v)} x2={sx(v)} y1={8} y2={H - 22} stroke="#dcdcdc" />
            <text x={sx(v)} y={H - 8} fontSize="11" textAnchor="middle" fill="#0b0c0c">
              {Math.round(v * 100)}%
            </text>
          </g>
        ))}
        {rows.map((row, i) => {
          const iv = r.metrics[row.key][row.p];
          const y = 14 + i * rowH;
          const dashed = row.key.startsWith('reported');
          return (
            <g key={`${row.p}${row.key}`}>
              <text x={left - 8} y={y + 9} fontSize="12" textAnchor="end" fill="#0b0c0c">
                {row.label}
              </text>
              <line x1={sx(iv.low)} x2={sx(iv.high)} y1={y + 5} y2={y + 5} stroke={COLOURS[row.p]} strokeWidth="3" strokeDasharray={dashed ? '5 3' : undefined} />
              <line x1={sx(iv.low)} x2={sx(iv.low)} y1={y} y2={y + 10} stroke={COLOURS[row.p]} strokeWidth="2" />
              <line x1={sx(iv.high)} x2={sx(iv.high)} y1={y} y2={y + 10} stroke={COLOURS[row.p]} strokeWidth="2" />
              {row.p === '2013' ? <circle cx={sx(iv.mean)} cy={y + 5} r="5" fill={COLOURS[row.p]} /> : <rect x={sx(iv.mean) - 5} y={y} width="10" height="10" fill="#ffffff" stroke={COLOURS[row.p]} strokeWidth="2" />}
              <text x={W - right + 8} y={y + 9} fontSize="12" fill="#0b0c0c">
                {(iv.mean * 100).toFixed(1)}%
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
