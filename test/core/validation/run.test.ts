import { describe, expect, it } from 'vitest';
import {
  exitCodeFor,
  formatTarget,
  judgeClaim,
  judgeClaims,
  resultToJson,
  runPlan,
  summariseResults,
  type Claim,
  type RunFigures,
} from '../../../src/core/validation';

/** A run's figures with every field set; `patch` changes what a test needs. */
function figures(patch: Partial<RunFigures> = {}): RunFigures {
  return {
    scenario: 'synthetic',
    process: '2013',
    seed: '1',
    start: '2013-06-01',
    days: 30,
    contacts: 500,
    outcomes: { advice: 200, earlyHelp: 150, childInNeed: 100, childProtection: 40 },
    passedToAllocatedWorker: 10,
    undecidedAtEnd: 0,
    decidedWithinOneWorkingDay: 0.9,
    reportedWithinOneWorkingDay: 0.99,
    heldOverFiveWorkingDays: 3,
    maxHeldWorkingDays: 12,
    meanHeldWorkingDays: 0.8,
    hiddenFromReport: 20,
    peakUnallocatedOver48Hours: 25,
    stepUps: 4,
    stepDowns: 5,
    repeatContacts: 100,
    reReferrals: 30,
    referralsWithYearOfHistory: 20,
    reReferralsWithYearOfHistory: 5,
    referralsNoFurtherAction: 15,
    decidedOnParentsAccount: 5,
    decisions: 480,
    decisionsByManager: 480,
    jointVisits: 10,
    jointVisitsAfterOneWorkingDay: 3,
    meanHeldWorkingDaysLevel3: 1.2,
    level4Contacts: 40,
    medianHoursToStrategyDiscussion: 3,
    maxHoursToStrategyDiscussion: 20,
    strategyDiscussionWithinOneWorkingDay: 0.9,
    escalations: 0,
    escalatedWithinOneWorkingDay: 0,
    underThresholded: 30,
    overThresholded: 20,
    assessmentsInTimescale: 0.7,
    timescales: {
      initialAssessment: { completed: 80, withinTimescale: 52, share: 0.65 },
      coreAssessment: { completed: 30, withinTimescale: 24, share: 0.8 },
      singleAssessment: { completed: 0, withinTimescale: 0, share: null },
      initialConference: { completed: 10, withinTimescale: 9, share: 0.9 },
    },
    section47Enquiries: 25,
    initialConferences: 10,
    conferencePlans: 9,
    closedNoFurtherAction: 12,
    childrenOnProtectionPlans: 150,
    outOfHoursImmediateDanger: { contacts: 6, medianHoursToResponse: 1.5, maxHoursToResponse: 3, respondedBeforeSpaOpens: 1 },
    mentalHealthNeeds: { contacts: 60, assessed: 20, medianWorkingHoursToAssessment: 4 },
    ...patch,
  };
}

const base = { source: '004 ¶30', scenario: 'kingston-2013.json', measuredAs: 'a synthetic figure', why: 'a test range' } as const;
const unallocated: Claim = { ...base, id: 'unallocated', claim: 'about 25', process: '2013', unit: 'count', target: [15, 35], measure: (f) => f.peakUnallocatedOver48Hours };
const paired: Claim = {
  ...base,
  id: 'paired',
  claim: 'no worse',
  process: 'paired',
  unit: 'count',
  target: [-Infinity, 0],
  measure: (a, b) => b.peakUnallocatedOver48Hours - a.peakUnallocatedOver48Hours,
};
const both: Claim = { ...base, id: 'both', claim: 'a share', process: 'both', unit: 'share', target: [0.8, 1], measure: (f) => f.decidedWithinOneWorkingDay };
const unmeasured: Claim = { ...base, id: 'later', claim: 'not yet', process: '2013', unit: 'share', target: [0.5, 0.7], measure: null, needs: 'assessments in timescale' };

const runsOf = (values: number[], key: keyof RunFigures = 'peakUnallocatedOver48Hours') => values.map((v) => figures({ [key]: v }));

