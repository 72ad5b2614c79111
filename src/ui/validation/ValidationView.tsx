/**
 * "Sources and validation": the validation table in the browser, so a trainer can show where
 * each figure comes from. It runs the quick form of `npm run validate` in web workers (progress
 * bar, Cancel) and shows every claim: its verdict as a badge with words, what the source says,
 * where (with a legend of the source documents), the target range and the model's mean with its
 * 95% interval drawn against the range. The judging is the core's (src/core/validation).
 */
import { useId, useSyncExternalStore, type FormEvent } from 'react';
import { QUICK_MAX_DAYS, formatMeasurement, formatTarget, formatValue, summariseResults, validationCsv, validationJson, type ClaimResult, type Measurement, type Unit, type ValidationTable } from '../../core/validation';
import { downloadText } from '../replay/download';
import { formatDuration } from '../replay/format';
import { rangeScale, scaleX } from './rangeChart';
import { SOURCE_DOCUMENTS, citedDocuments } from './sources';
import type { ValidationState, ValidationStore, VerdictFilter } from './validationStore';

const VERDICT_LABEL: Record<ClaimResult['verdict'], string> = { within: 'Within', outside: 'Outside', 'not measured': 'Not measured', 'not run': 'Not run' };
const FILTERS: { value: VerdictFilter; label: string }[] = [
  { value: 'all', label: 'All claims' },
  { value: 'outside', label: 'Outside' },
  { value: 'not measured', label: 'Not measured' },
  { value: 'within', label: 'Within' },
  { value: 'not run', label: 'Not run' },
];

const slug = (v: string) => v.replace(/\s+/g, '-');

function useValidation(store: ValidationStore): ValidationState {
  return useSyncExternalStore(store.subscribe, store.getState);
}

export function ValidationView({ store }: { store: ValidationStore }) {
  const s = useValidation(store);
  const running = s.status === 'running';
  const pct = s.total ? Math.round((s.done / s.total) * 100) : 0;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    store.start();
  };
  return (
    <div className="validation">
      <h2 id="validation-heading">Sources and validation</h2>
      <p className="lede">
        Each row is a claim from the sources that the model is held to: what the source says, where it says it, the range a run&rsquo;s figure must fall in and why, and what the model
        gives (the mean of the replications, with a 95% interval). The ranges were written from the sources before the model was calibrated, and are not moved to fit it: a claim
        outside its range is calibration work to do.
      </p>
      <SourcesLegend />

      <section className="section" aria-labelledby="validation-run-heading">
        <h3 id="validation-run-heading">Run the table</h3>
        <p className="hint" id="validation-hint">
          The quick form: only scenarios of at most {QUICK_MAX_DAYS} days run (the June 2013 month); claims on longer scenarios are listed as &ldquo;not run&rdquo;. The same table as{' '}
          <code>npm run validate -- --quick</code> with the same replications and seed. The runs happen in the background; the page stays usable.
        </p>
        <form className="bar-row validation-form" onSubmit={onSubmit} noValidate>
          <div className="field-inline">
            <label htmlFor="validation-reps">Replications</label>
            <input
              id="validation-reps"
              className={`input-number${s.repsError ? ' input-error' : ''}`}
              inputMode="numeric"
              autoComplete="off"
              value={s.repsText}
              aria-invalid={s.repsError ? true : undefined}
              aria-describedby={`validation-hint${s.repsError ? ' validation-reps-error' : ''}`}
              onChange={(e) => store.setRepsText(e.target.value)}
              disabled={running}
            />
          </div>
          <div className="field-inline">
            <label htmlFor="validation-seed">First seed</label>
            <input
              id="validation-seed"
              className={`input-seed${s.seedError ? ' input-error' : ''}`}
              autoComplete="off"
              value={s.seedText}
              placeholder="each scenario's own"
              aria-invalid={s.seedError ? true : undefined}
              aria-describedby={`validation-seed-hint${s.seedError ? ' validation-seed-error' : ''}`}
              onChange={(e) => store.setSeedText(e.target.value)}
              disabled={running}
            />
          </div>
          <button type="submit" className="button" disabled={running}>
            Run the validation
          </button>
          <button type="button" className="button button-warning" disabled={!running} onClick={() => store.cancel()}>
            Cancel
          </button>
        </form>
        <p className="hint" id="validation-seed-hint">
          Leave the seed blank to run each scenario on its own seed (as the command does); replication r runs on seed + r.
        </p>
        {s.repsError && (
          <p id="validation-reps-error" className="error-message" role="alert">
            <span className="visually-hidden">Error:</span> {s.repsError}
          </p>
        )}
        {s.seedError && (
          <p id="validation-seed-error" className="error-message" role="alert">
            <span className="visually-hidden">Error:</span> {s.seedError}
          </p>
        )}
        {(running || s.status === 'cancelled' || s.status === 'error') && (
          <div className="reps-progress" data-validation-status={s.status}>
            <label htmlFor="validation-progress">
              {running ? `Running: ${s.done} of ${s.total} runs (${pct}%)` : s.status === 'cancelled' ? `Cancelled after ${s.done} of ${s.total} runs.` : `Stopped: ${s.message}`}
            </label>
            <progress id="validation-progress" max={s.total || 1} value={s.done}>
              {pct}%
            </progress>
          </div>
        )}
        <div className="visually-hidden" role="status" aria-live="polite">
          {s.notice}
        </div>
      </section>

      {s.result && s.status === 'done' && <ValidationResult table={s.result} filter={s.filter} elapsedMs={s.elapsedMs ?? 0} onFilter={(f) => store.setFilter(f)} />}
    </div>
  );
}

