/**
 * `npm run check-process`: a deliberately broken process is caught with a short counterexample;
 * the same seed replays the same failure; 2015 passes and 2013 fails what the inspectors found;
 * bad input ends with exit code 2 and a message naming the field.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AnyStateMachine } from 'xstate';
import { run, type Io } from '../../src/cli/check-process';
import { checkProcess } from '../../src/cli/check/runner';
import { toJson } from '../../src/cli/check/report';
import { INVARIANTS, chronology, formatChronologies } from '../../src/core/invariants';
import { spa2013, spa2015 } from '../../src/core/processes';
import { spa2015NoEscalation } from '../../examples/spa2015-no-escalation';
import { brokenProcess } from '../fixtures/broken-process';
import { ROOT, loadScenario, shippedScenarios } from '../support/scenarios';

const SEED = Number(process.env.FC_SEED ?? Math.floor(Math.random() * 2_147_483_647));
console.info(`check-process: seed ${SEED} (replay with FC_SEED=${SEED})`);

const base = loadScenario('kingston-2015.json');
const settings = (runs: number, seed = SEED) => ({ base, runs, seed, invariants: INVARIANTS });

function fakeIo(): Io & { stdout: () => string; stderr: () => string } {
  let out = '';
  let err = '';
  return {
    out: (s) => void (out += s),
    err: (s) => void (err += s),
    isTTY: false,
    randomSeed: () => 12345,
    stdout: () => out,
    stderr: () => err,
  };
}

const INSPECTORS_FOUND = [
  'decided-or-visibly-pending',
  'report-pending-count-is-true',
  'not-closed-while-gathering',
  'with-a-manager-by-the-deadline',
  'level-3-4-not-held',
  'child-seen-after-strategy-discussion',
];

/**
 * What the 2015 chart itself can break on generated scenarios, a finding rather than a defect of
 * the check: since "with a manager" means a manager is working the case (issue 14), an escalated
 * decision can still be queued at the deadline when every team manager is in urgent work (a
 * strategy discussion). The shipped 2015 year keeps it (test/core/invariants) since the SPA has a
 * duty manager (a fourth manager, kingston-2015.json) and an incomplete form is made good at
 * screening, and check-process at seed 2015 holds; but a generated variant far from the shipped
 * year (half its children at level 4, two managers) still breaks it about 1 run in 200, too often
 * for a random seed's 40 runs. A duty manager who takes no strategy discussions (a role of its
 * own) would close it; until then checks of 2015 and its variants allow it.
 */
const KNOWN_2015_FINDINGS = ['with-a-manager-by-the-deadline'];

describe('check-process on a deliberately broken process', () => {
  const report = checkProcess({ machine: brokenProcess as unknown as AnyStateMachine, label: 'test/fixtures/broken-process.ts' }, settings(25));

  it('catches it: the manager is bypassed, and nothing else is reported broken beyond what 2015 itself breaks', () => {
    const failed = report.failures.map((f) => f.invariant.id);
    expect(failed).toContain('decided-by-a-manager');
    expect(failed.filter((id) => id !== 'decided-by-a-manager' && !KNOWN_2015_FINDINGS.includes(id))).toEqual([]);
  });

  it('shrinks the counterexample to a few contacts and tells it as a chronology', () => {
    const f = report.failures.find((x) => x.invariant.id === 'decided-by-a-manager')!;
    expect(f.sim.contacts.length).toBeLessThanOrEqual(6);
    expect(f.variant.days).toBeLessThanOrEqual(8);
    const v = f.result.violations[0];
    expect(v.message).toMatch(/without a team manager/);
    const text = formatChronologies(chronology(f.sim, v.caseIds));
    expect(text).toContain(`${v.caseIds[0]}: true level`);
    expect(text).toMatch(/SPA social worker: information gathered; informationGathering -> adviceGiven/);
  });

  it('replays the same failure from the same seed, and the counterexample alone from its path', () => {
    const again = checkProcess({ machine: brokenProcess as unknown as AnyStateMachine, label: 'test/fixtures/broken-process.ts' }, settings(25));
    const ctx = { command: 'npm run check-process -- test/fixtures/broken-process.ts', scenarioFile: 'scenarios/kingston-2015.json', maxDays: 20 };
    expect(JSON.stringify(toJson(again, ctx))).toBe(JSON.stringify(toJson(report, ctx)));
    const [f] = report.failures;
    const replayed = checkProcess({ machine: brokenProcess as unknown as AnyStateMachine, label: 'x' }, { ...settings(1), path: f.path, invariants: [f.invariant] });
    expect(replayed.failures).toHaveLength(1);
    expect(replayed.failures[0].variant).toEqual(f.variant);
    expect(replayed.failures[0].result.violations).toEqual(f.result.violations);
  });
});

