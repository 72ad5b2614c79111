/**
 * Seeded random streams (../shared/STYLE.md, "Randomness is explicit"): one named stream per
 * purpose, `seedrandom.alea(seed + ':' + name)`, so that changing the process does not shift the
 * contacts that arrive (common random numbers). Per-case streams (`forCase`) keep each child's
 * durations and outcomes paired across processes too.
 */
import seedrandom from 'seedrandom';

export type Uniform = () => number;

export interface Streams {
  readonly seed: string;
  stream(name: string): Uniform;
  /** A stream for one case and purpose: the same draws whatever else the run does. */
  forCase(caseId: string, purpose: string): Uniform;
  /**
   * A small fast stream from a 32-bit seed drawn from a named stream (mulberry32). The engine
   * gives each case two of these, seeded in arrival order, which is the same for every process;
   * seeding an alea per case from a string cost more than the rest of the case's simulation.
   */
  seeded(seed32: number): Uniform;
}

/** mulberry32: a 32-bit generator, fast and adequate for simulation draws. */
export function mulberry32(seed: number): Uniform {
  let a = seed >>> 0;
  return () => {
    a = (a + MULBERRY32_STEP) >>> 0;
    return mulberry32Value(a);
  };
}

/** What mulberry32 adds to its state before each draw. */
export const MULBERRY32_STEP = 0x6d2b79f5;

/**
 * mulberry32's draw from a state already stepped; the state may be held as an int32 (`| 0`) or a
 * uint32, the bits are the same. For holding many generators as numbers rather than closures.
 */
export function mulberry32Value(a: number): number {
  let t = a;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

export function createStreams(seed: string | number): Streams {
  const s = String(seed);
  const named = new Map<string, Uniform>();
  return {
    seed: s,
    stream(name) {
      let u = named.get(name);
      if (!u) {
        const alea = seedrandom.alea(`${s}:${name}`);
        u = () => alea();
        named.set(name, u);
      }
      return u;
    },
    forCase(caseId, purpose) {
      const alea = seedrandom.alea(`${s}:${purpose}:${caseId}`);
      return () => alea();
    },
    seeded(seed32) {
      return mulberry32(seed32);
    },
  };
}

/** Standard normal by Box-Muller (one value per two uniforms; deterministic). */
export function normal(u: Uniform): number {
  let a = u();
  if (a < 1e-12) a = 1e-12;
  const b = u();
  return Math.sqrt(-2 * Math.log(a)) * Math.cos(2 * Math.PI * b);
}

/** Lognormal with the given mean and coefficient of variation. */
export function lognormal(u: Uniform, mean: number, cv: number): number {
  return lognormalDraw(u, lognormalParams(mean, cv));
}

/** A lognormal's mean and coefficient of variation, with the normal's mu and sigma worked out from them. */
export interface LognormalParams {
  readonly mean: number;
  readonly cv: number;
  readonly mu: number;
  readonly sigma: number;
}

/** Work out a lognormal's parameters once, for many draws (`lognormalDraw`). */
export function lognormalParams(mean: number, cv: number): LognormalParams {
  const sigma2 = Math.log(1 + cv * cv);
  return { mean, cv, mu: Math.log(mean) - sigma2 / 2, sigma: Math.sqrt(sigma2) };
}

/** One draw of a lognormal: the same number `lognormal` gives for the same mean, cv and uniforms. */
export function lognormalDraw(u: Uniform, p: LognormalParams): number {
  if (p.mean <= 0) return 0;
  if (p.cv <= 0) return p.mean;
  return Math.exp(p.mu + p.sigma * normal(u));
}

/** Poisson by inversion for small means, normal approximation above 500. */
export function poisson(u: Uniform, mean: number): number {
  if (mean <= 0) return 0;
  if (mean > 500) return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal(u)));
  const l = Math.exp(-mean);
  let k = 0;
  let p = 1;
  do {
    k++;
    p *= u();
  } while (p > l);
  return k - 1;
}

export function bernoulli(u: Uniform, p: number): boolean {
  return u() < p;
}

/** Index drawn from weights (need not sum to 1). */
export function pickIndex(u: Uniform, weights: readonly number[]): number {
  let total = 0;
  for (let i = 0; i < weights.length; i++) total += weights[i];
  let x = u() * total;
  for (let i = 0; i < weights.length; i++) {
    x -= weights[i];
    if (x < 0) return i;
  }
  return weights.length - 1;
}

export function pick<T>(u: Uniform, items: readonly T[]): T {
  return items[Math.min(items.length - 1, Math.floor(u() * items.length))];
}
