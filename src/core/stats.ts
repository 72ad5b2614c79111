/** Small statistics for replications: mean and a 95% confidence interval (Student's t). */

// Two-sided 95% t quantiles for 1-30 degrees of freedom; 1.96 beyond.
const T95 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11,
  2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

export function t95(df: number): number {
  if (df < 1) return NaN;
  if (df <= 30) return T95[df - 1];
  // Between table rows, the quantile at the band's lowest df, so intervals are never too narrow.
  if (df <= 40) return 2.04;
  if (df <= 60) return 2.021;
  if (df <= 120) return 2.0;
  return 1.98;
}

export interface Interval {
  mean: number;
  low: number;
  high: number;
  n: number;
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;

/** Mean with a 95% confidence interval; with one value the interval is the value itself. */
export function meanCI(xs: readonly number[]): Interval {
  const n = xs.length;
  if (n === 0) return { mean: NaN, low: NaN, high: NaN, n: 0 };
  const mean = xs.reduce((a, b) => a + b, 0) / n;
  if (n === 1) return { mean: round(mean), low: round(mean), high: round(mean), n };
  const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1);
  const half = t95(n - 1) * Math.sqrt(variance / n);
  return { mean: round(mean), low: round(mean - half), high: round(mean + half), n };
}
