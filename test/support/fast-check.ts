/**
 * Vitest setup (vite.config.ts `setupFiles`): replay a failing property test from the command line.
 *
 * A failing fast-check property prints `{ seed: S, path: "P", ... }` and the counterexample
 * (fc.assert and `test.prop` both do; @fast-check/vitest also names the seed in the test title).
 * `FC_SEED=S FC_PATH=P npx vitest run <file> -t '<part of its name>'` runs it again from that
 * seed and goes straight to that counterexample. FC_SEED alone reruns every property of the run
 * from seed S. Tests that choose their own seed read FC_SEED themselves, and print the seed they
 * used.
 */
import fc from 'fast-check';

const seed = process.env.FC_SEED;
const path = process.env.FC_PATH;
if (seed !== undefined && seed !== '') {
  if (!/^-?\d+$/.test(seed)) throw new Error(`FC_SEED must be a whole number, got "${seed}"`);
  fc.configureGlobal({ ...fc.readConfigureGlobal(), seed: Number(seed), ...(path ? { path, endOnFailure: true } : {}) });
} else if (path) {
  throw new Error('FC_PATH needs FC_SEED: a path only means something from the seed that found it');
}
