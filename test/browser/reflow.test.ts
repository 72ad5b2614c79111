// Every view on a phone, on a laptop and at 200% zoom (issue 16, WCAG 1.4.10 reflow), in real
// Chromium against `vite build` + `vite preview` (the harness): no sideways scroll in any view or
// state visited, chart text never below 11 px, the sticky clocks one line on a phone (the rest on
// demand, by keyboard), and the story on the replay's first screen at 1366x850 before any scroll.
//
// 200% zoom is emulated as a 683x850 window: zoom halves the CSS pixels a 1366 px screen has, and
// that is all reflow depends on. (Playwright's deviceScaleFactor does not do it: it makes the
// pixels sharper, not the layout narrower.)
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/scenarios';
import { launchBrowser, openPage, startPreview, type OpenedPage, type PreviewHandle } from './harness';

const PHONE = { width: 390, height: 844 };
const SMALL_PHONE = { width: 320, height: 640 };
const LAPTOP = { width: 1366, height: 850 };
const ZOOM_200 = { width: 683, height: 850 };
const SIZES = [LAPTOP, ZOOM_200, PHONE, SMALL_PHONE];

interface Reflow {
  scrollWidth: number;
  innerWidth: number;
  /** The elements that reach past the window's right edge (none scroll inside their own box). */
  wide: string[];
  /** The smallest chart text (any SVG: charts, statecharts, class results) as drawn on screen, px, and where. */
  minChartText: number;
  smallest: string;
}

async function reflow(page: Page): Promise<Reflow> {
  return page.evaluate(() => {
    const W = window.innerWidth;
    const wide: string[] = [];
    for (const el of document.querySelectorAll('body *')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.right <= W + 0.5 || el.closest('.visually-hidden, .skip-link')) continue;
      let box = el.parentElement;
      while (box && !['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(box).overflowX)) box = box.parentElement;
      if (box && box.getBoundingClientRect().right <= W + 0.5) continue;
      wide.push(`${el.tagName.toLowerCase()}.${String(el.getAttribute('class') ?? '').replace(/\s+/g, '.')} ends at ${Math.round(r.right)}`);
    }
    let minChartText = Infinity;
    let smallest = '';
    for (const t of document.querySelectorAll<SVGTextElement>('svg text')) {
      if (t.getBBox().width === 0) continue;
      const svg = t.ownerSVGElement!;
      const vb = svg.viewBox.baseVal;
      const px = parseFloat(getComputedStyle(t).fontSize) * (vb && vb.width > 0 ? svg.getBoundingClientRect().width / vb.width : 1);
      if (px < minChartText) [minChartText, smallest] = [px, `"${t.textContent}" in ${svg.getAttribute('class') ?? svg.closest('[data-chart]')?.getAttribute('data-chart')}`];
    }
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth: W, wide: wide.slice(0, 8), minChartText, smallest };
  });
}

/** At every size: the page is no wider than the window, and chart text is at least 11 px. */
async function expectReflows(page: Page, what: string, sizes = SIZES): Promise<void> {
  for (const size of sizes) {
    await page.setViewportSize(size);
    // Charts redraw at their new width after a ResizeObserver callback: wait for the frame after.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const f = await reflow(page);
    const where = `${what} at ${size.width}x${size.height}`;
    expect(f.scrollWidth, `${where}: the page is ${f.scrollWidth} px wide in a ${f.innerWidth} px window: ${f.wide.join('; ')}`).toBeLessThanOrEqual(f.innerWidth);
    if (Number.isFinite(f.minChartText)) expect(f.minChartText, `${where}: ${f.smallest}`).toBeGreaterThanOrEqual(11 - 0.01);
  }
  await page.setViewportSize(LAPTOP);
}

/** The base64url link parameter for a scenario change (permalink.ts `p`). */
const patch = (p: Record<string, number>) => Buffer.from(JSON.stringify(p)).toString('base64url');

