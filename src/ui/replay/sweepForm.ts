/**
 * The capacity sweep form: what the designer typed, checked field by field, turned into the same
 * run jobs as `npm run sim -- sweep <scenario> --vary FIELD=FROM:TO:STEP --replications R`
 * (src/core/sweep.ts does the parsing, the varying and the validating; this only says which box
 * a problem belongs to), and the result as the command line's rows.
 */
import { ROLE_LABELS } from '../../core/labels';
import { ROLES } from '../../core/processes/common';
import { runSizeProblem, sizeOf } from '../../core/runSize';
import { checkStaffFor, ScenarioError, type Scenario } from '../../core/scenario';
import { applyVariation, parseVariation, sweepFieldProblem, sweepJobs, sweepRows, type SweepJob, type SweepPoint, type Variation } from '../../core/sweep';
import type { ProcessKey } from './store';

export interface SweepForm {
  /** A field from SWEEP_FIELDS, or OTHER_FIELD to use `path`. */
  choice: string;
  path: string;
  from: string;
  to: string;
  step: string;
  replications: string;
}

export type SweepInput = keyof SweepForm;

export const OTHER_FIELD = 'other';

/** The fields a service designer most often varies, in plain English. */
export const SWEEP_FIELDS: readonly { field: string; label: string }[] = [
  { field: 'contactsPerWorkingDay', label: 'Contacts a working day' },
  ...ROLES.map((r) => ({ field: `staff.${r}.count`, label: `Number of staff: ${ROLE_LABELS[r]}` })),
  { field: 'escalateAfterWorkingHours', label: 'Working hours before a case is escalated' },
  { field: 'decisionAccuracy', label: 'Share of threshold decisions at the right level' },
];

/** The figures a sweep can plot (the rows keep all of COMPARED_METRICS). */
export const SWEEP_METRICS: readonly string[] = ['decidedWithinOneWorkingDay', 'reportedWithinOneWorkingDay', 'heldOverFiveWorkingDays', 'hiddenFromReport', 'peakUnallocatedOver48Hours'];

export const MAX_SWEEP_REPLICATIONS = 100;
export const MAX_SWEEP_RUNS = 4000;

export const DEFAULT_SWEEP_FORM: SweepForm = { choice: 'contactsPerWorkingDay', path: '', from: '20', to: '80', step: '10', replications: '3' };

/** The dotted path the form names. */
export function sweepField(form: SweepForm): string {
  return form.choice === OTHER_FIELD ? form.path.trim() : form.choice;
}

/** The value a dotted path has in a scenario, if it is a number. */
export function currentValue(scenario: Scenario, field: string): number | undefined {
  let at: unknown = scenario;
  for (const key of field.split('.')) {
    if (!at || typeof at !== 'object') return undefined;
    at = (at as Record<string, unknown>)[key];
  }
  return typeof at === 'number' ? at : undefined;
}

export interface CheckedSweep {
  errors: Partial<Record<SweepInput, string>>;
  variation?: Variation;
  replications?: number;
  jobs?: SweepJob<ProcessKey>[];
}

