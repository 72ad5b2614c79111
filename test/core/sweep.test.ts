// Sweeps (src/core/sweep.ts): a range of values for one field, each point validated again and
// run with the same seeds for both processes.
import { describe, expect, it } from 'vitest';
import { applyVariation, parseVariation, sweepJobs } from '../../src/core/sweep';
import { loadScenario } from '../support/scenarios';

const june = { ...loadScenario('kingston-2013.json'), days: 5, warmUpDays: 10 };

describe('sweeps', () => {
  it('parse a range into values, step included', () => {
    expect(parseVariation('contactsPerWorkingDay=20:80:10').values).toEqual([20, 30, 40, 50, 60, 70, 80]);
    expect(parseVariation('staff.raSocialWorker.count=10:12').values).toEqual([10, 11, 12]);
  });

  it('name the rule when the range is malformed', () => {
    expect(() => parseVariation('contactsPerWorkingDay=80:20:10')).toThrow(/must not be less than/);
    expect(() => parseVariation('contactsPerWorkingDay')).toThrow(/field=from:to:step/);
    expect(() => parseVariation('contactsPerWorkingDay=1:2:0')).toThrow(/step must be greater than 0/);
  });

  it('validate each varied scenario again, naming the field', () => {
    expect(() => applyVariation(june, 'staff.teamManager.count', -1)).toThrow(/staff\.teamManager\.count: must be a whole number from 0 to 500/);
    expect(() => applyVariation(june, 'name', 3)).toThrow(/not a numeric field/);
    expect(applyVariation(june, 'contactsPerWorkingDay', 40).contactsPerWorkingDay).toBe(40);
  });

  it('pair every point with the same seeds for both processes', () => {
    const jobs = sweepJobs(june, parseVariation('contactsPerWorkingDay=10:20:10'), ['2013', '2015'], 2, 7);
    expect(jobs.map((j) => `${j.scenario.contactsPerWorkingDay}/${j.seed}/${j.process}`)).toEqual([
      '10/7/2013', '10/7/2015', '10/8/2013', '10/8/2015', '20/7/2013', '20/7/2015', '20/8/2013', '20/8/2015',
    ]);
  });
});
