/**
 * Process files on the command line: `export-process` writes the shipped charts as files; `run`,
 * `trace`, `compare`, `sweep` and `check-process` take such a file and give the shipped chart's
 * answers for an exported one; a malformed file is bad input (exit 2) naming the file, the state,
 * the field and the rule.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { run as checkProcessRun } from '../../src/cli/check-process';
import { processFileText, shippedProcessFile, type ProcessFile } from '../../src/core/processes';
import { callMain, runCli } from '../support/cli';
import { ROOT } from '../support/scenarios';

const K2013 = join(ROOT, 'scenarios', 'kingston-2013.json');
const K2015 = join(ROOT, 'scenarios', 'kingston-2015.json');
const call = (args: string[]) => callMain(main, args);
const tmp = mkdtempSync(join(tmpdir(), 'spa-process-file-'));

/** A process file in the temporary folder: a shipped chart's, changed by `patch`. */
function processFile(name: string, from: '2013' | '2015', patch: (f: ProcessFile & { chart: { states: Record<string, any> } }) => void = () => {}): string { // eslint-disable-line @typescript-eslint/no-explicit-any
  const f = JSON.parse(processFileText(shippedProcessFile(from)));
  patch(f);
  const p = join(tmp, name);
  writeFileSync(p, JSON.stringify(f, null, 2));
  return p;
}

async function checkProcess(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await checkProcessRun(args, { out: (s) => void (out += s), err: (s) => void (err += s), isTTY: false, randomSeed: () => 1 });
  return { code, out, err };
}

const P2013 = processFile('p2013.json', '2013');
const P2015 = processFile('p2015.json', '2015');

describe('npm run sim -- export-process', () => {
  it('prints the shipped chart as a process file, and --out writes the same bytes', async () => {
    const printed = await call(['export-process', '2015']);
    expect(printed.code).toBe(0);
    expect(printed.out).toBe(processFileText(shippedProcessFile('2015')));
    const out = join(tmp, 'exported-2013.json');
    expect((await call(['export-process', '2013', '--out', out])).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(processFileText(shippedProcessFile('2013')));
  });

  it('refuses a process that is not shipped, and an option it does not take', async () => {
    expect(await call(['export-process', '2016'])).toMatchObject({ code: 2, err: 'export-process: needs one process to export, 2013 or 2015 (got "2016")' });
    expect(await call(['export-process', '2015', '--json'])).toMatchObject({ code: 2, err: expect.stringMatching(/--json is not an option of export-process/) });
  });
});

describe('a command given an exported shipped chart as --process FILE', () => {
  it('run gives the shipped chart\u2019s figures, under the file\u2019s id', async () => {
    const shipped = await call(['run', K2015, '--days', '20', '--seed', '3', '--process', '2015', '--json']);
    const file = await call(['run', K2015, '--days', '20', '--seed', '3', '--process', P2015, '--json']);
    expect(file.code).toBe(0);
    expect(JSON.parse(file.out)).toEqual({ ...JSON.parse(shipped.out), process: 'spa2015' });
  });

  it('trace writes the shipped chart\u2019s trace, byte for byte', async () => {
    const shipped = await call(['trace', K2013, '--days', '15', '--seed', '3', '--process', '2013', '--format', 'jsonl']);
    const file = await call(['trace', K2013, '--days', '15', '--seed', '3', '--process', P2013, '--format', 'jsonl']);
    expect(file.code).toBe(0);
    expect(file.out.length).toBeGreaterThan(1000);
    expect(file.out).toBe(shipped.out);
  });

  it('compare sets the file beside the process it was derived from: no difference, on one thread or two', async () => {
    const one = await call(['compare', K2015, '--days', '20', '--replications', '2', '--process', P2015, '--json', '--workers', '1']);
    const two = await call(['compare', K2015, '--days', '20', '--replications', '2', '--process', P2015, '--json', '--workers', '2']);
    expect(one.code).toBe(0);
    const result = JSON.parse(one.out);
    expect(result.processes).toEqual(['2015', 'spa2015']);
    for (const [metric, d] of Object.entries(result.difference as Record<string, { mean: number }>)) expect([metric, d.mean]).toEqual([metric, 0]);
    expect(two.out).toBe(one.out);
  }, 60_000);

  it('sweep sets the file beside the process it was derived from at each value', async () => {
    const r = await call(['sweep', K2013, '--days', '10', '--replications', '1', '--vary', 'contactsPerWorkingDay=20:30:10', '--process', P2013, '--json']);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.out).rows as { process: string; contactsPerWorkingDay: number; 'contacts.mean': number }[];
    expect(rows.map((x) => [x.contactsPerWorkingDay, x.process])).toEqual([[20, '2013'], [20, 'spa2013'], [30, '2013'], [30, 'spa2013']]);
    expect(rows[1]['contacts.mean']).toBe(rows[0]['contacts.mean']);
  });

  it('check-process gives the shipped chart\u2019s report, on the scenario of the process it was derived from', async () => {
    const shipped = await checkProcess([K2013, '--runs', '8', '--seed', '5', '--json']);
    const file = await checkProcess([P2013, '--runs', '8', '--seed', '5', '--json']);
    expect(file.code).toBe(shipped.code);
    // The same but for what names the target: the report's process and the replay commands.
    const strip = (s: string, target: string) => {
      const j = JSON.parse(s.split(target).join('TARGET'));
      delete j.process;
      return j;
    };
    expect(strip(file.out, P2013)).toEqual(strip(shipped.out, K2013));
    expect(JSON.parse(file.out).holds).toBe(false);
    expect(JSON.parse(file.out).scenario.file).toBe('scenarios/kingston-2013.json');
  }, 120_000);
});

