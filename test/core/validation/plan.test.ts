import { describe, expect, it } from 'vitest';
import { replicationSeed, type RunSummary } from '../../../src/core/run';
import { judgePlan, planValidation, validationCsv, validationJson, QUICK_MAX_DAYS, type Claim, type RunFigures } from '../../../src/core/validation';
import { loadScenario } from '../../support/scenarios';

const june = loadScenario('kingston-2013.json');
const SCENARIOS: Record<string, typeof june> = { 'short.json': { ...june, days: QUICK_MAX_DAYS }, 'long.json': { ...june, days: 365, seed: 99 } };
const scenarioOf = (file: string) => SCENARIOS[file];

const base = { claim: 'c', source: '004 ¶1', measuredAs: 'contacts', unit: 'count', why: 'w' } as const;
const CLAIMS: Claim[] = [
  { ...base, id: 'short-2013', process: '2013', scenario: 'short.json', target: [0, 100], measure: (f: RunFigures) => f.contacts },
  { ...base, id: 'short-paired', process: 'paired', scenario: 'short.json', target: [-Infinity, 0], measure: (a: RunFigures, b: RunFigures) => b.contacts - a.contacts },
  { ...base, id: 'long-both', process: 'both', scenario: 'long.json', target: [0, Infinity], measure: (f: RunFigures) => f.contacts },
  { ...base, id: 'none', process: '2015', scenario: 'nowhere.json', target: [0, 1], measure: null, needs: 'a figure' },
];

/** A run's figures with only what these claims read. */
const fig = (process: string, contacts: number) => ({ process, contacts }) as unknown as RunSummary;

describe('planValidation: the runs the claims need', () => {
  it('runs each scenario the measurable claims name, replication by replication, on seeds seed, seed+1, ...', () => {
    const plan = planValidation({ quick: false, replications: 3, seed: 10 }, scenarioOf, CLAIMS);
    expect(plan.scenarios.map((s) => [s.file, s.processes, s.seed, s.first, s.count])).toEqual([
      ['short.json', ['2013', '2015'], '10', 0, 6],
      ['long.json', ['2013', '2015'], '10', 6, 6],
    ]);
    expect(plan.jobs.slice(0, 6).map((j) => [j.process, j.seed, j.replication])).toEqual([0, 0, 1, 1, 2, 2].map((r, k) => [k % 2 ? '2015' : '2013', replicationSeed(10, r), r]));
    expect(plan.skipped).toEqual({});
  });

  it('the quick form leaves out a scenario longer than QUICK_MAX_DAYS and says why', () => {
    const plan = planValidation({ quick: true, replications: 2 }, scenarioOf, CLAIMS);
    expect(plan.scenarios.map((s) => s.file)).toEqual(['short.json']);
    expect(plan.skipped['long.json']).toMatch(/at most 31 days \(long\.json has 365\)/);
    expect(plan.jobs).toHaveLength(4);
  });

  it('uses each scenario\u2019s own seed when none is given', () => {
    const plan = planValidation({ quick: false, replications: 1 }, scenarioOf, CLAIMS);
    expect(plan.scenarios.map((s) => s.seed)).toEqual([String(june.seed), '99']);
  });
});

describe('judgePlan: the runs\u2019 figures, in job order, judged', () => {
  const plan = planValidation({ quick: true, replications: 2, seed: 1 }, scenarioOf, CLAIMS);
  const table = judgePlan(plan, [fig('2013', 10), fig('2015', 5), fig('2013', 30), fig('2015', 40)]);

  it('gives each claim its verdict, mean and interval from its own runs', () => {
    const by = Object.fromEntries(table.results.map((r) => [r.claim.id, r]));
    expect(by['short-2013'].measurements[0].interval.mean).toBe(20);
    expect(by['short-paired'].measurements[0].interval.mean).toBe(2.5);
    expect(by['short-paired'].verdict).toBe('outside');
    expect(by['long-both'].verdict).toBe('not run');
    expect(by['none'].verdict).toBe('not measured');
    expect(table.runs).toBe(4);
    expect(validationJson(table)).toMatchObject({ quick: true, replications: 2, summary: { claims: 4, within: 1, outside: 1, notMeasured: 1, notRun: 1 } });
  });

  it('refuses figures that do not match the plan\u2019s runs', () => {
    expect(() => judgePlan(plan, [fig('2013', 1)])).toThrow(/1 runs' figures for 4 runs/);
  });
});

describe('validationCsv', () => {
  const evil: Claim = { ...base, id: 'evil', claim: '=HYPERLINK("http://x","y")', source: '+004 ¶1, "quoted"', process: '2013', scenario: 'short.json', target: [-Infinity, 0], measure: (f: RunFigures) => -f.contacts };
  const plan = planValidation({ quick: true, replications: 2, seed: 1 }, scenarioOf, [evil, CLAIMS[2], CLAIMS[3]]);
  const csv = validationCsv(judgePlan(plan, [fig('2013', 3), fig('2013', 5)]));
  const lines = csv.trim().split('\n');

  it('guards text a spreadsheet would run as a formula, keeps negative numbers as numbers, and leaves open range ends empty', () => {
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(lines[1]).toContain(`"'+004 ¶1, ""quoted"""`);
    expect(lines[1]).toMatch(/,count,,0,at most 0,-4,/);
  });

  it('has one row per measurement and one for a claim without any', () => {
    expect(lines[0].split(',').slice(0, 3)).toEqual(['id', 'verdict', 'process']);
    expect(lines.map((l) => l.split(',')[0])).toEqual(['id', 'evil', 'long-both', 'none']);
    expect(lines[2].split(',').slice(0, 3)).toEqual(['long-both', 'not run', 'both']);
  });
});
