/** A learner's results written out: the JSON file (re-loadable) and CSV, one row a contact. */
import { rowsToCsv } from '../../export';
import type { LearnerResults } from './schema';

export function resultsToJson(r: LearnerResults): string {
  return JSON.stringify(r, null, 2) + '\n';
}

export const CSV_COLUMNS = [
  'learner', 'seed', 'rules', 'vignetteId', 'title', 'referenceLevel', 'decidedLevel', 'call', 'referenceResponse', 'decidedResponse',
  'receivedAt', 'dueBy', 'decidedAt', 'timely', 'workingHoursLate', 'informationRequests', 'escalated', 'heldByCaseCoordinator',
  'hiddenFromReport', 'finalState', 'points', 'rationale',
] as const;

/** One row per contact; the same columns whatever the shift. */
export function resultsToCsv(r: LearnerResults): string {
  const rows = r.cases.map((c) => {
    const row: Record<string, unknown> = { learner: r.learner, seed: r.shift.seed, rules: r.shift.rules };
    for (const col of CSV_COLUMNS.slice(3)) row[col] = (c as Record<string, unknown>)[col];
    return row;
  });
  return rowsToCsv(rows);
}
