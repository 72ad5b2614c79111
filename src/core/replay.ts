/**
 * One process's run, prepared for replay in the browser: the summary (the same figures as the
 * command line's `run --json`), the trace and contacts, each case's summary, the replay index and
 * the figures over time. A web worker calls this; the page only reads the result.
 *
 * The run steps the same engine as `runScenario` (src/core/run.ts) with `runUntil`, one simulated
 * hour at a time, only so that it can note the queue lengths on the hour: queues are the engine's
 * state, not the trace's. Stepping in slices handles exactly the same events in the same order as
 * `run()`, so the trace and `summarise(sim)` are identical (test/core/replay.test.ts checks it, and
 * the browser test checks the page against the command line).
 */
import { HOUR, type Instant } from './calendar';
import type { Contact } from './contact';
import { createSimulation, type TraceRecord } from './engine';
import { summariseCases, type CaseSummary } from './metrics';
import type { Role } from './processes/common';
import { processRunOptions, summarise, type ProcessChoice, type RunSummary } from './run';
import type { Scenario } from './scenario';
import { buildTimeline, dailySeries, heldHistogram, rolesOf, stateInfos, timelinessBuckets, type DailySeries, type StateInfo, type TimelineIndex, type TimelinessBucket } from './timeline';

export interface QueueSamples {
  /** First sample instant (the period's start); then one sample every `stepMs`. */
  from: Instant;
  stepMs: number;
  roles: Role[];
  /** Per role, cases waiting for a worker (not yet started) at each sample. */
  values: Record<string, Int32Array>;
}

export interface ProcessReplay {
  process: string;
  seed: string;
  summary: RunSummary;
  start: Instant;
  simStart: Instant;
  end: Instant;
  states: StateInfo[];
  contacts: Contact[];
  trace: TraceRecord[];
  /** Each contact's summary, in the order of `contacts`. */
  cases: CaseSummary[];
  timeline: TimelineIndex;
  daily: DailySeries;
  timelinessBy: 'day' | 'week';
  timeliness: TimelinessBucket[];
  held: number[];
  queues: QueueSamples;
}

export interface ReplayOptions {
  /** A shipped process by name, or a process file (as `compare --process FILE` runs one). */
  process: ProcessChoice;
  seed?: string | number;
  onProgress?: (fraction: number) => void;
  /** Sample queues every this many ms (default one hour). */
  queueStepMs?: number;
}

/** Short periods are read day by day; longer ones week by week. */
export function timelinessGrain(days: number): 'day' | 'week' {
  return days <= 62 ? 'day' : 'week';
}

export function replayProcess(scenario: Scenario, options: ReplayOptions): ProcessReplay {
  const sim = createSimulation(scenario, { ...processRunOptions(options.process), seed: options.seed });
  const stepMs = options.queueStepMs ?? HOUR;
  const span = sim.end - sim.simStart;
  let reported = -1;
  const progress = () => {
    const f = Math.floor(((sim.now() - sim.simStart) / span) * 100);
    if (f !== reported) {
      reported = f;
      options.onProgress?.(f / 100);
    }
  };
  // Warm-up: no samples, steps of a simulated day.
  for (let t = sim.simStart; t < sim.start; t = Math.min(t + 24 * HOUR, sim.start)) {
    sim.runUntil(t);
    progress();
  }
  const roles = rolesOf(sim.machine);
  const n = Math.floor((sim.end - sim.start) / stepMs) + 1;
  const values: Record<string, Int32Array> = {};
  for (const r of roles) values[r] = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    sim.runUntil(Math.min(sim.start + i * stepMs, sim.end));
    const q = sim.queueLengths();
    for (const r of roles) values[r][i] = q[r];
    if (i % 24 === 0) progress();
  }
  sim.runUntil(sim.end);
  options.onProgress?.(1);

  const summary = summarise(sim);
  const contacts = [...sim.contacts];
  const trace = [...sim.trace];
  const cases = summariseCases({ machine: sim.machine, contacts, trace, start: sim.start, end: sim.end });
  const states = stateInfos(sim.machine);
  const timeline = buildTimeline(trace, states.map((s) => s.name), new Set(states.filter((s) => s.final).map((s) => s.name)), sim.start);
  const grain = timelinessGrain(summary.days);
  return {
    process: sim.process,
    seed: sim.seed,
    summary,
    start: sim.start,
    simStart: sim.simStart,
    end: sim.end,
    states,
    contacts,
    trace,
    cases,
    timeline,
    daily: dailySeries(sim.machine, trace, contacts, cases, sim.start, sim.end),
    timelinessBy: grain,
    timeliness: timelinessBuckets(contacts, cases, sim.start, sim.end, grain),
    held: heldHistogram(contacts, cases, sim.start, sim.end),
    queues: { from: sim.start, stepMs, roles, values },
  };
}

/** Cases waiting for each role at t (the sample on or before t). */
export function queuesAt(q: QueueSamples, t: Instant): Record<string, number> {
  const i = Math.max(0, Math.floor((t - q.from) / q.stepMs));
  const out: Record<string, number> = {};
  for (const r of q.roles) {
    const v = q.values[r];
    out[r] = v.length ? v[Math.min(i, v.length - 1)] : 0;
  }
  return out;
}
