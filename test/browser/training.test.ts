// Training mode in a real Chromium: a whole shift worked by keyboard alone (Tab, Shift+Tab,
// arrows, Space, Enter and typing; no clicks), then the debrief's figures checked against the
// core's own scoring of the same actions; the exports; class results; the threshold explorer.
// Screenshots at 1280x720 go to test-results/training-*.png.
import { readFileSync, readdirSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  act,
  learnerResults,
  nextToDecide,
  loadLibrary,
  parseLearnerResultsText,
  resultsToJson,
  startShift,
  type LearnerResults,
  type ResponseId,
  type ShiftAction,
  type ShiftState,
} from '../../src/core/training';
import { formatViolations, launchBrowser, openPage, runAxe, startPreview, type OpenedPage, type PreviewHandle } from './harness';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const RESULTS_DIR = join(ROOT, 'test-results');
const DIR = join(ROOT, 'scenarios', 'training');
const library = loadLibrary(readdirSync(DIR).filter((f) => f.endsWith('.json')).map((name) => ({ name, text: readFileSync(join(DIR, name), 'utf8') }))).vignettes;

const SEED = 'demo';
const RULES = '2013' as const;
const COUNT = 4;
const LEARNER = 'Keyboard Learner';

interface Focused {
  tag: string;
  name: string;
  type: string;
  id: string;
  visibleFocus: boolean;
}

/** What has focus: its accessible-ish name (label, aria-label or text) and whether focus is drawn. */
async function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { tag: 'BODY', name: '', type: '', id: '', visibleFocus: false };
    const label = el.id ? document.querySelector(`label[for="${CSS.escape(el.id)}"]`) : null;
    const name = (label?.textContent ?? el.getAttribute('aria-label') ?? el.textContent ?? '').replace(/\s+/g, ' ').trim();
    const cs = getComputedStyle(el);
    const visibleFocus = (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0) || cs.boxShadow !== 'none';
    return { tag: el.tagName, name, type: (el as HTMLInputElement).type ?? '', id: el.id, visibleFocus };
  });
}

/** Press Tab (or Shift+Tab) until the focused element matches; fails after `max` presses. */
async function tabTo(page: Page, what: string | RegExp | ((f: Focused) => boolean), opts: { back?: boolean; max?: number } = {}): Promise<Focused> {
  const match = typeof what === 'function' ? what : (f: Focused) => (typeof what === 'string' ? f.name.startsWith(what) : what.test(f.name));
  for (let i = 0; i < (opts.max ?? 250); i++) {
    await page.keyboard.press(opts.back ? 'Shift+Tab' : 'Tab');
    const f = await focused(page);
    if (match(f)) return f;
  }
  throw new Error(`could not reach ${String(what)} by keyboard`);
}

/** Tab into a radio group, then use the arrow keys until the wanted option is checked. */
async function chooseRadio(page: Page, groupFirst: RegExp, wanted: RegExp): Promise<void> {
  await tabTo(page, (f) => f.type === 'radio' && groupFirst.test(f.name));
  await page.keyboard.press('Space');
  for (let i = 0; i < 10; i++) {
    const f = await focused(page);
    if (wanted.test(f.name)) {
      expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).checked)).toBe(true);
      return;
    }
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`could not choose ${wanted}`);
}

async function press(page: Page, name: string | RegExp | ((f: Focused) => boolean), opts: { back?: boolean } = {}): Promise<void> {
  const f = await tabTo(page, name, opts);
  expect(f.visibleFocus, `focus is visible on "${f.name}"`).toBe(true);
  await page.keyboard.press('Enter');
}

async function seriousViolations(page: Page): Promise<string> {
  const v = (await runAxe(page)).filter((x) => x.impact === 'serious' || x.impact === 'critical');
  return formatViolations(v);
}

