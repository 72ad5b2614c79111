/** Messages between the lab and its check worker (check.worker.ts; the work is in checkHandler.ts). */
import type { Scenario } from '../../core/scenario';

export interface CheckRequest {
  type: 'check';
  id: number;
  /** The process file, as decoded JSON (checked again in the worker, as the command line checks a file it reads). */
  process: unknown;
  /** How the report names the process: the file name it would have on disk ("spa2015-no-escalation.json"). */
  label: string;
  /** The base scenario, and the shipped file it came from ("scenarios/kingston-2015.json"). */
  base: Scenario;
  scenarioFile: string;
  runs: number;
  /** A 32-bit whole number (core/seed.ts seedAsInt32), as the report prints it. */
  seed: number;
  maxDays: number;
}

/** One broken safeguard's smallest run, ready to open on the replay page. */
export interface CounterexampleRun {
  invariant: string;
  scenario: Scenario;
  /** The first case its breaches name, and the moment of the first breach. */
  caseId: string | null;
  at: number | null;
  /** The first three breaches' moments, marked in the chronology as the text report marks them. */
  marks: { at: number; when: string }[];
}

export type CheckResponse =
  | { type: 'progress'; id: number; phase: 'search' | 'shrink'; done: number; total: number }
  /** `text` is what `npm run check-process` prints, `json` what it prints with --json. */
  | { type: 'report'; id: number; text: string; json: CheckJson; runs: CounterexampleRun[] }
  | { type: 'error'; id: number; message: string };

/** The report as `check-process --json` prints it (core/check/report.ts toJson). */
export interface CheckJson {
  process: string;
  scenario: { name: string; file: string };
  seed: number;
  runs: number;
  maxDays: number;
  contactsSimulated: number;
  holds: boolean;
  invariants: { id: string; title: string; statement: string; source: string; holds: boolean; failingRuns: number }[];
  failures: {
    invariant: string;
    seed: number;
    path: string;
    replay: string;
    firstRun: number;
    shrunkFrom: number;
    failingRuns: number;
    shrinks: number;
    scenario: { description: string[]; contacts: number };
    breaches: number;
    violations: { caseIds: string[]; at: string; message: string }[];
    chronology: { caseId: string; summary: string; entries: { t: number; when: string; who: string; what: string; from: string | null; to: string; report: string; reportPending: boolean; truth: string; warning?: string }[] }[];
  }[];
}