describe('every view reflows on a phone and at 200% zoom', () => {
  let server: PreviewHandle;
  let browser: Browser;
  const opened: OpenedPage[] = [];
  const open = async (hash: string) => {
    const o = await openPage(browser, `${server.url}${hash}`);
    opened.push(o);
    await o.page.setViewportSize(LAPTOP);
    return o;
  };
  const ready = async (page: Page) => {
    await page.waitForSelector('.replay[data-status="ready"]', { timeout: 120_000 });
    for (const p of ['2013', '2015']) await page.waitForSelector(`[data-process-diagram="diagram-${p}"] [data-state]`, { timeout: 60_000 });
  };

  beforeAll(async () => {
    [server, browser] = await Promise.all([startPreview(), launchBrowser()]);
  }, 180_000);

  afterAll(async () => {
    for (const o of opened) await o.close().catch(() => {});
    await browser?.close();
    await server?.close();
  });

  it('replay and compare: while both processes run, once they have, with the scenario form open and the clock opened on a phone', async () => {
    // A long run (200 days), so the page is still running while it is measured.
    const running = await open(`#/replay?s=kingston-2013&seed=11&p=${patch({ days: 200 })}`);
    await running.page.waitForSelector('.replay[data-status="running"]');
    await expectReflows(running.page, 'replay while running', [PHONE, SMALL_PHONE, ZOOM_200]);
    expect(await running.page.getAttribute('.replay', 'data-status'), 'still running when measured').toBe('running');
    await running.page.locator('[data-cancel-run]').click();

    const { page, errors } = await open('#/replay?s=kingston-2013&seed=7');
    await ready(page);
    await expectReflows(page, 'replay');
    await page.getByRole('button', { name: 'Change the figures' }).click();
    await expectReflows(page, 'replay with the scenario form open');
    await page.setViewportSize(PHONE);
    await page.getByRole('button', { name: /^More/ }).click();
    await expectReflows(page, 'replay with the clock opened', [PHONE, SMALL_PHONE]);
    expect(errors).toEqual([]);
  }, 240_000);

  it('training: the set-up, a shift in progress and the debrief; the threshold explorer; sources and validation', async () => {
    const { page, errors } = await open('#/training');
    await page.waitForSelector('#training-heading');
    await expectReflows(page, 'training set-up');
    await page.getByRole('button', { name: 'Start the shift' }).click();
    await page.waitForSelector('#tr-shift-heading');
    await page.locator('.tr-queue-item').first().click();
    await page.waitForSelector('#tr-case-heading');
    await expectReflows(page, 'a shift in progress, a contact open');
    await page.locator('#tr-end').click();
    await expectReflows(page, 'a shift, asked to confirm the end', [PHONE, SMALL_PHONE]);
    await page.getByRole('button', { name: 'Yes, end the shift' }).click();
    await page.waitForSelector('#tr-debrief-heading');
    await page.locator('.tr-debrief details > summary').nth(1).click();
    await expectReflows(page, 'the debrief, a contact opened');

    await page.goto(`${server.url}#/threshold`);
    await page.waitForSelector('.tr-explorer-result');
    await expectReflows(page, 'the threshold explorer');

    await page.goto(`${server.url}#/validation`);
    await page.waitForSelector('#validation-heading');
    await expectReflows(page, 'sources and validation');
    expect(errors).toEqual([]);
  }, 180_000);

  it('process lab: empty, editing 2015, an edit refused, a check\u2019s report with its counterexample and text; the counterexample on the replay page', async () => {
    const { page, errors } = await open('#/lab');
    await page.waitForSelector('#lab-not-ready');
    await expectReflows(page, 'the lab, empty');
    await page.getByRole('button', { name: 'Start from 2015' }).click();
    await page.waitForSelector('svg[data-process-diagram="lab-diagram"] [data-edge]');
    await expectReflows(page, 'the lab, editing 2015');
    // The strategy discussion's one way out: refused, with the command line's message (a long field path) beside it.
    const sd = await page.$$eval('#lab-state option', (os) => (os as HTMLOptionElement[]).find((x) => x.textContent === 'Strategy discussion')?.value);
    await page.selectOption('#lab-state', sd!);
    await page.click('.lab-transitions [data-lab-remove]');
    await page.waitForSelector('[data-lab-refusal="transitions"]');
    await expectReflows(page, 'the lab, an edit refused');
    await page.locator('input[data-lab-load]').setInputFiles(join(ROOT, 'examples/spa2015-no-escalation.json'));
    await page.getByLabel('Generated scenarios to run').fill('20');
    await page.getByLabel('Seed').fill('2015');
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await page.waitForSelector('.lab-report', { timeout: 120_000 });
    expect(await page.locator('.lab-failure').count(), 'a safeguard broken, so a counterexample to show').toBeGreaterThan(0);
    await page.locator('.lab-text-report > summary').click();
    await expectReflows(page, 'the lab, a check\u2019s report, its counterexample and the text report open');
    await page.getByRole('button', { name: 'Open this counterexample on the replay page' }).first().click();
    await ready(page);
    await page.waitForSelector('.chronology');
    await expectReflows(page, 'a lab counterexample on the replay page, its case open');
    expect(errors).toEqual([]);
  }, 300_000);

  it('on a phone the header is compact, the views behind a Menu button that says whether it is open; wider, the views show', async () => {
    const { page } = await open('#/replay?s=kingston-2013&seed=7');
    await ready(page);
    const toggle = page.locator('.nav-toggle');
    const training = page.locator('.nav a[href="#/training"]');
    expect(await toggle.isVisible()).toBe(false);
    expect(await training.isVisible()).toBe(true);
    for (const size of [PHONE, SMALL_PHONE]) {
      await page.setViewportSize(size);
      const header = await page.locator('header').evaluate((el) => el.getBoundingClientRect().height);
      expect(header, `the header at ${size.width}x${size.height} (three lines of views took 213 px at 390)`).toBeLessThanOrEqual(120);
    }
    await page.setViewportSize(PHONE);
    expect(await training.isVisible()).toBe(false);
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await toggle.focus();
    await page.keyboard.press('Enter');
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await training.isVisible()).toBe(true);
    await expectReflows(page, 'replay with the menu open', [PHONE, SMALL_PHONE]);
    await page.setViewportSize(PHONE);
    await training.click();
    await page.waitForSelector('#training-heading');
    expect(await toggle.getAttribute('aria-expanded'), 'choosing a view closes the menu').toBe('false');
    expect(await training.isVisible()).toBe(false);
  }, 180_000);

  it('the timeline\u2019s day labels never overlap, on a phone or a laptop, and it keeps at least two', async () => {
    const { page } = await open('#/replay?s=kingston-2013&seed=7');
    await ready(page);
    for (const size of [LAPTOP, ZOOM_200, PHONE, SMALL_PHONE]) {
      await page.setViewportSize(size);
      if (size.width <= 760 && (await page.locator('.controls-toggle').getAttribute('aria-expanded')) === 'false') await page.locator('.controls-toggle').click();
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      const boxes = await page.$$eval('.day-label', (ls) => ls.map((l) => ({ text: l.textContent!, left: l.getBoundingClientRect().left, right: l.getBoundingClientRect().right })));
      expect(boxes.length, `labels at ${size.width}`).toBeGreaterThanOrEqual(2);
      for (let i = 1; i < boxes.length; i++) {
        expect(boxes[i - 1].right, `at ${size.width}x${size.height}: "${boxes[i - 1].text}" runs into "${boxes[i].text}"`).toBeLessThanOrEqual(boxes[i].left);
      }
    }
  }, 180_000);

  it('the case table, wider than a phone, says it scrolls sideways, with words and a shadow on the side that has more', async () => {
    const { page } = await open('#/replay?s=kingston-2013&seed=7');
    await ready(page);
    const box = page.locator('.table-box[aria-label="Cases table"]');
    const hint = page.locator('[data-scroll-hint]');
    await page.setViewportSize(PHONE);
    await expect.poll(() => hint.isVisible()).toBe(true);
    expect(await hint.textContent()).toContain('Scroll the table sideways for more columns');
    expect(await box.getAttribute('data-edge')).toBe('start');
    expect(await box.evaluate((el) => getComputedStyle(el).boxShadow)).not.toBe('none');
    await box.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
    await expect.poll(() => box.getAttribute('data-edge')).toBe('end');
    await box.evaluate((el) => el.scrollTo({ left: 40 }));
    await expect.poll(() => box.getAttribute('data-edge')).toBe('middle');
    // Where the table fits there is nothing to say.
    await page.setViewportSize(LAPTOP);
    await expect.poll(() => hint.count()).toBe(0);
    expect(await box.evaluate((el) => getComputedStyle(el).boxShadow)).toBe('none');
  }, 180_000);

  it('the sticky clocks are one line on a phone; the replay clock opens the rest on demand, by keyboard, and says so with aria-expanded', async () => {
    const { page } = await open('#/replay?s=kingston-2013&seed=7');
    await ready(page);
    const toggle = page.locator('.controls-toggle');
    const nextEvent = page.getByRole('button', { name: 'Next event' });
    // A laptop: everything shows, no toggle.
    expect(await toggle.isVisible()).toBe(false);
    expect(await nextEvent.isVisible()).toBe(true);

    await page.setViewportSize(PHONE);
    const line = await page.locator('.controls').evaluate((el) => el.getBoundingClientRect().height);
    const playHeight = await page.locator('.play-button').evaluate((el) => el.getBoundingClientRect().height);
    expect(line, 'the clock is one line: no taller than its Play button and a little padding').toBeLessThanOrEqual(playHeight + 16);
    expect(await page.locator('.clock-short').textContent()).toMatch(/^Sat 1 Jun, 00:00$/);
    expect(await nextEvent.isVisible()).toBe(false);
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await toggle.focus();
    await page.keyboard.press('Enter');
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await nextEvent.isVisible()).toBe(true);
    expect(await page.locator('#timeline-slider').isVisible()).toBe(true);
    await page.keyboard.press('Space');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    // Still one line once the page has scrolled: it stays at the top.
    await page.locator('#charts-heading').scrollIntoViewIfNeeded();
    const top = await page.locator('.controls').evaluate((el) => el.getBoundingClientRect().top);
    expect(top).toBe(0);

    const t = await open('#/training');
    await t.page.setViewportSize(PHONE);
    await t.page.getByRole('button', { name: 'Start the shift' }).click();
    await t.page.waitForSelector('#tr-shift-heading');
    const bar = t.page.locator('.tr-clockbar-buttons');
    const barHeight = await bar.evaluate((el) => el.getBoundingClientRect().height);
    const endHeight = await t.page.locator('#tr-end').evaluate((el) => el.getBoundingClientRect().height);
    expect(barHeight, 'the shift clock is one line: the time, Wait and End').toBeLessThanOrEqual(endHeight + 16);
    expect(await t.page.getByRole('button', { name: 'Wait until the next thing happens' }).isVisible()).toBe(true);
    // Open a contact (the page grows long), then scroll well past the bar: it stays at the top.
    const barTop = await bar.evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
    await t.page.locator('.tr-queue-item').first().click();
    await t.page.waitForSelector('#tr-case-heading');
    const scrolled = await t.page.evaluate(() => (window.scrollTo(0, document.documentElement.scrollHeight), window.scrollY));
    expect(scrolled).toBeGreaterThan(barTop + 100);
    expect(await bar.evaluate((el) => el.getBoundingClientRect().top)).toBe(0);
  }, 180_000);
});

