/**
 * The simulated clock both panes share: play, pause, speed, step to the next or previous event,
 * a day at a time, and a timeline of the period's days to scrub (working days white, weekends and
 * bank holidays shaded and labelled in the key).
 */
import { memo, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { DAY, HOUR, addLocalDays, isOpen, nextOpening, startOfLocalDay, toLondon, type Instant } from '../../core/calendar';
import { workingDayStarts } from '../../core/timeline';
import { closedReason, formatClock, formatDay, formatShort, formatWeekday } from './format';
import { SPEEDS, isSpeed } from './permalink';
import { Term } from './Term';
import { useMeasure } from '../useMeasure';
import { useReplay, useStore } from './useReplay';

export function Controls() {
  const store = useStore();
  const status = useReplay((s) => s.run?.status ?? 'running');
  const start = useReplay((s) => s.run?.start ?? 0);
  const end = useReplay((s) => s.run?.end ?? 0);
  const t = useReplay((s) => s.t);
  const playing = useReplay((s) => s.playing);
  const speed = useReplay((s) => s.speed);
  const notice = useReplay((s) => s.notice);
  // On a phone the clock is one line (play, the time, this toggle); the rest opens on demand.
  const [open, setOpen] = useState(false);
  const ready = status === 'ready';
  const workingDays = useMemo(() => (ready ? workingDayStarts(start, end) : []), [ready, start, end]);
  const dayIndex = workingDays.findIndex((d) => t >= d && t < addLocalDays(d, 1));
  const closed = ready ? closedReason(t) : null;
  const where = !ready
    ? ''
    : closed
      ? `${closed === 'weekend' ? 'Weekend' : 'Bank holiday'}: the SPA is closed and EDT covers`
      : `Working day ${dayIndex + 1} of ${workingDays.length}${isOpen(t) ? ', the SPA is open' : ', out of hours (EDT covers)'}`;

  const nextDay = () => store.setT(nextOpening(addLocalDays(startOfLocalDay(t), 1)) + HOUR);
  const prevDay = () => {
    let d = addLocalDays(startOfLocalDay(t), -1);
    for (let i = 0; i < 10 && closedReason(d + 12 * HOUR); i++) d = addLocalDays(d, -1);
    store.setT(Math.max(start, nextOpening(d) + HOUR));
  };

  const onSliderKey = (e: KeyboardEvent<HTMLInputElement>) => {
    const moves: Record<string, () => void> = {
      ArrowRight: () => store.setT(t + HOUR),
      ArrowUp: () => store.setT(t + HOUR),
      ArrowLeft: () => store.setT(t - HOUR),
      ArrowDown: () => store.setT(t - HOUR),
      PageUp: nextDay,
      PageDown: prevDay,
      Home: () => store.setT(start),
      End: () => store.setT(end),
    };
    const move = moves[e.key];
    if (move) {
      e.preventDefault();
      store.pause();
      move();
    }
  };

  return (
    <section className="controls" id="clock-controls" aria-labelledby="controls-heading" data-open={open ? 'true' : 'false'}>
      <h2 id="controls-heading" className="visually-hidden">
        Simulated clock
      </h2>
      <div className="controls-row">
        <button type="button" className="button play-button" onClick={() => store.togglePlay()} disabled={!ready} aria-describedby="clock-now">
          {playing ? (
            <>
              <svg className="icon" viewBox="0 0 10 10" aria-hidden="true" focusable="false">
                <rect x="1" y="0.5" width="3" height="9" fill="currentColor" />
                <rect x="6" y="0.5" width="3" height="9" fill="currentColor" />
              </svg>
              Pause
            </>
          ) : (
            <>
              <svg className="icon" viewBox="0 0 10 10" aria-hidden="true" focusable="false">
                <path d="M1.5 0.5 L9.5 5 L1.5 9.5 z" fill="currentColor" />
              </svg>
              Play
            </>
          )}
        </button>
        <button type="button" className="button button-secondary controls-toggle" aria-expanded={open} aria-controls="clock-controls" onClick={() => setOpen(!open)}>
          {open ? 'Fewer' : 'More'}
          <span className="visually-hidden"> controls of the clock</span>
        </button>
        <button type="button" className="button button-secondary" onClick={() => store.stepBack()} disabled={!ready || t <= start}>
          Previous event
        </button>
        <button type="button" className="button button-secondary" onClick={() => store.stepForward()} disabled={!ready || t >= end}>
          Next event
        </button>
        <button type="button" className="button button-secondary" onClick={() => { store.pause(); prevDay(); }} disabled={!ready || t <= start}>
          Previous day
        </button>
        <button type="button" className="button button-secondary" onClick={() => { store.pause(); nextDay(); }} disabled={!ready || t >= end}>
          Next day
        </button>
        <div className="field-inline">
          <label htmlFor="speed-select">Speed</label>
          <select id="speed-select" value={speed} onChange={(e) => isSpeed(e.target.value) && store.setSpeed(e.target.value)}>
            {SPEEDS.map((s) => (
              <option key={s.key} value={s.key}>
                {s.label}
              </option>
            ))}
          </select>
        </div>
        <CopyLink />
      </div>
      <div className="clock-row">
        <p className="clock" id="clock-now" data-t={ready ? Math.round(t) : undefined}>
          <span className="clock-time">
            {ready ? (
              <>
                <span className="clock-long">{formatClock(t)}</span>
                <span className="clock-short" aria-hidden="true">
                  {formatShort(t)}
                </span>
              </>
            ) : status === 'cancelled' ? (
              'Run cancelled'
            ) : (
              'Waiting for the runs'
            )}
          </span>
          <span className="clock-where">{where}</span>
        </p>
        <p className="notice" role="status" aria-live="polite">
          {notice}
        </p>
      </div>
      {ready && (
        <div className="timeline">
          <label htmlFor="timeline-slider" className="visually-hidden">
            Position on the timeline
          </label>
          <DayStrip start={start} end={end} />
          <input
            id="timeline-slider"
            type="range"
            min={start}
            max={end}
            step="any"
            value={t}
            aria-valuetext={`${formatClock(t)}. ${where}`}
            aria-describedby="timeline-help"
            onKeyDown={onSliderKey}
            onChange={(e) => {
              store.pause();
              store.setT(Number(e.target.value));
            }}
          />
          <p id="timeline-help" className="timeline-help">
            Timeline keys: arrows move an hour, Page Up and Page Down a <Term id="working-day">working day</Term>, Home and End to the start and end. Shaded days: weekends and bank holidays.
          </p>
        </div>
      )}
    </section>
  );
}

/**
 * The period's days as a strip: working days plain, closed days shaded; labels on Mondays or months
 * (and the first day), as many as fit the strip's width without running into each other.
 */
const DayStrip = memo(function DayStrip({ start, end }: { start: Instant; end: Instant }) {
  const ref = useRef<HTMLDivElement>(null);
  const { width, font } = useMeasure(ref, (el) => ({ width: el.clientWidth, font: labelFont(el) }), { width: 0, font: '' });
  const days = useMemo(() => {
    const out: { at: Instant; closed: boolean }[] = [];
    for (let d = startOfLocalDay(start); d < end; d = addLocalDays(d, 1)) out.push({ at: d, closed: closedReason(d + 12 * HOUR) !== null });
    return out;
  }, [start, end]);
  const span = end - start;
  const long = days.length > 62;
  const at = (t: Instant) => Math.max(0, t - start) / span;
  const candidates = days
    .filter((d, i) => {
      const l = toLondon(d.at + 12 * HOUR);
      return long ? l.day === 1 : l.weekday === 1 || i === 0;
    })
    .map((d) => ({ at: d.at, text: long ? formatDay(d.at).replace(/^1 /, '') : formatWeekday(d.at) }));
  const labels = fitLabels(candidates, (d) => at(d.at) * width, font);
  return (
    <div className="day-strip" aria-hidden="true" ref={ref}>
      {days.map((d) => (
        <span key={d.at} className={d.closed ? 'day closed' : 'day'} style={{ left: `${at(d.at) * 100}%`, width: `${(Math.min(DAY, end - Math.max(d.at, start)) / span) * 100}%` }} />
      ))}
      {labels.map((d) => (
        <span key={`l${d.at}`} className="day-label" style={{ left: `${at(d.at) * 100}%` }}>
          {d.text}
        </span>
      ))}
    </div>
  );
});

/** The gap left between two labels, px. */
const LABEL_GAP = 6;
let canvas: CanvasRenderingContext2D | null | undefined;

/** The font a day label is drawn in (the strip's family at the label's 0.72rem). */
function labelFont(el: HTMLElement): string {
  const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
  return `${0.72 * rem}px ${getComputedStyle(el).fontFamily}`;
}

/** A day label's width, px: its text in its font, a little over, with its tick line and padding (an estimate where there is no canvas). */
function labelWidth(text: string, font: string): number {
  if (canvas === undefined) canvas = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  if (!canvas || !font) return text.length * 0.62 * 11.52 + 4;
  canvas.font = font;
  return canvas.measureText(text).width * 1.05 + 4;
}

/**
 * The labels that fit without overlapping, from the right: a label stays if it ends LABEL_GAP
 * before the next one kept starts, so the period's first day gives way to the Monday after it.
 * Before the strip has a width (hidden, or not yet laid out) every label stays.
 */
function fitLabels<T extends { text: string }>(all: readonly T[], x: (v: T) => number, font: string): T[] {
  if (all.length === 0 || x(all[all.length - 1]) === 0) return [...all];
  const kept: T[] = [];
  for (let i = all.length - 1; i >= 0; i--) {
    const next = kept[0];
    if (!next || x(all[i]) + labelWidth(all[i].text, font) + LABEL_GAP <= x(next)) kept.unshift(all[i]);
  }
  return kept;
}

function CopyLink() {
  const store = useStore();
  const copy = async () => {
    store.writeUrl();
    const url = window.location.href;
    try {
      await navigator.clipboard.writeText(url);
      store.announce('Link copied. It opens this scenario, seed, moment and case.');
    } catch {
      store.announce(`Copy this link: ${url}`);
    }
  };
  return (
    <button type="button" className="button button-secondary" onClick={() => void copy()}>
      Copy link to this view
    </button>
  );
}