describe('training mode in the browser', () => {
  let server: PreviewHandle | undefined;
  let browser: Browser | undefined;
  let opened: OpenedPage;
  let page: Page;
  /** The same actions, applied to the core in this process: the debrief must show its figures. */
  let core: ShiftState;
  let expected: LearnerResults;

  const mirror = (a: ShiftAction) => {
    core = act(core, a);
  };

  beforeAll(async () => {
    [server, browser] = await Promise.all([startPreview(), launchBrowser()]);
    opened = await openPage(browser, `${server.url}#/training`);
    page = opened.page;
    await page.setViewportSize({ width: 1280, height: 720 });
    await mkdir(RESULTS_DIR, { recursive: true });
    core = startShift(library, { seed: SEED, rules: RULES, count: COUNT, mix: 'shuffle' });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the training set-up at #/training', async () => {
    await expect.poll(() => page.locator('h2#training-heading').textContent(), { timeout: 20_000 }).toContain('Training');
    await page.screenshot({ path: join(RESULTS_DIR, 'training-setup.png') });
    expect(await seriousViolations(page)).toBe('');
  });

  it('works a whole shift by keyboard alone', async () => {
    // Set-up: name, seed, rules (arrow keys), number of contacts, start.
    await tabTo(page, /^Your name or initials/);
    await page.keyboard.type(LEARNER);
    await tabTo(page, /^Seed/);
    await page.keyboard.press('Control+A');
    await page.keyboard.type(SEED);
    await tabTo(page, (f) => f.type === 'radio' && /^2015/.test(f.name));
    await page.keyboard.press('ArrowUp'); // 2015 -> 2013
    expect((await focused(page)).name).toMatch(/^2013/);
    await tabTo(page, /^Number of contacts/);
    await page.keyboard.press('Control+A');
    await page.keyboard.type(String(COUNT));
    // The last mix, "Any contacts", is the plain shuffle this scripted shift was written for.
    await tabTo(page, /^Mix of contacts/);
    await page.keyboard.press('End');
    expect(await page.evaluate(() => (document.activeElement as HTMLSelectElement).value)).toBe('shuffle');
    await press(page, 'Start the shift');
    await expect.poll(() => page.locator('#tr-shift-heading').textContent()).toContain('Your shift');
    expect((await focused(page)).id).toBe('tr-shift-heading');

    const ids = core.cases.map((c) => c.id);
    expect(ids).toEqual(['conflicting-hungry-boy-friday', 'disabled-child-mother-at-breaking-point', 'marf-incomplete-older-boyfriend', 'cumulative-two-needs-only']);
    const title = (id: string) => core.cases.find((c) => c.id === id)!.vignette.title;

    const openContact = async (id: string) => {
      await press(page, (f: Focused) => f.id === `tr-queue-${id}`);
      if (!core.cases.find((c) => c.id === id)!.opened) mirror({ type: 'open', caseId: id });
      await expect.poll(() => focused(page).then((f) => f.id)).toBe('tr-case-heading');
      expect(await page.locator('#tr-case-heading').textContent()).toBe(title(id));
    };
    const wait = async () => {
      await press(page, 'Wait until the next thing happens');
      mirror({ type: 'wait' });
    };
    const decide = async (id: string, level: 1 | 2 | 3 | 4, response: ResponseId, responseLabel: RegExp, rationale: string) => {
      await chooseRadio(page, /^Level 1:/, new RegExp(`^Level ${level}:`));
      if (level !== 4) await chooseRadio(page, /./, responseLabel);
      await tabTo(page, /^Your rationale/);
      await page.keyboard.type(rationale);
      await press(page, 'Record the decision');
      mirror({ type: 'decide', caseId: id, level, response, rationale });
    };

    // 1. The Friday contact: ask the school nurse. Under 2013 that holds it with a case coordinator.
    await openContact('conflicting-hungry-boy-friday');
    await press(page, /^Ask the school nurse/);
    mirror({ type: 'request', caseId: 'conflicting-hungry-boy-friday', requestId: 'school-nurse' });
    await expect.poll(() => page.locator('.tr-where').textContent()).toContain('provision of advice and information');
    expect(await page.locator('.tr-where').textContent()).toContain('Not shown as waiting');
    expect(await page.locator('.tr-decision').textContent()).toMatch(/held by a case coordinator/);
    await page.screenshot({ path: join(RESULTS_DIR, 'training-shift.png') });
    expect(await seriousViolations(page)).toBe('');

    // 2. A mother at breaking point arrives at 08:30: decide level 3.
    await wait();
    await openContact('disabled-child-mother-at-breaking-point');
    await decide('disabled-child-mother-at-breaking-point', 3, 'childInNeed', /^Child-in-need assessment/, 'A disabled child whose needs his mother can no longer meet; his sister is being hurt.');
    // Focus moves to the next contact waiting for a decision.
    await expect.poll(() => focused(page).then((f) => f.id)).toBe('tr-queue-conflicting-hungry-boy-friday');

    // 3. The incomplete form: decided level 3 without asking. Under-thresholding a level-4 child.
    await wait();
    await openContact('marf-incomplete-older-boyfriend');
    await decide('marf-incomplete-older-boyfriend', 3, 'childInNeed', /^Child-in-need assessment/, 'Worrying but unclear from the form; an assessment will find out more.');

    // 4. Upset after weekends at dad's: level 2, early help. (The W shortcut waits.)
    await page.keyboard.press('w');
    mirror({ type: 'wait' });
    await expect.poll(() => page.locator('#tr-queue-cumulative-two-needs-only').count()).toBe(1);
    await openContact('cumulative-two-needs-only');
    await decide('cumulative-two-needs-only', 2, 'earlyHelp', /^Early help assessment/, 'Two additional needs with strong protective factors: early help.');

    // 5. The school nurse's answer comes back; take the held contact to a decision; level 3.
    await wait();
    await openContact('conflicting-hungry-boy-friday');
    await expect.poll(() => page.locator('.tr-request-answered').count()).toBe(1);
    await press(page, 'Take the contact to a decision');
    mirror({ type: 'takeToDecision', caseId: 'conflicting-hungry-boy-friday' });
    await decide('conflicting-hungry-boy-friday', 3, 'childInNeed', /^Child-in-need assessment/, 'Weight falling two centile lines, hunger and a locked kitchen: persistent neglect.');

    // Every contact decided: the debrief opens with its heading focused.
    await expect.poll(() => focused(page).then((f) => f.id), { timeout: 10_000 }).toBe('tr-debrief-heading');
    expect(core.ended).toBe(true);
    expected = learnerResults(core, LEARNER);
  });

  it("shows the debrief's figures as the core scores the same calls", async () => {
    const fig = (key: string) => page.locator(`[data-figure="${key}"]`).first().textContent();
    const s = expected.score;
    // The shift as designed: three agreements, one level-4 child under-thresholded, all in time.
    expect(s).toMatchObject({ contacts: 4, agree: 3, over: 0, under: 1, underLevel4: 1, timely: 4, late: 0, undecided: 0, points: 3, maxPoints: 23, score: 87 });
    expect(await page.locator('.tr-score-number').textContent()).toBe(String(s.score));
    expect(await fig('agree')).toContain(`${s.agree} of ${s.contacts}`);
    expect(await fig('over')).toContain(String(s.over));
    expect(await fig('under')).toContain(`${s.under}1 of them was a child at level 4`);
    expect(await fig('timely')).toContain(String(s.timely));
    expect(await fig('late')).toContain(String(s.late));
    expect(await fig('undecided')).toContain(String(s.undecided));
    expect(await fig('points')).toContain(`${s.points} of ${s.maxPoints}`);
  });

  it("opens a contact's debrief by keyboard: its path, what happened next and the reference", async () => {
    await press(page, (f) => f.tag === 'SUMMARY' && f.name.startsWith('"Worried about her older boyfriend"'));
    const body = page.locator('[data-vignette="marf-incomplete-older-boyfriend"]');
    await expect.poll(() => body.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    const text = (await body.textContent()) ?? '';
    const v = core.cases.find((c) => c.id === 'marf-incomplete-older-boyfriend')!.vignette;
    expect(text).toContain(v.outcomes[3]); // what happened next, for the level decided
    expect(text).toContain(v.reference.rationale);
    expect(text).toContain('004 ¶37');
    expect(await body.locator('.tr-path tbody tr').count()).toBe(expected.cases[2].path.length);
    // Under-thresholded: the learner's call and the reference call played out side by side.
    const played = body.locator('.tr-playout');
    expect(await played.locator('h5').allTextContents()).toEqual(['Under your call: level 3', 'Under the reference call: level 4']);
    const refSteps = core.cases.find((c) => c.id === 'marf-incomplete-older-boyfriend')!.referenceJourney;
    expect(await played.locator('section').nth(1).locator('li').count()).toBe(refSteps.length);
    expect(await played.locator('section').nth(1).textContent()).toContain(v.outcomes[4]);
    // The held Friday contact's path shows the report hiding it.
    const held = page.locator('[data-vignette="conflicting-hungry-boy-friday"]');
    await press(page, (f) => f.tag === 'SUMMARY' && f.name.startsWith('Friday, 16:40'), { back: true });
    expect(await held.locator('.tr-path').textContent()).toContain('contact closed: provision of advice and information');
    await page.screenshot({ path: join(RESULTS_DIR, 'training-debrief.png') });
    await held.locator('.tr-path').evaluate((el) => el.scrollIntoView({ block: 'end' }));
    await page.screenshot({ path: join(RESULTS_DIR, 'training-debrief-path.png') });
    expect(await seriousViolations(page)).toBe('');
  });

  it('exports the results as JSON (the same as the core builds) and CSV', async () => {
    const [json] = await Promise.all([page.waitForEvent('download'), press(page, 'Download your results (JSON)')]);
    expect(json.suggestedFilename()).toBe('training-results-keyboard-learner-demo-2013.json');
    const text = await readFile((await json.path())!, 'utf8');
    expect(parseLearnerResultsText(text)).toEqual(expected);
    expect(text).toBe(resultsToJson(expected));
    const [csv] = await Promise.all([page.waitForEvent('download'), press(page, 'Download your results (CSV)')]);
    const rows = (await readFile((await csv.path())!, 'utf8')).trim().split('\n');
    expect(rows.length).toBe(1 + COUNT);
    expect(rows[0].startsWith('learner,seed,rules,vignetteId')).toBe(true);
  });

  it('shows class results from several learners\u2019 files, and names what is wrong with a bad one', async () => {
    const other = {
      ...expected,
      learner: 'Second Learner',
      cases: expected.cases.map((c) => (c.vignetteId === 'marf-incomplete-older-boyfriend' ? { ...c, decidedLevel: 4, decidedResponse: 'strategyDiscussion', call: 'agree' } : c)),
    };
    const bad = { ...expected, cases: expected.cases.map((c, i) => (i === 1 ? { ...c, referenceLevel: 7 } : c)) };
    await page.locator('.tr-class input[type=file]').setInputFiles([
      { name: 'first.json', mimeType: 'application/json', buffer: Buffer.from(resultsToJson(expected)) },
      { name: 'second.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(other)) },
      { name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) },
      // Larger than a results file can be: refused by its size, never read (issue 17: 30 MB froze the tab).
      { name: 'huge.json', mimeType: 'application/json', buffer: Buffer.alloc(3 << 20, 32) },
    ]);
    await expect.poll(() => page.locator('.tr-class-learners tbody tr').count()).toBe(2);
    expect(await page.locator('.tr-class .error-summary').textContent()).toContain('bad.json: cases[1].referenceLevel: must be a level from 1 to 4');
    expect(await page.locator('.tr-class .error-summary').textContent()).toContain('huge.json: is 3 MB; a results file can be at most 2 MB');
    const row = page.locator('.tr-class-table tr[data-vignette="marf-incomplete-older-boyfriend"]');
    expect(await row.textContent()).toContain('1 of 2 (50%)');
    expect(await row.locator('.visually-hidden').textContent()).toBe('Level 3: 1, Level 4: 1 (the reference)');
    expect(await page.locator('.tr-distance-svg desc').textContent()).toContain('1 too low: 1');
    // By hard boundary: the incomplete form, called too low by one learner of two, comes first.
    const first = page.locator('.tr-bnd-row').first();
    expect(await first.textContent()).toContain('An incomplete referral form (MARF) (2 calls: 1 under, 0 over)');
    await page.locator('.tr-class').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(RESULTS_DIR, 'training-class.png') });
    expect(await seriousViolations(page)).toBe('');
  });

  it('links from the debrief to the threshold explorer with the contact\u2019s indicators, and the explorer works by keyboard', async () => {
    await press(page, (f) => f.tag === 'SUMMARY' && f.name.startsWith("Upset after weekends at dad's"), { back: true });
    await press(page, (f) => f.tag === 'A' && f.name.startsWith('See this contact'));
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe('#/threshold');
    await expect.poll(() => page.locator('.tr-result-title').textContent()).toContain('level 2');
    // Two level-2 indicators (from the debrief). Tick a third by keyboard: several together make level 3.
    await tabTo(page, /^Early behaviour problems/);
    await page.keyboard.press('Space');
    await expect.poll(() => page.locator('.tr-result-title').textContent()).toContain('level 3');
    expect(await page.locator('.tr-explorer-result').textContent()).toContain('3 level-2 indicators together point to complex needs');
    expect(await page.locator('.tr-caveat').textContent()).toContain('not a checklist');
    // Tick an indicator that contradicts one already ticked: the explorer points it out, and
    // unticking it takes the note away.
    expect(await page.locator('.tr-conflicts').textContent()).toBe('');
    await tabTo(page, /^Good school attendance/, { back: true });
    await page.keyboard.press('Space');
    await tabTo(page, /^School attendance under about 90%/);
    const attendanceLow = await page.evaluate(() => (document.activeElement as HTMLInputElement).checked);
    if (!attendanceLow) await page.keyboard.press('Space');
    await expect.poll(() => page.locator('.tr-conflicts').textContent()).toContain('"good school attendance" contradicts "school attendance under about 90%"');
    await page.screenshot({ path: join(RESULTS_DIR, 'training-threshold.png') });
    expect(await seriousViolations(page)).toBe('');
    await tabTo(page, /^Good school attendance/, { back: true });
    await page.keyboard.press('Space');
    await expect.poll(() => page.locator('.tr-conflicts').textContent()).toBe('');
    if (!attendanceLow) {
      await tabTo(page, /^School attendance under about 90%/);
      await page.keyboard.press('Space');
    }
  });

  it('keeps the shift when the learner goes to the explorer and back', async () => {
    await press(page, 'Back to training', { back: true });
    await expect.poll(() => page.locator('#tr-debrief-heading').count()).toBe(1);
    expect(await page.locator('.tr-score-number').textContent()).toBe(String(expected.score.score));
  });

  it('logs no console errors or page errors', () => {
    expect(opened.errors).toEqual([]);
  });
});

