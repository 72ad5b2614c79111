/**
 * Save what the page shows: each process's trace (the same columns as `npm run sim -- trace`)
 * and the figures (the same numbers as `npm run sim -- run --json`). Charts save themselves.
 */
import { rowsToCsv, traceToCsv, traceToJsonl } from '../../core/export';
import { downloadText } from './download';
import { viewsOf } from './selectors';
import { PROCESS_KEYS } from './store';
import { Term } from './Term';
import { useReplay, useSideNames } from './useReplay';

function slug(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

export function Exports() {
  const run = useReplay((s) => s.run);
  const names = useSideNames();
  const views = viewsOf(run);
  if (!views || !run) return null;
  const ready = PROCESS_KEYS.filter((p) => views[p]);
  const base = `${slug(run.scenario.name)}-seed-${slug(String(run.seed))}`;
  const summaries = ready.map((p) => views[p]!.replay.summary);
  return (
    <section className="section" aria-labelledby="exports-heading">
      <h2 id="exports-heading">Save the trace and the figures</h2>
      <p className="hint">
        The <Term id="trace">trace</Term> has one row per change of state: time, case, from, to, event, who acted and what the report recorded. Each chart above has its own buttons to save it as
        SVG or PNG.
      </p>
      <ul className="export-list">
        {ready.map((p) => (
          <li key={p}>
            <span className="export-what">Trace, {names[p]} process ({views[p]!.replay.trace.length.toLocaleString('en-GB')} rows):</span>{' '}
            <button type="button" className="link-button" onClick={() => downloadText(traceToCsv(views[p]!.replay.trace), `${base}-trace-${p}.csv`, 'text/csv')}>
              CSV<span className="visually-hidden"> trace for {names[p]}</span>
            </button>{' '}
            <button type="button" className="link-button" onClick={() => downloadText(traceToJsonl(views[p]!.replay.trace), `${base}-trace-${p}.jsonl`, 'application/x-ndjson')}>
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
