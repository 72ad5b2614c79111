// The replay page says which workforce each process runs with, beside the scenario choice, and
// shows a scenario's reason wherever 2015 comes out worse on it (issue 14: the browser says which
// staffing a comparison uses; no comparison that contradicts the sources without saying why).
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { comparisonStaffingWords } from '../../src/core/scenario';
import { loadScenario } from '../support/scenarios';
import { RESULTS_DIR, replayPages } from './replay-fixture';

const staffingText = (page: Page) => page.locator('[data-staffing-words]').textContent();

describe('which staffing a comparison uses', () => {
  const pages = replayPages();

  it('says, for June 2013, that 2015 runs with the 2015 workforce the scenario gives it, and where its figures come from', async () => {
    const o = await pages.open('s=kingston-2013&seed=7');
    expect(o.errors).toEqual([]);
    const text = await staffingText(o.page);
    expect(text).toBe(comparisonStaffingWords(loadScenario('kingston-2013.json')));
    expect(text).toContain("2013 runs with this scenario's own workforce (15 referral and assessment social workers, 40% agency staff)");
    expect(text).toContain('2015 runs with the 2015 workforce this scenario gives it (20 referral and assessment social workers, 7% agency staff)');
    await o.page.locator('[data-staffing-note] summary', { hasText: 'Where the workforce figures come from' }).click();
    await expect.poll(() => o.page.locator('[data-staffing-note] details[open]').textContent()).toContain('The 2015 workforce: ');
  });

  it('changes with the scenario chosen, and shows the reason where 2015 comes out worse', async () => {
    const o = await pages.open('s=kingston-2013&seed=7');
    await o.page.selectOption('#scenario-select', 'monday-surge');
    await expect.poll(() => staffingText(o.page)).toBe(comparisonStaffingWords(loadScenario('monday-surge.json')));
    expect(await staffingText(o.page)).toMatch(/^Both processes run with this scenario's own workforce \(18 referral and assessment social workers, 7% agency staff\), so the comparison is of the two front doors alone\.$/);
    const note = o.page.locator('[data-comparison-note="decidedWithinOneWorkingDay"]');
    expect(await note.locator('summary').textContent()).toBe('Why 2015 comes out worse here on \u201cDecided within one working day (what happened)\u201d');
    await note.locator('summary').click();
    expect(await note.locator('p').textContent()).toBe(loadScenario('monday-surge.json').comparisonNotes[0].why);
    expect(o.errors).toEqual([]);
    await o.page.setViewportSize({ width: 390, height: 844 });
    await o.page.screenshot({ path: join(RESULTS_DIR, 'staffing-note-390x844.png') });
  });

  it('fits a laptop and a phone (screenshots in test-results/staffing-*.png)', async () => {
    const o = await pages.open('s=kingston-2013&seed=7');
    for (const [width, height] of [
      [1366, 850],
      [390, 844],
    ]) {
      await o.page.setViewportSize({ width, height });
      const box = await o.page.locator('[data-staffing-note]').boundingBox();
      expect(box, `${width}x${height}`).not.toBeNull();
      // The sentence wraps within the page: nothing of it runs off to the side.
      expect(box!.x + box!.width, `${width}x${height}`).toBeLessThanOrEqual(width);
      await o.page.screenshot({ path: join(RESULTS_DIR, `staffing-${width}x${height}.png`) });
    }
  });
});
