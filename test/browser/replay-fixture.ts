/**
 * The replay page in a test file: builds and serves the app and starts Chromium once per file
 * (beforeAll), opens pages at 1280x720 and waits until both processes have run, and closes
 * everything afterwards. Shared by the replay and sweep browser tests.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { ROOT } from '../support/scenarios';
import { launchBrowser, openPage, startPreview, type OpenedPage, type PreviewHandle } from './harness';

export const RESULTS_DIR = join(ROOT, 'test-results');

export interface ReplayPages {
  /** Open `#/replay?<query>` and wait for both runs and both statecharts (laid out asynchronously). */
  open(query: string): Promise<OpenedPage>;
  /** Open any address (e.g. a copied permalink) in a new page at 1280x720, without waiting. */
  openUrl(url: string): Promise<OpenedPage>;
  readonly url: string;
}

/** Both statecharts drawn: their layout is computed asynchronously, beside the runs. */
export async function waitForDiagrams(page: Page): Promise<void> {
  for (const p of ['2013', '2015']) await page.waitForSelector(`[data-process-diagram="diagram-${p}"] [data-state]`, { timeout: 60_000 });
}

export function replayPages(): ReplayPages {
  let server: PreviewHandle | undefined;
  let browser: Browser | undefined;
  const opened: OpenedPage[] = [];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startPreview(), launchBrowser()]);
    await mkdir(RESULTS_DIR, { recursive: true });
  }, 180_000);

  afterAll(async () => {
    for (const o of opened) await o.close().catch(() => {});
    await browser?.close();
    await server?.close();
  });

  const openUrl = async (url: string) => {
    const o = await openPage(browser!, url);
    opened.push(o);
    await o.page.setViewportSize({ width: 1280, height: 720 });
    return o;
  };
  return {
    openUrl,
    async open(query) {
      const o = await openUrl(`${server!.url}#/replay?${query}`);
      await o.page.waitForSelector('.replay[data-status="ready"]', { timeout: 90_000 });
      await waitForDiagrams(o.page);
      return o;
    },
    get url() {
      return server!.url;
    },
  };
}
