/**
 * The story on the first screen: for each process, over the whole period, the four figures that
 * tell it (decided within one working day, what the report showed, the contacts hidden from the
 * report, referrals waiting for a social worker), each large with one sentence. The values are
 * the run's summary (the figures table further down and `npm run sim -- run --json`), read by key
 * through the core's `figureAt`; nothing here knows a state or a process rule.
 */
import type { ReactNode } from 'react';
import { DAY } from '../../core/calendar';
import { figureAt } from '../../core/run';
import { formatDay } from './format';
import { viewsOf } from './selectors';
import { PROCESS_KEYS, type ProcessKey } from './store';
import { Term } from './Term';
import { useReplay } from './useReplay';

/** A share as a large figure: whole percent, unless rounding would say 0% or 100% when it is not. */
export function headlineShare(v: number): string {
  const r = Math.round(v * 100);
  if ((r === 100 && v < 1) || (r === 0 && v > 0)) return `${(v * 100).toFixed(1)}%`;
  return `${r}%`;
}

interface HeadlineFigure {
  key: string;
  share: boolean;
  /** The sentence that follows the figure; `n` is its value, for the singular. */
  sentence: (n: number) => ReactNode;
}

const FIGURES: readonly HeadlineFigure[] = [
  { key: 'decidedWithinOneWorkingDay', share: true, sentence: () => <>of contacts really decided within one <Term id="working-day">working day</Term>.</> },
  {
    key: 'reportedWithinOneWorkingDay',
    share: true,
    sentence: () => <>is what the <Term id="weekly-report">weekly report</Term> showed.</>,
  },
  {
    key: 'hiddenFromReport',
    share: false,
    sentence: (n) => <>{n === 1 ? 'contact' : 'contacts'} waited for a decision, <Term id="hidden">hidden</Term> from the report.</>,
  },
  {
    key: 'peakUnallocatedOver48Hours',
    share: false,
    sentence: (n) => <>{n === 1 ? 'referral' : 'referrals'} waited over 48 hours for a <Term id="unallocated">social worker</Term> at the worst moment.</>,
  },
];

export function Headline() {
  const run = useReplay((s) => s.run);
  const views = viewsOf(run);
  if (!views || !run) return null;
  const ready = PROCESS_KEYS.filter((p) => views[p]) as ProcessKey[];
  if (!ready.length) return null;
  const any = views[ready[0]]!.replay;
  return (
    <section className="headline" aria-labelledby="headline-heading" data-headline-seed={String(run.seed)}>
      <h2 id="headline-heading" className="headline-heading">
        Over the whole period <span className="headline-when">({any.summary.days} days from {formatDay(any.start)}, the same {any.summary.contacts} contacts in both)</span>
      </h2>
      <div className="headline-grid">
        {ready.map((p) => {
          const s = views[p]!.replay.summary;
          return (
            <div key={p} className={`headline-process headline-${p}`}>
              <h3 className="headline-year">{p}</h3>
              <ul className="headline-figures">
                {FIGURES.map((f) => {
                  const v = figureAt(s, f.key);
                  return (
                    <li key={f.key} className="headline-figure">
                      <strong className="headline-value" data-headline={f.key} data-process={p} data-value={v === null ? 'null' : String(v)}>
                        {v === null ? '-' : f.share ? headlineShare(v) : String(v)}
                      </strong>{' '}
                      <span className="headline-sentence">{v === null ? 'not measured in this run.' : f.sentence(v)}</span>
                    </li>
                  );
                })}
              </ul>
            </div>
          );
        })}
      </div>
      {any.simStart < any.start && (
        <p className="hint warmup-note" id="warmup-note" data-warmup-days={Math.round((any.start - any.simStart) / DAY)}>
          The clock below starts on {formatDay(any.start, true)} after a {Math.round((any.start - any.simStart) / DAY)}-day <Term id="warm-up">warm-up</Term>: the cases already waiting then arrived in
          the warm-up, and the figures do not count them.
        </p>
      )}
    </section>
  );
}
