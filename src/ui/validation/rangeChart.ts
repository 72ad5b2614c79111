/**
 * The small range chart of one claim: its target range as a band, each measurement's 95%
 * interval as a line with the mean marked, on one horizontal scale. Pure geometry (no DOM), so
 * it is unit-tested in Node; ValidationView.tsx draws it.
 */
import type { Measurement, Unit } from '../../core/validation';

export interface RangeScale {
  /** The values at the chart's left and right edges. */
  min: number;
  max: number;
  /** The target runs off the chart on that side (an open end). */
  openLow: boolean;
  openHigh: boolean;
}

/** Units whose figures cannot be below 0. */
const NON_NEGATIVE: ReadonlySet<Unit> = new Set(['share', 'count', 'working days', 'working hours', 'ratio', 'per 10,000 children a year']);

/**
 * The scale that shows the target's finite ends and every measurement's interval, with a
 * margin; never below 0 for a figure that cannot be, never past 100% for a share.
 */
export function rangeScale(target: readonly [number, number], measurements: readonly Measurement[], unit: Unit): RangeScale {
  const points = [target[0], target[1], ...measurements.flatMap((m) => [m.interval.low, m.interval.mean, m.interval.high])].filter((v) => Number.isFinite(v));
  let lo = points.length ? Math.min(...points) : 0;
  let hi = points.length ? Math.max(...points) : 1;
  if (hi - lo < 1e-9) {
    const half = unit === 'share' || unit === 'percentage points' ? 0.05 : Math.max(1, Math.abs(lo) * 0.2);
    lo -= half;
    hi += half;
  }
  // Ends on round numbers (a step of 1, 2 or 5 times a power of ten, about a quarter of the span).
  const step = niceStep((hi - lo) / 4);
  let min = Math.floor(lo / step - 1e-9) * step;
  let max = Math.ceil(hi / step + 1e-9) * step;
  if (min === lo) min -= step / 2;
  if (max === hi) max += step / 2;
  if (NON_NEGATIVE.has(unit) && lo >= 0) min = Math.max(0, min);
  if (unit === 'share' && hi <= 1) max = Math.min(1, max);
  return { min, max, openLow: target[0] === -Infinity, openHigh: target[1] === Infinity };
}

/** 1, 2 or 5 times a power of ten, the smallest at least `x`. */
export function niceStep(x: number): number {
  const p = 10 ** Math.floor(Math.log10(x));
  for (const m of [1, 2, 5, 10]) if (m * p >= x - 1e-12) return m * p;
  return 10 * p;
}

/** A value's x between `left` and `right` pixels; values off the scale stay at its edge. */
export function scaleX(s: RangeScale, left: number, right: number): (v: number) => number {
  return (v) => {
    if (v === -Infinity) return left;
    if (v === Infinity) return right;
    const f = (v - s.min) / (s.max - s.min);
    return left + Math.min(1, Math.max(0, f)) * (right - left);
  };
}
