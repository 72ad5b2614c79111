/**
 * Golden summaries: for each shipped scenario and its own seed, the run's figures are checked in
 * (test/golden/<scenario>.json) and must be reproduced exactly. A change to one is a reviewed
 * decision, not noise: regenerate with `UPDATE_GOLDEN=1 npx vitest run test/scenarios/golden.test.ts`
 * and explain the change in the commit.
 *
 * The test writes a golden file only when UPDATE_GOLDEN=1 is set, and never in CI (env CI set):
 * there, and everywhere without UPDATE_GOLDEN, a missing golden file fails the test instead of
 * being created, so a summary that nobody reviewed can never pass.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/core/run';
import { ROOT, loadScenario, shippedScenarios } from '../support/scenarios';

const GOLDEN = join(ROOT, 'test', 'golden');

describe('golden summaries of the shipped scenarios', () => {
  for (const file of shippedScenarios()) {
    it(`${file} reproduces its checked-in summary`, () => {
      const { summary } = runScenario(loadScenario(file));
      const path = join(GOLDEN, file);
      const text = JSON.stringify(summary, null, 2) + '\n';
      if (process.env.UPDATE_GOLDEN === '1') {
        if (process.env.CI) throw new Error('UPDATE_GOLDEN=1 in CI: golden files are regenerated locally, reviewed and committed');
        writeFileSync(path, text);
      }
      if (!existsSync(path)) throw new Error(`${path} is missing: generate it with UPDATE_GOLDEN=1 npx vitest run test/scenarios/golden.test.ts, review it and commit it`);
      expect(text).toBe(readFileSync(path, 'utf8'));
    });
  }
});
