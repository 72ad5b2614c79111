// The "Sources and validation" view in real Chromium against `vite build` + `vite preview` (the
// harness): it runs the quick validation in web workers, shows the same verdicts as
// `npm run validate -- --quick --json` for the same replications and seed, saves the same JSON,
// filters by keyboard, has no sideways scroll at 1366x850 or 390x844, chart text of at least 11 px
// and no axe violations. Screenshots: /tmp/valpage-1366.png, /tmp/valpage-390.png (and -full).
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/validate';
import { CLAIMS } from '../../src/core/validation';
import { callMain } from '../support/cli';
import { formatViolations, runAxe, suitePage } from './harness';

const REPS = 2;
const SEED = 7;

interface CliJson {
  summary: { outside: number; within: number; notMeasured: number; notRun: number };
  claims: { id: string; verdict: string }[];
}

/** Sideways scroll of the page, and the smallest chart text as drawn on screen (px). */
async function layoutFacts(page: Page) {
  return page.evaluate(() => {
    const sizes = [...document.querySelectorAll<SVGTextElement>('.range-chart text')].map((t) => {
      const svg = t.ownerSVGElement!;
      const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
      return parseFloat(getComputedStyle(t).fontSize) * scale;
    });
    return { scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth, minFont: Math.min(...sizes), texts: sizes.length };
  });
}

describe('Sources and validation view', () => {
  let cli: CliJson;
  const s = suitePage('#/validation', async () => {
    const r = await callMain(main, ['--quick', '--json', '--replications', String(REPS), '--seed', String(SEED), '--workers', '1']);
    cli = JSON.parse(r.out);
  });

  it('is linked from the navigation and explains what "004 ¶38" means, with every document the claims cite', async () => {
    const { page } = s.opened;
    await page.waitForSelector('#validation-heading');
    expect(await page.getAttribute('nav a[href="#/validation"]', 'aria-current')).toBe('page');
    const legend = await page.textContent('.sources-legend');
    expect(legend).toContain('004 ¶38');
    expect(legend).toContain('paragraph 38 of source document 004');
    for (const key of ['004', '003', '000', '002', 'DOMAIN.md']) expect(await page.locator('.sources-list dt', { hasText: key }).count(), key).toBe(1);
  });

  it('can be cancelled while it runs, with a progress bar', async () => {
    const { page } = s.opened;
    await page.fill('#validation-reps', '200');
    await page.getByRole('button', { name: 'Run the validation' }).click();
    await page.waitForSelector('progress#validation-progress');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.waitForSelector('[data-validation-status="cancelled"]');
    expect(await page.textContent('[data-validation-status="cancelled"] label')).toMatch(/Cancelled after \d+ of 400 runs/);
  });

  it('runs the quick form in workers and shows the command\u2019s verdicts for the same replications and seed', async () => {
    const { page } = s.opened;
    await page.fill('#validation-reps', String(REPS));
    await page.fill('#validation-seed', String(SEED));
    await page.getByRole('button', { name: 'Run the validation' }).click();
    await page.waitForSelector('.validation-result[data-validation-status="done"]', { timeout: 60_000 });
    const rows = await page.$$eval('.validation-table tbody tr', (trs) => trs.map((tr) => ({ id: tr.getAttribute('data-claim'), verdict: tr.getAttribute('data-verdict'), badge: tr.querySelector('.badge')!.textContent })));
    expect(rows.map((r) => r.id)).toEqual(CLAIMS.map((c) => c.id));
    expect(rows.map((r) => ({ id: r.id, verdict: r.verdict }))).toEqual(cli.claims.map((c) => ({ id: c.id, verdict: c.verdict })));
    // The verdict is written, not only coloured.
    for (const r of rows) expect(r.badge!.toLowerCase()).toBe(r.verdict);
    expect(await page.textContent('.validation-summary')).toContain(`${cli.summary.outside} outside`);

    // The JSON saved is the command's JSON.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save the table as JSON' }).click()]);
    expect(JSON.parse(await readFile(await download.path(), 'utf8'))).toEqual(cli);
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save the table as CSV' }).click()]);
    const lines = (await readFile(await csv.path(), 'utf8')).trim().split('\n');
    expect(lines[0]).toMatch(/^id,verdict,process,claim,source,/);
    expect(lines.length).toBeGreaterThan(CLAIMS.length);
  }, 90_000);

  it('filters by keyboard: outside, then not measured, then all', async () => {
    const { page } = s.opened;
    await page.getByRole('radio', { name: /^All claims/ }).focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.$$eval('.validation-table tbody tr', (trs) => trs.map((tr) => tr.getAttribute('data-verdict')))).toEqual(Array(cli.summary.outside).fill('outside'));
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.locator('.validation-table tbody tr[data-verdict="not measured"]').count()).toBe(cli.summary.notMeasured);
    expect(await page.locator('.validation-table tbody tr:not([data-verdict="not measured"])').count()).toBe(0);
    await page.getByRole('radio', { name: /^All claims/ }).check();
    await expect.poll(() => page.locator('.validation-table tbody tr').count()).toBe(CLAIMS.length);

    // The reasons open from the keyboard.
    const first = page.locator('.validation-table tbody tr').first();
    await first.locator('summary').focus();
    await page.keyboard.press('Enter');
    expect(await first.locator('details').getAttribute('open')).not.toBeNull();
    expect(await first.locator('details').textContent()).toContain(CLAIMS[0].why.slice(0, 40));
  });

  it.each([
    [1366, 850],
    [390, 844],
  ])('at %dx%d: no sideways scroll, chart text at least 11 px, no axe violations', async (width, height) => {
    const { page } = s.opened;
    await page.setViewportSize({ width, height });
    const facts = await layoutFacts(page);
    expect(facts.scrollWidth, `page ${facts.scrollWidth} px wide in a ${facts.clientWidth} px window`).toBeLessThanOrEqual(facts.clientWidth);
    expect(facts.texts).toBeGreaterThan(0);
    expect(facts.minFont).toBeGreaterThanOrEqual(11);
    await page.evaluate(() => document.getElementById('validation-result-heading')!.scrollIntoView());
    await page.screenshot({ path: `/tmp/valpage-${width}.png` });
    // A row with a measurement outside its range, and a claim not measured.
    for (const [sel, name] of [['tr[data-verdict="outside"]', 'outside'], ['tr[data-verdict="not measured"]', 'notmeasured']]) {
      await page.locator(`.validation-table ${sel}`).first().scrollIntoViewIfNeeded();
      await page.screenshot({ path: `/tmp/valpage-${width}-${name}.png` });
    }
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `/tmp/valpage-${width}-top.png` });
    const violations = await runAxe(page);
    expect(violations, formatViolations(violations)).toEqual([]);
    expect(s.opened.errors).toEqual([]);
  }, 60_000);
});
