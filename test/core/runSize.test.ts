/**
 * The size of a run before it starts (src/core/runSize.ts): the expected contacts follow what the
 * engine then generates, and a command whose runs would be too large is refused with the estimate.
 */
import { describe, expect, it } from 'vitest';
import { prepareArrivals } from '../../src/core/engine';
import { comparisonJobs } from '../../src/core/run';
import { RUN_LIMITS, expectedContacts, groupDigits, roughly, runSizeProblem, sizeOf } from '../../src/core/runSize';
import type { Scenario } from '../../src/core/scenario';
import { loadScenario, shippedScenarios } from '../support/scenarios';

describe('the size of a run', () => {
  it.each(shippedScenarios())('expects about as many contacts as %s generates (warm-up included)', (file) => {
    const scenario = loadScenario(file);
    const expected = expectedContacts(scenario);
    const generated = prepareArrivals(scenario).arrivals.count;
    // A Poisson count of a few thousand is within a few per cent of its mean.
    expect(Math.abs(generated - expected) / expected).toBeLessThan(0.06);
  });

  it('counts a surge that falls in the run, and not one outside it', () => {
    const base = loadScenario('kingston-2013.json');
    const inside: Scenario = { ...base, surges: [{ date: '2013-06-03', days: 2, source: 'police', extraContacts: 1000, outOfHours: true }] };
    const outside: Scenario = { ...base, surges: [{ date: '2015-06-03', days: 2, source: 'police', extraContacts: 1000, outOfHours: true }] };
    expect(expectedContacts(inside) - expectedContacts(base)).toBeCloseTo(1000, 6);
    expect(expectedContacts(outside)).toBe(expectedContacts(base));
    expect(prepareArrivals(inside).arrivals.count - prepareArrivals(base).arrivals.count).toBe(1000);
  });

  it('grows with the days and the demand', () => {
    const base = loadScenario('kingston-2015.json');
    expect(expectedContacts(base, 730)).toBeGreaterThan(1.8 * expectedContacts(base, 365) - expectedContacts(base, 0));
    expect(expectedContacts({ ...base, contactsPerWorkingDay: 2 * base.contactsPerWorkingDay })).toBeCloseTo(2 * expectedContacts(base), 6);
  });

  it('lets the README\u2019s 1,000 paired borough-year replications run without asking', () => {
    const year = loadScenario('kingston-2015.json');
    const jobs = comparisonJobs(year, ['2013', '2015'], 1000, 1);
    const size = sizeOf(jobs);
    expect(size.runs).toBe(2000);
    expect(runSizeProblem(size)).toBeNull();
  });

  it('refuses ten times as many, with the estimate and the limit in the message', () => {
    const year = loadScenario('kingston-2015.json');
    const size = sizeOf(comparisonJobs(year, ['2013', '2015'], 10_000, 1));
    expect(size.contacts).toBeGreaterThan(RUN_LIMITS.contacts);
    const problem = runSizeProblem(size)!;
    expect(problem).toContain(`about ${roughly(size.contacts)} contacts`);
    expect(problem).toContain(groupDigits(RUN_LIMITS.contacts));
    expect(problem).toContain('20,000 runs');
  });

  it('holds a run that keeps its trace to a smaller size than one that keeps only figures', () => {
    const base = loadScenario('kingston-2015.json');
    const big: Scenario = { ...base, contactsPerWorkingDay: 2000, days: 365, warmUpDays: 0 };
    const n = expectedContacts(big);
    expect(n).toBeGreaterThan(RUN_LIMITS.tracedContactsPerRun);
    expect(n).toBeLessThan(RUN_LIMITS.contactsPerRun);
    expect(runSizeProblem(sizeOf([{ scenario: big }], true))).toMatch(/keeps its whole trace/);
    expect(runSizeProblem(sizeOf([{ scenario: big }], false))).toBeNull();
  });

  it('refuses the largest single run the schema allows', () => {
    const base = loadScenario('kingston-2015.json');
    const largest: Scenario = { ...base, start: '2016-12-31', contactsPerWorkingDay: 2000, days: 3660, warmUpDays: 366 };
    expect(runSizeProblem(sizeOf([{ scenario: largest }]))).toMatch(/^one run would simulate about [\d,]+ contacts, more than the 2,000,000/);
  });

  it('writes estimates to three figures with commas', () => {
    expect(groupDigits(25_000_000)).toBe('25,000,000');
    expect(roughly(145_013_000)).toBe('145,000,000');
    expect(roughly(7251.4)).toBe('7,250');
    expect(roughly(812)).toBe('812');
  });
});
