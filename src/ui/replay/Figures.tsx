/**
 * The run's figures side by side: exactly `runScenario(...).summary`, the numbers the command
 * line prints with `npm run sim -- run <scenario> --json --process 2013|2015 --seed N`. Each cell
 * carries the exact value in data-value so a test can compare it with the command line.
 */
import { FIGURE_HELP, LABELS, SHARE_FIGURES, formatFigure } from '../../core/labels';
import { figureAt, type RunSummary } from '../../core/run';
import { Help } from './Term';
import { viewsOf } from './selectors';
import { PROCESS_KEYS } from './store';
import { useReplay, useSideNames } from './useReplay';

export function figureValue(s: RunSummary, key: string): number | null {
  return figureAt(s, key);
}

/** Figures where a lower number is better, for the plain-English difference. */
const KEY_FIGURES = new Set(['decidedWithinOneWorkingDay', 'reportedWithinOneWorkingDay', 'heldOverFiveWorkingDays', 'maxHeldWorkingDays', 'hiddenFromReport', 'peakUnallocatedOver48Hours']);

export function Figures() {
  const run = useReplay((s) => s.run);
  const names = useSideNames();
  const views = viewsOf(run);
  if (!views || !run) return null;
  const summaries = PROCESS_KEYS.map((p) => views[p]?.replay.summary ?? null);
  const first = summaries.find((s) => s);
  return (
    <section className="section" aria-labelledby="figures-heading">
      <h2 id="figures-heading">Figures for the whole period</h2>
      {first && (
        <p className="hint">
          {first.scenario}, seed {first.seed}: {first.days} days from {first.start}. The same figures as the command line&rsquo;s{' '}
          <code>npm run sim -- run &lt;scenario&gt; --json --process 2013 --seed {first.seed}</code> (and <code>--process 2015</code>).
        </p>
      )}
      {/* A lab variant's long name in the headings can make it wider than a small phone: it scrolls in its own box (focusable, so the keyboard can scroll it). */}
      <div className="table-box" role="region" aria-label="Figures table" tabIndex={0}>
      <table className="table figures-table" data-figures-seed={first?.seed}>
        <caption className="visually-hidden">Figures for the 2013 and the 2015 process, same children, same seed</caption>
        <thead>
          <tr>
            <th scope="col">Figure</th>
            {PROCESS_KEYS.map((p) => (
              <th scope="col" key={p} className="num">
                {names[p]}
              </th>
            ))}
            <th scope="col" className="num">
              {names['2015']} minus {names['2013']}
            </th>
          </tr>
        </thead>
        <tbody>
          {Object.keys(LABELS).map((key) => {
            const vals = summaries.map((s) => (s ? figureValue(s, key) : null));
            const diff = vals[0] !== null && vals[1] !== null ? Math.round((vals[1]! - vals[0]!) * 1e6) / 1e6 : null;
            return (
              <tr key={key} className={KEY_FIGURES.has(key) ? 'key-figure' : undefined}>
                <th scope="row">
                  {LABELS[key]} {FIGURE_HELP[key] && <Help label={LABELS[key]}>{FIGURE_HELP[key]}</Help>}
                </th>
                {PROCESS_KEYS.map((p, i) => (
                  <td key={p} className="num" data-figure={key} data-process={p} data-value={vals[i] === null ? 'null' : String(vals[i])}>
                    {formatFigure(key, vals[i])}
                  </td>
                ))}
                <td className="num">{formatDiff(key, diff)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      </div>
    </section>
  );
}

/** A difference: shares in percentage points, counts as they are. */
export function formatDiff(key: string, diff: number | null): string {
  if (diff === null) return '-';
  const sign = diff > 0 ? '+' : '';
  if (SHARE_FIGURES.has(key)) return `${sign}${(diff * 100).toFixed(1)} points`;
  return sign + formatFigure(key, diff);
}
