// Timings of the heavy work in the browser, measured in real Chromium: 100 replications of June
// 2013 (both processes, 200 runs) in the worker pool, and the longest main-thread task meanwhile.
// About 8 s of replications on a two-core machine, but a timing is not a test result, so it runs
// only when asked: REPLAY_TIMING=1 npx vitest run test/browser/replay-timing.test.ts
// Another scenario and count: REPLAY_TIMING_SCENARIO=kingston-2015 REPLAY_TIMING_COUNT=30.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/scenarios';
import { launchBrowser, openPage, startPreview, type PreviewHandle } from './harness';

describe.runIf(process.env.REPLAY_TIMING)('replay timings', () => {
  let server: PreviewHandle | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startPreview(), launchBrowser()]);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const scenario = process.env.REPLAY_TIMING_SCENARIO ?? 'kingston-2013';
  const count = process.env.REPLAY_TIMING_COUNT;

  it(`runs ${count ?? 'the suggested number of'} replications of ${scenario} in the worker pool`, async () => {
    const o = await openPage(browser!, `${server!.url}#/replay?s=${scenario}`);
    await o.page.waitForSelector('.replay[data-status="ready"]', { timeout: 60_000 });
    const initialMs = Number(await o.page.getAttribute('.replay', 'data-run-ms'));
    if (count) await o.page.fill('#reps-count', count);
    else if (scenario === 'kingston-2013') expect(await o.page.inputValue('#reps-count')).toBe('100');
    const n = await o.page.inputValue('#reps-count');
    // Responsiveness: every main-thread task over 50 ms while the replications run.
    await o.page.evaluate(() => {
      const w = window as unknown as { longTasks: number[] };
      w.longTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.longTasks.push(e.duration);
      }).observe({ type: 'longtask' });
    });
    await o.page.getByRole('button', { name: 'Run replications' }).click();
    await o.page.waitForSelector('.reps-result[data-reps-status="done"]', { timeout: 600_000 });
    const repsMs = Number(await o.page.getAttribute('.reps-result', 'data-elapsed-ms'));
    const cores = await o.page.evaluate(() => navigator.hardwareConcurrency);
    const longTasks = await o.page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
    const longest = Math.round(Math.max(0, ...longTasks));
    const line = `${scenario}: initial runs ${initialMs} ms; ${n} replications (${2 * Number(n)} runs) ${repsMs} ms on ${cores} cores; main thread: ${longTasks.length} tasks over 50 ms, longest ${longest} ms`;
    console.log(line);
    await mkdir(join(ROOT, 'test-results'), { recursive: true });
    await writeFile(join(ROOT, 'test-results', 'replay-timings.txt'), line + '\n');
    expect(o.errors).toEqual([]);
    // A freeze check, not a speed test: the page must keep answering while the pool works.
    expect(longest).toBeLessThan(1000);
    await o.close();
  }, 700_000);
});