describe('check-process on the two Kingston processes', () => {
  it('the 2015 process keeps every safeguard over generated scenarios', () => {
    const r = checkProcess({ machine: spa2015 as unknown as AnyStateMachine, label: '2015' }, settings(40));
    expect(r.failures.map((f) => f.invariant.id).filter((id) => !KNOWN_2015_FINDINGS.includes(id))).toEqual([]);
  });

  it('the 2013 process breaks what the inspectors found, each with a counterexample of a few contacts', () => {
    const r = checkProcess({ machine: spa2013 as unknown as AnyStateMachine, label: '2013' }, { ...settings(40), base: loadScenario('kingston-2013.json') });
    const failed = r.failures.map((f) => f.invariant.id);
    expect(failed).toEqual(expect.arrayContaining(INSPECTORS_FOUND));
    expect(failed).not.toContain('decided-by-a-manager');
    expect(failed).not.toContain('every-contact-accounted-for');
    // Shrinking finds a local minimum, which depends on the seed: over 110 seeds the largest
    // counterexample had 2-20 contacts (median 6; above 15 for 2 seeds, so a bound of 15 failed
    // about one CI run in twenty). Every one small, most of them very small:
    const sizes = r.failures.map((f) => f.sim.contacts.length).sort((a, b) => a - b);
    for (const f of r.failures) expect(f.sim.contacts.length, f.invariant.id).toBeLessThanOrEqual(30);
    expect(sizes[Math.floor((sizes.length - 1) / 2)], `median of ${sizes.join(', ')}`).toBeLessThanOrEqual(10);
  });

  it('the walkthrough\u2019s example is the 2015 chart with its escalation transitions removed, and nothing else', () => {
    const on = (m: AnyStateMachine, state: string) => Object.keys((m.root.states[state].config as { on?: object }).on ?? {}).sort();
    const original = spa2015 as unknown as AnyStateMachine;
    const changed = spa2015NoEscalation as unknown as AnyStateMachine;
    expect(Object.keys(changed.root.states)).toEqual(Object.keys(original.root.states));
    for (const state of Object.keys(original.root.states)) {
      expect(on(changed, state)).toEqual(on(original, state).filter((e) => e !== 'clock.escalationDue'));
      expect(changed.root.states[state].meta).toEqual(original.root.states[state].meta);
    }
  });

  it('the walkthrough\u2019s change (examples/spa2015-no-escalation.ts) breaks only the escalation safeguard', async () => {
    const io = fakeIo();
    const code = await run(['examples/spa2015-no-escalation.ts', '--runs', '40', '--seed', String(SEED), '--json'], io);
    expect(code).toBe(1);
    const out = JSON.parse(io.stdout());
    expect(out.failures.map((f: { invariant: string }) => f.invariant)).toEqual(['with-a-manager-by-the-deadline']);
    expect(out.failures[0].replay).toContain(`--seed ${SEED} --path ${out.failures[0].path}`);
  });
});

