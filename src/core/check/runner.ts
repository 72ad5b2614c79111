/**
 * The process check: a fast-check property over generated scenarios, one invariant at a time.
 *
 * 1. Search: `runs` scenarios are generated from the seed (see arbitraries.ts) and the process is
 *    run on each; every invariant is judged on every run, and the first run that breaks each
 *    invariant is noted.
 * 2. Shrink: for each broken invariant, fast-check replays the smallest of its failing runs (the
 *    few with the fewest contacts; seed and path) and shrinks each to the smallest scenario that
 *    still breaks that invariant; the one with the fewest contacts is reported. Starting small
 *    matters: a changed knob gives a different stream of contacts, so shrinking a large failing
 *    run can stall above a small one found elsewhere.
 *
 * Everything follows from the seed, so the same seed gives the same report; a counterexample's
 * path (`--path`) replays just that counterexample.
 */
import fc from 'fast-check';
import type { AnyStateMachine } from 'xstate';
import { createSimulation, type Simulation } from '../engine';
import { checkInvariants, indexRun, type Invariant, type InvariantResult } from '../invariants';
import type { Scenario } from '../scenario';
import { scenarioOf, variantArb, type Variant, type VariantOptions } from './arbitraries';

export interface ProcessUnderTest {
  machine: AnyStateMachine;
  /** How reports name the process ('2015', 'examples/spa2015-no-escalation.ts'). */
  label: string;
}

export interface CheckSettings extends VariantOptions {
  base: Scenario;
  runs: number;
  seed: number;
  invariants: readonly Invariant[];
  /** Replay one counterexample (the path a report gives) instead of searching. */
  path?: string;
  onProgress?: (phase: 'search' | 'shrink', done: number, total: number) => void;
}

export interface Counterexample {
  invariant: Invariant;
  seed: number;
  /** fast-check's path: `--seed S --path P` replays this counterexample exactly. */
  path: string;
  /** The first of the generated runs (0-based) that broke the invariant; -1 when replayed. */
  firstRun: number;
  /** The generated run the counterexample was shrunk from; -1 when replayed. */
  shrunkFrom: number;
  /** How many of the generated runs broke it. */
  failingRuns: number;
  shrinks: number;
  variant: Variant;
  scenario: Scenario;
  sim: Simulation;
  /** The breaches in the shrunk run. */
  result: InvariantResult;
}

export interface InvariantSummary {
  invariant: Invariant;
  holds: boolean;
  failingRuns: number;
}

export interface CheckReport {
  process: string;
  base: string;
  seed: number;
  runs: number;
  /** Generated runs, and the contacts they received in all. */
  contactsSimulated: number;
  invariants: InvariantSummary[];
  failures: Counterexample[];
}

export function simulate(p: ProcessUnderTest, base: Scenario, v: Variant): Simulation {
  const sim = createSimulation(scenarioOf(base, v), { machine: p.machine, processLabel: p.label, seed: v.seed });
  sim.run();
  return sim;
}

function propertyFor(p: ProcessUnderTest, settings: CheckSettings, invariant: Invariant) {
  return fc.property(variantArb(settings.base, settings), (v) => checkInvariants(simulate(p, settings.base, v), [invariant], { limit: 0 })[0].holds);
}

function counterexample(p: ProcessUnderTest, settings: CheckSettings, invariant: Invariant, path: string, firstRun: number, failingRuns: number): Counterexample | null {
  const shrunkFrom = settings.path === undefined ? Number(path) : -1;
  const r = fc.check(propertyFor(p, settings, invariant), { seed: settings.seed, path });
  if (!r.failed || !r.counterexample) return null;
  const variant = r.counterexample[0];
  const sim = simulate(p, settings.base, variant);
  const result = checkInvariants(sim, [invariant])[0];
  return {
    invariant,
    seed: settings.seed,
    path: r.counterexamplePath ?? path,
    firstRun,
    shrunkFrom,
    failingRuns,
    shrinks: r.numShrinks,
    variant,
    scenario: scenarioOf(settings.base, variant),
    sim,
    result,
  };
}

/** Search, then shrink a counterexample for each broken invariant (or replay `settings.path`). */
/** How many of an invariant's smallest failing runs are shrunk. */
const SHRINK_STARTS = 3;

export function checkProcess(p: ProcessUnderTest, settings: CheckSettings): CheckReport {
  const { invariants, seed, runs } = settings;
  /** Failing runs per invariant: [run index, contacts]. */
  const failing = new Map<string, [number, number][]>();
  let contactsSimulated = 0;
  let done = 0;

  if (settings.path === undefined) {
    let error: unknown = null;
    const search = fc.property(variantArb(settings.base, settings), (v) => {
      try {
        const sim = simulate(p, settings.base, v);
        contactsSimulated += sim.contacts.length;
        const ix = indexRun(sim);
        for (const inv of invariants) {
          if (inv.check(ix).length === 0) continue;
          const list = failing.get(inv.id) ?? [];
          list.push([done, sim.contacts.length]);
          failing.set(inv.id, list);
        }
      } catch (e) {
        error ??= e;
      }
      done++;
      settings.onProgress?.('search', done, runs);
      return true;
    });
    fc.check(search, { seed, numRuns: runs });
    if (error) throw error;
  }

  const failures: Counterexample[] = [];
  const toShrink = settings.path === undefined ? invariants.filter((i) => failing.has(i.id)) : invariants;
  toShrink.forEach((inv, k) => {
    settings.onProgress?.('shrink', k, toShrink.length);
    if (settings.path !== undefined) {
      const c = counterexample(p, settings, inv, settings.path, -1, 1);
      if (c) failures.push(c);
      return;
    }
    const runsFailing = failing.get(inv.id)!;
    const starts = [...runsFailing].sort((a, b) => a[1] - b[1] || a[0] - b[0]).slice(0, SHRINK_STARTS);
    let best: Counterexample | null = null;
    for (const [index] of starts) {
      const c = counterexample(p, settings, inv, String(index), runsFailing[0][0], runsFailing.length);
      // The search saw it fail, so the replay must too: the runs are deterministic.
      if (!c) throw new Error(`could not replay the failure of ${inv.id} at run ${index} (seed ${seed}): the simulation is not deterministic`);
      if (!best || c.sim.contacts.length < best.sim.contacts.length) best = c;
    }
    failures.push(best!);
  });
  settings.onProgress?.('shrink', toShrink.length, toShrink.length);

  const failed = new Set(failures.map((f) => f.invariant.id));
  return {
    process: p.label,
    base: settings.base.name,
    seed,
    runs: settings.path === undefined ? runs : 1,
    contactsSimulated,
    invariants: invariants.map((invariant) => ({
      invariant,
      holds: !failed.has(invariant.id),
      failingRuns: failing.get(invariant.id)?.length ?? (failed.has(invariant.id) ? 1 : 0),
    })),
    failures,
  };
}