function SourcesLegend() {
  return (
    <section className="section sources-legend" aria-labelledby="sources-heading">
      <h3 id="sources-heading">Where the figures come from: reading &ldquo;004 ¶38&rdquo;</h3>
      <p>
        A source such as <strong>004 ¶38</strong> is paragraph 38 of source document 004, the 2013 inspection report, which numbers its paragraphs. The other documents have
        no printed numbers: there, <strong>000 ¶9</strong> is the 9th non-empty line (headings and list items count). The documents are public reports about Kingston upon
        Thames children&rsquo;s services; the model&rsquo;s 2013 process follows 004 and 003, its 2015 process 000 and 002.
      </p>
      <dl className="sources-list">
        {SOURCE_DOCUMENTS.map((d) => (
          <div key={d.key} className="sources-entry">
            <dt>{d.key}</dt>
            <dd>
              {d.title} <span className="hint">({d.year}; {d.paragraphs})</span>
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function ValidationResult({ table, filter, elapsedMs, onFilter }: { table: ValidationTable; filter: VerdictFilter; elapsedMs: number; onFilter: (f: VerdictFilter) => void }) {
  const sum = summariseResults(table.results);
  const count: Record<VerdictFilter, number> = { all: sum.claims, within: sum.within, outside: sum.outside, 'not measured': sum.notMeasured, 'not run': sum.notRun };
  const shown = table.results.filter((r) => filter === 'all' || r.verdict === filter);
  const reps = table.settings.replications;
  const seedWords = table.settings.seed === undefined ? 'each scenario’s own seed' : `seed ${String(table.settings.seed)}`;
  const command = `npm run validate -- --quick --replications ${reps}${table.settings.seed === undefined ? '' : ` --seed ${String(table.settings.seed)}`}`;
  const fileName = `validation-quick-${reps}`;
  const name = useId();
  return (
    <section className="section validation-result" aria-labelledby="validation-result-heading" data-validation-status="done" data-replications={reps}>
      <h3 id="validation-result-heading">The validation table</h3>
      <p className="validation-summary">
        {sum.claims} claims: {sum.within} within, {sum.outside} outside, {sum.notMeasured} not measured (the model has no such figure yet), {sum.notRun} not run (quick form).
      </p>
      <p className="hint">
        {reps} replication{reps === 1 ? '' : 's'} of each scenario from {seedWords}; {table.runs} runs took {formatDuration(elapsedMs)}. The same table as <code>{command}</code>.
        {table.scenarios.map((s) => ` ${s.file}: ${s.name}, seeds from ${s.seed}.`)}
      </p>
      <fieldset className="validation-filter">
        <legend>Show</legend>
        {FILTERS.filter((f) => f.value === 'all' || count[f.value] > 0 || f.value === 'outside' || f.value === 'not measured').map((f) => (
          <label key={f.value} className="radio">
            <input type="radio" name={name} value={f.value} checked={filter === f.value} onChange={() => onFilter(f.value)} />
            {f.label} ({count[f.value]})
          </label>
        ))}
      </fieldset>
      <div className="button-row">
        <button type="button" className="button button-secondary" onClick={() => downloadText(validationCsv(table), `${fileName}.csv`, 'text/csv')}>
          Save the table as CSV
        </button>
        <button type="button" className="button button-secondary" onClick={() => downloadText(JSON.stringify(validationJson(table), null, 2) + '\n', `${fileName}.json`, 'application/json')}>
          Save the table as JSON
        </button>
      </div>
      <ChartKey />
      <p className="result-count" aria-live="polite">
        Showing {shown.length} of {sum.claims} claims
      </p>
      {shown.length === 0 ? (
        <p>No claim has this verdict.</p>
      ) : (
        <table className="table validation-table">
          <caption className="visually-hidden">Validation table: each claim&rsquo;s verdict, source, target range and the model&rsquo;s measurement</caption>
          <thead>
            <tr>
              <th scope="col">Verdict</th>
              <th scope="col">Claim</th>
              <th scope="col">Source</th>
              <th scope="col">Target</th>
              <th scope="col">Measured (95% interval)</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <ClaimRow key={r.claim.id} result={r} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function processWords(r: ClaimResult): string {
  const c = r.claim;
  const p = c.process === 'paired' ? '2015 against 2013, the same children' : c.process === 'both' ? '2013 and 2015, each judged' : c.process;
  return `${c.scenario}, process ${p}`;
}

function ClaimRow({ result: r }: { result: ClaimResult }) {
  const c = r.claim;
  const marginal = r.measurements.some((m) => m.marginal);
  return (
    <tr data-claim={c.id} data-verdict={r.verdict}>
      <td data-label="Verdict">
        <span className={`badge badge-${slug(r.verdict)}`}>{VERDICT_LABEL[r.verdict]}</span>
        {marginal && <span className="hint marginal"> marginal: the interval crosses an edge of the range</span>}
      </td>
      <td data-label="Claim" className="claim-cell">
        <p className="claim-text">{c.claim}</p>
        <p className="hint">
          <code>{c.id}</code>. Measured as: {c.measuredAs}.
        </p>
        <details className="why">
          <summary>{c.widened ? 'Why this range, and why it is widened' : 'Why this range'}</summary>
          <p>{c.why}</p>
          {c.widened && (
            <p>
              <strong>Widened:</strong> {c.widened}
            </p>
          )}
        </details>
      </td>
      <td data-label="Source">
        <span className="source-ref">{c.source}</span>
        <ul className="cited">
          {citedDocuments(c.source).map((d) => (
            <li key={d.key}>
              {d.key}: {d.title.replace(/ \(.*$/, '').replace(/:.*$/, '')}
            </li>
          ))}
        </ul>
      </td>
      <td data-label="Target">
        <strong>{formatTarget(c.target, c.unit)}</strong>
        <span className="hint target-of"> {processWords(r)}</span>
      </td>
      <td data-label="Measured" className="measured-cell">
        {r.measurements.length > 0 ? (
          <>
            <RangeChart target={c.target} measurements={r.measurements} unit={c.unit} />
            <ul className="measured-list">
              {r.measurements.map((m) => (
                <li key={m.process}>
                  {r.measurements.length > 1 || c.process === 'paired' ? `${processLabel(m.process)}: ` : ''}
                  {formatMeasurement(m, c.unit)}; {Math.round(m.withinShare * 100)}% of {m.interval.n} within
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p className="note">
            {r.verdict === 'not measured' && c.measure === null ? 'Needs: ' : 'Not run: '}
            {(r.note ?? '').replace(/^needs /, '')}
          </p>
        )}
      </td>
    </tr>
  );
}

function processLabel(p: Measurement['process']): string {
  return p === 'paired' ? '2015 minus 2013' : p;
}

const W = 260;
const LEFT = 8;
const RIGHT = W - 10;
const ROW = 22;

/** The target range as a band and each measurement's interval and mean, on one scale; numbers at least 11 px. */
function RangeChart({ target, measurements, unit }: { target: readonly [number, number]; measurements: readonly Measurement[]; unit: Unit }) {
  const scale = rangeScale(target, measurements, unit);
  const labelled = measurements.length > 1;
  const left = labelled ? 46 : LEFT;
  const x = scaleX(scale, left, RIGHT);
  const top = 6;
  const bottom = top + measurements.length * ROW;
  const H = bottom + 18;
  const label = `Target ${formatTarget(target, unit)}. ${measurements.map((m) => `${processLabel(m.process)}: mean ${formatValue(m.interval.mean, unit)}, 95% interval ${formatValue(m.interval.low, unit)} to ${formatValue(m.interval.high, unit)}`).join('. ')}.`;
  const bandLow = x(Math.max(target[0], scale.min));
  const bandHigh = x(Math.min(target[1], scale.max));
  return (
    <svg className="range-chart" width={W} height={H} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label} fontFamily="system-ui, Arial, sans-serif">
      <rect x={bandLow} y={top - 3} width={Math.max(2, bandHigh - bandLow)} height={bottom - top + 6} fill="#cce2d8" />
      {!scale.openLow && target[0] >= scale.min && <line x1={bandLow} x2={bandLow} y1={top - 3} y2={bottom + 3} stroke="#00703c" strokeWidth="2" />}
      {!scale.openHigh && target[1] <= scale.max && <line x1={bandHigh} x2={bandHigh} y1={top - 3} y2={bottom + 3} stroke="#00703c" strokeWidth="2" />}
      {scale.openLow && <path d={`M${left + 6},${(top + bottom) / 2 - 5} l-6,5 l6,5`} fill="none" stroke="#00703c" strokeWidth="2" />}
      {scale.openHigh && <path d={`M${RIGHT - 6},${(top + bottom) / 2 - 5} l6,5 l-6,5`} fill="none" stroke="#00703c" strokeWidth="2" />}
      {measurements.map((m, i) => {
        const y = top + i * ROW + ROW / 2;
        const outside = m.verdict === 'outside';
        return (
          <g key={m.process}>
            {labelled && (
              <text x={4} y={y + 4} fontSize="11" fill="#0b0c0c">
                {m.process === 'paired' ? 'diff.' : m.process}
              </text>
            )}
            <line x1={x(m.interval.low)} x2={x(m.interval.high)} y1={y} y2={y} stroke="#0b0c0c" strokeWidth="2" />
            <line x1={x(m.interval.low)} x2={x(m.interval.low)} y1={y - 5} y2={y + 5} stroke="#0b0c0c" strokeWidth="2" />
            <line x1={x(m.interval.high)} x2={x(m.interval.high)} y1={y - 5} y2={y + 5} stroke="#0b0c0c" strokeWidth="2" />
            {outside ? (
              <rect x={x(m.interval.mean) - 5} y={y - 5} width="10" height="10" fill="#d4351c" stroke="#0b0c0c" strokeWidth="1.5" transform={`rotate(45 ${x(m.interval.mean)} ${y})`} />
            ) : (
              <circle cx={x(m.interval.mean)} cy={y} r="5" fill="#0b0c0c" stroke="#fff" strokeWidth="1.5" />
            )}
          </g>
        );
      })}
      <line x1={left} x2={RIGHT} y1={bottom + 3} y2={bottom + 3} stroke="#505a5f" />
      <text x={left} y={H - 2} fontSize="11" fill="#505a5f">
        {formatValue(scale.min, unit)}
      </text>
      <text x={RIGHT} y={H - 2} fontSize="11" fill="#505a5f" textAnchor="end">
        {formatValue(scale.max, unit)}
      </text>
    </svg>
  );
}

/** What the range charts' marks mean. */
function ChartKey() {
  return (
    <div className="chart-key">
      <span className="chart-key-item">
        <svg width="28" height="14" aria-hidden="true">
          <rect x="0" y="0" width="28" height="14" fill="#cce2d8" />
          <line x1="1" x2="1" y1="0" y2="14" stroke="#00703c" strokeWidth="2" />
          <line x1="27" x2="27" y1="0" y2="14" stroke="#00703c" strokeWidth="2" />
        </svg>
        target range (an arrow: open on that side)
      </span>
      <span className="chart-key-item">
        <svg width="34" height="14" aria-hidden="true">
          <line x1="2" x2="32" y1="7" y2="7" stroke="#0b0c0c" strokeWidth="2" />
          <line x1="2" x2="2" y1="2" y2="12" stroke="#0b0c0c" strokeWidth="2" />
          <line x1="32" x2="32" y1="2" y2="12" stroke="#0b0c0c" strokeWidth="2" />
          <circle cx="17" cy="7" r="5" fill="#0b0c0c" stroke="#fff" strokeWidth="1.5" />
        </svg>
        the model&rsquo;s mean (dot) and 95% interval
      </span>
      <span className="chart-key-item">
        <svg width="16" height="14" aria-hidden="true">
          <rect x="3" y="2" width="10" height="10" fill="#d4351c" stroke="#0b0c0c" strokeWidth="1.5" transform="rotate(45 8 7)" />
        </svg>
        a mean outside its range
      </span>
    </div>
  );
}
