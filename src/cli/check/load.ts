/**
 * What `check-process` checks: a scenario file (its process), a shipped process by name (2013 or
 * 2015), a process file (JSON: a service designer's statechart as data,
 * src/core/processes/processFile.ts) or a process module (the same in TypeScript) run on a base
 * scenario. Every problem is an InputError naming the file, the field and the rule.
 */
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AnyStateMachine } from 'xstate';
import { PROCESSES, PROCESS_NAMES, chartProblems, isProcessFileData, type ProcessName, type Role } from '../../core/processes';
import { checkStaffFor, ScenarioError, staffedFor, type Scenario } from '../../core/scenario';
import { InputError, checkReadableFile, readProcessFile, readScenarioFile, readTextFile } from '../io';

/** The scenario a process module runs on unless `--scenario` names another. */
export const DEFAULT_SCENARIO = fileURLToPath(new URL('../../../scenarios/kingston-2015.json', import.meta.url));

/** The scenario a process file runs on unless `--scenario` names another: that of the process it was derived from. */
export function defaultScenarioOf(derivedFrom: ProcessName | null): string {
  return derivedFrom === '2013' ? fileURLToPath(new URL('../../../scenarios/kingston-2013.json', import.meta.url)) : DEFAULT_SCENARIO;
}

/** The folder of the shipped scenarios. */
export const SHIPPED_DIR = fileURLToPath(new URL('../../../scenarios/', import.meta.url));

/** The shipped scenarios (scenarios/*.json, not the training cases), in file-name order. */
export function shippedScenarioFiles(): string[] {
  return readdirSync(SHIPPED_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => join(SHIPPED_DIR, f));
}

export interface Target {
  /** 'process 2015', or the process file's or module's path as given. */
  label: string;
  machine: AnyStateMachine;
  base: Scenario;
  /** The file that gave the base scenario. */
  scenarioFile: string;
  kind: 'scenario' | 'process' | 'file' | 'module';
  /**
   * Whose era's workforce the process runs with on a scenario as given (`staffingByProcess`): the
   * shipped process's own, a process file's `derivedFrom`; none for a module (the scenario's staff).
   */
  workforce?: ProcessName;
}

const MODULE_EXTENSIONS = /\.(ts|mts|cts|js|mjs|cjs)$/;

export function isMachine(x: unknown): x is AnyStateMachine {
  if (x === null || typeof x !== 'object') return false;
  const m = x as Record<string, unknown>;
  return typeof m.transition === 'function' && typeof m.getInitialSnapshot === 'function' && m.root !== null && typeof m.root === 'object';
}

/** The machine a module exports: its default export, or else its first export that is one. */
export function machineFromModule(mod: Record<string, unknown>, file: string): AnyStateMachine {
  if (isMachine(mod.default)) return mod.default;
  for (const [, value] of Object.entries(mod)) if (isMachine(value)) return value;
  throw new InputError(`${file}: must export an XState machine (as the default export or a named export); found ${Object.keys(mod).length ? Object.keys(mod).join(', ') : 'no exports'}`);
}

/**
 * Checks that a machine is one the engine can run (src/core/processes/validate.ts names every
 * problem by state, field and rule). Returns the roles it puts work on.
 */
export function validateMachine(machine: AnyStateMachine, file: string): Role[] {
  const { problems, roles } = chartProblems(machine);
  if (problems.length) throw new InputError(problems.map((p) => `${file}: ${p}`).join('\n'));
  return roles;
}

function checkStaffForRoles(scenario: Scenario, roles: readonly Role[], scenarioFile: string, label: string, workforce?: ProcessName): void {
  const own = workforce !== undefined && scenario.staffingByProcess[workforce] !== undefined;
  const staff = own ? staffedFor(scenario, workforce).staff : scenario.staff;
  const missing = roles.filter((r) => staff[r].count < 1);
  if (missing.length) {
    const field = own ? `staffingByProcess.${workforce}.staff` : 'staff';
    throw new InputError(missing.map((r) => `${scenarioFile}: ${field}.${r}.count: must be at least 1: ${label} puts work on this role`).join('\n'));
  }
}