const NUMBER = /^-?(\d+\.?\d*|\.\d+)$/;

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Check the form; if it is fine, the jobs in the command line's order. */
export function checkSweep(form: SweepForm, scenario: Scenario, processes: readonly ProcessKey[], seed: string | number): CheckedSweep {
  const errors: CheckedSweep['errors'] = {};
  const field = sweepField(form);
  const fieldKey: SweepInput = form.choice === OTHER_FIELD ? 'path' : 'choice';
  if (field === '') errors[fieldKey] = 'Enter the field to vary, for example staff.raSocialWorker.count';
  else if (!/^[A-Za-z][\w.]*$/.test(field)) errors[fieldKey] = `Field to vary must be a dotted path of letters, such as staff.raSocialWorker.count (got \u201c${field}\u201d)`;
  const nums: Record<'from' | 'to' | 'step', string> = { from: 'From', to: 'To', step: 'Step' };
  for (const k of ['from', 'to', 'step'] as const) {
    const v = form[k].trim();
    if (v === '') errors[k] = `Enter a number for ${nums[k].toLowerCase()}`;
    else if (!NUMBER.test(v)) errors[k] = `${nums[k]} must be a number, like 20 or 0.5 (got \u201c${form[k]}\u201d)`;
  }
  if (!errors.step && Number(form.step) <= 0) errors.step = 'Step must be greater than 0';
  const repText = form.replications.trim();
  const replications = /^\d+$/.test(repText) ? Number(repText) : NaN;
  if (!(replications >= 1 && replications <= MAX_SWEEP_REPLICATIONS)) errors.replications = `Replications per point must be a whole number from 1 to ${MAX_SWEEP_REPLICATIONS}`;
  if (Object.keys(errors).length) return { errors };

  let variation: Variation;
  try {
    variation = parseVariation(`${field}=${form.from.trim()}:${form.to.trim()}:${form.step.trim()}`);
  } catch (e) {
    if (!(e instanceof ScenarioError)) throw e;
    const rule = e.issues[0]?.rule ?? e.message;
    if (/^step/.test(rule)) errors.step = capitalise(rule);
    else if (/^to \(/.test(rule)) errors.to = capitalise(rule);
    else if (/^gives/.test(rule)) errors.step = `This range and step ${rule}: choose a bigger step or a narrower range`;
    else if (/must look like/.test(rule)) errors[fieldKey] = `Field to vary must be a dotted path such as staff.raSocialWorker.count`;
    else errors.from = capitalise(rule);
    return { errors };
  }
  // A process that fixes its own figure (its chart's clocks) does not use the scenario's.
  const fixed = sweepFieldProblem(field, processes);
  if (fixed) {
    errors[fieldKey] = capitalise(fixed);
    return { errors };
  }
  const runs = variation.values.length * replications * processes.length;
  if (runs > MAX_SWEEP_RUNS) {
    errors.replications = `${variation.values.length} values \u00d7 ${replications} replications \u00d7 ${processes.length} processes is ${runs} runs; at most ${MAX_SWEEP_RUNS}. Choose fewer replications or fewer values`;
    return { errors };
  }
  // Each value, as applyVariation checks it: the first one that is not allowed names its field.
  for (const [i, value] of variation.values.entries()) {
    try {
      const varied = applyVariation(scenario, field, value);
      for (const p of processes) checkStaffFor(varied, p);
    } catch (e) {
      if (!(e instanceof ScenarioError)) throw e;
      const issue = e.issues[0] ?? { field, rule: e.message };
      if (/is not (a|a numeric) field of the scenario/.test(issue.rule)) errors[fieldKey] = `${issue.field} ${issue.rule}`;
      else errors[i === 0 ? 'from' : 'to'] = `${issue.field} = ${value} is not allowed: ${issue.rule}`;
      return { errors };
    }
  }
  const jobs = sweepJobs(scenario, variation, processes, replications, seed);
  // All the runs together, as the command line judges them (core/runSize.ts): a page that would be busy for many minutes is asked less of.
  const tooLarge = runSizeProblem(sizeOf(jobs));
  if (tooLarge) {
    errors.replications = `${capitalise(tooLarge)}. Choose fewer replications or fewer values`;
    return { errors };
  }
  return { errors, variation, replications, jobs };
}

export interface SweepResult {
  scenario: string;
  field: string;
  values: number[];
  processes: ProcessKey[];
  replications: number;
  seed: string;
  points: SweepPoint[];
}

/** What `npm run sim -- sweep --json` prints. */
export function sweepJson(r: SweepResult): string {
  return JSON.stringify({ scenario: r.scenario, field: r.field, values: r.values, processes: r.processes, replications: r.replications, seed: r.seed, rows: sweepRows(r.field, r.points, r.processes) }, null, 2) + '\n';
}