describe('choosing a process file: bad input is exit 2, naming the option or the file', () => {
  it('compare and sweep take a file, not a shipped name, with --process; not with --processes; not one derived from nothing', async () => {
    expect(await call(['compare', K2015, '--process', '2015'])).toMatchObject({ code: 2, err: expect.stringMatching(/^--process: with compare, must be a process file \(\.json\)/) });
    expect(await call(['compare', K2015, '--process', P2015, '--processes', '2013,2015'])).toMatchObject({ code: 2, err: expect.stringMatching(/--process and --processes cannot be given together/) });
    const orphan = processFile('orphan.json', '2015', (f) => void (f.derivedFrom = null));
    expect(await call(['sweep', K2015, '--vary', 'days=5:6', '--process', orphan])).toMatchObject({ code: 2, err: `${orphan}: derivedFrom: is null, so sweep has no process to set it beside; give derivedFrom "2013" or "2015"` });
  });

  it('run refuses a --process that is neither a shipped name nor a .json file, and a file that is not there', async () => {
    expect(await call(['run', K2015, '--process', 'mine.ts'])).toMatchObject({ code: 2, err: '--process: must be 2013, 2015 or a process file (.json) (got "mine.ts")' });
    expect(await call(['run', K2015, '--process', join(tmp, 'none.json')])).toMatchObject({ code: 2, err: `${join(tmp, 'none.json')}: no such file` });
  });
});

describe('a malformed process file is refused with exit 2 and a message naming the state, the field and the rule', () => {
  const cases: [string, (f: any) => void, RegExp][] = [ // eslint-disable-line @typescript-eslint/no-explicit-any
    ['a target that names no state', (f) => (f.chart.states.received.on['screening.completed'][1].target = 'nowhere'), /chart\.states\.received\.on\["screening\.completed"\]\[1\]\.target: must name a state of the chart .*"nowhere" names no state/],
    ['an unknown guard', (f) => (f.chart.states.received.on['screening.completed'][0].guard = 'looksWorrying'), /chart\.states\.received\.on\["screening\.completed"\]\[0\]\.guard: must name a guard the shared setup provides/],
    ['an unknown action', (f) => (f.chart.states.received.on['clock.escalationDue'].actions = 'phoneParents'), /chart\.states\.received\.on\["clock\.escalationDue"\]\.actions: must name an action the shared setup provides/],
    ['a state whose work names no role', (f) => delete f.chart.states.awaitingDecision.meta.work.role, /chart\.states\.awaitingDecision\.meta\.work\.role: must be one of spaSocialWorker/],
    ['a chart that can never reach a decision', (f) => {
      f.chart.states.received.on = { 'screening.completed': { target: 'informationGathering' } };
      f.chart.states.informationGathering.on = { 'information.gathered': { target: 'received' } };
    }, /chart\.initial: no path from "received" reaches a decided state/],
    ['a cycle with no work in it', (f) => {
      const meta = { ...f.chart.states.received.meta };
      delete meta.work;
      f.chart.states.pause = { meta, always: { target: 'pause' } };
      f.chart.states.received.on['clock.escalationDue'] = { target: 'pause' };
    }, /chart\.states\.pause\.always\.target: closes the cycle pause -> pause, in which no state has work/],
  ];

  it.each(cases)('run: %s', async (name, patch, message) => {
    const p = processFile(`${name.replace(/\W+/g, '-')}.json`, '2015', patch);
    const r = await call(['run', K2015, '--days', '5', '--process', p]);
    expect(r.code).toBe(2);
    expect(r.err.split('\n')).toEqual([expect.stringMatching(new RegExp(`^${p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: ${message.source}`))]);
  });

  it('check-process: the same messages, exit 2', async () => {
    for (const [name, patch, message] of cases) {
      const p = processFile(`check-${name.replace(/\W+/g, '-')}.json`, '2015', patch);
      const r = await checkProcess([p, '--runs', '1', '--seed', '1']);
      expect([name, r.code]).toEqual([name, 2]);
      expect(r.err).toMatch(message);
    }
  });

  it('as a user runs it: exit code 2 from the real command', async () => {
    const p = processFile('real.json', '2015', cases[0][1]);
    const r = await runCli('main.ts', ['run', K2015, '--days', '5', '--process', p]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(cases[0][2]);
  }, 60_000);
});
