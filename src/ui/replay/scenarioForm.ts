/**
 * The scenario form as data: which fields a person can change, their values as typed (strings,
 * kept even when invalid), and how typed values become a scenario. Validation is the core's
 * (parseScenario, checkStaffFor): the form only maps each problem back to the field it names.
 * Pure: no React, no DOM, so it is unit-tested in Node (test/ui/replay/scenarioForm.test.ts).
 */
import { ROLES, type Role } from '../../core/processes/common';
import { PROCESS_NAMES } from '../../core/processes';
import { ROLE_LABELS } from '../../core/labels';
import { BOUNDS } from '../../core/bounds';
import { RUN_LIMITS, groupDigits, roughly, runSizeProblem, sizeOf } from '../../core/runSize';
import { checkStaffFor, parseScenario, ScenarioError, type Scenario } from '../../core/scenario';
import { readSeed, SEED_RULE } from '../../core/seed';

export interface FieldDef {
  /** Path in the scenario, dot-separated: "levelMix.3", "staff.teamManager.count". */
  key: string;
  label: string;
  hint?: string;
  integer: boolean;
  group: 'demand' | 'levelMix' | 'staff';
}

const LEVEL_NAMES = ['universal', 'additional needs', 'complex needs (child in need)', 'acute (child protection)'];

export const FIELDS: readonly FieldDef[] = [
  {
    key: 'contactsPerWorkingDay',
    label: 'Contacts per working day',
    hint: `Average on a working day; weekends and bank holidays get fewer. From ${BOUNDS.contactsPerWorkingDay.min} to ${BOUNDS.contactsPerWorkingDay.max}.`,
    integer: false,
    group: 'demand',
  },
  {
    key: 'days',
    label: 'Days in the period',
    hint: `Calendar days counted in the figures, from the scenario\u2019s start date. From ${BOUNDS.days.min} to ${BOUNDS.days.max}; the page replays at most ${groupDigits(RUN_LIMITS.tracedContactsPerRun)} contacts in each process.`,
    integer: true,
    group: 'demand',
  },
  ...[1, 2, 3, 4].map((l) => ({ key: `levelMix.${l}`, label: `Level ${l}: ${LEVEL_NAMES[l - 1]}`, integer: false, group: 'levelMix' as const })),
  ...ROLES.flatMap((r) => [
    { key: `staff.${r}.count`, label: `${capitalise(ROLE_LABELS[r])}: people`, integer: true, group: 'staff' as const },
    { key: `staff.${r}.caseload`, label: `${capitalise(ROLE_LABELS[r])}: cases each`, integer: true, group: 'staff' as const },
  ]),
];

/** Group-level error keys: an issue about the whole level mix shows at its fieldset. */
export const GROUP_KEYS = { levelMix: 'levelMix' } as const;

const FIELD_BY_KEY = new Map(FIELDS.map((f) => [f.key, f]));

