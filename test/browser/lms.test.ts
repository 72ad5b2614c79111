// The SCORM package in a real Chromium: `npm run build:lms`'s zip, unpacked and served beside a
// page that plays the LMS (scorm-again's SCORM 1.2 runtime as window.API, the package in an
// iframe, as Moodle and most LMSs show it). A short shift is worked by keyboard alone and ended;
// every value the LMS received is compared with the core's scoring of the same actions.
// The same package opened on its own (no LMS) shows the training and tells nobody anything.
import { readFileSync, readdirSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { act, learnerResults, loadLibrary, startShift, type LearnerResults, type ResponseId, type ShiftAction, type ShiftState } from '../../src/core/training';
import { LMS_DEFAULTS, type LmsConfig } from '../../src/ui/training/lms/config';
import { scormValues } from '../../src/ui/training/lms/scorm12';
import { scorm2004Values } from '../../src/ui/training/lms/scorm2004';
import { buildLmsPackage } from '../../tools/lms';
import { launchBrowser, openPage, type OpenedPage } from './harness';
import { serveFolder, type StaticServer } from './staticServer';

const require = createRequire(import.meta.url);
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DIR = join(ROOT, 'scenarios', 'training');
const library = loadLibrary(readdirSync(DIR).filter((f) => f.endsWith('.json')).map((name) => ({ name, text: readFileSync(join(DIR, name), 'utf8') }))).vignettes;

const PASS_MARK = 60;
const CONFIG: LmsConfig = { ...LMS_DEFAULTS, passMark: PASS_MARK };
const SEED = 'demo';
const COUNT = 3;
const LEARNER = 'Keyboard Learner';

/** The LMS: scorm-again's SCORM 1.2 API on the top window, logging every call the package makes. */
const HOST_PAGE = `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><title>A learning management system</title>
<script src="scorm12.js"></script>
<script>
  window.lmsLog = [];
  window.API = new Scorm12API({ logLevel: 5 });
  window.API.loadFromJSON({ core: { student_id: 'L042', student_name: 'Learner, Keyboard' } }, '');
  window.API.on('LMSInitialize', () => lmsLog.push(['LMSInitialize']));
  window.API.on('LMSSetValue.cmi.*', (k, v) => lmsLog.push(['LMSSetValue', k, v]));
  window.API.on('LMSCommit', () => lmsLog.push(['LMSCommit']));
  window.API.on('LMSFinish', () => lmsLog.push(['LMSFinish']));
</script></head>
<body><h1>Course</h1><iframe id="course" title="The course" src="course/index.html" style="width:1260px;height:720px"></iframe></body></html>
`;

interface Focused {
  tag: string;
  name: string;
  type: string;
  id: string;
}

async function focused(frame: Frame): Promise<Focused> {
  return frame.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { tag: 'BODY', name: '', type: '', id: '' };
    const label = el.id ? document.querySelector(`label[for="${CSS.escape(el.id)}"]`) : null;
    const name = (label?.textContent ?? el.getAttribute('aria-label') ?? el.textContent ?? '').replace(/\s+/g, ' ').trim();
    return { tag: el.tagName, name, type: (el as HTMLInputElement).type ?? '', id: el.id };
  });
}

/** Tab (in the course's frame) until the focused element matches. */
async function tabTo(page: Page, frame: Frame, what: RegExp | ((f: Focused) => boolean)): Promise<void> {
  const match = typeof what === 'function' ? what : (f: Focused) => what.test(f.name);
  for (let i = 0; i < 250; i++) {
    await page.keyboard.press('Tab');
    if (match(await focused(frame))) return;
  }
  throw new Error(`could not reach ${String(what)} by keyboard`);
}

