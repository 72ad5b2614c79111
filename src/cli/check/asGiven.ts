/**
 * The process check on scenarios as given (`check-process --as-given`): instead of generated
 * scenarios, the process runs once on each scenario exactly as its file gives it (its days, its
 * warm-up, its seed, and the workforce `staffingByProcess` gives the process), and every
 * safeguard is judged on the whole run, warm-up included. A breach here is a finding about the
 * process on that scenario; there is nothing to shrink, so the report tells the first breaches
 * as chronologies.
 */
import type { AnyStateMachine } from 'xstate';
import { createSimulation, type Simulation } from '../../core/engine';
import { checkInvariants, when, type Invariant, type InvariantResult } from '../../core/invariants';
import type { ProcessName } from '../../core/processes';
import { staffingWords, type Scenario } from '../../core/scenario';
import { breachStory, casesShown, plural, safeguardHeading } from './report';
import { chronology } from '../../core/invariants';

export interface ProcessAsGiven {
  machine: AnyStateMachine;
  /** How reports name the process ('process 2015', 'my-process.json'). */
  label: string;
  /** Whose era's workforce it runs with (`staffingByProcess`); none: the scenario's own staff. */
  workforce?: ProcessName;
}

export interface GivenRun {
  scenario: Scenario;
  /** The scenario's file, as the report prints it. */
  scenarioFile: string;
  /** Which workforce the process ran with, in words. */
  staffing: string;
  sim: Simulation;
  results: InvariantResult[];
  /** The command that replays this scenario's check, less `--only`. */
  command: string;
}

/** Which workforce a process runs with on a scenario, in words (see `staffingWords`). */
export function workforceWords(scenario: Scenario, workforce: ProcessName | undefined): string {
  return workforce === undefined ? "the scenario's own workforce (staff)" : staffingWords(scenario, workforce);
}

/** Runs the process on the scenario as given and judges every safeguard on the whole run. */
export function checkAsGiven(p: ProcessAsGiven, scenario: Scenario, scenarioFile: string, invariants: readonly Invariant[], command: string): GivenRun {
  const sim = createSimulation(scenario, { machine: p.machine, processLabel: p.label, ...(p.workforce ? { workforce: p.workforce } : {}) });
  sim.run();
  return { scenario, scenarioFile, staffing: workforceWords(scenario, p.workforce), sim, results: checkInvariants(sim, invariants), command };
}

function broken(run: GivenRun): InvariantResult[] {
  return run.results.filter((r) => !r.holds);
}

function asGivenLine(sc: Scenario, contacts: number): string {
  const warmUp = sc.warmUpDays ? `after ${plural(sc.warmUpDays, "day's", "days'")} warm-up` : 'with no warm-up';
  return `As given: ${plural(sc.days, 'day')} from ${sc.start} ${warmUp}, seed ${sc.seed}; ${plural(contacts, 'contact')} received, warm-up included.`;
}

export function formatAsGiven(label: string, runs: readonly GivenRun[], invariants: readonly Invariant[]): string {
  const out: string[] = [];
  out.push(`Checking ${label} against ${plural(invariants.length, 'safeguard')}, on ${runs.length === 1 ? 'a scenario' : `${runs.length} scenarios`} as given.`);
  const width = Math.max(...invariants.map((i) => i.id.length));
  for (const run of runs) {
    out.push('');
    out.push(`Scenario: ${run.scenario.name} (${run.scenarioFile})`);
    out.push(asGivenLine(run.scenario, run.sim.contacts.length));
    out.push(`Staffing: ${label} runs with ${run.staffing}.`);
    out.push('');
    for (const r of run.results) {
      const tail = r.holds ? '' : `  (${plural(r.count, 'breach', 'breaches')})`;
      out.push(`  ${r.holds ? 'holds' : 'FAILS'}  ${r.invariant.id.padEnd(width)}  ${r.invariant.title}${tail}`);
    }
    out.push('');
    const fails = broken(run);
    out.push(fails.length === 0 ? 'Every safeguard held.' : `${fails.length} of ${plural(invariants.length, 'safeguard')} broken.`);
    for (const r of fails) {
      out.push('');
      out.push(...safeguardHeading(r.invariant, `${run.command} --only ${r.invariant.id}`));
      out.push('');
      out.push(...breachStory(r, run.sim));
    }
  }
  if (runs.length > 1) {
    const failing = runs.filter((r) => broken(r).length > 0);
    out.push('');
    out.push(failing.length === 0 ? `Every safeguard held on all ${runs.length} scenarios.` : `Safeguards broken on ${failing.length} of ${runs.length} scenarios: ${failing.map((r) => r.scenarioFile).join(', ')}.`);
  }
  return out.join('\n') + '\n';
}

export function asGivenJson(label: string, runs: readonly GivenRun[]): unknown {
  return {
    process: label,
    asGiven: true,
    holds: runs.every((r) => broken(r).length === 0),
    scenarios: runs.map((run) => ({
      name: run.scenario.name,
      file: run.scenarioFile,
      start: run.scenario.start,
      days: run.scenario.days,
      warmUpDays: run.scenario.warmUpDays,
      seed: run.scenario.seed,
      staffing: run.staffing,
      contacts: run.sim.contacts.length,
      holds: broken(run).length === 0,
      invariants: run.results.map((r) => ({
        id: r.invariant.id,
        title: r.invariant.title,
        statement: r.invariant.statement,
        source: r.invariant.source,
        parameters: r.invariant.parameters,
        censoring: r.invariant.censoring,
        holds: r.holds,
        breaches: r.count,
      })),
      failures: broken(run).map((r) => ({
        invariant: r.invariant.id,
        replay: `${run.command} --only ${r.invariant.id}`,
        breaches: r.count,
        violations: r.violations.map((v) => ({ caseIds: v.caseIds, at: when(v.at), message: v.message })),
        chronology: chronology(run.sim, casesShown(r)),
      })),
    })),
  };
}
