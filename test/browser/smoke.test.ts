// Smoke test: the production build loads in a real Chromium, renders its heading, logs no
// errors and has no serious or critical accessibility violations.
import { mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatViolations, launchBrowser, openPage, runAxe, startPreview, type OpenedPage, type PreviewHandle } from './harness';

const RESULTS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'test-results');

describe('browser smoke test', () => {
  let server: PreviewHandle | undefined;
  let browser: Browser | undefined;
  let opened: OpenedPage;

  beforeAll(async () => {
    // Build + serve and inflate + launch Chromium are independent: do them in parallel.
    [server, browser] = await Promise.all([startPreview(), launchBrowser()]);
    opened = await openPage(browser, server.url);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('renders the heading', async () => {
    await expect.poll(() => opened.page.locator('h1').textContent()).toContain('Front door simulator');
  });

  it('logs no console errors or page errors', () => {
    expect(opened.errors).toEqual([]);
  });

  it('has no serious or critical axe violations', async () => {
    const violations = await runAxe(opened.page);
    const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad, formatViolations(bad)).toEqual([]);
  });

  it('saves a screenshot', async () => {
    await mkdir(RESULTS_DIR, { recursive: true });
    const buf = await opened.page.screenshot({ path: join(RESULTS_DIR, 'smoke.png'), fullPage: true });
    expect(buf.byteLength).toBeGreaterThan(1000);
  });
});