/** Tab into the radio group whose ids start `prefix`, then arrow keys until `wanted` is focused (and so chosen). */
async function chooseRadio(page: Page, frame: Frame, prefix: string, wanted: string): Promise<void> {
  await tabTo(page, frame, (f) => f.type === 'radio' && f.id.startsWith(prefix));
  await page.keyboard.press('Space');
  for (let i = 0; i < 10; i++) {
    if ((await focused(frame)).id === wanted) return;
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`could not choose ${wanted}`);
}

type LogEntry = [string, ...string[]];

describe('the SCORM package in an LMS', () => {
  let work: string;
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  let opened: OpenedPage;
  let page: Page;
  let frame: Frame;
  let core: ShiftState;
  let expected: LearnerResults;
  let files: Record<string, Uint8Array>;
  /** Every request the pages made after opening: the package must ask nothing of anyone else. */
  const requests: string[] = [];

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'spa-lms-'));
    const site = join(work, 'site');
    const [{ zip }, launched] = await Promise.all([buildLmsPackage(CONFIG, join(work, 'package.zip'), join(work, 'page')), launchBrowser()]);
    browser = launched;
    files = unzipSync(new Uint8Array(await readFile(zip)));
    for (const [name, bytes] of Object.entries(files)) {
      await mkdir(dirname(join(site, 'course', name)), { recursive: true });
      await writeFile(join(site, 'course', name), bytes);
    }
    await copyFile(require.resolve('scorm-again/scorm12') /* dist/scorm12.js: a classic script that sets window.Scorm12API */, join(site, 'scorm12.js'));
    await writeFile(join(site, 'lms.html'), HOST_PAGE);
    server = await serveFolder(site, '/lms/');
    core = startShift(library, { seed: SEED, rules: '2015', count: COUNT, mix: 'shuffle' });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('is a zip with a SCORM 1.2 manifest whose mastery score is the pass mark, and the page it names', () => {
    const manifest = new TextDecoder().decode(files['imsmanifest.xml']);
    expect(manifest).toContain('<schemaversion>1.2</schemaversion>');
    expect(manifest).toContain(`<adlcp:masteryscore>${PASS_MARK}</adlcp:masteryscore>`);
    expect(manifest).toContain('adlcp:scormtype="sco" href="index.html"');
    expect(Object.keys(files)).toContain('index.html');
    for (const name of Object.keys(files).filter((f) => f !== 'imsmanifest.xml')) expect(manifest).toContain(`<file href="${name}"/>`);
  });

  it('opens on the training view inside the LMS and starts a session', async () => {
    opened = await openPage(browser!, `${server!.url}lms.html`);
    page = opened.page;
    opened.context.on('request', (r) => requests.push(r.url()));
    await expect.poll(() => page.frames().find((f) => f.url().includes('/course/index.html'))?.url() ?? '', { timeout: 30_000 }).toContain('#/training');
    frame = page.frames().find((f) => f.url().includes('/course/index.html'))!;
    await expect.poll(() => frame.locator('h2#training-heading').count(), { timeout: 30_000 }).toBe(1);
    const log = await page.evaluate(() => (window as unknown as { lmsLog: LogEntry[] }).lmsLog);
    expect(log).toEqual([['LMSInitialize'], ['LMSSetValue', 'cmi.core.lesson_status', 'incomplete'], ['LMSCommit']]);
  });

  it('reports the shift worked by keyboard: score, pass or fail, time and every decision, as the core scores them', async () => {
    const mirror = (a: ShiftAction) => (core = act(core, a));
    // Into the course's frame by keyboard, then the set-up form.
    await tabTo(page, frame, /^Your name or initials/);
    await page.keyboard.type(LEARNER);
    await tabTo(page, frame, /^Seed/);
    await page.keyboard.press('Control+A');
    await page.keyboard.type(SEED);
    await tabTo(page, frame, /^Number of contacts/);
    await page.keyboard.press('Control+A');
    await page.keyboard.type(String(COUNT));
    // The last mix, "Any contacts" (the plain shuffle), is the draw this scripted shift was written for.
    await tabTo(page, frame, /^Mix of contacts/);
    await page.keyboard.press('End');
    await tabTo(page, frame, /^Start the shift/);
    await page.keyboard.press('Enter');
    await expect.poll(() => frame.locator('#tr-shift-heading').count()).toBe(1);

    const decide = async (id: string, level: 1 | 2 | 3 | 4, response: ResponseId) => {
      await tabTo(page, frame, (f) => f.id === `tr-queue-${id}`);
      await page.keyboard.press('Enter');
      if (!core.cases.find((c) => c.id === id)!.opened) mirror({ type: 'open', caseId: id });
      await expect.poll(() => focused(frame).then((f) => f.id)).toBe('tr-case-heading');
      await chooseRadio(page, frame, 'tr-level-', `tr-level-${level}`);
      if (level !== 4) await chooseRadio(page, frame, 'tr-response-', `tr-response-${response}`);
      await tabTo(page, frame, /^Your rationale/);
      const rationale = `Level ${level} on what the contact says.`;
      await page.keyboard.type(rationale);
      await tabTo(page, frame, /^Record the decision/);
      await page.keyboard.press('Enter');
      mirror({ type: 'decide', caseId: id, level, response, rationale });
      await expect.poll(() => frame.locator('.tr-progress').textContent()).toContain(`${core.cases.filter((c) => c.decision).length} of ${COUNT} decided`);
    };

    // The first contact to arrive, as the reference would call it; wait for the next and call it a level too low.
    const first = core.cases.find((c) => c.arrived)!;
    const ref = first.vignette.reference;
    expect(ref.level).toBeLessThan(4);
    await decide(first.id, ref.level, ref.response);
    await tabTo(page, frame, /^Wait until the next thing happens/);
    await page.keyboard.press('Enter');
    mirror({ type: 'wait' });
    const second = core.cases.find((c) => c.arrived && !c.decision)!;
    expect(second.vignette.reference.level).toBeGreaterThan(1);
    await decide(second.id, 1, 'signpost');

    // End the shift with the rest undecided.
    await tabTo(page, frame, /^End the shift/);
    await page.keyboard.press('Enter');
    await tabTo(page, frame, /^Yes, end the shift/);
    await page.keyboard.press('Enter');
    mirror({ type: 'end' });
    await expect.poll(() => frame.locator('#tr-debrief-heading').count(), { timeout: 10_000 }).toBe(1);
    expected = learnerResults(core, LEARNER);
    expect(expected.cases.map((c) => c.call)).toEqual(['agree', 'under', 'undecided']);
    // As designed: 0 + 4 (level 3 called level 1) + 3 (a level-2 child left undecided) of 5 + 5 + 3: under the pass mark.
    expect(expected.score).toMatchObject({ points: 7, maxPoints: 13, score: 46 });
    expect(await frame.locator('.tr-score-number').textContent()).toBe(String(expected.score.score));

    const log = await page.evaluate(() => (window as unknown as { lmsLog: LogEntry[] }).lmsLog);
    const report = log.slice(3);
    const sets = report.filter((e) => e[0] === 'LMSSetValue').map((e) => [e[1], e[2]]);
    // Every value, in order, as the core's results give them; then the time; then a commit.
    expect(sets.slice(0, -1)).toEqual(scormValues(expected, PASS_MARK, 0));
    const s = expected.score.score;
    expect(sets).toContainEqual(['cmi.core.score.raw', String(s)]);
    expect(sets).toContainEqual(['cmi.core.score.min', '0']);
    expect(sets).toContainEqual(['cmi.core.score.max', '100']);
    expect(sets).toContainEqual(['cmi.core.lesson_status', s >= PASS_MARK ? 'passed' : 'failed']);
    const [timeKey, time] = sets[sets.length - 1];
    expect(timeKey).toBe('cmi.core.session_time');
    expect(time).toMatch(/^\d{4}:\d{2}:\d{2}\.\d{2}$/);
    const [h, m, sec] = time.split(':').map(Number);
    expect(h * 3600 + m * 60 + sec).toBeGreaterThan(0);
    expect(h * 3600 + m * 60 + sec).toBeLessThan(600);
    expect(report[report.length - 1]).toEqual(['LMSCommit']);
    // Each decision: the contact, the level and response chosen, the reference, correct or not.
    for (const [i, c] of expected.cases.entries()) {
      expect(sets).toContainEqual([`cmi.interactions.${i}.id`, c.vignetteId]);
      expect(sets).toContainEqual([`cmi.interactions.${i}.student_response`, c.decidedLevel === null ? 'undecided' : `${c.decidedLevel}-${c.decidedResponse}`]);
      expect(sets).toContainEqual([`cmi.interactions.${i}.correct_responses.0.pattern`, `${c.referenceLevel}-${c.referenceResponse}`]);
      expect(sets).toContainEqual([`cmi.interactions.${i}.result`, i === 0 ? 'correct' : 'wrong']);
    }
    // The LMS holds them: what it would store.
    const cmi = await page.evaluate(() => JSON.parse(JSON.stringify((window as unknown as { API: { cmi: unknown } }).API.cmi)) as { core: Record<string, unknown>; interactions: Record<string, { id: string; result: string }> });
    expect(cmi.core.lesson_status).toBe(s >= PASS_MARK ? 'passed' : 'failed');
    expect(cmi.core.score).toEqual({ raw: String(s), min: '0', max: '100' });
    expect(Object.values(cmi.interactions).map((x) => x.id)).toEqual(expected.cases.map((c) => c.vignetteId));
    expect(await frame.locator('[data-lms="scorm"]').textContent()).toContain(`the pass mark is ${PASS_MARK} out of 100`);
  });

  it('offers the same results as xAPI statements from the debrief, the learner named by the LMS', async () => {
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      (async () => {
        await tabTo(page, frame, /^Download your results as xAPI statements/);
        await page.keyboard.press('Enter');
      })(),
    ]);
    const statements = JSON.parse(await readFile((await file.path())!, 'utf8')) as { actor: { account: { name: string } }; verb: { id: string }; result: { score?: { scaled: number; raw: number }; success?: boolean; response?: string } }[];
    expect(statements.map((x) => x.verb.id.split('/').pop())).toEqual(['answered', 'answered', 'answered', 'completed', 'failed']);
    expect(statements.every((x) => x.actor.account.name === 'L042')).toBe(true);
    const last = statements[statements.length - 1].result;
    expect(last.score).toMatchObject({ scaled: expected.score.score / 100, raw: expected.score.score });
    expect(last.success).toBe(false);
    expect(statements.slice(0, 3).map((x) => [x.result.response, x.result.success])).toEqual([
      [`${expected.cases[0].decidedLevel}-${expected.cases[0].decidedResponse}`, true],
      ['1-signpost', false],
      ['undecided', false],
    ]);
  });

  it('does not report the same shift twice when the learner goes to the explorer and back', async () => {
    const before = (await page.evaluate(() => (window as unknown as { lmsLog: LogEntry[] }).lmsLog)).length;
    await frame.evaluate(() => (window.location.hash = '#/threshold'));
    await expect.poll(() => frame.locator('.tr-explorer-result').count()).toBeGreaterThan(0);
    await frame.evaluate(() => (window.location.hash = '#/training'));
    await expect.poll(() => frame.locator('#tr-debrief-heading').count()).toBe(1);
    expect((await page.evaluate(() => (window as unknown as { lmsLog: LogEntry[] }).lmsLog)).length).toBe(before);
  });

  it('finishes the session when the learner leaves the page', async () => {
    await page.evaluate(() => ((document.getElementById('course') as HTMLIFrameElement).src = 'about:blank'));
    await expect.poll(() => page.evaluate(() => (window as unknown as { lmsLog: LogEntry[] }).lmsLog.at(-1)?.[0])).toBe('LMSFinish');
    const log = await page.evaluate(() => (window as unknown as { lmsLog: LogEntry[] }).lmsLog);
    expect(log.at(-2)?.[1]).toBe('cmi.core.session_time');
  });

  it('asked for nothing but its own files, and logged no errors', () => {
    expect(server!.notFound).toEqual([]);
    expect(server!.served.every((p) => p.startsWith('/lms/'))).toBe(true);
    // No --xapi-endpoint: statements were made (the download above) and sent nowhere.
    expect(requests.filter((u) => !u.startsWith(server!.url) && !/^(blob|data|about):/.test(u))).toEqual([]);
    expect(opened.errors).toEqual([]);
  });

  it('opened on its own, outside an LMS, shows the training and reports to nobody', async () => {
    const alone = await openPage(browser!, `${server!.url}course/index.html`);
    try {
      await expect.poll(() => alone.page.locator('h2#training-heading').count(), { timeout: 30_000 }).toBe(1);
      expect(await alone.page.evaluate(() => 'API' in window)).toBe(false);
      expect(alone.errors).toEqual([]);
    } finally {
      await alone.close();
    }
  });
});

