// The README's walkthrough "remove the escalation", told in the process lab (issue 15), in real
// Chromium against `vite build` + `vite preview` (the harness): the steps a designer takes (open
// the lab, start from 2015, remove the five escalations as the command-line walkthrough does,
// name the process and download it, check it with the walkthrough's seed, read the broken
// safeguard and its smallest counterexample, open that on the replay page, compare with 2015).
// At each step it asserts what the page shows, checks the step has no sideways scroll on a phone
// (390x844), and takes a screenshot at 1366x850.
//
// The screenshots are the README's pictures: `UPDATE_SCREENSHOTS=1 npx vitest run
// test/browser/lab-walkthrough.test.ts` writes them to docs/lab/ (commit them); without it they
// go to a temporary folder, so a run in CI changes no file. Nothing is compared with a picture:
// the assertions are on the page. The README's section "Walkthrough in the lab" quotes the page
// in “curly quotes”; each quote in its step N must be on the page at step N here, as
// test/cli/readme-walkthrough.test.ts requires of the command line's output.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shippedProcessFile, type ProcessFile } from '../../src/core/processes';
import { eventLabel } from '../../src/core/labels';
import { transitionsOf } from '../../src/core/processes/edit';
import { ROOT } from '../support/scenarios';
import { animationFrames, launchBrowser, openPage, startPreview, type OpenedPage, type PreviewHandle } from './harness';

/** The file the command-line walkthrough checks ("The same change without code"): the lab must download this, byte for byte. */
const EXAMPLE = 'examples/spa2015-no-escalation.json';
/** The command-line walkthrough's seed and number of runs (`check-process ... --seed 2015`, 100 runs by default). */
const SEED = '2015';
const RUNS = '100';
const DESKTOP = { width: 1366, height: 850 };
const PHONE = { width: 390, height: 844 };

const SHOTS = process.env.UPDATE_SCREENSHOTS ? join(ROOT, 'docs', 'lab') : join(tmpdir(), 'lab-walkthrough');
/** The screenshots, one a step, in the order of the README's steps. */
const STEPS = [
  '01-open-the-lab',
  '02-start-from-2015',
  '03-choose-an-escalation',
  '04-escalations-removed',
  '05-name-and-download',
  '06-check-report',
  '07-smallest-counterexample',
  '08-counterexample-on-replay',
  '09-compare-with-2015',
] as const;

const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const START = '### Walkthrough in the lab: remove the escalation';
const section = README.slice(README.indexOf(START), README.indexOf('\n### ', README.indexOf(START) + START.length));
/** The section's steps ("**N. ...**" to the next), each with the page text it quotes and the pictures it shows. */
const readmeSteps = section
  .split(/\n(?=\*\*\d+\. )/)
  .slice(1)
  .map((text) => ({
    n: Number(/^\*\*(\d+)\./.exec(text)![1]),
    text,
    quotes: [...text.matchAll(/“([^”]+)”/g)].map((m) => m[1]),
    images: [...text.matchAll(/!\[[^\]]*\]\(docs\/lab\/([^)]+)\.png\)/g)].map((m) => m[1]),
  }));

const example = JSON.parse(readFileSync(join(ROOT, EXAMPLE), 'utf8')) as ProcessFile;
const shipped = shippedProcessFile('2015');
const labelOf = (s: string) => (shipped.chart.states[s].meta as { label?: string }).label!;
const escalations = transitionsOf(shipped).filter((t) => t.event === 'clock.escalationDue');
const escalatedTo = escalations[0]?.target ?? '';
const waysOut = (state: string) => transitionsOf(shipped).filter((t) => t.state === state).length;
/** The order the lab removes them in: first the state with the fewest ways out (its escalation is on screen beside the state chooser), then as the chart lists them. */
const fewest = [...escalations].sort((a, b) => waysOut(a.state) - waysOut(b.state))[0];
const removals = [fewest, ...escalations.filter((t) => t !== fewest)];

const onPage = (page: Page) => page.evaluate(() => document.body.innerText.replace(/\s+/g, ' '));

