// The app's error boundary (src/ui/ErrorBoundary.tsx) in real Chromium: a view that throws while
// rendering is replaced by a message in words, the rest of the page stays, and a new address
// tries the view again. The page is the component itself around a view that throws, bundled with
// esbuild (test/browser/fixtures/errorBoundaryPage.tsx), so no link has to be found that breaks the app.
import { join } from 'node:path';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/scenarios';
import { launchBrowser } from './harness';

describe('the error boundary', () => {
  let browser: Browser | undefined;
  let page: Page;
  const consoleErrors: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    const [bundle, b] = await Promise.all([
      build({
        entryPoints: [join(ROOT, 'test/browser/fixtures/errorBoundaryPage.tsx')],
        bundle: true,
        write: false,
        format: 'iife',
        jsx: 'automatic',
        define: { 'process.env.NODE_ENV': '"production"' },
        logLevel: 'silent',
      }),
      launchBrowser(),
    ]);
    browser = b;
    page = await browser.newPage();
    page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.setContent('<!doctype html><html lang="en-GB"><body><div id="root"></div></body></html>');
    await page.addScriptTag({ content: bundle.outputFiles[0].text });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('shows what went wrong in words, in place of the view, and keeps the rest of the page', async () => {
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.isVisible()).toBe(true);
    expect(await alert.getByRole('heading').textContent()).toBe('This view could not be shown');
    const text = (await alert.textContent()) ?? '';
    expect(text).toContain('Something in the Replay and compare view went wrong');
    expect(text).toContain('What went wrong: the link names a state this chart has not got');
    // The header outside the boundary is still there and still a link.
    expect(await page.locator('#header a').getAttribute('href')).toBe('#/training');
    // A way back, reachable by keyboard.
    const again = alert.getByRole('button', { name: 'Start again with the June 2013 scenario' });
    await again.focus();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Start again with the June 2013 scenario');
  });

  it('keeps a long message short', async () => {
    const hint = (await page.locator('[data-app-error] .hint').textContent()) ?? '';
    expect(hint.length).toBeLessThanOrEqual('What went wrong: '.length + 300);
  });

  it('tells the console which view failed, and lets no error escape to the page', () => {
    expect(consoleErrors.some((e) => e.includes('Replay and compare failed:'))).toBe(true);
    expect(pageErrors).toEqual([]);
  });

  it('tries the view again when the address changes', async () => {
    await page.evaluate(() => (window as unknown as { recover: () => void }).recover());
    await page.waitForSelector('#view-ok');
    expect(await page.locator('[data-app-error]').count()).toBe(0);
  });
});