describe('the SCORM package built with a learning record store', () => {
  const ENDPOINT = 'https://lrs.example.org/xapi/';
  const AUTH = 'Basic bGVhcm5lcjp3cml0ZS1vbmx5';
  let work: string;
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  let opened: OpenedPage;
  /** What reached each outside address (the test's stand-ins, by Playwright's routing). */
  const posted: { url: string; headers: Record<string, string>; body: string }[] = [];
  const elsewhere: string[] = [];

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'spa-lms-xapi-'));
    const [{ zip }, launched] = await Promise.all([
      buildLmsPackage({ ...CONFIG, xapiEndpoint: ENDPOINT, xapiAuth: AUTH }, join(work, 'package.zip'), join(work, 'page')),
      launchBrowser(),
    ]);
    browser = launched;
    for (const [name, bytes] of Object.entries(unzipSync(new Uint8Array(await readFile(zip))))) {
      await mkdir(dirname(join(work, 'site', name)), { recursive: true });
      await writeFile(join(work, 'site', name), bytes);
    }
    server = await serveFolder(join(work, 'site'), '/course/');
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('sends the statements to the endpoint when a shift ends, and may connect nowhere else', async () => {
    const context = await browser!.newContext({ locale: 'en-GB' });
    const cors = { 'access-control-allow-origin': '*', 'access-control-allow-headers': 'authorization, content-type, x-experience-api-version', 'access-control-allow-methods': 'POST' };
    await context.route('https://lrs.example.org/**', async (route) => {
      const req = route.request();
      if (req.method() === 'OPTIONS') return route.fulfill({ status: 204, headers: cors });
      posted.push({ url: req.url(), headers: await req.allHeaders(), body: req.postData() ?? '' });
      return route.fulfill({ status: 200, headers: { ...cors, 'content-type': 'application/json' }, body: '[]' });
    });
    await context.route('https://elsewhere.example.org/**', (route) => {
      elsewhere.push(route.request().url());
      return route.fulfill({ status: 200, headers: cors, body: 'ok' });
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    opened = { page, context, errors, close: () => context.close() };
    try {
      await page.goto(`${server!.url}index.html`);
      await expect.poll(() => page.locator('h2#training-heading').count(), { timeout: 30_000 }).toBe(1);
      const policy = (await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')) ?? '';
      expect(policy).toContain("connect-src 'self' https://lrs.example.org;");
      // Start a shift and end it at once, by keyboard: every contact left undecided.
      const frame = page.mainFrame();
      await tabTo(page, frame, /^Seed/);
      await page.keyboard.press('Control+A');
      await page.keyboard.type(SEED);
      await tabTo(page, frame, /^Mix of contacts/);
      await page.keyboard.press('End');
      await tabTo(page, frame, /^Start the shift/);
      await page.keyboard.press('Enter');
      await tabTo(page, frame, /^End the shift/);
      await page.keyboard.press('Enter');
      await tabTo(page, frame, /^Yes, end the shift/);
      await page.keyboard.press('Enter');
      await expect.poll(() => page.locator('[data-lms="xapi"]').textContent(), { timeout: 15_000 }).toContain('were sent to the learning record store');

      let core = startShift(library, { seed: SEED, rules: '2015', count: 8, mix: 'shuffle' });
      core = act(core, { type: 'end' });
      const results = learnerResults(core, '');
      expect(posted).toHaveLength(1);
      expect(posted[0].url).toBe(`${ENDPOINT}statements`);
      expect(posted[0].headers).toMatchObject({ authorization: AUTH, 'x-experience-api-version': '1.0.3', 'content-type': 'application/json' });
      const statements = JSON.parse(posted[0].body) as { verb: { id: string }; result: { score?: { raw: number }; success?: boolean } }[];
      expect(statements).toHaveLength(results.cases.length + 2);
      expect(statements.at(-1)!.result.score!.raw).toBe(results.score.score);
      expect(statements.at(-1)!.verb.id).toBe(`http://adlnet.gov/expapi/verbs/${results.score.score >= PASS_MARK ? 'passed' : 'failed'}`);

      // Anywhere else is refused by the page's policy before it leaves the browser.
      const refused = await page.evaluate(() =>
        fetch('https://elsewhere.example.org/collect', { method: 'POST', body: 'x' }).then(
          () => 'sent',
          () => 'refused',
        ),
      );
      expect(refused).toBe('refused');
      expect(elsewhere).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await opened.close();
    }
  });
});

describe('the SCORM 2004 package in an LMS', () => {
  let work: string;
  let server: StaticServer | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'spa-lms-2004-'));
    const site = join(work, 'site');
    const [{ zip }, launched] = await Promise.all([buildLmsPackage({ ...CONFIG, scorm: '2004' }, join(work, 'package.zip'), join(work, 'page')), launchBrowser()]);
    browser = launched;
    for (const [name, bytes] of Object.entries(unzipSync(new Uint8Array(await readFile(zip))))) {
      await mkdir(dirname(join(site, 'course', name)), { recursive: true });
      await writeFile(join(site, 'course', name), bytes);
    }
    await copyFile(require.resolve('scorm-again/scorm2004') /* dist/scorm2004.js: sets window.Scorm2004API */, join(site, 'scorm2004.js'));
    await writeFile(
      join(site, 'lms.html'),
      HOST_PAGE.replace('scorm12.js', 'scorm2004.js')
        .replace("window.API = new Scorm12API({ logLevel: 5 });", 'window.API_1484_11 = new Scorm2004API({ logLevel: 5 });')
        .replace("window.API.loadFromJSON({ core: { student_id: 'L042', student_name: 'Learner, Keyboard' } }, '');", "window.API_1484_11.loadFromJSON({ learner_id: 'L042', learner_name: 'Learner, Keyboard' }, '');")
        .replace("window.API.on('LMSInitialize', () => lmsLog.push(['LMSInitialize']));", "window.API_1484_11.on('Initialize', () => lmsLog.push(['Initialize']));")
        .replace("window.API.on('LMSSetValue.cmi.*', (k, v) => lmsLog.push(['LMSSetValue', k, v]));", "window.API_1484_11.on('SetValue.cmi.*', (k, v) => lmsLog.push(['SetValue', k, v]));")
        .replace("window.API.on('LMSCommit', () => lmsLog.push(['LMSCommit']));", "window.API_1484_11.on('Commit', () => lmsLog.push(['Commit']));")
        .replace("window.API.on('LMSFinish', () => lmsLog.push(['LMSFinish']));", "window.API_1484_11.on('Terminate', () => lmsLog.push(['Terminate']));"),
    );
    server = await serveFolder(site, '/lms/');
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('reports a shift worked by keyboard in SCORM 2004 terms, as the core scores it', async () => {
    const opened = await openPage(browser!, `${server!.url}lms.html`);
    const page = opened.page;
    try {
      await expect.poll(() => page.frames().find((f) => f.url().includes('/course/index.html'))?.url() ?? '', { timeout: 30_000 }).toContain('#/training');
      const frame = page.frames().find((f) => f.url().includes('/course/index.html'))!;
      await expect.poll(() => frame.locator('h2#training-heading').count(), { timeout: 30_000 }).toBe(1);
      const log = () => page.evaluate(() => (window as unknown as { lmsLog: LogEntry[] }).lmsLog);
      expect(await log()).toEqual([['Initialize'], ['SetValue', 'cmi.completion_status', 'incomplete'], ['Commit']]);

      let core = startShift(library, { seed: SEED, rules: '2015', count: COUNT, mix: 'shuffle' });
      await tabTo(page, frame, /^Seed/);
      await page.keyboard.press('Control+A');
      await page.keyboard.type(SEED);
      await tabTo(page, frame, /^Number of contacts/);
      await page.keyboard.press('Control+A');
      await page.keyboard.type(String(COUNT));
      await tabTo(page, frame, /^Mix of contacts/);
      await page.keyboard.press('End');
      await tabTo(page, frame, /^Start the shift/);
      await page.keyboard.press('Enter');
      // The first contact, as the reference calls it; then end the shift.
      const first = core.cases.find((c) => c.arrived)!;
      const ref = first.vignette.reference;
      await tabTo(page, frame, (f) => f.id === `tr-queue-${first.id}`);
      await page.keyboard.press('Enter');
      core = act(core, { type: 'open', caseId: first.id });
      await chooseRadio(page, frame, 'tr-level-', `tr-level-${ref.level}`);
      await chooseRadio(page, frame, 'tr-response-', `tr-response-${ref.response}`);
      await tabTo(page, frame, /^Your rationale/);
      await page.keyboard.type('As the reference would call it.');
      await tabTo(page, frame, /^Record the decision/);
      await page.keyboard.press('Enter');
      core = act(core, { type: 'decide', caseId: first.id, level: ref.level, response: ref.response, rationale: 'As the reference would call it.' });
      await expect.poll(() => frame.locator('.tr-progress').textContent()).toContain(`1 of ${COUNT} decided`);
      await tabTo(page, frame, /^End the shift/);
      await page.keyboard.press('Enter');
      await tabTo(page, frame, /^Yes, end the shift/);
      await page.keyboard.press('Enter');
      core = act(core, { type: 'end' });
      await expect.poll(() => frame.locator('#tr-debrief-heading').count(), { timeout: 10_000 }).toBe(1);

      const expected = learnerResults(core, '');
      const sets = (await log()).slice(3).filter((e) => e[0] === 'SetValue').map((e) => [e[1], e[2]]);
      expect(sets.slice(0, -1)).toEqual(scorm2004Values(expected, PASS_MARK, 0));
      expect(sets).toContainEqual(['cmi.score.scaled', String(expected.score.score / 100)]);
      expect(sets).toContainEqual(['cmi.success_status', expected.score.score >= PASS_MARK ? 'passed' : 'failed']);
      expect(sets).toContainEqual(['cmi.interactions.0.result', 'correct']);
      expect(sets.at(-1)![0]).toBe('cmi.session_time');
      expect(sets.at(-1)![1]).toMatch(/^PT(\d+M)?\d+(\.\d+)?S$/);
      expect((await log()).at(-1)).toEqual(['Commit']);
      await page.evaluate(() => ((document.getElementById('course') as HTMLIFrameElement).src = 'about:blank'));
      await expect.poll(async () => (await log()).at(-1)?.[0]).toBe('Terminate');
      expect(opened.errors).toEqual([]);
    } finally {
      await opened.close();
    }
  });
});