describe('the first screen tells the story', () => {
  let server: PreviewHandle;
  let browser: Browser;
  let o: OpenedPage;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startPreview(), launchBrowser()]);
    o = await openPage(browser, `${server.url}#/replay?s=kingston-2013&seed=7`);
    await o.page.setViewportSize(LAPTOP);
    await o.page.waitForSelector('.replay[data-status="ready"]', { timeout: 120_000 });
  }, 180_000);

  afterAll(async () => {
    await o?.close().catch(() => {});
    await browser?.close();
    await server?.close();
  });

  it('shows each process\u2019s four figures at 1366x850 before any scrolling, large, each with its sentence, the same as the figures table', async () => {
    const { page } = o;
    const figures = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('[data-headline]')].map((el) => {
        const r = el.getBoundingClientRect();
        const sentence = el.parentElement!.querySelector('.headline-sentence')!;
        const s = sentence.getBoundingClientRect();
        return {
          key: el.dataset.headline!,
          process: el.dataset.process!,
          value: el.dataset.value!,
          px: parseFloat(getComputedStyle(el).fontSize),
          onFirstScreen: r.top >= 0 && s.bottom <= window.innerHeight,
          sentence: sentence.textContent!.trim(),
          table: document.querySelector(`td[data-figure="${el.dataset.headline}"][data-process="${el.dataset.process}"]`)?.getAttribute('data-value'),
        };
      }),
    );
    const keys = ['decidedWithinOneWorkingDay', 'reportedWithinOneWorkingDay', 'hiddenFromReport', 'peakUnallocatedOver48Hours'];
    expect(figures.map((f) => `${f.process} ${f.key}`)).toEqual(['2013', '2015'].flatMap((p) => keys.map((k) => `${p} ${k}`)));
    for (const f of figures) {
      expect(f.onFirstScreen, `${f.process} ${f.key} on the first screen`).toBe(true);
      expect(f.px, `${f.process} ${f.key} is large`).toBeGreaterThanOrEqual(28);
      expect(f.value, `${f.process} ${f.key} is the figures table's`).toBe(f.table);
      expect(f.sentence).toMatch(/^[a-z].*\.$/);
    }
    // The story itself in this seed: 2013's report showed more decided in time than really were.
    const v = (p: string, k: string) => Number(figures.find((f) => f.process === p && f.key === k)!.value);
    expect(v('2013', 'reportedWithinOneWorkingDay')).toBeGreaterThan(v('2013', 'decidedWithinOneWorkingDay'));
    expect(v('2013', 'hiddenFromReport')).toBeGreaterThan(0);
    expect(v('2015', 'hiddenFromReport')).toBe(0);
  });

  it('draws the report lines over the others, 2013\u2019s last', async () => {
    const order = await o.page.$$eval('[data-chart="decided-within-one-working-day"] svg.chart-svg > g[data-series]', (gs) => gs.map((g) => g.getAttribute('data-series')));
    expect(order.slice(-2)).toEqual(['2015-report', '2013-report']);
  });

  it('explains the warm-up above the clock, and the trace exports say whether they include it and can leave it out', async () => {
    const { page } = o;
    const note = page.locator('#warmup-note');
    expect(await note.getAttribute('data-warmup-days')).toBe('180');
    expect(await note.textContent()).toContain('after a 180-day warm-up');
    const noteBottom = await note.evaluate((el) => el.getBoundingClientRect().bottom);
    const clockTop = await page.locator('.controls').evaluate((el) => el.getBoundingClientRect().top);
    expect(noteBottom).toBeLessThanOrEqual(clockTop);

    const said = page.locator('[data-warmup-export]');
    expect(await said.getAttribute('data-warmup-export')).toBe('included');
    expect(await said.textContent()).toContain('include the 180-day warm-up');
    const firstTime = async () => {
      const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'CSV trace for 2013' }).click()]);
      const { readFile } = await import('node:fs/promises');
      const rows = (await readFile((await d.path())!, 'utf8')).split('\n');
      return { name: d.suggestedFilename(), time: rows[1].split(',')[1] };
    };
    const all = await firstTime();
    expect(all.time < '2013-06-01', `first row at ${all.time}`).toBe(true);
    await page.getByLabel('Leave the warm-up out of the traces').check();
    expect(await said.getAttribute('data-warmup-export')).toBe('left-out');
    const cut = await firstTime();
    expect(cut.time >= '2013-06-01', `first row at ${cut.time}`).toBe(true);
    expect(cut.name).toMatch(/-no-warm-up\.csv$/);
  });
});
