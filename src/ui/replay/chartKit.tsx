/**
 * Small accessible SVG charts, drawn by hand (no chart library): a line chart over simulated time
 * and a grouped bar chart. Each has a title, axis labels, a legend in words and line styles (so
 * colour is never the only signal), a data table in a <details> for screen readers and anyone who
 * wants the numbers, and buttons to save it as SVG or PNG.
 */
import { memo, useId, useLayoutEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import { addLocalDays, startOfLocalDay, toLondon, type Instant } from '../../core/calendar';
import { downloadPng, downloadSvg } from './download';
import { formatDay } from './format';
import { useReplay } from './useReplay';

export const COLOURS = { '2013': '#d4351c', '2015': '#1d70b8' } as const;
const INK = '#0b0c0c';
const GRID = '#dcdcdc';

/**
 * A chart is drawn at the width it is shown (one unit of the drawing is one CSS pixel) up to W,
 * and scaled up beyond it, so its text (11 units or more) is never below 11 px, on a phone or at
 * 200% zoom. Narrower than NARROW, the line labels go under the plot instead of to its right.
 */
const W = 600;
const MIN_W = 280;
const NARROW = 480;
const PAD = { left: 54, right: 132, top: 12, bottom: 44 };
/** The smallest text in a chart, in drawing units (= CSS px at W or narrower). */
const SMALL = 11;

/** The width to draw a chart at: its box's width, between MIN_W and W (whole 4 px steps). */
function useDrawWidth(ref: RefObject<HTMLElement | null>): number {
  const [w, setW] = useState(W);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const update = () => {
      const cw = el.clientWidth;
      if (cw > 0) setW(Math.max(MIN_W, Math.min(W, Math.floor(cw / 4) * 4)));
    };
    update();
    const ro = new ResizeObserver(update);
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref]);
  return w;
}

/** Keep ticks at least `gap` apart (the first always), so their labels do not run into each other. */
function spaced<T extends { at: number }>(all: readonly T[], x: (v: number) => number, gap: number): T[] {
  const out: T[] = [];
  for (const tk of all) if (!out.length || x(tk.at) - x(out[out.length - 1].at) >= gap) out.push(tk);
  return out;
}

export interface Series {
  key: string;
  label: string;
  colour: string;
  /** SVG stroke-dasharray, or undefined for solid. */
  dash?: string;
  marker?: 'circle' | 'square';
  points: readonly (readonly [number, number])[];
  /** Draw as steps (a count that holds until the next sample). */
  step?: boolean;
  /** A 95% confidence interval (low, high) at each point, drawn as a whisker. */
  whiskers?: readonly (readonly [number, number])[];
  /** Move this series' markers and whiskers sideways by this many pixels, so two do not hide each other. */
  nudge?: number;
  /** Series with a higher layer are drawn over those with a lower (default 0): SVG paints in document order. */
  layer?: number;
}

/** A round top for an axis and a round step between at most five gridlines: 0, step, ... max. */
export function niceScale(v: number, integer = true): { max: number; step: number } {
  if (!(v > 0)) return { max: integer ? 4 : 1, step: integer ? 1 : 0.25 };
  const raw = v / 4;
  const p = 10 ** Math.floor(Math.log10(raw));
  let step = [1, 2, 2.5, 5, 10].map((m) => m * p).find((s) => s >= raw) ?? 10 * p;
  if (integer) step = Math.max(1, Math.ceil(step));
  return { max: Math.ceil(v / step) * step, step };
}

function ticks(max: number, step: number): number[] {
  const out: number[] = [];
  for (let v = 0; v <= max + step / 1e6; v += step) out.push(Math.round(v * 1e6) / 1e6);
  return out;
}

/** Ticks along a period: Mondays for a short one, first of the month for a long one. */
export function timeTicks(start: Instant, end: Instant): { at: Instant; label: string }[] {
  const long = end - start > 62 * 86_400_000;
  const out: { at: Instant; label: string }[] = [];
  for (let d = startOfLocalDay(start); d <= end; d = addLocalDays(d, 1)) {
    if (d < start) continue;
    const l = toLondon(d + 43_200_000);
    if (long ? l.day === 1 : l.weekday === 1) out.push({ at: d, label: long ? formatDay(d, l.month === 1).replace(/^1 /, '') : formatDay(d) });
  }
  return out;
}

