/**
 * `npm run bench [-- --json] [-- --quick] [-- --pairs N]`: how fast and how big, measured on
 * this machine and printed as figures and ratios (never as a timed test).
 *
 *  - events per second through the XState interpreter and through the compiled stepper, per
 *    process, and their ratio;
 *  - wall time for one borough-year of both processes (kingston-2015 scaled to about 10,000
 *    contacts a year): figures only, as a replication runs (the target), and with the full
 *    trace kept, on the compiled stepper and on XState's interpreter;
 *  - memory retained per 10,000 contacts (the run object, with and without its trace: the
 *    JavaScript heap and the typed arrays' buffers, which live outside it), and for ten
 *    borough-years in one run;
 *  - paired replications per second in one thread and on 2 worker threads (figures only, no
 *    trace, the two processes of a replication sharing their contacts, as `compare` runs them),
 *    the threads' start-up, and the projected time for 1,000 paired replications.
 * Each timing is the best of several repetitions after a warm-up, to keep a busy machine's noise
 * out of the figures.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSimulation } from '../core/engine';
import { replicationSeed, runReplicationJobs } from '../core/run';
import { parseScenarioText, type Scenario } from '../core/scenario';
import { runJobs, type ReplicationJob } from './parallel';
import { parseCommandLine, wholeOption } from './options';
import { processStdio } from './stdio';

// A closed pipe (`npm run bench | head -1`) ends the output quietly (stdio.ts).
const io = processStdio();

/** The options, read as every command reads them (options.ts): an unknown one, or one given twice, is exit 2. */
const args = (() => {
  try {
    return parseCommandLine('bench', process.argv.slice(2), { json: { type: 'boolean' }, quick: { type: 'boolean' }, pairs: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, { positionals: 0 }).values;
  } catch (e) {
    io.err(`error: ${(e as Error).message}\n`);
    process.exit(2);
  }
})();
if (args.help) {
  io.out(`Speed and memory on this machine: npm run bench [-- --json] [-- --quick] [-- --pairs N]

  --json       one JSON object instead of the table
  --quick      fewer repetitions
  --pairs N    paired borough-year replications to time, 2 to 10000 (default 48; 1,000 take about a minute)
Each option at most once.
`);
  process.exit(0);
}
const json = args.json === true;
const quick = args.quick === true;
/**
 * `--pairs N`: how many paired replications to time in the last part (default 48, quick 6); at
 * most 10,000, about 10 minutes on two workers (1,000 take about a minute: README, Speed).
 */
const pairsArg = (() => {
  try {
    return wholeOption('pairs', args.pairs, 2, 10_000);
  } catch (e) {
    io.err(`error: ${(e as Error).message}\n`);
    process.exit(2);
  }
})();
const log = (s: string) => {
  if (!json) io.err(s + '\n');
};

const root = join(import.meta.dirname, '..', '..');
const base = parseScenarioText(readFileSync(join(root, 'scenarios', 'kingston-2015.json'), 'utf8'));
/** kingston-2015 scaled to about 10,000 contacts in its year (a larger borough's front door). */
const boroughYear: Scenario = { ...base, contactsPerWorkingDay: Math.round(base.contactsPerWorkingDay * (10_000 / 6_250)) };

function time<T>(fn: () => T): { ms: number; value: T } {
  const t0 = performance.now();
  const value = fn();
  return { ms: performance.now() - t0, value };
}

function best(reps: number, fn: () => number): number {
  let min = Infinity;
  for (let i = 0; i < reps; i++) min = Math.min(min, fn());
  return min;
}

function runOnce(scenario: Scenario, process: '2013' | '2015', engine: 'compiled' | 'xstate', seed?: string, trace = true) {
  const sim = createSimulation(scenario, { process, engine, seed, trace });
  let events = 0;
  while (sim.step()) events++;
  // Contacts counted from the figures (received in [start, end)): reading `sim.contacts` would make
  // the contact objects, which a figure-only run never needs.
  return { events, contacts: sim.metrics().contacts, sim };
}

const reps = quick ? 2 : 5;
const results: Record<string, unknown> = {};

// 1. Events per second, per process and path.
const eventsPerSecond: Record<string, Record<string, number>> = {};
let contactsPerYear = 0;
for (const process of ['2013', '2015'] as const) {
  eventsPerSecond[process] = {};
  for (const engine of ['xstate', 'compiled'] as const) {
    runOnce(boroughYear, process, engine); // warm-up
    let events = 0;
    const ms = best(engine === 'xstate' ? Math.max(2, reps - 2) : reps, () => {
      const r = time(() => runOnce(boroughYear, process, engine));
      events = r.value.events;
      contactsPerYear = r.value.contacts;
      return r.ms;
    });
    eventsPerSecond[process][engine] = Math.round(events / (ms / 1000));
    log(`events/s ${process} ${engine}: ${eventsPerSecond[process][engine]} (${events} events in ${ms.toFixed(0)} ms)`);
  }
}
results.eventsPerSecond = eventsPerSecond;
results.compiledToXStateRatio = Object.fromEntries(
  Object.entries(eventsPerSecond).map(([p, v]) => [p, Math.round((v.compiled / v.xstate) * 100) / 100]),
);

// 2. One borough-year of both processes.
const yearBoth = (engine: 'compiled' | 'xstate') =>
  best(engine === 'xstate' ? 2 : reps, () => time(() => { runOnce(boroughYear, '2013', engine); runOnce(boroughYear, '2015', engine); }).ms);
// As a replication runs it: figures only (no trace kept), the two processes sharing their
// contacts, the figures computed.
const pair: ReplicationJob[] = (['2013', '2015'] as const).map((process) => ({ scenario: boroughYear, process, seed: String(boroughYear.seed) }));
runReplicationJobs(pair); // warm-up
const yearFiguresOnly = best(reps, () => time(() => runReplicationJobs(pair)).ms);
results.boroughYear = {
  contactsPerProcess: contactsPerYear,
  bothProcessesMsFiguresOnly: Math.round(yearFiguresOnly),
  bothProcessesMsCompiled: Math.round(yearBoth('compiled')),
  bothProcessesMsXState: Math.round(yearBoth('xstate')),
  targetMs: 300,
};
log(`borough-year both processes: ${JSON.stringify(results.boroughYear)}`);

// 3. Memory retained per 10,000 contacts, and ten borough-years in one run.
let keep: unknown = null;
export const retained = () => keep;
/** The JavaScript heap and the typed arrays' buffers (kept outside it: the engine's columns). */
const used = () => {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};
function retainedMb(scenario: Scenario, trace = true): { mb: number; contacts: number } {
  const gc = (globalThis as { gc?: () => void }).gc;
  keep = null;
  gc?.();
  gc?.();
  const before = used();
  const r = runOnce(scenario, '2013', 'compiled', undefined, trace);
  keep = r.sim; // the run object (with its trace, if kept) stays alive while measured
  gc?.();
  gc?.();
  const after = used();
  return { mb: Math.round(((after - before) / 2 ** 20) * 10) / 10, contacts: r.contacts };
}
// A small run first so the baseline holds no garbage of the earlier phases; then the per-contact
// figure is the slope between one and ten borough-years (robust to the baseline).
retainedMb({ ...boroughYear, days: 30 });
const one = retainedMb(boroughYear);
const ten = retainedMb({ ...boroughYear, days: 3650 });
// The same slope for figure-only runs (no trace kept), as replications run.
const oneLean = retainedMb(boroughYear, false);
const tenLean = retainedMb({ ...boroughYear, days: 3650 }, false);
keep = null;
const slopePer10000 = ((ten.mb - one.mb) / (ten.contacts - one.contacts)) * 10_000;
const leanSlopePer10000 = ((tenLean.mb - oneLean.mb) / (tenLean.contacts - oneLean.contacts)) * 10_000;
results.memory = {
  gcExposed: typeof (globalThis as { gc?: unknown }).gc === 'function',
  mbPer10000Contacts: Math.round(slopePer10000 * 10) / 10,
  mbPer10000ContactsFiguresOnly: Math.round(leanSlopePer10000 * 10) / 10,
  oneBoroughYear: { contacts: one.contacts, mb: one.mb },
  tenBoroughYears: { contacts: ten.contacts, mb: ten.mb, targetMb: 500 },
  peakRssMb: Math.round(process.memoryUsage().rss / 2 ** 20),
};
log(`memory: ${JSON.stringify(results.memory)}`);

// 4. Paired replications per second: in this thread, and on 2 worker threads. The start-up of
// the threads is measured apart, and so is the second half of the pairs: each thread compiles
// the engine as it goes (its first pairs run slower), so the rate over the second half is the
// rate a long run settles to. The projection for 1,000 is start-up, plus the first half as
// measured, plus the rest at the settled rate (with --pairs 1000 it is the measured time).
const pairs = pairsArg ?? (quick ? 6 : 48);
const jobs: ReplicationJob[] = [];
for (let r = 0; r < pairs; r++) for (const p of ['2013', '2015'] as const) jobs.push({ scenario: boroughYear, process: p, seed: replicationSeed(boroughYear.seed, r) });
const replications: Record<string, number> = {};
const settled: Record<string, number> = {};
let startupMs = 0;
let projected = 0;
const half = Math.floor(pairs / 2);
for (const workers of [1, 2]) {
  let readyMs = 0;
  let halfAt = 0;
  const t0 = performance.now();
  await runJobs(jobs, workers, {
    onReady: (ms) => (readyMs = ms),
    onProgress: (done) => {
      if (done === 2 * half) halfAt = performance.now();
    },
  });
  const end = performance.now();
  const s = (end - t0) / 1000;
  const rate = pairs / (s - readyMs / 1000);
  const settledRate = (pairs - half) / ((end - halfAt) / 1000);
  replications[`workers${workers}`] = Math.round(rate * 100) / 100;
  settled[`workers${workers}`] = Math.round(settledRate * 100) / 100;
  if (workers === 2) {
    startupMs = Math.round(readyMs);
    projected = (halfAt - t0) / 1000 + Math.max(0, 1000 - half) / settledRate;
    if (pairs >= 1000) projected = s * (1000 / pairs);
  }
  log(`paired borough-year replications/s ${workers === 1 ? 'in one thread' : `on ${workers} worker threads`}: ${replications[`workers${workers}`]} over all ${pairs} pairs (${s.toFixed(1)} s, of which ${(readyMs / 1000).toFixed(2)} s starting threads), ${settled[`workers${workers}`]} over the last ${pairs - half}`);
}
results.pairedReplicationsPerSecond = replications;
results.pairedReplicationsPerSecondSettled = settled;
results.workerStartupMs = startupMs;
results.projected1000PairedReplicationsSeconds = Math.round(projected);

if (json) {
  io.out(JSON.stringify(results) + '\n');
} else {
  const es = eventsPerSecond;
  const by = results.boroughYear as { contactsPerProcess: number; bothProcessesMsFiguresOnly: number; bothProcessesMsCompiled: number; bothProcessesMsXState: number };
  const mem = results.memory as { mbPer10000Contacts: number; mbPer10000ContactsFiguresOnly: number; tenBoroughYears: { contacts: number; mb: number }; gcExposed: boolean };
  const rows: [string, string, string][] = [
    ['Figure', 'Measured', 'Target'],
    ['Events/s, 2013, XState interpreter', String(es['2013'].xstate), ''],
    ['Events/s, 2013, compiled stepper', String(es['2013'].compiled), ''],
    ['Events/s, 2015, XState interpreter', String(es['2015'].xstate), ''],
    ['Events/s, 2015, compiled stepper', String(es['2015'].compiled), ''],
    ['Compiled / XState (2013, 2015)', `${(results.compiledToXStateRatio as Record<string, number>)['2013']}x, ${(results.compiledToXStateRatio as Record<string, number>)['2015']}x`, ''],
    [`Borough-year, both processes (${by.contactsPerProcess} contacts each), figures only`, `${by.bothProcessesMsFiguresOnly} ms`, '< 300 ms'],
    ['Borough-year, both processes, compiled, full trace kept', `${by.bothProcessesMsCompiled} ms`, ''],
    ['Borough-year, both processes, XState interpreter, full trace', `${by.bothProcessesMsXState} ms`, ''],
    [`Memory per 10,000 contacts (heap and typed arrays), with trace${mem.gcExposed ? '' : ' (no --expose-gc: rough)'}`, `${mem.mbPer10000Contacts} MB`, 'linear'],
    ['Memory per 10,000 contacts, figures only (no trace)', `${mem.mbPer10000ContactsFiguresOnly} MB`, ''],
    [`Ten borough-years in one run (${mem.tenBoroughYears.contacts} contacts)`, `${mem.tenBoroughYears.mb} MB`, '< 500 MB'],
    [`Paired borough-year replications/s, one thread (all ${pairs}; last ${pairs - half})`, `${replications.workers1}; ${settled.workers1}`, ''],
    [`Paired borough-year replications/s, 2 worker threads (all ${pairs}; last ${pairs - half})`, `${replications.workers2}; ${settled.workers2}`, ''],
    ['Starting 2 worker threads', `${results.workerStartupMs} ms`, ''],
    [
      pairs >= 1000
        ? `1,000 paired replications on 2 workers (measured, ${pairs} run)`
        : `1,000 paired replications on 2 workers (projected from ${pairs} pairs${pairs < 40 ? ': rough, the threads are still warming up' : ''})`,
      `${results.projected1000PairedReplicationsSeconds} s`,
      '< 60 s',
    ],
  ];
  const w = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i].length)));
  io.out(rows.map((r) => `${r[0].padEnd(w[0])}  ${r[1].padStart(w[1])}  ${r[2].padStart(w[2])}`).join('\n') + '\n');
}