describe('the README walkthrough "remove the escalation", in the lab', () => {
  let server: PreviewHandle | undefined;
  let browser: Browser | undefined;
  let o: OpenedPage;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    [server, browser] = await Promise.all([startPreview(), launchBrowser()]);
    o = await openPage(browser, `${server.url}#/lab`);
    await o.page.setViewportSize(DESKTOP);
  }, 180_000);

  afterAll(async () => {
    await o?.close().catch(() => {});
    await browser?.close();
    await server?.close();
  });

  /** Scroll `selector` to the top of the window, below the replay page's sticky clock if there is one, with a little room above it. */
  async function showAtTop(selector: string): Promise<void> {
    await o.page.locator(selector).first().evaluate((e) => {
      // Not scrollIntoView: the page's scroll-padding-top leaves room for the replay's clock everywhere.
      const sticky = document.querySelector('.controls');
      window.scrollTo(0, window.scrollY + e.getBoundingClientRect().top - 12 - (sticky ? sticky.getBoundingClientRect().height : 0));
    });
    await animationFrames(o.page, 2);
  }

  /**
   * The end of step `n`: the README's quotes of it are on the page; the screenshot at desktop
   * size (`show` scrolled to the top, or the window where it is, then `arrange`d); on a phone
   * the page is no wider than the window.
   */
  async function endOfStep(n: number, show?: string, arrange?: () => Promise<void>): Promise<void> {
    const { page } = o;
    const step = readmeSteps.find((s) => s.n === n);
    expect(step, `the README's lab walkthrough has a step ${n}`).toBeDefined();
    const text = await onPage(page);
    for (const q of step!.quotes) expect(text, `step ${n} of the README quotes “${q}”`).toContain(q.replace(/\s+/g, ' '));

    if (show) await showAtTop(show);
    if (arrange) await arrange();
    await page.screenshot({ path: join(SHOTS, `${STEPS[n - 1]}.png`) });

    await page.setViewportSize(PHONE);
    await animationFrames(page, 2);
    if (show) await showAtTop(show);
    const m = await page.evaluate(() => ({
      sw: document.documentElement.scrollWidth,
      cw: document.documentElement.clientWidth,
      wide: [...document.querySelectorAll('body *')]
        .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
        .slice(0, 6)
        .map((e) => `${e.tagName.toLowerCase()}.${String(e.getAttribute('class') ?? '').replace(/\s+/g, '.')}`),
    }));
    await page.screenshot({ path: join(tmpdir(), `lab-walkthrough-phone-${STEPS[n - 1]}.png`) });
    expect(m.sw, `step ${n} on a phone: the page is ${m.sw} px wide in a ${m.cw} px window: ${m.wide.join('; ')}`).toBeLessThanOrEqual(m.cw);
    await page.setViewportSize(DESKTOP);
    await animationFrames(page, 2);
    expect(o.errors).toEqual([]);
  }

  const edgesInto = (page: Page, target: string) =>
    page.$$eval('svg[data-process-diagram="lab-diagram"] [data-edge]', (es, t) => es.map((e) => e.getAttribute('data-edge')!).filter((e) => e.endsWith(`>${t}`)), target);

  async function chooseState(page: Page, label: string): Promise<void> {
    const value = await page.$$eval('#lab-state option', (os, l) => (os as HTMLOptionElement[]).find((x) => x.textContent === l)?.value, label);
    expect(value, `a state labelled ${label}`).toBeTruthy();
    await page.selectOption('#lab-state', value!);
  }

  it('the README tells each step with its screenshot, in order, and the screenshots are in docs/lab', () => {
    expect(readmeSteps.map((s) => s.n)).toEqual(STEPS.map((_, i) => i + 1));
    expect(readmeSteps.flatMap((s) => s.images)).toEqual([...STEPS]);
    for (const s of STEPS) expect(existsSync(join(ROOT, 'docs', 'lab', `${s}.png`)), `docs/lab/${s}.png`).toBe(true);
    // The command-line walkthrough removes the same five transitions the lab removes here.
    expect(escalations.map((t) => t.state)).toEqual(['received', 'informationGathering', 'camhsScreening', 'awaitingDecision', 'awaitingDecisionOnCamhsAssessment']);
  });

  it('1. opens the lab: nothing to check until there is a process', async () => {
    const { page } = o;
    await page.waitForSelector('.lab');
    expect(await page.getAttribute('nav a[href="#/lab"]', 'aria-current')).toBe('page');
    expect(await page.textContent('#lab-not-ready')).toBe('Nothing to check yet');
    expect(await page.getByRole('button', { name: 'Start from 2015' }).isVisible()).toBe(true);
    await endOfStep(1);
  });

  it('2. starts from 2015: its chart, with an escalation out of each of five states', async () => {
    const { page } = o;
    await page.getByRole('button', { name: 'Start from 2015' }).click();
    await page.waitForSelector('svg[data-process-diagram="lab-diagram"] [data-edge]');
    expect(await page.textContent('[data-lab-status]')).toBe('Started from the 2015 process (Undo: Ctrl+Z)');
    expect(await page.textContent('.lab-changes summary')).toBe('No changes from the 2015 process');
    expect((await edgesInto(page, escalatedTo)).sort()).toEqual(escalations.map((t) => `${t.state}>${escalatedTo}`).sort());
    expect(await page.textContent('#lab-check-heading')).toBe('Check it against the safeguards');
    await endOfStep(2, '#lab-editor-heading');
  });

  it('3. chooses the first state that escalates, and sees its escalation among the ways out', async () => {
    const { page } = o;
    const t = removals[0];
    await chooseState(page, labelOf(t.state));
    const row = page.locator(`[data-transition="${t.state}|${t.event}|${t.index}"]`);
    expect(await row.locator('.lab-transition-says').textContent()).toBe(`${eventLabel(t.event)}: ${labelOf(escalatedTo)}`);
    await endOfStep(3, '.lab-toolbar');
    expect(labelOf(t.state), 'the README names the state it starts with').toBe('Information gathering');
  });

  it('4. removes the five escalations: each edit accepted, the arrows gone, the changes listed, the process still runnable', async () => {
    const { page } = o;
    for (const t of removals) {
      await chooseState(page, labelOf(t.state));
      await page.click(`[data-transition^="${t.state}|${t.event}|"] [data-lab-remove]`);
      const said = `Removed ${labelOf(t.state)} on "${eventLabel(t.event)}", to ${labelOf(escalatedTo)}`;
      await expect.poll(() => page.textContent('[data-lab-status]')).toBe(`${said} (Undo: Ctrl+Z)`);
      expect(await page.locator('[data-lab-refusal]').count()).toBe(0);
    }
    // The chart is laid out again after each edit: wait for it to be drawn, without the five arrows.
    await page.waitForSelector('svg[data-process-diagram="lab-diagram"] [data-edge]');
    expect(await page.locator('.lab-chart .diagram-placeholder').count()).toBe(0);
    expect(await edgesInto(page, escalatedTo)).toEqual([]);
    expect(await page.textContent('.lab-changes summary')).toBe('5 changes from the 2015 process');
    expect(await page.$$eval('[data-lab-changes] li', (lis) => lis.map((li) => li.textContent))).toEqual(
      escalations.map((t) => `Removed: ${labelOf(t.state)}, on "${eventLabel(t.event)}", to ${labelOf(escalatedTo)}`),
    );
    // Every edit passed the validation the command line applies: the page offers to check it.
    expect(await page.locator('#lab-not-ready').count()).toBe(0);
    expect(await page.textContent('#lab-check-heading')).toBe('Check it against the safeguards');
    // The chart stays in view beside the controls (sticky), in a box of its own as tall as the window: scroll the window to it and the box to its end, so the picture has the chart's middle (no arrow into the escalated state) and the changes.
    await endOfStep(4, '.lab-controls', () => page.locator('.lab-chart').evaluate((e) => void (e.scrollTop = e.scrollHeight)));
  });

  it(`5. names it as ${EXAMPLE} names it, and downloads exactly that file`, async () => {
    const { page } = o;
    await page.fill('#lab-name-id', example.id);
    await page.fill('#lab-name-name', example.name);
    await page.fill('#lab-name-description', example.description);
    await page.getByRole('button', { name: 'Save the name' }).click();
    await expect.poll(() => page.textContent('[data-lab-status]')).toBe(`Named the process ${example.name} (Undo: Ctrl+Z)`);
    expect(await page.textContent('.lab-chart h3')).toBe(`${example.name} (${example.id}, from the 2015 process)`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the process file' }).click()]);
    expect(download.suggestedFilename()).toBe(`${example.id}.json`);
    expect(await readFile((await download.path())!, 'utf8')).toBe(readFileSync(join(ROOT, EXAMPLE), 'utf8'));
    await page.waitForSelector('svg[data-process-diagram="lab-diagram"] [data-edge]');
    // The description from its first line (filling it left the box scrolled to its end).
    await endOfStep(5, '#lab-name-heading', () => page.locator('#lab-name-description').evaluate((e) => void (e.scrollTop = 0)));
  });

  it(`6. checks it with seed ${SEED} on ${RUNS} generated scenarios: one safeguard broken, in 49 of them`, async () => {
    const { page } = o;
    expect(await page.textContent('.lab-check')).toContain(`npm run check-process -- ${example.id}.json`);
    await page.getByLabel('Generated scenarios to run').fill(RUNS);
    await page.getByLabel('Seed').fill(SEED);
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await page.waitForSelector('.lab-report', { timeout: 240_000 });
    expect(await page.textContent('#lab-report-heading')).toBe('1 of 15 safeguards broken');
    const broken = await page.$$eval('.lab-safeguards tbody tr[data-holds="no"]', (trs) => trs.map((tr) => [tr.getAttribute('data-safeguard'), (tr as HTMLTableRowElement).cells[2].textContent]));
    expect(broken).toEqual([['with-a-manager-by-the-deadline', `49 of ${RUNS}`]]);
    expect(await page.locator('.lab-safeguards tbody tr[data-holds="yes"]').count()).toBe(14);
    await endOfStep(6, '.lab-report');
  }, 300_000);

  it('7. reads the broken safeguard and the smallest counterexample: one contact, its chronology, where it broke', async () => {
    const { page } = o;
    const failure = page.locator('.lab-failure[data-failure="with-a-manager-by-the-deadline"]');
    expect(await failure.locator('h4').textContent()).toBe('Broken: Escalated before the one-working-day clock runs out');
    expect(await failure.locator('h5').first().textContent()).toBe('Smallest scenario found (run 6, after 15 shrinks): 1 contact');
    expect(await failure.locator('.lab-chronology > p strong').allTextContents()).toEqual(['C000001']);
    expect(await failure.locator('.lab-breach').count()).toBe(1);
    await endOfStep(7, '.lab-failure h5');
  });

  it('8. opens the counterexample on the replay page: the variant beside 2015, at its case', async () => {
    const { page } = o;
    await page.getByRole('button', { name: 'Open this counterexample on the replay page' }).click();
    await page.waitForSelector('.replay[data-status="ready"]', { timeout: 240_000 });
    expect(page.url()).toContain('#/replay');
    expect(await page.textContent('.variant-notice')).toContain(`Comparing ${example.name} (right) with the 2015 process it came from (left)`);
    expect(await page.getAttribute('.chronology', 'data-case')).toBe('C000001');
    await expect.poll(() => page.locator('.diagram-placeholder').count(), { timeout: 60_000 }).toBe(0);
    // Each side's chronology names states by its own chart's labels (the left is the 2015 chart, not 2013's).
    const labels = new Set(Object.keys(shipped.chart.states).map(labelOf));
    for (const side of ['2013', '2015']) {
      const after = await page.$$eval(`[data-chronology="${side}"] .chron-table tbody tr`, (trs) => trs.map((tr) => (tr as HTMLTableRowElement).cells[2].textContent!));
      expect(after.length).toBeGreaterThan(2);
      expect(after.filter((a) => a !== 'no change' && !labels.has(a)), `side ${side}`).toEqual([]);
    }
    await endOfStep(8, '.chronology');
  }, 300_000);

  it('9. goes back to the lab (the draft kept) and compares the variant with 2015 on the shipped year', async () => {
    const { page } = o;
    await page.getByRole('link', { name: 'Back to the process lab' }).click();
    await page.waitForSelector('svg[data-process-diagram="lab-diagram"] [data-edge]');
    expect(await page.textContent('.lab-changes summary')).toBe('5 changes from the 2015 process');
    await page.getByRole('button', { name: 'Compare with 2015 on the replay page' }).click();
    await page.waitForSelector('.replay[data-status="ready"]', { timeout: 240_000 });
    expect(await page.textContent('#pane-2015-heading')).toContain('the variant from the process lab');
    expect(await page.textContent('.figures-table thead')).toContain(`${example.name} minus 2015`);
    await expect.poll(() => page.locator('.diagram-placeholder').count(), { timeout: 60_000 }).toBe(0);
    // The README gives figures as “Figure” ... from X to Y: 2015's, then the variant's, as the table shows them.
    const rows = new Map(
      await page.$$eval('.figures-table tbody tr', (trs) => trs.map((tr) => [((tr as HTMLTableRowElement).cells[0].firstChild?.textContent ?? '').trim(), [1, 2].map((i) => (tr as HTMLTableRowElement).cells[i].textContent!.trim())] as const)),
    );
    const step9 = readmeSteps.find((x) => x.n === 9)!;
    const quoted = [...step9.text.matchAll(/“([^”]+)”[^.]*? from (\S+) to ([^\s,;]+?)[,;.]?(?=\s)/g)].map((m) => ({ figure: m[1].replace(/\s+/g, ' '), from: m[2], to: m[3] }));
    expect(quoted.length, 'figures the README quotes in step 9').toBeGreaterThan(0);
    for (const q of quoted) expect([q.figure, ...(rows.get(q.figure) ?? [])]).toEqual([q.figure, q.from, q.to]);
    await endOfStep(9, 'h2:has-text("Figures for the whole period")');
  }, 300_000);
});
