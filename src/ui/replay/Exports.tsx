/**
 * Save what the page shows: each process's trace (the same columns as `npm run sim -- trace`)
 * and the figures (the same numbers as `npm run sim -- run --json`). Charts save themselves.
 * The traces include the warm-up unless the reader leaves it out; the figures never count it.
 */
import { useState } from 'react';
import type { TraceRecord } from '../../core/engine';
import { rowsToCsv, traceToCsv, traceToJsonl } from '../../core/export';
import { downloadText } from './download';
import { formatDay } from './format';
import { viewsOf } from './selectors';
import { PROCESS_KEYS } from './store';
import { Term } from './Term';
import { useReplay, useSideNames } from './useReplay';

function slug(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/** The rows of a trace from `start` on: the warm-up left out. */
export function withoutWarmUp(trace: readonly TraceRecord[], start: number): TraceRecord[] {
  return trace.filter((r) => r.t >= start);
}

export function Exports() {
  const run = useReplay((s) => s.run);
  const names = useSideNames();
  const views = viewsOf(run);
  const [leaveOut, setLeaveOut] = useState(false);
  if (!views || !run) return null;
  const ready = PROCESS_KEYS.filter((p) => views[p]);
  const base = `${slug(run.scenario.name)}-seed-${slug(String(run.seed))}`;
  const summaries = ready.map((p) => views[p]!.replay.summary);
  const first = ready.length ? views[ready[0]]!.replay : null;
  const hasWarmUp = first !== null && first.simStart < first.start;
  const cut = hasWarmUp && leaveOut;
  const traceOf = (p: (typeof ready)[number]) => (cut ? withoutWarmUp(views[p]!.replay.trace, views[p]!.replay.start) : views[p]!.replay.trace);
  const suffix = cut ? '-no-warm-up' : '';
  return (
    <section className="section" aria-labelledby="exports-heading">
      <h2 id="exports-heading">Save the trace and the figures</h2>
      <p className="hint">
        The <Term id="trace">trace</Term> has one row per change of state: time, case, from, to, event, who acted and what the report recorded. Each chart above has its own buttons to save it as
        SVG or PNG.
      </p>
      {hasWarmUp && first && (
        <div className="warmup-export">
          <p className="hint" data-warmup-export={cut ? 'left-out' : 'included'}>
            {cut
              ? `The traces leave out the warm-up: they start at the period’s start, ${formatDay(first.start, true)} (cases that arrived in the warm-up appear from there on).`
              : `The traces include the ${Math.round((first.start - first.simStart) / 86_400_000)}-day warm-up: they start on ${formatDay(first.simStart, true)}, before the period starts on ${formatDay(first.start, true)}.`}{' '}
            The figures never count the warm-up&rsquo;s contacts.
          </p>
          <div className="warmup-check">
            <input type="checkbox" id="export-leave-out-warm-up" checked={leaveOut} onChange={(e) => setLeaveOut(e.target.checked)} />
            <label htmlFor="export-leave-out-warm-up">Leave the warm-up out of the traces</label>
          </div>
        </div>
      )}
      <ul className="export-list">
        {ready.map((p) => (
          <li key={p}>
            <span className="export-what">
              Trace, {names[p]} process ({traceOf(p).length.toLocaleString('en-GB')} rows{hasWarmUp ? (cut ? ', warm-up left out' : ', warm-up included') : ''}):
            </span>{' '}
            <button type="button" className="link-button" onClick={() => downloadText(traceToCsv(traceOf(p)), `${base}-trace-${p}${suffix}.csv`, 'text/csv')}>
              CSV<span className="visually-hidden"> trace for {names[p]}</span>
            </button>{' '}
            <button type="button" className="link-button" onClick={() => downloadText(traceToJsonl(traceOf(p)), `${base}-trace-${p}${suffix}.jsonl`, 'application/x-ndjson')}>
              JSON Lines<span className="visually-hidden"> trace for {names[p]}</span>
            </button>
          </li>
        ))}
        <li>
          <span className="export-what">Figures for both processes:</span>{' '}
          <button type="button" className="link-button" onClick={() => downloadText(rowsToCsv(summaries as unknown as Record<string, unknown>[]), `${base}-figures.csv`, 'text/csv')}>
            CSV<span className="visually-hidden"> figures</span>
          </button>{' '}
          <button type="button" className="link-button" onClick={() => downloadText(JSON.stringify(summaries, null, 2) + '\n', `${base}-figures.json`, 'application/json')}>
            JSON<span className="visually-hidden"> figures</span>
          </button>
        </li>
      </ul>
    </section>
  );
}
