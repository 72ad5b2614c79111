import { describe, expect, it, vi } from 'vitest';
import { runJobs, type ReplicationJob } from '../src/cli/parallel';
import { createSimulation, prepareArrivals } from '../src/core/engine';
import { dueByOneWorkingDay } from '../src/core/calendar';
import { consecutiveGroups, replicationSeed, runReplicationJobs, runScenario } from '../src/core/run';
import { applyVariation, parseVariation, sweepJobs } from '../src/core/sweep';
import { loadScenario } from './support/scenarios';

const june = { ...loadScenario('kingston-2013.json'), days: 5, warmUpDays: 10 };

describe('parallel replications', () => {
  it('give the same figures on two worker threads as on one thread, in the same order', async () => {
    const jobs: ReplicationJob[] = [];
    for (let r = 0; r < 3; r++) for (const process of ['2013', '2015'] as const) jobs.push({ scenario: june, process, seed: replicationSeed(june.seed, r) });
    const single = await runJobs(jobs, 1);
    const parallel = await runJobs(jobs, 2);
    expect(parallel.map((s) => `${s.process}:${s.seed}`)).toEqual(jobs.map((j) => `${j.process}:${j.seed}`));
    expect(JSON.stringify(parallel)).toBe(JSON.stringify(single));
  }, 120_000);
});

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
    expect(() => applyVariation(june, 'staff.teamManager.count', -1)).toThrow(/staff\.teamManager\.count: must be 0 or more/);
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

describe('contacts shared by the runs of one replication', () => {
  it('are shared by consecutive runs only', () => {
    expect(consecutiveGroups([1, 1, 2, 2, 2, 1, 3], (a, b) => a === b)).toEqual([[0, 2], [2, 3], [5, 1], [6, 1]]);
    expect(consecutiveGroups([], () => true)).toEqual([]);
  });

  it('give the same figures as each run generating its own', () => {
    const jobs: ReplicationJob[] = [];
    for (let r = 0; r < 2; r++) for (const process of ['2013', '2015'] as const) jobs.push({ scenario: june, process, seed: replicationSeed('share', r) });
    const alone = jobs.map((j) => runScenario(j.scenario, { process: j.process, seed: j.seed }).summary);
    expect(runReplicationJobs(jobs)).toEqual(alone);
  });

  it('show each run the same contacts, with what its own process decided about the child', () => {
    const prepared = prepareArrivals(june, 'c');
    for (const process of ['2013', '2015'] as const) {
      const own = createSimulation(june, { process, seed: 'c' });
      const shared = createSimulation(june, { process, seed: 'c', arrivals: prepared, trace: false });
      own.run();
      shared.run();
      expect(shared.contacts).toEqual(own.contacts);
      expect(shared.contacts.some((c) => c.openCase)).toBe(true);
    }
    // The shared drafts are left as generated.
    expect(prepared.arrivals.contacts.every((c) => !c.openCase && !c.inEarlyHelp)).toBe(true);
  });

  it('carry each contact\'s receipt and one-working-day deadline in columns, the same as worked out from the contact', () => {
    const { contacts, due, receivedAt } = prepareArrivals(june, 'd').arrivals;
    expect(due.length).toBe(contacts.length);
    expect(receivedAt.length).toBe(contacts.length);
    expect(contacts.length).toBeGreaterThan(50);
    contacts.forEach((c, i) => {
      expect(receivedAt[i]).toBe(c.receivedAt);
      expect(due[i]).toBe(dueByOneWorkingDay(c.receivedAt));
    });
  });

  it('are read from their columns by a figure-only run, which never makes the contact objects', () => {
    const prepared = prepareArrivals(june, 'f');
    const read = vi.spyOn(prepared.arrivals, 'contacts', 'get');
    const figures = (['2013', '2015'] as const).map((process) => {
      const sim = createSimulation(june, { process, seed: 'f', arrivals: prepared, trace: false });
      sim.run();
      return sim.metrics();
    });
    expect(read).not.toHaveBeenCalled();
    expect(figures[0].contacts).toBeGreaterThan(0);
    // The same figures as runs that made them.
    expect(figures).toEqual((['2013', '2015'] as const).map((process) => runScenario(june, { process, seed: 'f' }).summary).map(({ scenario: _s, process: _p, seed: _seed, start: _start, days: _d, ...m }) => m));
  });

  it('are refused by a run of another seed, scenario or period, naming both', () => {
    const prepared = prepareArrivals(june, 'x');
    expect(() => createSimulation(june, { process: '2013', seed: 'y', arrivals: prepared })).toThrow(/prepared for .* seed x, 5 days; this run is .* seed y, 5 days/);
    expect(() => createSimulation({ ...june }, { process: '2013', seed: 'x', arrivals: prepared })).toThrow(/arrivals: prepared for/);
    expect(() => createSimulation(june, { process: '2013', seed: 'x', days: 4, arrivals: prepared })).toThrow(/this run is .* 4 days/);
  });
});