export function fieldDef(key: string): FieldDef | undefined {
  return FIELD_BY_KEY.get(key);
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export type FormValues = Record<string, string>;

export interface Issue {
  field: string;
  rule: string;
}

function get(o: unknown, path: string): unknown {
  let cur = o;
  for (const p of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[p];
  }
  return cur;
}

function set(o: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let cur = o;
  for (const p of parts.slice(0, -1)) {
    const next = cur[p];
    if (next === null || typeof next !== 'object' || Array.isArray(next)) cur[p] = {};
    cur = cur[p] as Record<string, unknown>;
  }
  cur[parts[parts.length - 1]] = value;
}

/** The form's values for a scenario (defaults applied), as text. */
export function formFromScenario(scenario: Scenario): FormValues {
  const out: FormValues = {};
  for (const f of FIELDS) {
    const v = get(scenario, f.key);
    out[f.key] = typeof v === 'number' ? String(v) : '';
  }
  return out;
}

const NUMBER = /^\s*-?(\d+(\.\d*)?|\.\d+)(e-?\d+)?\s*$/i;

export interface FormResult {
  scenario: Scenario | null;
  /** Errors by form field key (or group key, e.g. "levelMix"). */
  errors: Record<string, string>;
  /** Problems the form cannot point at (fields it does not show). */
  other: Issue[];
  /** Changed fields and their numbers: what a link needs to rebuild the scenario. */
  patch: Record<string, number>;
}

/**
 * Apply typed values to a scenario as written (its JSON) and validate the result with the core
 * schema, for both processes, since the page runs 2013 and 2015 side by side.
 */
export function applyForm(base: Record<string, unknown>, baseScenario: Scenario, values: FormValues): FormResult {
  const errors: Record<string, string> = {};
  const input = structuredClone(base);
  const patch: Record<string, number> = {};
  const original = formFromScenario(baseScenario);
  for (const f of FIELDS) {
    const text = (values[f.key] ?? '').trim();
    if (text === '') {
      errors[f.key] = `Enter ${lower(f.label)}`;
      continue;
    }
    if (!NUMBER.test(text)) {
      errors[f.key] = `${f.label} must be a number`;
      continue;
    }
    const n = Number(text);
    if (f.integer && !Number.isInteger(n)) {
      errors[f.key] = `${f.label} must be a whole number`;
      continue;
    }
    if (text !== original[f.key] && n !== Number(original[f.key])) patch[f.key] = n;
    set(input, f.key, n);
  }
  return finish(input, patch, errors);
}

/** Rebuild a scenario from its base and a link's patch. */
export function applyPatch(base: Record<string, unknown>, patch: Record<string, number>): FormResult {
  const input = structuredClone(base);
  const errors: Record<string, string> = {};
  const clean: Record<string, number> = {};
  for (const [k, v] of Object.entries(patch)) {
    if (!FIELD_BY_KEY.has(k) || typeof v !== 'number') continue;
    set(input, k, v);
    clean[k] = v;
  }
  return finish(input, clean, errors);
}

function finish(input: Record<string, unknown>, patch: Record<string, number>, errors: Record<string, string>): FormResult {
  const other: Issue[] = [];
  let scenario: Scenario | null = null;
  // Fields that are not numbers keep the scenario's value here, so the schema still checks the rest.
  try {
    scenario = validateForBoth(input);
  } catch (e) {
    if (!(e instanceof ScenarioError)) throw e;
    for (const issue of e.issues) {
      const key = formKeyFor(issue.field);
      if (key) errors[key] ??= `${labelFor(key)} ${issue.rule}`;
      else other.push(issue);
    }
  }
  return { scenario: Object.keys(errors).length || other.length ? null : scenario, errors, other, patch };
}

/**
 * parseScenario, then check that both processes can run (each must have the roles it uses staffed)
 * and that the page can replay them: the replay keeps every step of both runs, so a run of more
 * contacts than a traced run holds (core/runSize.ts) is refused at the days, with the estimate.
 */
export function validateForBoth(data: unknown): Scenario {
  const scenario = parseScenario(data);
  const size = sizeOf([{ scenario }], true);
  if (runSizeProblem(size)) {
    throw new ScenarioError([
      {
        field: 'days',
        rule: `are too many at ${scenario.contactsPerWorkingDay} contacts a working day: each process would meet about ${roughly(size.largestRun)} contacts, more than the ${groupDigits(RUN_LIMITS.tracedContactsPerRun)} this page replays (it keeps every step). Choose fewer days or fewer contacts a day, or run it with npm run sim`,
      },
    ]);
  }
  const issues: Issue[] = [];
  for (const p of PROCESS_NAMES) {
    try {
      checkStaffFor(scenario, p);
    } catch (e) {
      if (!(e instanceof ScenarioError)) throw e;
      for (const i of e.issues) if (!issues.some((x) => x.field === i.field)) issues.push(i);
    }
  }
  if (issues.length) throw new ScenarioError(issues);
  return scenario;
}

/** The form field (or group) an issue's field path belongs to, if the form shows it. */
export function formKeyFor(field: string): string | null {
  if (FIELD_BY_KEY.has(field)) return field;
  if (field === 'levelMix' || field.startsWith('levelMix.')) return FIELD_BY_KEY.has(field) ? field : GROUP_KEYS.levelMix;
  return null;
}

export function labelFor(key: string): string {
  if (key === GROUP_KEYS.levelMix) return 'Level mix:';
  return FIELD_BY_KEY.get(key)?.label ?? key;
}

function lower(s: string): string {
  return /^[A-Z][a-z]/.test(s) && !/^(CAMHS|SPA)/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s;
}

/** The sum of the four level shares as typed, or null if any is not a number. */
export function levelMixSum(values: FormValues): number | null {
  let sum = 0;
  for (const l of [1, 2, 3, 4]) {
    const t = (values[`levelMix.${l}`] ?? '').trim();
    if (!NUMBER.test(t)) return null;
    sum += Number(t);
  }
  return Math.round(sum * 1e6) / 1e6;
}

export type SeedResult = { seed: string | number; error: null } | { seed: null; error: string };

/** A seed as every command's `--seed` and a scenario file read it (core/seed.ts). */
export function parseSeedText(text: string): SeedResult {
  if (text.trim() === '') return { seed: null, error: 'Enter a seed: a whole number or a word' };
  const r = readSeed(text);
  return r.problem === null ? { seed: r.seed, error: null } : { seed: null, error: `Seed must be ${SEED_RULE}: ${r.problem}` };
}

/** Roles in the order the form shows them. */
export const FORM_ROLES: readonly Role[] = ROLES;
