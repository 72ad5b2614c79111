/**
 * A learner's results: built from a finished shift (build.ts), written as JSON and CSV
 * (export.ts), read back and checked (import.ts: the file's schema is schema.ts), put into the
 * debrief's words (debrief.ts), and combined across a class (class.ts).
 */
export { RESULTS_FORMAT, RESULTS_LIMITS, LearnerResultsSchema, type CaseResult, type LearnerResults } from './schema';
export { caseResult, learnerResults, scoreOf } from './build';
export { CSV_COLUMNS, resultsToCsv, resultsToJson } from './export';
export { parseLearnerResultsText } from './import';
export { describeStep, levelLabel, whatHappenedNext } from './debrief';
export { CALL_KEYS, classResults, shiftKey, type CallKey, type ClassBoundaryRow, type ClassResults, type ClassVignetteRow } from './class';
