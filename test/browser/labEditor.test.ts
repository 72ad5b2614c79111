// The process lab's editor in real Chromium against `vite build` + `vite preview` (the harness):
// start from 2015, remove an escalation and see the chart change, undo it by keyboard, redo, and
// find the draft still there after a refresh; a bad edit (a state left with no way out) shows the
// command line's own message; the downloaded file is the file the core's edit gives; a shared link
// opens the same process in a fresh browser; no axe violations and no sideways scroll at 390 px.
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { processFileText, shippedProcessFile } from '../../src/core/processes';
import { problemsOf, removeTransition, transitionsOf } from '../../src/core/processes/edit';
import { formatViolations, openPage, runAxe, suitePage } from './harness';

/** The escalation out of information gathering in the shipped 2015 file, found by its event and its state's label. */
function escalationOfInformationGathering() {
  const file = shippedProcessFile('2015');
  const from = Object.entries(file.chart.states).find(([, s]) => (s.meta as { label?: string }).label === 'Information gathering')![0];
  const t = transitionsOf(file).find((x) => x.state === from && x.event === 'clock.escalationDue')!;
  return { file, t, edge: `${t.state}>${t.target}` };
}

const edges = (page: Page) => page.$$eval('svg[data-process-diagram="lab-diagram"] [data-edge]', (es) => es.map((e) => e.getAttribute('data-edge')));

async function chooseState(page: Page, label: string) {
  const value = await page.$$eval('#lab-state option', (os, l) => (os as HTMLOptionElement[]).find((o) => o.textContent === l)?.value, label);
  expect(value, `a state labelled ${label}`).toBeTruthy();
  await page.selectOption('#lab-state', value!);
}

