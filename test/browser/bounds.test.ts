// The replay page's bounds in real Chromium (issue 17): a link naming an object's own property
// as a state, or a change beyond a field's bound, never blanks or crashes the page; what the link
// asked for that could not be shown is said in words naming the field, and stays until dismissed;
// the form and a loaded file name the field and the bound inline; a file too large is refused
// unread; a file saved with a byte-order mark loads.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BOUNDS, ruleOf } from '../../src/core/bounds';
import { encodeLink } from '../../src/ui/replay/permalink';
import { ROOT } from '../support/scenarios';
import { animationFrames, formatViolations, runAxe } from './harness';
import { replayPages } from './replay-fixture';

describe('bounds in the browser', () => {
  const pages = replayPages();

  it.each(['__proto__', 'constructor', 'hasOwnProperty'])('shows the page for a link whose state is %s, with nothing selected', async (state) => {
    const o = await pages.open(`s=kingston-2013&seed=7&state=2013.${state}`);
    const { page } = o;
    expect(await page.locator('[data-process-diagram]').count()).toBe(2);
    expect(await page.locator('.node.selected').count()).toBe(0);
    expect(await page.locator('[data-app-error]').count()).toBe(0);
    expect(o.errors).toEqual([]);
  }, 120_000);

  it('says which change in a link is beyond its bound, runs the scenario as shipped, and keeps saying so until dismissed', async () => {
    const query = encodeLink({ scenario: 'kingston-2013', seed: '7', patch: { 'staff.police.count': 1e9 } });
    const o = await pages.open(query);
    const { page } = o;
    const notice = page.locator('[data-link-notice]');
    expect(await notice.textContent()).toContain(`Police: people ${ruleOf(BOUNDS.staffCount)}`);
    await animationFrames(page, 30);
    expect(await notice.isVisible()).toBe(true);
    await notice.getByRole('button', { name: 'Dismiss' }).click();
    expect(await notice.count()).toBe(0);
    expect(o.errors).toEqual([]);
  }, 120_000);

  it('names a staff count beyond its bound at its field, keeping what was typed', async () => {
    const o = await pages.open('s=kingston-2013&seed=7');
    const { page } = o;
    await page.getByRole('button', { name: 'Change the figures' }).click();
    await page.fill('#field-staff-police-count', '1000000000');
    await page.getByRole('button', { name: 'Run with these figures' }).click();
    await expect.poll(() => page.textContent('#field-staff-police-count-error')).toContain(`Police: people ${ruleOf(BOUNDS.staffCount)}`);
    expect(await page.inputValue('#field-staff-police-count')).toBe('1000000000');
    // A period too long for the page to replay is named at the days, with the estimate.
    await page.fill('#field-staff-police-count', '3');
    await page.fill('#field-contactsPerWorkingDay', '2000');
    await page.fill('#field-days', '365');
    await page.getByRole('button', { name: 'Run with these figures' }).click();
    await expect.poll(() => page.textContent('#field-days-error')).toMatch(/too many at 2000 contacts a working day: each process would meet about [\d,]+ contacts, more than the 200,000/);
    const serious = (await runAxe(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious, formatViolations(serious)).toEqual([]);
    expect(o.errors).toEqual([]);
  }, 120_000);

  it('refuses a file too large to be a scenario without reading it, and loads one saved with a byte-order mark', async () => {
    const o = await pages.open('s=kingston-2013&seed=7');
    const { page } = o;
    await page.setInputFiles('#scenario-file', { name: 'huge.json', mimeType: 'application/json', buffer: Buffer.alloc(3 << 20, 32) });
    await expect.poll(() => page.textContent('#file-error')).toContain('is 3 MB; a scenario file can be at most 1 MB');
    const text = await readFile(join(ROOT, 'scenarios', 'bank-holiday.json'), 'utf8');
    await page.setInputFiles('#scenario-file', { name: 'notepad.json', mimeType: 'application/json', buffer: Buffer.from(`\uFEFF${text}`) });
    await expect.poll(() => page.inputValue('#scenario-select')).toBe('file');
    await page.waitForSelector('.replay[data-status="ready"]', { timeout: 90_000 });
    expect(o.errors).toEqual([]);
  }, 180_000);

  it('answers key presses within 200 ms while the largest run the page allows is under way, and Cancel stops it', async () => {
    // 100 contacts a working day for a year: just within what the page replays (core/runSize.ts).
    const query = encodeLink({ scenario: 'kingston-2013', seed: '7', patch: { contactsPerWorkingDay: 100, days: 365 } });
    const o = await pages.openUrl(`${pages.url}#/replay?${query}`);
    const { page } = o;
    await page.waitForSelector('.replay[data-status="running"] .running-bar', { timeout: 60_000 });
    // How long each key press waited before the page handled it (the event's time stamp is when it arrived).
    await page.evaluate(() => {
      const w = window as unknown as { keyDelays: number[] };
      w.keyDelays = [];
      window.addEventListener('keydown', (e) => w.keyDelays.push(performance.now() - e.timeStamp), true);
    });
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('Shift');
      await page.waitForTimeout(100);
    }
    const delays = await page.evaluate(() => (window as unknown as { keyDelays: number[] }).keyDelays);
    expect(delays).toHaveLength(8);
    expect(Math.max(...delays), `key press delays ${delays.map((d) => d.toFixed(0)).join(', ')} ms`).toBeLessThan(200);
    expect(await page.locator('.replay').getAttribute('data-status')).toBe('running');
    await page.getByRole('button', { name: 'Cancel run' }).click();
    await page.waitForSelector('.replay[data-status="cancelled"]', { timeout: 10_000 });
    expect(await page.textContent('.pane-cancelled')).toContain('The run was cancelled before the 2013 process finished.');
    expect(await page.textContent('.clock-time')).toBe('Run cancelled');
    expect(await page.locator('.running-bar').count()).toBe(0);
    expect(o.errors).toEqual([]);
  }, 180_000);
});