describe('judging a claim', () => {
  it('is within when the mean over replications lies in the range, with its 95% interval', () => {
    const r = judgeClaim(unallocated, { '2013': runsOf([24, 26, 25, 25]) });
    expect(r.verdict).toBe('within');
    expect(r.measurements).toHaveLength(1);
    const m = r.measurements[0];
    expect(m.interval.mean).toBe(25);
    expect(m.interval.low).toBeLessThan(25);
    expect(m.interval.high).toBeGreaterThan(25);
    expect(m.withinShare).toBe(1);
    expect(m.marginal).toBe(false);
  });

  it('is outside when the mean lies outside the range, and the command then exits 1', () => {
    const results = judgeClaims([unallocated, unmeasured], { 'kingston-2013.json': { '2013': runsOf([3, 4, 5]) } });
    expect(results[0].verdict).toBe('outside');
    expect(exitCodeFor(results)).toBe(1);
  });

  it('exits 0 when every measured claim is within, whatever the claims not measured', () => {
    const results = judgeClaims([unallocated, unmeasured], { 'kingston-2013.json': { '2013': runsOf([20, 30]) } });
    expect(results.map((r) => r.verdict)).toEqual(['within', 'not measured']);
    expect(exitCodeFor(results)).toBe(0);
  });

  it('marks a verdict marginal when the interval reaches across an edge of the range', () => {
    const r = judgeClaim(unallocated, { '2013': runsOf([30, 40, 36, 34]) });
    expect(r.verdict).toBe('within');
    expect(r.measurements[0].marginal).toBe(true);
  });

  it('pairs the 2013 and 2015 runs of each replication', () => {
    const r = judgeClaim(paired, { '2013': runsOf([10, 20, 30]), '2015': runsOf([11, 19, 31]) });
    expect(r.measurements[0].process).toBe('paired');
    expect(r.measurements[0].interval.mean).toBeCloseTo(1 / 3, 6);
    expect(r.verdict).toBe('outside');
  });

  it('judges a claim on both processes separately, outside if either is', () => {
    const key = 'decidedWithinOneWorkingDay';
    const r = judgeClaim(both, { '2013': runsOf([0.5, 0.55], key), '2015': runsOf([0.95, 0.97], key) });
    expect(r.measurements.map((m) => [m.process, m.verdict])).toEqual([
      ['2013', 'outside'],
      ['2015', 'within'],
    ]);
    expect(r.verdict).toBe('outside');
  });

  it('clips a share\'s interval to [0, 1]', () => {
    const r = judgeClaim(both, { '2013': runsOf([1, 0.9], 'decidedWithinOneWorkingDay'), '2015': runsOf([1, 0.9], 'decidedWithinOneWorkingDay') });
    expect(r.measurements[0].interval.high).toBe(1);
  });

  it('lists a claim the model cannot measure with the figure it needs, and one whose scenario was not run', () => {
    expect(judgeClaim(unmeasured, undefined)).toMatchObject({ verdict: 'not measured', note: 'needs assessments in timescale' });
    expect(judgeClaim(unallocated, undefined, 'quick form')).toMatchObject({ verdict: 'not run', note: 'quick form' });
  });

  it('is not measured when no replication has the figure', () => {
    const median: Claim = { ...unallocated, id: 'median', measure: (f: RunFigures) => f.medianHoursToStrategyDiscussion };
    expect(judgeClaim(median, { '2013': [figures({ medianHoursToStrategyDiscussion: null })] }).verdict).toBe('not measured');
  });
});

describe('the plan, the summary and the words', () => {
  it('runs each scenario once with every process its measurable claims need', () => {
    expect(runPlan([unallocated, paired, unmeasured])).toEqual([{ scenario: 'kingston-2013.json', processes: ['2013', '2015'] }]);
  });

  it('counts verdicts', () => {
    // Unallocated 25 (within 15-35); decided within a day 50% (outside 80-100%).
    const runs = [figures({ peakUnallocatedOver48Hours: 25, decidedWithinOneWorkingDay: 0.5 })];
    const results = judgeClaims([unallocated, unmeasured, both], { 'kingston-2013.json': { '2013': runs, '2015': runs } });
    expect(summariseResults(results)).toEqual({ claims: 3, within: 1, outside: 1, notMeasured: 1, notRun: 0 });
  });

  it('writes ranges in words and open ends as null in JSON', () => {
    expect(formatTarget([0.95, 1], 'share')).toBe('95.0% to 100.0%');
    expect(formatTarget([1, Infinity], 'count')).toBe('at least 1');
    expect(formatTarget([-Infinity, 0], 'count')).toBe('at most 0');
    const json = resultToJson(judgeClaim(paired, { '2013': runsOf([1]), '2015': runsOf([1]) }));
    expect(json.target).toEqual({ low: null, high: 0 });
    expect(JSON.parse(JSON.stringify(json)).target).toEqual({ low: null, high: 0 });
  });
});
