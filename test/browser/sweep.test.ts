// Capacity sweep in the browser, in real Chromium against `vite build` + `vite preview` (the
// harness): a small sweep of the June 2013 scenario runs in the replications' web workers and its
// figures equal sweepJobs + runScenario + sweepPoints computed here in Node, its CSV is byte for
// byte what `npm run sim -- sweep --csv` prints, a bad range gets inline messages that name the
// field (keeping what was typed), and axe finds nothing serious. Screenshot: test-results/sweep.png.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { formatFigure } from '../../src/core/labels';
import { runScenario } from '../../src/core/run';
import { parseVariation, sweepJobs, sweepPoints } from '../../src/core/sweep';
import { ROOT, loadScenario } from '../support/scenarios';
import { formatViolations, runAxe } from './harness';
import { RESULTS_DIR, replayPages } from './replay-fixture';

const june2013 = loadScenario('kingston-2013.json');
const SEED = 7;
const REPS = 2;
const VARY = 'contactsPerWorkingDay=20:30:10';

async function fillSweep(page: Page, v: { choice?: string; from: string; to: string; step: string; reps: string }) {
  if (v.choice) await page.selectOption('#sweep-choice', v.choice);
  await page.fill('#sweep-from', v.from);
  await page.fill('#sweep-to', v.to);
  await page.fill('#sweep-step', v.step);
  await page.fill('#sweep-replications', v.reps);
}

