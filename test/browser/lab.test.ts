// The process lab's check in real Chromium against `vite build` + `vite preview` (the harness):
// examples/spa2015-no-escalation.json is loaded in the lab and checked in a web worker; the page
// shows the safeguards it breaks, the same ones and the same report as `npm run check-process`
// for the same seed and runs; Cancel stops a check under way; it works by keyboard, at 1366x850
// and 390x844 with no sideways scroll and no axe violations. Screenshots: /tmp/lab-check-*.png.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, type Io } from '../../src/cli/check-process';
import { ROOT } from '../support/scenarios';
import { formatViolations, runAxe, suitePage } from './harness';

const FILE = 'examples/spa2015-no-escalation.json';
const SEED = 7;
const RUNS = 30;

async function cli(args: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const io: Io = { out: (s) => void (out += s), err: () => {}, isTTY: false, randomSeed: () => 1 };
  const code = await run(args, io);
  return { code, out };
}

describe('Process lab: check', () => {
  const s = suitePage('#/lab');

  it('is linked from the navigation and loads a process file', async () => {
    const { page } = s.opened;
    await page.waitForSelector('.lab');
    expect(await page.getAttribute('nav a[href="#/lab"]', 'aria-current')).toBe('page');
    await page.locator('input[data-lab-load]').setInputFiles(join(ROOT, FILE));
    await expect.poll(() => page.textContent('#lab-check-heading')).toContain('Check it');
    expect(await page.textContent('.lab-check')).toContain('npm run check-process -- spa2015-no-escalation.json');
  });

  it('refuses runs beyond the bound by name, in an error summary', async () => {
    const { page } = s.opened;
    await page.getByLabel('Generated scenarios to run').fill('1001');
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await expect.poll(() => page.textContent('.error-summary')).toContain('Runs must be a whole number from 1 to 1,000');
    // Focus moves to the summary once it is drawn (the next frame): wait for it.
    await expect.poll(() => page.evaluate(() => document.activeElement?.className ?? '')).toContain('error-summary');
  });

  it('cancels a check under way: the progress goes, nothing is reported, Check works again', async () => {
    const { page } = s.opened;
    await page.getByLabel('Generated scenarios to run').fill('1000');
    await page.getByLabel('Seed').fill(String(SEED));
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await page.waitForSelector('#lab-check-progress');
    await expect.poll(() => page.getAttribute('#lab-check-progress', 'value').then(Number)).toBeGreaterThan(0);
    // Cancel has the focus (the Check button is disabled while it runs): Enter presses it.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Cancel check');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getAttribute('.lab-check-status', 'data-check-status')).toBe('cancelled');
    expect(await page.textContent('.lab-check-status')).toContain('Check cancelled');
    expect(await page.locator('#lab-check-progress').count()).toBe(0);
    expect(await page.locator('.lab-report').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Check', exact: true }).isEnabled()).toBe(true);
  });

  it('shows the broken safeguards and the same report as check-process for the same seed and runs', async () => {
    const { page } = s.opened;
    const [json, text] = await Promise.all([cli([FILE, '--seed', String(SEED), '--runs', String(RUNS), '--json']), cli([FILE, '--seed', String(SEED), '--runs', String(RUNS)])]);
    const expected = JSON.parse(json.out) as { failures: { invariant: string }[]; invariants: { id: string; holds: boolean; failingRuns: number }[] };
    expect(expected.failures.length).toBeGreaterThan(0);

    await page.getByLabel('Generated scenarios to run').fill(String(RUNS));
    await page.getByLabel('Seed').focus();
    await page.keyboard.press('Enter'); // submits the form from the keyboard
    await page.waitForSelector('.lab-report', { timeout: 120_000 });
    const rows = await page.$$eval('.lab-safeguards tbody tr', (trs) => trs.map((tr) => [tr.getAttribute('data-safeguard'), tr.getAttribute('data-holds'), (tr as HTMLTableRowElement).cells[2].textContent]));
    expect(rows).toEqual(expected.invariants.map((i) => [i.id, i.holds ? 'yes' : 'no', i.holds ? '0' : `${i.failingRuns} of ${RUNS}`]));
    expect(await page.$$eval('.lab-failure', (els) => els.map((e) => e.getAttribute('data-failure')))).toEqual(expected.failures.map((f) => f.invariant));
    // Held or broken in words, not colour only; the heading says how many.
    expect(await page.textContent('#lab-report-heading')).toBe(`${expected.failures.length} of 15 safeguards broken`);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('lab-report-heading');
    // The chronology marks where the safeguard broke.
    expect(await page.locator('.lab-failure').first().locator('.lab-breach').count()).toBeGreaterThan(0);
    // The command line's text, word for word, but for the file's name (the page knows it by its id) and the time it took.
    const printed = text.out.replace(/\n\(\d+\.\d s; replay this report with --seed -?\d+\)\n$/, '').replaceAll(FILE, 'spa2015-no-escalation.json');
    expect(await page.textContent('.lab-text-report pre')).toBe(printed);
  }, 180_000);

  it.each([
    [1366, 850],
    [390, 844],
  ])('at %dx%d: no sideways scroll, no axe violations', async (width, height) => {
    const { page } = s.opened;
    await page.setViewportSize({ width, height });
    const facts = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
    expect(facts.scrollWidth, `page ${facts.scrollWidth} px wide in a ${facts.clientWidth} px window`).toBeLessThanOrEqual(facts.clientWidth);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `/tmp/lab-check-${width}-top.png` });
    await page.locator('#lab-report-heading').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `/tmp/lab-check-${width}-report.png` });
    await page.locator('.lab-failure').first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: `/tmp/lab-check-${width}-failure.png` });
    const violations = await runAxe(page);
    expect(violations, formatViolations(violations)).toEqual([]);
    expect(s.opened.errors).toEqual([]);
  }, 60_000);

  it('opens the smallest counterexample on the replay page: the variant beside 2015, on its generated scenario, at its case', async () => {
    const { page } = s.opened;
    await page.setViewportSize({ width: 1366, height: 850 });
    await page.locator('.lab-failure').first().getByRole('button', { name: 'Open this counterexample on the replay page' }).click();
    await page.waitForSelector('.replay[data-status="ready"]', { timeout: 120_000 });
    expect(page.url()).toContain('#/replay');
    expect(await page.textContent('.variant-notice')).toContain('Comparing Kingston 2015 without the escalation (right) with the 2015 process it came from (left)');
    expect(await page.textContent('#pane-2015-heading')).toContain('Kingston 2015 without the escalation');
    expect(await page.textContent('#pane-2013-heading')).toContain('2015');
    expect(await page.getAttribute('.chronology', 'data-case')).toMatch(/^C\d+$/);
    await page.screenshot({ path: '/tmp/lab-counterexample-1366.png' });
  }, 180_000);

  it('compares the variant with 2015 from the lab, and goes back to 2013 and 2015', async () => {
    const { page } = s.opened;
    await page.getByRole('link', { name: 'Back to the process lab' }).click();
    await page.locator('input[data-lab-load]').setInputFiles(join(ROOT, FILE));
    await page.getByRole('button', { name: 'Compare with 2015 on the replay page' }).click();
    await page.waitForSelector('.replay[data-status="running"], .replay[data-status="ready"]');
    await page.waitForSelector('.replay[data-status="ready"]', { timeout: 170_000 });
    expect(await page.textContent('#pane-2015-heading')).toContain('the variant from the process lab');
    expect(await page.textContent('.figures-table thead')).toContain('Kingston 2015 without the escalation minus 2015');
    // The variant's own chart is drawn (laid out from its machine, not the shipped one's).
    await expect.poll(() => page.locator('[data-pane="2015"] .diagram-placeholder').count(), { timeout: 60_000 }).toBe(0);
    await page.screenshot({ path: '/tmp/lab-compare-1366.png' });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: '/tmp/lab-compare-390.png' });
    await page.setViewportSize({ width: 1366, height: 850 });
    await page.getByRole('button', { name: 'Show 2013 and 2015 again' }).click();
    await page.waitForSelector('.replay[data-status="ready"]', { timeout: 170_000 });
    await expect.poll(() => page.textContent('#pane-2013-heading')).toContain('the front door the inspectors found failing');
    expect(await page.locator('.variant-notice').count()).toBe(0);
    expect(s.opened.errors).toEqual([]);
  }, 400_000);
});