describe('Process lab: the editor', () => {
  const { file, t, edge } = escalationOfInformationGathering();
  const s = suitePage('#/lab');

  it('starts from 2015 and draws its chart as the replay page does', async () => {
    const { page } = s.opened;
    await page.getByRole('button', { name: 'Start from 2015' }).click();
    await page.waitForSelector('svg[data-process-diagram="lab-diagram"] [data-edge]');
    expect(await edges(page)).toContain(edge);
    expect(await page.textContent('.lab-changes summary')).toBe('No changes from the 2015 process');
  });

  it('removing the escalation out of information gathering takes its arrow off the chart and lists the change', async () => {
    const { page } = s.opened;
    await chooseState(page, 'Information gathering');
    await page.click(`[data-transition="${t.state}|${t.event}|${t.index}"] [data-lab-remove]`);
    await page.waitForFunction((e) => !document.querySelector(`svg[data-process-diagram="lab-diagram"] [data-edge="${e}"]`), edge);
    expect(await page.textContent('[data-lab-changes]')).toContain('Removed: Information gathering, on "One-working-day clock nearly out: escalated", to Escalated to manager');
    expect(await page.textContent('[data-lab-status]')).toMatch(/^Removed Information gathering/);
  });

  it('downloads the file the core\u2019s edit gives, byte for byte', async () => {
    const { page } = s.opened;
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the process file' }).click()]);
    const text = await readFile((await download.path())!, 'utf8');
    const edited = removeTransition(file, t);
    expect(edited.ok).toBe(true);
    expect(text).toBe(processFileText((edited as { file: typeof file }).file));
    expect(download.suggestedFilename()).toBe('spa2015.json');
  });

  it('Ctrl+Z undoes the change and Redo makes it again', async () => {
    const { page } = s.opened;
    await page.locator('body').focus();
    await page.keyboard.press('Control+z');
    await page.waitForSelector(`svg[data-process-diagram="lab-diagram"] [data-edge="${edge}"]`);
    expect(await page.textContent('.lab-changes summary')).toBe('No changes from the 2015 process');
    await page.getByRole('button', { name: 'Redo' }).click();
    await page.waitForFunction((e) => !document.querySelector(`svg[data-process-diagram="lab-diagram"] [data-edge="${e}"]`), edge);
  });

  it('a refresh keeps the draft, with its undo steps', async () => {
    const { page } = s.opened;
    await page.reload({ waitUntil: 'load' });
    await page.waitForSelector('svg[data-process-diagram="lab-diagram"] [data-edge]');
    expect(await edges(page)).not.toContain(edge);
    expect(await page.textContent('.lab-changes summary')).toBe('1 change from the 2015 process');
    expect(await page.isEnabled('[data-lab="undo"]')).toBe(true);
  });

  it('a bad edit (the strategy discussion left with no way out) is refused with the command line\u2019s message, and changes nothing', async () => {
    const { page } = s.opened;
    const before = await edges(page);
    await chooseState(page, 'Strategy discussion');
    await page.click('.lab-transitions [data-lab-remove]');
    const box = await page.waitForSelector('[data-lab-refusal="transitions"]');
    // The same edit made by the core on the same file, refused in the CLI's words ("field: rule").
    const current = removeTransition(file, t) as { file: typeof file };
    const sd = transitionsOf(current.file).find((x) => x.event === 'strategy.held')!;
    const cli = removeTransition(current.file, sd);
    expect(cli.ok).toBe(false);
    const problems = (cli as { problems: string[] }).problems;
    expect(problems).toEqual(['chart.states.strategyDiscussion.on: must answer "strategy.held", the event its meta.work says ends the work']);
    expect(await box.textContent()).toContain(problems[0]);
    expect(await edges(page)).toEqual(before);
    // And the file the page holds is still one the command line accepts.
    expect(problemsOf(current.file)).toEqual([]);
  });

  it('shares the draft by a link that opens the same process in a fresh browser', async () => {
    const { page } = s.opened;
    await page.getByRole('button', { name: 'Share by a link' }).click();
    const url = await page.inputValue('#lab-share-url');
    expect(url).toMatch(/#\/lab\?process=z\./);
    expect(url.length).toBeLessThan(8_000);
    const other = await openPage(s.browser, url);
    try {
      await other.page.waitForSelector('svg[data-process-diagram="lab-diagram"] [data-edge]');
      expect(await edges(other.page)).not.toContain(edge);
      expect(await other.page.textContent('.lab-changes summary')).toBe('1 change from the 2015 process');
      expect(other.page.url()).toMatch(/#\/lab$/);
      expect(other.errors).toEqual([]);
    } finally {
      await other.close();
    }
  });

  it('has no axe violations, and no sideways scroll at 390 px', async () => {
    const { page } = s.opened;
    expect(formatViolations(await runAxe(page))).toBe('');
    await page.setViewportSize({ width: 390, height: 844 });
    const m = await page.evaluate(() => ({ sw: document.documentElement.scrollWidth, cw: document.documentElement.clientWidth }));
    expect(m.sw).toBe(m.cw);
    expect(formatViolations(await runAxe(page))).toBe('');
    expect(s.opened.errors).toEqual([]);
  });

  it('sets the escalation point, with the rule beside a value past the decision clock, keeps it after a refresh, and undoes it', async () => {
    const { page } = s.opened;
    await page.setViewportSize({ width: 1366, height: 850 });
    const box = '[data-lab-clock="escalateAfterWorkingHours"]';
    expect(await page.inputValue(box)).toBe('');
    await page.fill(box, '12');
    const error = await page.waitForSelector('[data-lab-clock-error="escalateAfterWorkingHours"]');
    expect(await error.textContent()).toBe(
      "chart.meta.clocks.escalateAfterWorkingHours: must be earlier than the chart's decision clock (9 working hours, one working day): the escalation comes within the clock it is there to keep",
    );
    expect(await page.getAttribute(box, 'aria-invalid')).toBe('true');
    // By keyboard: type the value and press Enter in the box.
    await page.fill(box, '');
    await page.focus(box);
    await page.keyboard.type('4');
    expect(await page.$('[data-lab-clock-error]')).toBeNull();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('[data-lab-status]')?.textContent?.startsWith('Set the clocks'));
    expect(await page.textContent('[data-lab-changes]')).toContain('Escalate red and amber contacts after 4 working hours, was the scenario\u2019s figure');
    await page.reload({ waitUntil: 'load' });
    await page.waitForSelector(box);
    expect(await page.inputValue(box)).toBe('4');
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.waitForFunction((b: string) => (document.querySelector(b) as HTMLInputElement | null)?.value === '', box);
    await page.getByRole('button', { name: 'Redo' }).click();
    await page.waitForFunction((b: string) => (document.querySelector(b) as HTMLInputElement | null)?.value === '4', box);
    expect(formatViolations(await runAxe(page))).toBe('');
    expect(s.opened.errors).toEqual([]);
  });

  it('Discard asks first, then forgets the draft, also after a refresh', async () => {
    const { page } = s.opened;
    await page.getByRole('button', { name: 'Discard the draft' }).click();
    await page.getByRole('button', { name: 'Yes, discard the draft' }).click();
    await page.getByRole('button', { name: 'Start from 2015' }).waitFor();
    await page.reload({ waitUntil: 'load' });
    await page.getByRole('button', { name: 'Start from 2015' }).waitFor();
    expect(await page.$('svg[data-process-diagram="lab-diagram"]')).toBeNull();
  });
});
