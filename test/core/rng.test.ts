import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { MULBERRY32_STEP, lognormal, lognormalDraw, lognormalParams, mulberry32Value, normal, type Uniform } from '../../src/core/rng';

/** A mulberry32 stream from a seed, as the engine draws a case's durations. */
function stream(seed: number): Uniform {
  let state = seed | 0;
  return () => {
    state = (state + MULBERRY32_STEP) | 0;
    return mulberry32Value(state);
  };
}

/** The lognormal as first written (mu and sigma worked out at every draw): the reference. */
function lognormalReference(u: Uniform, mean: number, cv: number): number {
  if (mean <= 0) return 0;
  if (cv <= 0) return mean;
  const sigma2 = Math.log(1 + cv * cv);
  const mu = Math.log(mean) - sigma2 / 2;
  return Math.exp(mu + Math.sqrt(sigma2) * normal(u));
}

describe('lognormal draws', () => {
  test.prop([fc.integer(), fc.oneof(fc.constant(0), fc.double({ min: 0.01, max: 500, noNaN: true })), fc.oneof(fc.constant(0), fc.double({ min: 0.01, max: 3, noNaN: true }))], { numRuns: 300 })(
    'with parameters worked out once give the very numbers of the formula worked out per draw',
    (seed, mean, cv) => {
      const a = stream(seed);
      const b = stream(seed);
      const c = stream(seed);
      const p = lognormalParams(mean, cv);
      for (let k = 0; k < 20; k++) {
        const expected = lognormalReference(a, mean, cv);
        expect(lognormalDraw(b, p)).toBe(expected);
        expect(lognormal(c, mean, cv)).toBe(expected);
      }
    },
  );
});
