/**
 * What `check-process` checks: a scenario file (its process), or a process module (a service
 * designer's statechart) run on a base scenario. Every problem is an InputError naming the file,
 * the field and the rule.
 */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AnyStateMachine } from 'xstate';
import { PROCESSES, ROLES, type ProcessName, type Role } from '../../core/processes';
import { DEFAULT_DURATIONS, checkStaffFor, ScenarioError, type Scenario } from '../../core/scenario';
import { InputError, readScenarioFile } from '../io';

/** The scenario a process module runs on unless `--scenario` names another. */
export const DEFAULT_SCENARIO = fileURLToPath(new URL('../../../scenarios/kingston-2015.json', import.meta.url));

export interface Target {
  /** 'process 2015' or the module path as given. */
  label: string;
  machine: AnyStateMachine;
  base: Scenario;
  /** The file that gave the base scenario. */
  scenarioFile: string;
  kind: 'scenario' | 'module';
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

const isBool = (x: unknown) => typeof x === 'boolean';

/**
 * Checks that a machine is one the engine can run: flat, and every state's `meta` says what the
 * report records, whether the contact is undecided, and who works it (see StateMeta in
 * src/core/processes/common.ts). Returns the roles it puts work on.
 */
export function validateMachine(machine: AnyStateMachine, file: string): Role[] {
  const states = machine.root.states as Record<string, { meta?: unknown; states?: Record<string, unknown> }>;
  const names = Object.keys(states);
  const problems: string[] = [];
  if (names.length === 0) problems.push('states: must have at least one state');
  const roles = new Set<Role>();
  for (const name of names) {
    const node = states[name];
    const at = `states.${name}`;
    if (node.states && Object.keys(node.states).length > 0) problems.push(`${at}: must not have nested states (the engine runs flat statecharts)`);
    const meta = node.meta as Record<string, unknown> | undefined;
    if (!meta || typeof meta !== 'object') {
      problems.push(`${at}.meta: is required (source, description, report, undecided)`);
      continue;
    }
    const report = meta.report as Record<string, unknown> | undefined;
    if (!report || typeof report !== 'object') problems.push(`${at}.meta.report: is required ({ label, pending, decided })`);
    else {
      if (typeof report.label !== 'string') problems.push(`${at}.meta.report.label: must be a string`);
      if (!isBool(report.pending)) problems.push(`${at}.meta.report.pending: must be true or false`);
      if (!isBool(report.decided)) problems.push(`${at}.meta.report.decided: must be true or false`);
    }
    if (!isBool(meta.undecided)) problems.push(`${at}.meta.undecided: must be true or false`);
    if (meta.unallocated !== undefined && !isBool(meta.unallocated)) problems.push(`${at}.meta.unallocated: must be true or false`);
    if (meta.childSeen !== undefined && !isBool(meta.childSeen)) problems.push(`${at}.meta.childSeen: must be true or false`);
    const work = meta.work as Record<string, unknown> | undefined;
    if (work !== undefined) {
      if (!work || typeof work !== 'object') problems.push(`${at}.meta.work: must be { role, activity, done }`);
      else {
        if (!(ROLES as readonly unknown[]).includes(work.role)) problems.push(`${at}.meta.work.role: must be one of ${ROLES.join(', ')}`);
        else roles.add(work.role as Role);
        if (typeof work.activity !== 'string' || !(work.activity in DEFAULT_DURATIONS)) {
          problems.push(`${at}.meta.work.activity: must be one of ${Object.keys(DEFAULT_DURATIONS).join(', ')}`);
        }
        if (typeof work.done !== 'string') problems.push(`${at}.meta.work.done: must name the event that ends the work`);
      }
    }
  }
  if (problems.length) throw new InputError(problems.map((p) => `${file}: ${p}`).join('\n'));
  return [...roles];
}

function checkStaffForRoles(scenario: Scenario, roles: readonly Role[], scenarioFile: string, label: string): void {
  const missing = roles.filter((r) => scenario.staff[r].count < 1);
  if (missing.length) {
    throw new InputError(missing.map((r) => `${scenarioFile}: staff.${r}.count: must be at least 1: ${label} puts work on this role`).join('\n'));
  }
}

export interface TargetOptions {
  scenario?: string;
  process?: ProcessName;
}

export async function loadTarget(target: string, options: TargetOptions): Promise<Target> {
  const path = resolve(target);
  if (!existsSync(path)) throw new InputError(`${target}: no such file`);
  if (statSync(path).isDirectory()) throw new InputError(`${target}: is a folder, not a scenario file or a process module`);

  if (target.endsWith('.json')) {
    if (options.scenario !== undefined) throw new InputError(`--scenario: only with a process module (${target} is a scenario and brings its own)`);
    const base = readScenarioFile(target);
    const process = options.process ?? base.process;
    try {
      checkStaffFor(base, process);
    } catch (e) {
      if (e instanceof ScenarioError) throw new InputError(e.issues.map((i) => `${target}: ${i.field}: ${i.rule}`).join('\n'));
      throw e;
    }
    return { label: `process ${process}`, machine: PROCESSES[process] as unknown as AnyStateMachine, base, scenarioFile: target, kind: 'scenario' };
  }

  if (!MODULE_EXTENSIONS.test(target)) throw new InputError(`${target}: must be a scenario (.json) or a process module (.ts or .js)`);
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
