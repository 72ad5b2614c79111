/**
 * The June 2013 allocation backlog is a steady state of the process, not of the warm-up's length:
 * referrals wait for a named social worker at most the awaiting-allocation state's ceiling
 * (meta `allocateOverCaseloadAfter`, 004 ¶30), so once the referral and assessment team has filled
 * its caseloads (about half a year from an empty start) a longer warm-up no longer grows the list.
 */
import { describe, expect, it } from 'vitest';
import { compareProcesses } from '../../src/core/run';
import { loadScenario } from '../support/scenarios';

const june2013 = loadScenario('kingston-2013.json');
const REPLICATIONS = 12;

function unallocatedAfter(warmUpDays: number) {
  const r = compareProcesses({ ...june2013, warmUpDays }, { processes: ['2013'], replications: REPLICATIONS });
  return r.metrics.peakUnallocatedOver48Hours['2013'];
}

describe('the June 2013 allocation backlog', () => {
  it('is about the same after a warm-up of 180 days as after 360 (a steady state, not a list growing with the warm-up)', () => {
    const shipped = unallocatedAfter(180);
    const twiceAsLong = unallocatedAfter(360);
    // Before the ceiling these were about 53 and 130: the list grew by half again every two months.
    expect(shipped.mean).toBeGreaterThan(5); // a backlog there is (004 ¶30)
    // A list that grew with the warm-up would more than double; a steady state stays within the
    // noise of a few replications (the 95% intervals overlap, and neither mean is half again the other).
    expect(twiceAsLong.mean).toBeLessThanOrEqual(1.5 * shipped.mean);
    expect(twiceAsLong.mean).toBeGreaterThanOrEqual(shipped.mean / 1.5);
    expect(twiceAsLong.low).toBeLessThanOrEqual(shipped.high);
    expect(shipped.low).toBeLessThanOrEqual(twiceAsLong.high);
  }, 60_000);
});
