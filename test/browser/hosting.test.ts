// Hosting, in real Chromium (issue 16, items 3 and 4): the site build works from a sub-path of a
// plain web server, keeps working offline after the first visit (its service worker), and the
// single-file build works opened from a folder (file://), workers included. On every view of each,
// the Content-Security-Policy reports no violation; `vite preview` sends the same policy as a header.
// Screenshots: test-results/hosting-subpath.png and test-results/hosting-single-file.png.
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { preview } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SITE_POLICY } from '../../tools/hosting';
import { ROOT } from '../support/scenarios';
import { buildInto, launchBrowser } from './harness';
import { serveFolder, type StaticServer } from './staticServer';
import type { AddressInfo } from 'node:net';

const RESULTS_DIR = join(ROOT, 'test-results');

/** A context that records CSP violations, console errors and page errors of every page. */
async function watchedContext(browser: Browser): Promise<{ context: BrowserContext; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-GB' });
  const errors: string[] = [];
  await context.addInitScript(() => {
    const w = window as unknown as { cspViolations: string[] };
    w.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`));
  });
  context.on('page', (page) => {
    page.on('console', (m) => m.type() === 'error' && errors.push(`console.error: ${m.text()}`));
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  });
  return { context, errors };
}

const violations = (page: Page) => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);

/** The replay view has run both processes and laid out both statecharts (a worker each). */
async function waitForRun(page: Page): Promise<void> {
  await page.waitForSelector('.replay[data-status="ready"]', { timeout: 120_000 });
  for (const p of ['2013', '2015']) await page.waitForSelector(`[data-process-diagram="diagram-${p}"] [data-state]`, { timeout: 60_000 });
}

/** Visit every view the header links to, and come back to replay; returns the views' names. */
async function visitEveryView(page: Page): Promise<string[]> {
  const links = await page.locator('header nav a').allTextContents();
  for (const name of links) {
    await page.getByRole('link', { name, exact: true }).click();
    await page.waitForSelector('main h2, main h1');
    await page.waitForLoadState('networkidle');
  }
  return links;
}

/** A replication batch on the worker pool runs to the end. */
async function runReplications(page: Page): Promise<void> {
  await page.fill('#reps-count', '2');
  await page.getByRole('button', { name: 'Run replications' }).click();
  await page.waitForSelector('.reps-result[data-reps-status="done"]', { timeout: 90_000 });
}

describe('hosting the built app', () => {
  let browser: Browser | undefined;
  let work: string;
  let site: string;
  let single: string;
  let server: StaticServer | undefined;

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'spa-hosting-'));
    site = join(work, 'site');
    single = join(work, 'single');
    const built = (async () => {
      await buildInto(site, 'production');
      await buildInto(single, 'single');
    })();
    [browser] = await Promise.all([launchBrowser(), built]);
    await mkdir(RESULTS_DIR, { recursive: true });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await rm(work, { recursive: true, force: true });
  });

  it('the site works from a sub-path of a plain web server, runs in its workers, and breaks no CSP rule on any view', async () => {
    server = await serveFolder(site, '/some/path/');
    const { context, errors } = await watchedContext(browser!);
    const page = await context.newPage();
    await page.goto(`${server.url}#/replay?s=kingston-2013&seed=7`);
    await waitForRun(page);
    await page.screenshot({ path: join(RESULTS_DIR, 'hosting-subpath.png') });
    await runReplications(page);
    const views = await visitEveryView(page);
    expect(views.length).toBeGreaterThanOrEqual(3);
    expect(await violations(page)).toEqual([]);
    expect(errors).toEqual([]);
    // Every file it asked for was under the sub-path and there.
    expect(server.notFound).toEqual([]);
    expect(server.served.every((p) => p.startsWith('/some/path/'))).toBe(true);
    await context.close();
  }, 240_000);

  it('after the first visit the site works offline: its service worker serves the page, its workers and a run', async () => {
    server ??= await serveFolder(site, '/some/path/');
    const { context, errors } = await watchedContext(browser!);
    const page = await context.newPage();
    await page.goto(`${server.url}#/replay?s=kingston-2013&seed=7`);
    await waitForRun(page);
    // The service worker has installed, precached every file and taken the page over.
    await page.evaluate(() => navigator.serviceWorker.ready);
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 30_000 }).toBe(true);
    // The network goes: the server stops and the browser is offline.
    await server.close();
    server = undefined;
    await context.setOffline(true);
    await page.reload();
    await waitForRun(page);
    await runReplications(page);
    await visitEveryView(page);
    expect(await violations(page)).toEqual([]);
    expect(errors.filter((e) => !/Failed to load resource|ERR_INTERNET_DISCONNECTED/.test(e))).toEqual([]);
    await context.close();
  }, 240_000);

  it('the single-file page works opened from a folder (file://), its workers inside it, and breaks no CSP rule on any view', async () => {
    // A folder with a space in its name, as a download or an e-mail attachment is saved.
    const folder = join(work, 'Training day');
    await mkdir(folder, { recursive: true });
    const file = join(folder, 'front-door-simulator.html');
    await copyFile(join(single, 'index.html'), file);
    const { context, errors } = await watchedContext(browser!);
    const page = await context.newPage();
    await page.goto(`${pathToFileURL(file).href}#/replay?s=kingston-2013&seed=7`);
    await waitForRun(page);
    await page.screenshot({ path: join(RESULTS_DIR, 'hosting-single-file.png') });
    await runReplications(page);
    const views = await visitEveryView(page);
    expect(views.length).toBeGreaterThanOrEqual(3);
    expect(await violations(page)).toEqual([]);
    expect(errors).toEqual([]);
    // The policy is in the page, and allows its inline script by hash, not by 'unsafe-inline'.
    const policy = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
    expect(policy).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]+'/);
    expect(policy).not.toContain('unsafe');
    await context.close();
  }, 240_000);

  it('vite preview sends the site policy as a header, and the page carries it as a meta tag', async () => {
    const server = await preview({
      root: ROOT,
      configFile: join(ROOT, 'vite.config.ts'),
      logLevel: 'warn',
      build: { outDir: site },
      preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false },
    });
    try {
      const { port } = server.httpServer.address() as AddressInfo;
      const res = await fetch(`http://127.0.0.1:${port}/`);
      expect(res.headers.get('content-security-policy')).toBe(SITE_POLICY);
      const html = await res.text();
      expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${SITE_POLICY}" />`);
      for (const rule of ["default-src 'self'", "script-src 'self';", "connect-src 'self'", "object-src 'none'"]) expect(SITE_POLICY).toContain(rule);
      expect(SITE_POLICY).not.toMatch(/unsafe-(inline|eval)/);
    } finally {
      await server.close();
    }
  });
});
