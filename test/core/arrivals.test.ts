/**
 * Repeat contacts follow the child's history (scenario `repeatContacts`): a child whose last
 * contact was at a level with a higher weight is likelier to be contacted again, and a repeat
 * keeps the child's last level with the chance `levelPersistence`.
 */
import { describe, expect, it } from 'vitest';
import { generateArrivals } from '../../src/core/arrivals';
import { DAY, fromLondon } from '../../src/core/calendar';
import { createStreams } from '../../src/core/rng';
import type { Scenario } from '../../src/core/scenario';
import { loadScenario } from '../support/scenarios';

const from = fromLondon(2014, 6, 1, 0, 0);
const window = { from, to: from + 300 * DAY };

function arrivals(repeatContacts: Scenario['repeatContacts']) {
  const scenario = { ...loadScenario('kingston-2015.json'), repeatContacts };
  return generateArrivals(scenario, createStreams(42), window);
}

/** Of repeat contacts, the share whose child's last contact was at level 3 or 4, and the share at the same level as it. */
function repeatShares(a: ReturnType<typeof arrivals>) {
  let repeats = 0;
  let afterReferralLevel = 0;
  let sameLevel = 0;
  for (let i = 0; i < a.count; i++) {
    const p = a.previousIndex[i];
    if (p < 0) continue;
    repeats++;
    if (a.trueLevel[p] >= 3) afterReferralLevel++;
    if (a.trueLevel[p] === a.trueLevel[i]) sameLevel++;
  }
  return { repeats, afterReferralLevel: afterReferralLevel / repeats, sameLevel: sameLevel / repeats };
}

describe('repeat contacts follow the child\'s history', () => {
  const equal = { weightByLevel: { 1: 1, 2: 1, 3: 1, 4: 1 }, levelPersistence: 0.6 } as const;

  it('a child last contacted at level 3 or 4 is contacted again more often when those levels weigh more', () => {
    const flat = repeatShares(arrivals(equal));
    const weighted = repeatShares(arrivals({ ...equal, weightByLevel: { 1: 1, 2: 1, 3: 3, 4: 3 } }));
    expect(weighted.afterReferralLevel).toBeGreaterThan(flat.afterReferralLevel + 0.15);
  });

  it('a repeat keeps the child\'s last level more often as levelPersistence rises', () => {
    const low = repeatShares(arrivals({ ...equal, levelPersistence: 0.2 }));
    const high = repeatShares(arrivals({ ...equal, levelPersistence: 0.9 }));
    expect(high.sameLevel).toBeGreaterThan(low.sameLevel + 0.4);
  });

  it('following history moves no draw of when contacts arrive or how many', () => {
    const a = arrivals(equal);
    const b = arrivals({ weightByLevel: { 1: 1, 2: 1, 3: 3, 4: 3 }, levelPersistence: 0.8 });
    expect(b.count).toBe(a.count);
    expect(Array.from(b.receivedAt)).toEqual(Array.from(a.receivedAt));
  });
});