describe('capacity sweep', () => {
  const pages = replayPages();
  const open = (query: string) => pages.open(query);

  it('runs a sweep in workers with the command line\u2019s figures, plots it, and saves its rows', async () => {
    const o = await open(`s=kingston-2013&seed=${SEED}`);
    const { page } = o;
    await fillSweep(page, { choice: 'contactsPerWorkingDay', from: '20', to: '30', step: '10', reps: String(REPS) });
    const t0 = Date.now();
    await page.getByRole('button', { name: 'Run sweep' }).click();
    await page.waitForSelector('.sweep-result[data-sweep-status="done"]', { timeout: 60_000 });
    console.log(`sweep in the page (2 values x ${REPS} replications x 2 processes): ${Date.now() - t0} ms`);

    // The same figures, computed in Node as the command line computes them.
    const variation = parseVariation(VARY);
    const runs = sweepJobs(june2013, variation, ['2013', '2015'], REPS, SEED).map((j) => runScenario(j.scenario, { process: j.process, seed: j.seed, days: j.days }).summary);
    const points = sweepPoints(june2013, variation, ['2013', '2015'], REPS, SEED, runs);

    // The chart's table: each value, each process, mean and interval as the page writes them.
    await page.locator('.sweep-result summary', { hasText: 'Show the numbers as a table' }).click();
    // The table is drawn when the details open (a toggle event later): wait for its rows.
    await page.waitForSelector('.sweep-result .chart-table tbody tr');
    const cells = await page.$$eval('.sweep-result .chart-table tbody tr', (trs) => trs.map((tr) => [tr.querySelector('th')!.textContent, ...[...tr.querySelectorAll('td')].map((td) => td.textContent)]));
    const metric = 'decidedWithinOneWorkingDay';
    expect(cells).toEqual(
      points.map((pt) => [
        String(pt.value),
        ...['2013', '2015'].map((p) => {
          const i = pt.result.metrics[metric][p];
          return `${formatFigure(metric, i.mean)} (${formatFigure(metric, i.low)} to ${formatFigure(metric, i.high)})`;
        }),
      ]),
    );

    // Another figure from the select: the chart and its table follow.
    await page.selectOption('#sweep-metric', 'heldOverFiveWorkingDays');
    await expect.poll(() => page.textContent('.sweep-result .chart-title')).toContain('Held over 5 working days');

    // The CSV: exactly what `npm run sim -- sweep --csv` prints for the same sweep.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save the sweep as CSV' }).click()]);
    const csv = await readFile(await download.path(), 'utf8');
    let cliCsv = '';
    const code = await main(['sweep', join(ROOT, 'scenarios', 'kingston-2013.json'), '--vary', VARY, '--replications', String(REPS), '--seed', String(SEED), '--workers', '1', '--csv'], {
      out: (s) => (cliCsv += s),
      err: () => {},
      isTTY: false,
    });
    expect(code).toBe(0);
    expect(csv).toBe(cliCsv);
    const header = csv.split('\n')[0].split(',');
    const row = csv.split('\n')[1].split(',');
    expect(header.slice(0, 3)).toEqual(['contactsPerWorkingDay', 'process', 'contacts']);
    expect(Number(row[header.indexOf(metric)])).toBe(points[0].result.metrics[metric]['2013'].mean);
    expect(Number(row[header.indexOf('heldOverFiveWorkingDays')])).toBe(points[0].result.metrics.heldOverFiveWorkingDays['2013'].mean);

    // The chart as PNG.
    const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /Save as PNG.*Held over 5 working days/ }).click()]);
    expect((await readFile(await png.path())).subarray(1, 4).toString()).toBe('PNG');

    await page.selectOption('#sweep-metric', metric);
    await page.locator('.sweep-result summary', { hasText: 'Show the numbers as a table' }).click(); // close the table for the picture
    await page.evaluate(() => {
      const h = document.getElementById('sweep-result-heading')!;
      window.scrollTo(0, h.getBoundingClientRect().top + window.scrollY - 150);
    });
    await page.screenshot({ path: join(RESULTS_DIR, 'sweep.png') });

    const violations = await runAxe(page);
    const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious, formatViolations(serious)).toEqual([]);
    expect(o.errors).toEqual([]);
  }, 90_000);

  it('names the field in an inline message for a bad range, and keeps what was typed', async () => {
    const o = await open(`s=kingston-2013&seed=${SEED}`);
    const { page } = o;
    await fillSweep(page, { choice: 'contactsPerWorkingDay', from: '80', to: '20', step: '0', reps: '3' });
    await page.getByRole('button', { name: 'Run sweep' }).click();
    await page.waitForSelector('#sweep-step-error');
    expect(await page.textContent('#sweep-step-error')).toContain('Step must be greater than 0');
    expect(await page.getAttribute('#sweep-step', 'aria-invalid')).toBe('true');
    expect(await page.inputValue('#sweep-step')).toBe('0');
    expect(await page.textContent('.sweep .error-summary')).toContain('Step must be greater than 0');
    // Focus moves to the summary, whose links lead to the box.
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);

    await page.fill('#sweep-step', '10');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#sweep-to-error');
    expect(await page.textContent('#sweep-to-error')).toContain('To (20) must not be less than from (80)');
    expect(await page.inputValue('#sweep-from')).toBe('80');

    // A value the scenario does not allow names the scenario's field.
    await fillSweep(page, { from: '1000', to: '3000', step: '1000', reps: '1' });
    await page.getByRole('button', { name: 'Run sweep' }).click();
    await page.waitForSelector('#sweep-to-error');
    expect(await page.textContent('#sweep-to-error')).toContain('contactsPerWorkingDay = 3000 is not allowed: must be a number from 0.1 to 2000');

    // A typed path that is not a field of the scenario.
    await page.selectOption('#sweep-choice', 'other');
    await page.fill('#sweep-path', 'staff.wizard.count');
    await fillSweep(page, { from: '1', to: '2', step: '1', reps: '1' });
    await page.getByRole('button', { name: 'Run sweep' }).click();
    await page.waitForSelector('#sweep-path-error');
    expect(await page.textContent('#sweep-path-error')).toContain('staff.wizard.count is not a field of the scenario');
    expect(await page.inputValue('#sweep-path')).toBe('staff.wizard.count');
    expect(await page.$('.sweep-progress')).toBeNull();
    await page.evaluate(() => {
      const h = document.getElementById('sweep-heading')!;
      window.scrollTo(0, h.getBoundingClientRect().top + window.scrollY - 150);
    });
    await page.screenshot({ path: join(RESULTS_DIR, 'sweep-errors.png') });

    const violations = await runAxe(page);
    const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious, formatViolations(serious)).toEqual([]);

    // A longer sweep shows progress and can be cancelled from the keyboard: focus goes to
    // Cancel while it runs and back to Run after.
    await page.selectOption('#sweep-choice', 'contactsPerWorkingDay');
    await fillSweep(page, { from: '20', to: '80', step: '10', reps: '3' });
    await page.focus('#sweep-replications');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-sweep-status="running"]');
    expect(await page.textContent('.sweep-progress label')).toMatch(/Sweep running: \d+ of 42 runs/);
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Cancel sweep');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-sweep-status="cancelled"]');
    expect(await page.textContent('.sweep-progress label')).toContain('Sweep cancelled after');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Run sweep');
    expect(o.errors).toEqual([]);
  }, 60_000);
});