/**
 * A scenario the target's process can run as given: every role its chart puts work on is staffed
 * in the workforce it runs with (`Target.workforce`). Throws an InputError naming the field.
 */
export function checkRunnable(t: Target, scenario: Scenario, scenarioFile: string): void {
  checkStaffForRoles(scenario, chartProblems(t.machine).roles, scenarioFile, t.label, t.workforce);
}

export interface TargetOptions {
  scenario?: string;
  process?: ProcessName;
}

/** Whether a .json file says it is a process file (its format tag); anything else is read as a scenario, which names its own problems. */
function isProcessFile(target: string): boolean {
  let data: unknown;
  try {
    data = JSON.parse(readTextFile(target, 'process file'));
  } catch {
    return false;
  }
  return isProcessFileData(data);
}

/** Whether a target names a shipped process ('2013', '2015') rather than a file. */
export function isProcessName(target: string): target is ProcessName {
  return (PROCESS_NAMES as readonly string[]).includes(target);
}

export async function loadTarget(target: string, options: TargetOptions): Promise<Target> {
  if (isProcessName(target)) {
    if (options.process !== undefined) throw new InputError(`--process: only with a scenario file (${target} is a process)`);
    const machine = PROCESSES[target] as unknown as AnyStateMachine;
    const scenarioFile = options.scenario ?? defaultScenarioOf(target);
    const base = readScenarioFile(scenarioFile);
    const t: Target = { label: `process ${target}`, machine, base, scenarioFile, kind: 'process', workforce: target };
    checkRunnable(t, base, scenarioFile);
    return t;
  }
  const path = resolve(target);
  // Only a regular file of at most its kind's size is read or imported (io.ts): a device, a pipe or a folder is refused by name.
  checkReadableFile(target, target.endsWith('.json') ? 'scenario file' : 'process module');

  if (target.endsWith('.json') && isProcessFile(target)) {
    if (options.process !== undefined) throw new InputError(`--process: only with a scenario file (${target} is a process file and brings its own process)`);
    const { file, machine } = readProcessFile(target);
    const scenarioFile = options.scenario ?? defaultScenarioOf(file.derivedFrom);
    const base = readScenarioFile(scenarioFile);
    const workforce = file.derivedFrom ?? undefined;
    checkStaffForRoles(base, chartProblems(machine).roles, scenarioFile, target);
    return { label: target, machine, base, scenarioFile, kind: 'file', ...(workforce ? { workforce } : {}) };
  }

  if (target.endsWith('.json')) {
    if (options.scenario !== undefined) throw new InputError(`--scenario: only with a process file or module (${target} is a scenario and brings its own)`);
    const base = readScenarioFile(target);
    const process = options.process ?? base.process;
    try {
      checkStaffFor(base, process);
    } catch (e) {
      if (e instanceof ScenarioError) throw new InputError(e.issues.map((i) => `${target}: ${i.field}: ${i.rule}`).join('\n'));
      throw e;
    }
    return { label: `process ${process}`, machine: PROCESSES[process] as unknown as AnyStateMachine, base, scenarioFile: target, kind: 'scenario', workforce: process };
  }

  if (!MODULE_EXTENSIONS.test(target)) throw new InputError(`${target}: must be a scenario or a process file (.json), or a process module (.ts or .js)`);
  if (options.process !== undefined) throw new InputError(`--process: only with a scenario file (${target} brings its own process)`);
  let mod: Record<string, unknown>;
  try {
    mod = (await import(pathToFileURL(path).href)) as Record<string, unknown>;
  } catch (e) {
    throw new InputError(`${target}: cannot be loaded: ${(e as Error)?.message ?? String(e)}`);
  }
  const machine = machineFromModule(mod, target);
  const roles = validateMachine(machine, target);
  const scenarioFile = options.scenario ?? DEFAULT_SCENARIO;
  const base = readScenarioFile(scenarioFile);
  checkStaffForRoles(base, roles, scenarioFile, target);
  return { label: target, machine, base, scenarioFile, kind: 'module' };
}
