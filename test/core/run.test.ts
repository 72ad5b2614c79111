// Replications in src/core/run.ts: the runs of one replication share one draw of contacts
// (the engine's prepareArrivals), and that sharing changes no figure.
import { describe, expect, it, vi } from 'vitest';
import { createSimulation, prepareArrivals } from '../../src/core/engine';
import { dueByOneWorkingDay } from '../../src/core/calendar';
import { consecutiveGroups, replicationSeed, runReplicationJobs, runScenario, type ReplicationJob } from '../../src/core/run';
import { loadScenario } from '../support/scenarios';

const june = { ...loadScenario('kingston-2013.json'), days: 5, warmUpDays: 10 };

describe('contacts shared by the runs of one replication', () => {
  it('are shared by consecutive runs only', () => {
    expect(consecutiveGroups([1, 1, 2, 2, 2, 1, 3], (a, b) => a === b)).toEqual([[0, 2], [2, 3], [5, 1], [6, 1]]);
    expect(consecutiveGroups([], () => true)).toEqual([]);
  });

  it('give the same figures as each run generating its own', () => {
    const jobs: ReplicationJob<'2013' | '2015'>[] = [];
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