interface LineChartProps {
  id: string;
  title: string;
  description: string;
  xLabel: string;
  yLabel: string;
  x0: number;
  x1: number;
  yMax?: number;
  yFormat: (v: number) => string;
  series: readonly Series[];
  /** The table: one row per x in the first series, formatted. */
  rowLabel: (x: number) => string;
  /** Show a line at the current moment. */
  cursor?: boolean;
  /** Ticks along the x axis (default: dates between x0 and x1). */
  xTicks?: readonly { at: number; label: string }[];
  /** A value in the table (default: yFormat). */
  valueFormat?: (v: number) => string;
  children?: ReactNode;
}

export const LineChart = memo(function LineChart(p: LineChartProps) {
  const svgRef = useRef<SVGSVGElement>(null);
  const boxRef = useRef<HTMLElement>(null);
  const W = useDrawWidth(boxRef);
  const narrow = W < NARROW;
  const uid = useId().replace(/[^a-zA-Z0-9]/g, '');
  const scale =
    p.yMax !== undefined ? { max: p.yMax, step: p.yMax / 4 } : niceScale(Math.max(0, ...p.series.flatMap((s) => [...s.points.map((q) => q[1]), ...(s.whiskers ?? []).map((w) => w[1])])));
  const max = scale.max;
  // Narrow: the line labels in rows under the x axis's title, two to a row.
  const legendRows = narrow ? Math.ceil(p.series.length / 2) : 0;
  const H = 250 + legendRows * 16 + (narrow ? 6 : 0);
  const pad = narrow ? { ...PAD, left: 46, right: 12, bottom: PAD.bottom + legendRows * 16 + 6 } : PAD;
  const iw = W - pad.left - pad.right;
  const ih = H - pad.top - pad.bottom;
  const sx = (x: number) => pad.left + ((x - p.x0) / (p.x1 - p.x0 || 1)) * iw;
  const sy = (y: number) => pad.top + ih - (y / max) * ih;
  const yTicks = ticks(max, scale.step);
  const xTicks = spaced(p.xTicks ?? timeTicks(p.x0, p.x1), sx, 52);
  const vf = p.valueFormat ?? p.yFormat;
  const path = (s: Series) =>
    s.points
      .map((q, i) => {
        const x = sx(q[0]).toFixed(1);
        const y = sy(q[1]).toFixed(1);
        if (i === 0) return `M${x},${y}`;
        return s.step ? `H${x}V${y}` : `L${x},${y}`;
      })
      .join('');
  // Direct labels at the right end, nudged apart so they do not overlap; narrow, a key under the plot.
  const ends = narrow
    ? p.series.map((s, i) => ({ s, x: 6 + (i % 2) * ((W - 6) / 2), y: H - 4 - legendRows * 16 + 16 * Math.floor(i / 2) + 2 }))
    : p.series.map((s) => ({ s, x: W - pad.right + 4, y: s.points.length ? sy(s.points[s.points.length - 1][1]) : sy(0) })).sort((a, b) => a.y - b.y);
  if (!narrow) for (let i = 1; i < ends.length; i++) if (ends[i].y - ends[i - 1].y < 13) ends[i].y = ends[i - 1].y + 13;
  const titleId = `chart-${uid}-title`;
  const descId = `chart-${uid}-desc`;
  const xs = p.series[0]?.points.map((q) => q[0]) ?? [];
  return (
    <figure className="chart" data-chart={p.id} ref={boxRef}>
      <figcaption>
        <h3 id={titleId} className="chart-title">
          {p.title}
        </h3>
        <p id={descId} className="hint">
          {p.description}
        </p>
      </figcaption>
      <svg ref={svgRef} viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={titleId} aria-describedby={descId} className="chart-svg" fontFamily="Arial, sans-serif">
        <rect x="0" y="0" width={W} height={H} fill="#ffffff" />
        {yTicks.map((v) => (
          <g key={v}>
            <line x1={pad.left} x2={W - pad.right} y1={sy(v)} y2={sy(v)} stroke={GRID} />
            <text x={pad.left - 6} y={sy(v) + 4} fontSize={SMALL} textAnchor="end" fill={INK}>
              {p.yFormat(v)}
            </text>
          </g>
        ))}
        {xTicks.map((tk) => (
          <g key={tk.at}>
            <line x1={sx(tk.at)} x2={sx(tk.at)} y1={pad.top + ih} y2={pad.top + ih + 4} stroke={INK} />
            <text x={sx(tk.at)} y={pad.top + ih + 16} fontSize={SMALL} textAnchor="middle" fill={INK}>
              {tk.label}
            </text>
          </g>
        ))}
        <line x1={pad.left} x2={W - pad.right} y1={pad.top + ih} y2={pad.top + ih} stroke={INK} />
        <line x1={pad.left} x2={pad.left} y1={pad.top} y2={pad.top + ih} stroke={INK} />
        <text x={pad.left + iw / 2} y={pad.top + ih + 34} fontSize="12" textAnchor="middle" fill={INK}>
          {p.xLabel}
        </text>
        <text transform={`translate(13 ${pad.top + ih / 2}) rotate(-90)`} fontSize="12" textAnchor="middle" fill={INK}>
          {p.yLabel}
        </text>
        {[...p.series].sort((a, b) => (a.layer ?? 0) - (b.layer ?? 0)).map((s) => {
          const n = s.nudge ?? 0;
          return (
            <g key={s.key} data-series={s.key}>
              <path d={path(s)} fill="none" stroke={s.colour} strokeWidth="2.2" strokeDasharray={s.dash} strokeLinejoin="round" />
              {s.whiskers?.map(([lo, hi], i) => {
                const x = sx(s.points[i][0]) + n;
                return (
                  <g key={`w${i}`} className="whisker">
                    <line x1={x} x2={x} y1={sy(lo)} y2={sy(hi)} stroke={s.colour} strokeWidth="1.5" />
                    <line x1={x - 4} x2={x + 4} y1={sy(lo)} y2={sy(lo)} stroke={s.colour} strokeWidth="1.5" />
                    <line x1={x - 4} x2={x + 4} y1={sy(hi)} y2={sy(hi)} stroke={s.colour} strokeWidth="1.5" />
                  </g>
                );
              })}
              {s.marker &&
                s.points.length <= 80 &&
                s.points.map((q, i) =>
                  s.marker === 'circle' ? (
                    <circle key={i} cx={sx(q[0]) + n} cy={sy(q[1])} r={s.whiskers ? 4 : 3} fill={s.colour} />
                  ) : (
                    <rect key={i} x={sx(q[0]) + n - (s.whiskers ? 4 : 3)} y={sy(q[1]) - (s.whiskers ? 4 : 3)} width={s.whiskers ? 8 : 6} height={s.whiskers ? 8 : 6} fill="#ffffff" stroke={s.colour} strokeWidth="1.5" />
                  ),
                )}
            </g>
          );
        })}
        {ends.map(({ s, x, y }) => (
          <g key={`l${s.key}`}>
            <line x1={x} x2={x + 16} y1={y} y2={y} stroke={s.colour} strokeWidth="2.2" strokeDasharray={s.dash} />
            {s.marker === 'circle' && <circle cx={x + 8} cy={y} r="3.5" fill={s.colour} />}
            {s.marker === 'square' && <rect x={x + 4.5} y={y - 3.5} width="7" height="7" fill="#ffffff" stroke={s.colour} strokeWidth="1.5" />}
            <text x={x + 20} y={y + 4} fontSize={SMALL} fill={INK}>
              {s.label}
            </text>
          </g>
        ))}
        {p.cursor && <Cursor x={sx} x0={p.x0} x1={p.x1} top={pad.top} bottom={pad.top + ih} />}
      </svg>
      <ChartTools svgRef={svgRef} name={p.id} title={p.title} />
      <LazyDetails summary="Show the numbers as a table">
        {() => (
          <div className="table-scroll">
            <table className="table">
              <caption className="visually-hidden">{p.title}</caption>
              <thead>
                <tr>
                  <th scope="col">{p.xLabel}</th>
                  {p.series.map((s) => (
                    <th scope="col" key={s.key} className="num">
                      {s.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {xs.map((x, i) => (
                  <tr key={x}>
                    <th scope="row">{p.rowLabel(x)}</th>
                    {p.series.map((s) => (
                      <td key={s.key} className="num">
                        {s.points[i] ? vf(s.points[i][1]) : '-'}
                        {s.points[i] && s.whiskers?.[i] ? ` (${vf(s.whiskers[i][0])} to ${vf(s.whiskers[i][1])})` : ''}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </LazyDetails>
      {p.children}
    </figure>
  );
});

/** The current moment as a vertical line; only this re-renders while the clock runs. */
function Cursor({ x, x0, x1, top, bottom }: { x: (v: number) => number; x0: number; x1: number; top: number; bottom: number }) {
  const t = useReplay((s) => s.t);
  if (t < x0 || t > x1) return null;
  const px = x(t);
  return (
    <g className="cursor" data-export="skip">
      <line x1={px} x2={px} y1={top} y2={bottom} stroke={INK} strokeWidth="1.5" strokeDasharray="2 3" />
      <text x={px + 3} y={top + 10} fontSize={SMALL} fill={INK}>
        now
      </text>
    </g>
  );
}

interface BarChartProps {
  id: string;
  title: string;
  description: string;
  xLabel: string;
  yLabel: string;
  categories: readonly string[];
  groups: readonly { key: string; label: string; colour: string; pattern?: boolean; values: readonly number[] }[];
}

export const BarChart = memo(function BarChart(p: BarChartProps) {
  const svgRef = useRef<SVGSVGElement>(null);
  const boxRef = useRef<HTMLElement>(null);
  const W = useDrawWidth(boxRef);
  const narrow = W < NARROW;
  const uid = useId().replace(/[^a-zA-Z0-9]/g, '');
  const { max, step } = niceScale(Math.max(0, ...p.groups.flatMap((g) => g.values)));
  // Narrow: category labels on up to three lines of about a slot's width.
  const labelLines = (c: string) => (narrow ? wrapLabel(c, 8) : splitLabel(c));
  const lines = Math.max(1, ...p.categories.map((c) => labelLines(c).length));
  const H = 250 + (lines - 2) * 12 + (narrow ? 12 : 0);
  const pad = { ...PAD, left: narrow ? 44 : PAD.left, right: narrow ? 6 : 16, top: 30, bottom: 26 + lines * 12 };
  const iw = W - pad.left - pad.right;
  const ih = H - pad.top - pad.bottom;
  const sy = (y: number) => pad.top + ih - (y / max) * ih;
  const slot = iw / p.categories.length;
  const bw = Math.min(34, (slot - 14) / p.groups.length);
  const titleId = `chart-${uid}-title`;
  const descId = `chart-${uid}-desc`;
  return (
    <figure className="chart" data-chart={p.id} ref={boxRef}>
      <figcaption>
        <h3 id={titleId} className="chart-title">
          {p.title}
        </h3>
        <p id={descId} className="hint">
          {p.description}
        </p>
      </figcaption>
      <svg ref={svgRef} viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={titleId} aria-describedby={descId} className="chart-svg" fontFamily="Arial, sans-serif">
        <rect x="0" y="0" width={W} height={H} fill="#ffffff" />
        <defs>
          {p.groups.map((g) => (
            <pattern key={g.key} id={`bar-${uid}-${g.key}`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
              <rect width="6" height="6" fill="#ffffff" />
              <line x1="0" y1="0" x2="0" y2="6" stroke={g.colour} strokeWidth="3" />
            </pattern>
          ))}
        </defs>
        {ticks(max, step).map((v) => (
          <g key={v}>
            <line x1={pad.left} x2={W - pad.right} y1={sy(v)} y2={sy(v)} stroke={GRID} />
            <text x={pad.left - 6} y={sy(v) + 4} fontSize={SMALL} textAnchor="end" fill={INK}>
              {v}
            </text>
          </g>
        ))}
        {p.categories.map((c, ci) => (
          <g key={c}>
            {p.groups.map((g, gi) => {
              const x = pad.left + ci * slot + (slot - bw * p.groups.length) / 2 + gi * bw;
              const v = g.values[ci];
              return (
                <g key={g.key}>
                  <rect x={x} y={sy(v)} width={bw - 2} height={Math.max(0, pad.top + ih - sy(v))} fill={g.pattern ? `url(#bar-${uid}-${g.key})` : g.colour} stroke={g.colour} strokeWidth="1.5" />
                  <text x={x + (bw - 2) / 2} y={sy(v) - 4} fontSize={SMALL} textAnchor="middle" fill={INK}>
                    {v}
                  </text>
                </g>
              );
            })}
            <text x={pad.left + ci * slot + slot / 2} y={pad.top + ih + 14} fontSize={SMALL} textAnchor="middle" fill={INK}>
              {labelLines(c).map((line, k) => (
                <tspan key={k} x={pad.left + ci * slot + slot / 2} dy={k === 0 ? 0 : 12}>
                  {line}
                </tspan>
              ))}
            </text>
          </g>
        ))}
        <line x1={pad.left} x2={W - pad.right} y1={pad.top + ih} y2={pad.top + ih} stroke={INK} />
        <text x={pad.left + iw / 2} y={pad.top + ih + 14 + lines * 12 + 6} fontSize="12" textAnchor="middle" fill={INK}>
          {p.xLabel}
        </text>
        <text transform={`translate(13 ${pad.top + ih / 2}) rotate(-90)`} fontSize="12" textAnchor="middle" fill={INK}>
          {p.yLabel}
        </text>
        {p.groups.map((g, gi) => (
          <g key={`lg${g.key}`} transform={`translate(${pad.left + 8 + gi * 150} 8)`}>
            <rect width="14" height="12" fill={g.pattern ? `url(#bar-${uid}-${g.key})` : g.colour} stroke={g.colour} strokeWidth="1.5" />
            <text x="20" y="10" fontSize="12" fill={INK}>
              {g.label}
            </text>
          </g>
        ))}
      </svg>
      <ChartTools svgRef={svgRef} name={p.id} title={p.title} />
      <details className="chart-table">
        <summary>Show the numbers as a table</summary>
        <table className="table">
          <caption className="visually-hidden">{p.title}</caption>
          <thead>
            <tr>
              <th scope="col">{p.xLabel}</th>
              {p.groups.map((g) => (
                <th scope="col" key={g.key} className="num">
                  {g.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {p.categories.map((c, ci) => (
              <tr key={c}>
                <th scope="row">{c}</th>
                {p.groups.map((g) => (
                  <td key={g.key} className="num">
                    {g.values[ci]}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
});

/** A <details> whose content is built only once it is opened (long tables cost nothing until then). */
export function LazyDetails({ summary, children }: { summary: string; children: () => ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="chart-table" onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
      <summary>{summary}</summary>
      {open && children()}
    </details>
  );
}

/** A label in lines of about `width` characters, at spaces (a longer word keeps its own line). */
function wrapLabel(label: string, width: number): string[] {
  const out: string[] = [];
  for (const word of label.split(' ')) {
    const last = out[out.length - 1];
    if (last !== undefined && last.length + 1 + word.length <= width) out[out.length - 1] = `${last} ${word}`;
    else out.push(word);
  }
  return out;
}

/** A category label on at most two lines, split at the space nearest the middle. */
function splitLabel(label: string): string[] {
  if (label.length <= 12 || !label.includes(' ')) return [label];
  const mid = label.length / 2;
  let best = -1;
  for (let i = 0; i < label.length; i++) if (label[i] === ' ' && (best < 0 || Math.abs(i - mid) < Math.abs(best - mid))) best = i;
  return [label.slice(0, best), label.slice(best + 1)];
}

function ChartTools({ svgRef, name, title }: { svgRef: RefObject<SVGSVGElement | null>; name: string; title: string }) {
  return (
    <div className="chart-tools">
      <button type="button" className="link-button" onClick={() => svgRef.current && downloadSvg(svgRef.current, name, title)}>
        Save as SVG<span className="visually-hidden">: {title}</span>
      </button>
      <button type="button" className="link-button" onClick={() => svgRef.current && void downloadPng(svgRef.current, name, title)}>
        Save as PNG<span className="visually-hidden">: {title}</span>
      </button>
    </div>
  );
}
