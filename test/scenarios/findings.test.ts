/**
 * The findings the sources report, shown by the default scenarios (issue: engine and metrics).
 * 2013: holds of weeks that the weekly report does not show, a report that overstates
 * timeliness (004 ¶20, ¶38), unallocated referrals (004 ¶30: 25 found during the inspection).
 * 2015: responses usually within 24 hours (000).
 * Each is checked on the scenario's own seed and two more, so one lucky seed cannot carry it.
 */
import { describe, expect, it } from 'vitest';
import { runScenario, replicationSeed } from '../../src/core/run';
import { loadScenario } from '../support/scenarios';

const june2013 = loadScenario('kingston-2013.json');
const year2015 = loadScenario('kingston-2015.json');
const seeds = [0, 1, 2].map((r) => replicationSeed(june2013.seed, r));
const runs2013 = seeds.map((seed) => runScenario(june2013, { seed }).summary);

describe('June 2013 (004 ¶20, ¶29, ¶30, ¶38)', () => {
  it('holds some contacts for weeks without a decision', () => {
    for (const s of runs2013) {
      expect(s.maxHeldWorkingDays).toBeGreaterThanOrEqual(10);
      // "A small number of cases" held for an unacceptable length of time (004 ¶38): some, but
      // few; the validation claim 2013-held-unacceptably judges the month's count (1-20) over
      // replications, so one seed is only required to have some.
      expect(s.heldOverFiveWorkingDays).toBeGreaterThan(0);
    }
  });

  it('hides held contacts from the weekly report', () => {
    for (const s of runs2013) expect(s.hiddenFromReport).toBeGreaterThan(50);
  });

  it('has a weekly report that overstates timeliness', () => {
    // The validation table's claim 2013-report-overstates: +5 to +50 points (004 ¶38, ¶16, ¶20).
    for (const s of runs2013) expect(s.reportedWithinOneWorkingDay - s.decidedWithinOneWorkingDay).toBeGreaterThan(0.05);
  });

  it('leaves accepted referrals unallocated for over 48 hours (the inspectors found 25)', () => {
    const first = runs2013[0];
    expect(first.peakUnallocatedOver48Hours).toBeGreaterThanOrEqual(10);
    expect(first.peakUnallocatedOver48Hours).toBeLessThanOrEqual(60);
  });

  it('still decides clear child protection cases promptly (004 ¶29, ¶38, ¶39)', () => {
    for (const s of runs2013) expect(s.medianHoursToStrategyDiscussion!).toBeLessThan(9);
  });
});

describe('The year to 31 May 2015 (000)', () => {
  const s = runScenario(year2015).summary;

  it('usually decides within one working day', () => {
    expect(s.decidedWithinOneWorkingDay).toBeGreaterThanOrEqual(0.85);
  });

  it('shows every undecided case in the report, so the report and the truth agree', () => {
    expect(s.hiddenFromReport).toBe(0);
    expect(s.reportedWithinOneWorkingDay).toBe(s.decidedWithinOneWorkingDay);
  });

  it('holds no contact for over five working days', () => {
    expect(s.heldOverFiveWorkingDays).toBe(0);
  });
});

describe('the same June 2013 children under the 2015 process', () => {
  it('are decided within one working day more often, and none is hidden', () => {
    const s2015 = runScenario(june2013, { process: '2015' }).summary;
    // The validation table's claim paired-decided-in-a-day: 2015 better by at least a point (004 ¶20, ¶38; 000).
    expect(s2015.decidedWithinOneWorkingDay - runs2013[0].decidedWithinOneWorkingDay).toBeGreaterThan(0.05);
    expect(s2015.hiddenFromReport).toBe(0);
  });
});
