/**
 * "The same answers everywhere" (issue 15): the lab's check worker (its handler, run here in Node
 * as the worker runs it) gives exactly the report `npm run check-process` prints for the same
 * process file and seed, as text and as JSON.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, type Io } from '../../../src/cli/check-process';
import { handleCheck } from '../../../src/ui/lab/checkHandler';
import type { CheckRequest, CheckResponse } from '../../../src/ui/lab/checkProtocol';
import { ROOT, loadScenario } from '../../support/scenarios';

const FILE = 'examples/spa2015-no-escalation.json';
const SEED = 7;
const RUNS = 20;

async function cli(args: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const io: Io = { out: (s) => void (out += s), err: () => {}, isTTY: false, randomSeed: () => 1 };
  const code = await run(args, io);
  return { code, out };
}

function worker(request: Omit<CheckRequest, 'type' | 'id'>): CheckResponse[] {
  const posted: CheckResponse[] = [];
  handleCheck({ type: 'check', id: 1, ...request }, (m) => posted.push(m));
  return posted;
}

const request = {
  process: JSON.parse(readFileSync(join(ROOT, FILE), 'utf8')) as unknown,
  label: FILE,
  base: loadScenario('kingston-2015.json'),
  scenarioFile: 'scenarios/kingston-2015.json',
  runs: RUNS,
  seed: SEED,
  maxDays: 20,
};

describe('the lab check and check-process', () => {
  const posted = worker(request);
  const report = posted.at(-1)!;

  it('gives the same JSON report for the same file and seed', async () => {
    const { code, out } = await cli([FILE, '--seed', String(SEED), '--runs', String(RUNS), '--json']);
    expect(code).toBe(1);
    expect(report.type).toBe('report');
    if (report.type !== 'report') return;
    expect(JSON.stringify(report.json)).toBe(out.trimEnd());
    expect(report.json.holds).toBe(false);
  });

  it('gives the same text report, less the line with the time it took', async () => {
    const { out } = await cli([FILE, '--seed', String(SEED), '--runs', String(RUNS)]);
    if (report.type !== 'report') throw new Error(`expected a report, got ${report.type}`);
    const printed = out.replace(/\n\(\d+\.\d s; replay this report with --seed -?\d+\)\n$/, '');
    expect(report.text).toBe(printed);
    expect(report.text).toContain('FAILS');
  });

  it('reports its progress in order, ending with every run searched and every failure shrunk', () => {
    const progress = posted.filter((m) => m.type === 'progress');
    const search = progress.filter((m) => m.phase === 'search').map((m) => m.done);
    expect(search).toEqual([...search].sort((a, b) => a - b));
    expect(search.at(-1)).toBe(RUNS);
    expect(progress.at(-1)).toMatchObject({ phase: 'shrink' });
    if (progress.at(-1)?.type === 'progress') expect(progress.at(-1)!.done).toBe(progress.at(-1)!.total);
  });

  it('gives each broken safeguard a generated scenario and a case to open on the replay page', () => {
    if (report.type !== 'report') throw new Error('no report');
    expect(report.runs.map((r) => r.invariant)).toEqual(report.json.failures.map((f) => f.invariant));
    for (const r of report.runs) {
      expect(r.caseId).toMatch(/^C\d+$/);
      expect(r.scenario.days).toBeGreaterThanOrEqual(1);
    }
  });

  it('refuses a malformed file with the field and the rule, as the command line does', () => {
    const bad = structuredClone(request.process) as { chart: { initial: string } };
    bad.chart.initial = 'nowhere';
    const [m] = worker({ ...request, process: bad });
    expect(m.type).toBe('error');
    if (m.type === 'error') expect(m.message).toContain(`${FILE}: chart.initial: must name a state of the chart`);
  });
});