describe('the command line', () => {
  it('exits 0 when every safeguard holds, and prints a table of them', async () => {
    const io = fakeIo();
    expect(await run(['scenarios/kingston-2015.json', '--runs', '10', '--seed', '7'], io)).toBe(0);
    expect(io.stdout()).toContain('Every safeguard held.');
    for (const inv of INVARIANTS) expect(io.stdout()).toContain(inv.id);
  });

  it('exits 1 with the failing safeguard, the seed and path to replay it and a chronology', async () => {
    const io = fakeIo();
    expect(await run(['test/fixtures/broken-process.ts', '--runs', '10', '--seed', '7'], io)).toBe(1);
    const text = io.stdout();
    expect(text).toContain('FAILS  decided-by-a-manager');
    expect(text).toMatch(/Replay: npm run check-process -- test\/fixtures\/broken-process\.ts --seed 7 --path [\d:]+ --only decided-by-a-manager/);
    expect(text).toContain('Chronology (London time):');
  });

  it('prints one JSON object with --json', async () => {
    const io = fakeIo();
    await run(['scenarios/kingston-2013.json', '--runs', '5', '--seed', '3', '--json', '--only', 'decided-or-visibly-pending,decided-by-a-manager'], io);
    const lines = io.stdout().trim().split('\n');
    expect(lines).toHaveLength(1);
    const out = JSON.parse(lines[0]);
    expect(out.seed).toBe(3);
    expect(out.invariants.map((i: { id: string }) => i.id)).toEqual(['decided-or-visibly-pending', 'decided-by-a-manager']);
    expect(out.failures[0].chronology[0].entries[0].when).toMatch(/^\w{3} \d{4}-\d\d-\d\d \d\d:\d\d$/);
  });

  it('takes a shipped process by name, on its own scenario unless --scenario names another', async () => {
    const io = fakeIo();
    expect(await run(['2013', '--runs', '3', '--seed', '1', '--only', 'decided-by-a-manager'], io)).toBe(0);
    expect(io.stdout()).toContain('Checking process 2013 against 1 safeguard.');
    expect(io.stdout()).toMatch(/Base scenario: Kingston SPA, June 2013 \(.*kingston-2013\.json\)/);
  });

  it('lists the safeguards with their sources', async () => {
    const io = fakeIo();
    expect(await run(['--list'], io)).toBe(0);
    expect(io.stdout()).toContain('Source: 004 ¶30');
  });

  const bad: Array<[string, string[], RegExp]> = [
    ['no target', [], /needs exactly one scenario file, process \(2013 or 2015\), process file or process module/],
    ['a missing file', ['scenarios/nope.json'], /scenarios\/nope\.json: no such file/],
    ['a folder', ['scenarios'], /is a folder/],
    ['an unknown option', ['scenarios/kingston-2015.json', '--colour'], /colour/],
    ['a bad --runs', ['scenarios/kingston-2015.json', '--runs', '0'], /--runs: must be a whole number from 1 to 100000 \(got 0\)/],
    ['a bad --seed', ['scenarios/kingston-2015.json', '--seed', '1.5'], /--seed: must be a whole number of at most 15 digits, or a word/],
    ['--path without --seed', ['scenarios/kingston-2015.json', '--path', '1:2'], /--path: needs --seed/],
    ['a malformed --path', ['scenarios/kingston-2015.json', '--seed', '1', '--path', 'x'], /--path: must be numbers separated by colons/],
    ['an unknown safeguard', ['scenarios/kingston-2015.json', '--only', 'be-nice'], /--only: "be-nice" is not a safeguard/],
    ['an unknown process', ['scenarios/kingston-2015.json', '--process', '2014'], /--process: must be 2013 or 2015/],
    ['--scenario with a scenario file', ['scenarios/kingston-2015.json', '--scenario', 'scenarios/kingston-2013.json'], /--scenario: only with a process file or module/],
    ['--process with a module', ['test/fixtures/broken-process.ts', '--process', '2013'], /--process: only with a scenario file/],
    ['a file that is neither', ['README.md'], /README\.md: must be a scenario or a process file \(\.json\), or a process module/],
    ['a module with no statechart', ['test/fixtures/not-a-process.ts'], /not-a-process\.ts: must export an XState machine/],
    ['a statechart without the meta the engine reads', ['test/fixtures/process-without-meta.ts'], /process-without-meta\.ts: states\.received\.meta\.report: is required/],
    ['a --path beyond any run (it was a finding, exit 1)', ['scenarios/kingston-2015.json', '--seed', '1', '--path', '999999'], /--path: .*the first a run from 0 to 99999 \(got "999999"\)/],
    ['--path with --runs', ['scenarios/kingston-2015.json', '--seed', '1', '--path', '3', '--runs', '5'], /--path and --runs cannot be given together/],
    ['--list with other options', ['--list', '--json'], /--list takes no other options \(got --json\)/],
    ['an option given twice', ['scenarios/kingston-2015.json', '--runs', '5', '--runs', '6'], /check-process: --runs is given twice/],
    ['--days beyond a year', ['scenarios/kingston-2015.json', '--days', '367'], /--days: must be a whole number from 1 to 366 \(got 367\)/],
    ['a device as the target', ['/dev/zero'], /\/dev\/zero: is a device, not a process module; only regular files are read/],
    ['more generated runs than a few minutes allow', ['scenarios/kingston-2015.json', '--runs', '100000', '--days', '366'], /check-process: at their longest and busiest, the 100,000 runs would simulate about [\d,]+ contacts .*add --allow-large-run/],
  ];
  for (const [what, argv, message] of bad) {
    it(`exits 2 for ${what}, naming the field and the rule`, async () => {
      const io = fakeIo();
      expect(await run(argv, io)).toBe(2);
      expect(io.stderr()).toMatch(message);
      expect(io.stdout()).toBe('');
    });
  }

  it('takes a word as --seed, as every command does, and prints the number that replays it', async () => {
    const a = fakeIo();
    const b = fakeIo();
    // One safeguard that holds, so the exit code speaks of the seed only (KNOWN_2015_FINDINGS).
    const only = ['--only', 'every-contact-accounted-for'];
    expect(await run(['scenarios/kingston-2015.json', '--runs', '3', '--seed', 'class-7', '--json', ...only], a)).toBe(0);
    const seed = JSON.parse(a.stdout()).seed as number;
    expect(Number.isInteger(seed)).toBe(true);
    expect(await run(['scenarios/kingston-2015.json', '--runs', '3', '--seed', String(seed), '--json', ...only], b)).toBe(0);
    expect(JSON.parse(b.stdout())).toEqual(JSON.parse(a.stdout()));
  });

  it('exits 2 for a scenario file that fails validation, naming the field', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'check-process-'));
    const file = join(dir, 'bad.json');
    const json = JSON.parse(JSON.stringify(loadScenario('kingston-2015.json')));
    json.levelMix['4'] = 0.5;
    writeFileSync(file, JSON.stringify(json));
    const io = fakeIo();
    expect(await run([file, '--runs', '1'], io)).toBe(2);
    expect(io.stderr()).toContain(`${file}: levelMix: shares must sum to 1`);
  });

  it('runs as `npm run check-process`: exit 1 for a broken process, exit 2 for bad input', () => {
    const tsx = join(ROOT, 'node_modules', '.bin', 'tsx');
    const broken = spawnSync(tsx, ['src/cli/check-process.ts', 'test/fixtures/broken-process.ts', '--runs', '5', '--seed', '1'], { cwd: ROOT, encoding: 'utf8' });
    expect(broken.status).toBe(1);
    expect(broken.stdout).toContain('FAILS  decided-by-a-manager');
    const missing = spawnSync(tsx, ['src/cli/check-process.ts', 'scenarios/missing.json'], { cwd: ROOT, encoding: 'utf8' });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe('error: scenarios/missing.json: no such file\n');
  });
});