describe('a balanced shift, the N shortcut and a time limit, in the browser', () => {
  let server: PreviewHandle | undefined;
  let browser: Browser | undefined;
  const pages: OpenedPage[] = [];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startPreview(), launchBrowser()]);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const setUp = async (page: Page, opts: { seed: string; mix: RegExp; count: number; limit?: number }) => {
    await expect.poll(() => page.locator('h2#training-heading').count(), { timeout: 20_000 }).toBe(1);
    await page.getByLabel('Seed').fill(opts.seed);
    await page.getByLabel('Number of contacts').fill(String(opts.count));
    const label = await page.locator('select option').filter({ hasText: opts.mix }).first().getAttribute('value');
    await page.getByLabel('Mix of contacts').selectOption(label!);
    if (opts.limit !== undefined) await page.getByLabel(/^Time limit/).fill(String(opts.limit));
    await page.getByRole('button', { name: 'Start the shift' }).click();
    await expect.poll(() => page.locator('#tr-shift-heading').count()).toBe(1);
  };

  it('draws the mix the trainer chose (the level 3/4 boundary), as the core draws it, and N skips a contact waiting for answers', async () => {
    const opened = await openPage(browser!, `${server!.url}#/training`);
    pages.push(opened);
    const { page } = opened;
    await setUp(page, { seed: 'mix-demo', mix: /^Level 3\/4 boundary/, count: 6 });
    let core = startShift(library, { seed: 'mix-demo', rules: '2015', count: 6, mix: 'levels-3-4' });
    expect(core.cases.map((c) => c.vignette.reference.level).sort()).toEqual([3, 3, 3, 4, 4, 4]);
    const queue = () => core.cases.filter((c) => c.arrived).map((c) => c.id);
    await expect.poll(() => page.locator('.tr-queue > li').count()).toBe(queue().length);

    // Ask for the slowest information on the first contact, then wait once: it cannot be decided
    // until the answer comes back, and by then another contact has arrived.
    const first = core.cases.find((c) => c.arrived)!;
    const info = [...first.vignette.information].sort((a, b) => b.hours - a.hours)[0];
    await page.locator(`#tr-queue-${first.id}`).click();
    core = act(core, { type: 'open', caseId: first.id });
    await page.getByRole('button', { name: info.label, exact: false }).first().click();
    core = act(core, { type: 'request', caseId: first.id, requestId: info.id });
    await page.locator('#tr-shift-heading').focus();
    await page.keyboard.press('w');
    core = act(core, { type: 'wait' });
    await expect.poll(() => page.locator('.tr-queue > li').count()).toBe(queue().length);
    for (const id of queue()) expect(await page.locator(`#tr-queue-${id}`).count(), id).toBe(1);

    // N: past the contact waiting for its answer to the next one that can be decided, as the core says.
    const expected = nextToDecide(core, first.id);
    expect(expected.caseId).not.toBeNull();
    expect(nextToDecide(core, expected.caseId).skipped.map((x) => x.caseId)).toContain(first.id);
    await page.locator(`#tr-queue-${first.id}`).focus();
    await page.keyboard.press('n');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(`tr-queue-${expected.caseId}`);
    // From there, round the queue: the first is skipped and the page says so.
    await page.locator(`#tr-queue-${expected.caseId}`).click();
    core = act(core, { type: 'open', caseId: expected.caseId! });
    await page.locator('#tr-shift-heading').focus();
    await page.keyboard.press('n');
    await expect.poll(() => page.locator('#tr-skipped').textContent()).toContain(first.vignette.title);
    expect(await page.locator('#tr-skipped').textContent()).toMatch(/^Skipped (a contact|\d+ contacts) that cannot be decided yet/);
    expect(opened.errors).toEqual([]);
  });

  it('ends the shift when the time limit runs out, says so, and a reload does not restart the clock', async () => {
    const opened = await openPage(browser!, `${server!.url}#/training`);
    pages.push(opened);
    const { page } = opened;
    await setUp(page, { seed: 'timed', mix: /^Balanced/, count: 4, limit: 2 });
    await expect.poll(() => page.locator('.tr-time-left').textContent()).toMatch(/Real time left\s*(2:00|1:5\d)/);
    // The deadline is kept with the shift in the tab's storage, two minutes from the start.
    const saved = await page.evaluate(() => JSON.parse(window.sessionStorage.getItem('spa-training:shift:v1') ?? 'null') as { deadline?: number } | null);
    const now = await page.evaluate(() => Date.now());
    expect(saved?.deadline).toBeGreaterThan(now + 100_000);
    expect(saved?.deadline).toBeLessThanOrEqual(now + 120_000);
    // A reload keeps that deadline (it does not restart the two minutes): bring it to three seconds
    // from now in storage, reload, and the shift ends when it passes, in real time.
    await page.evaluate(() => {
      const key = 'spa-training:shift:v1';
      const s = JSON.parse(window.sessionStorage.getItem(key)!) as { deadline: number };
      window.sessionStorage.setItem(key, JSON.stringify({ ...s, deadline: Date.now() + 3000 }));
    });
    await page.reload();
    await expect.poll(() => page.locator('#tr-debrief-heading').count(), { timeout: 20_000 }).toBe(1);
    expect(await page.locator('.tr-timeout').textContent()).toContain('The time limit of 2 minutes ran out');
    expect(opened.errors).toEqual([]);
  });
});