describe('check-process --as-given: the scenarios themselves, warm-up included', () => {
  it('judges 2015 on every shipped scenario as shipped, saying which workforce each run uses', async () => {
    const io = fakeIo();
    const code = await run(['2015', '--as-given', '--json'], io);
    const out = JSON.parse(io.stdout());
    expect(out.asGiven).toBe(true);
    expect(out.scenarios.map((s: { file: string }) => s.file.replace(/^.*scenarios\//, ''))).toEqual(shippedScenarios());
    const june = out.scenarios.find((s: { file: string }) => s.file.endsWith('kingston-2013.json'));
    expect(june.warmUpDays).toBe(180);
    expect(june.staffing).toMatch(/^its own era's workforce \(staffingByProcess\.2015: /);
    const year = out.scenarios.find((s: { file: string }) => s.file.endsWith('kingston-2015.json'));
    expect(year.staffing).toBe("the scenario's own workforce (staff)");
    // Only the known finding breaks, on any scenario, and the exit code says whether it did.
    const broken = out.scenarios.flatMap((s: { failures: { invariant: string }[] }) => s.failures.map((f) => f.invariant));
    expect(broken.filter((id: string) => !KNOWN_2015_FINDINGS.includes(id))).toEqual([]);
    expect(code).toBe(broken.length ? 1 : 0);
  });

  it('finds on June 2013 as shipped what the inspectors found, including referrals unallocated past 48 hours, each told as a chronology', async () => {
    const io = fakeIo();
    expect(await run(['scenarios/kingston-2013.json', '--as-given'], io)).toBe(1);
    const text = io.stdout();
    expect(text).toContain("As given: 30 days from 2013-06-01 after 180 days' warm-up, seed 20130603;");
    expect(text).toContain("Staffing: process 2013 runs with the scenario's own workforce (staff).");
    for (const id of [...INSPECTORS_FOUND, 'referral-allocated-within-48-hours']) {
      expect(text).toContain(`FAILS  ${id}`);
      expect(text).toContain(`Replay: npm run check-process -- scenarios/kingston-2013.json --as-given --only ${id}`);
    }
    expect(text).toMatch(/holds {2}decided-by-a-manager/);
    expect(text).toContain('Chronology (London time):');
    expect(text).toMatch(/What went wrong \([\d,]+ breaches, the first 3 shown\):/);
  });

  it('replays one safeguard on a scenario as the report prints it, with the same breaches', async () => {
    const a = fakeIo();
    const b = fakeIo();
    const argv = ['2013', '--as-given', '--scenario', 'scenarios/bank-holiday.json', '--only', 'level-3-4-not-held', '--json'];
    await run(argv, a);
    await run(argv, b);
    const out = JSON.parse(a.stdout());
    expect(out.scenarios).toHaveLength(1);
    expect(out.scenarios[0].failures[0].replay).toBe('npm run check-process -- 2013 --as-given --scenario scenarios/bank-holiday.json --only level-3-4-not-held');
    expect(b.stdout()).toBe(a.stdout());
  });

  it('runs a process file on a scenario as given with the workforce of the process it was derived from, and exits 0 when every safeguard holds', async () => {
    const io = fakeIo();
    const argv = ['examples/spa2015-no-escalation.json', '--as-given', '--scenario', 'scenarios/kingston-2013.json', '--only', 'every-contact-accounted-for'];
    expect(await run(argv, io)).toBe(0);
    const text = io.stdout();
    expect(text).toContain('Checking examples/spa2015-no-escalation.json against 1 safeguard, on a scenario as given.');
    expect(text).toContain('Staffing: examples/spa2015-no-escalation.json runs with its own era\'s workforce (staffingByProcess.2015: ');
    expect(text).toContain('Every safeguard held.');
  });

  it('breaks the escalation safeguard for the process file without the escalation on a shipped scenario, as generated scenarios do', async () => {
    const io = fakeIo();
    expect(await run(['examples/spa2015-no-escalation.json', '--as-given', '--scenario', 'scenarios/monday-surge.json', '--only', 'with-a-manager-by-the-deadline'], io)).toBe(1);
    expect(io.stdout()).toContain('FAILS  with-a-manager-by-the-deadline');
  });

  const refused: Array<[string, string[], RegExp]> = [
    ['--runs', ['2015', '--as-given', '--runs', '5'], /--as-given and --runs cannot be given together \(a scenario as given has its own days and seed/],
    ['--seed', ['scenarios/kingston-2015.json', '--as-given', '--seed', '7'], /--as-given and --seed cannot be given together/],
    ['--days', ['2013', '--as-given', '--days', '5'], /--as-given and --days cannot be given together/],
    ['--process with a process named', ['2013', '--as-given', '--process', '2015'], /--process: only with a scenario file \(2013 is a process\)/],
    ['--scenario with a scenario file', ['scenarios/kingston-2015.json', '--as-given', '--scenario', 'scenarios/kingston-2013.json'], /--scenario: only with a process file or module/],
  ];
  for (const [what, argv, message] of refused) {
    it(`exits 2 for --as-given with ${what}, naming both`, async () => {
      const io = fakeIo();
      expect(await run(argv, io)).toBe(2);
      expect(io.stderr()).toMatch(message);
      expect(io.stdout()).toBe('');
    });
  }
});
