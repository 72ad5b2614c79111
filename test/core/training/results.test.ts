// A learner's results file read back (src/core/training/results.ts): bounded, so that a file of
// thousands of cases is refused by name at once instead of freezing the page (issue 17); a
// byte-order mark is accepted; a learner named as a formula is written safely into the CSV.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { act, caseActions, learnerResults, loadLibrary, parseLearnerResultsText, resultsToCsv, resultsToJson, RESULTS_LIMITS, startShift, VignetteError } from '../../../src/core/training';
import { FILE_LIMITS } from '../../../src/core/bounds';

const DIR = resolve(import.meta.dirname, '..', '..', '..', 'scenarios', 'training');
const library = loadLibrary(readdirSync(DIR).filter((f) => f.endsWith('.json')).map((name) => ({ name, text: readFileSync(join(DIR, name), 'utf8') }))).vignettes;

function finishedShift() {
  let s = startShift(library, { seed: 'bounds', rules: '2015', count: 3 });
  for (let i = 0; i < 30 && !s.ended; i++) {
    const c = s.cases.find((x) => x.arrived && !x.decision);
    s = c && caseActions(s, c.id).decide.allowed ? act(s, { type: 'decide', caseId: c.id, level: 2, response: 'earlyHelp', rationale: 'Needs support from early help.' }) : act(s, { type: 'wait' });
  }
  return s;
}

function issues(text: string): { field: string; rule: string }[] {
  try {
    parseLearnerResultsText(text, 'r.json');
  } catch (e) {
    if (e instanceof VignetteError) return e.issues;
    throw e;
  }
  return [];
}

describe('a results file read back', () => {
  const results = learnerResults(finishedShift(), 'Ann');
  const json = JSON.parse(resultsToJson(results)) as { cases: unknown[] } & Record<string, unknown>;

  it('is read back as written, with or without a byte-order mark', () => {
    expect(parseLearnerResultsText(resultsToJson(results)).learner).toBe('Ann');
    expect(parseLearnerResultsText(`\uFEFF${resultsToJson(results)}`).learner).toBe('Ann');
  });

  it('refuses a file of 20,000 cases at once, by its size, before parsing it', () => {
    const many = JSON.stringify({ ...json, cases: Array.from({ length: 20_000 }, () => json.cases[0]) });
    const t0 = performance.now();
    expect(issues(many)).toEqual([{ field: '(file)', rule: 'is more than 2 MB; a results file can be at most that' }]);
    expect(performance.now() - t0).toBeLessThan(100);
  });

  it('refuses more cases than a shift can hold, by name', () => {
    const many = { ...json, cases: Array.from({ length: RESULTS_LIMITS.cases + 1 }, () => json.cases[0]) };
    expect(issues(JSON.stringify(many))).toContainEqual({ field: 'cases', rule: `must hold at most ${RESULTS_LIMITS.cases} cases (a shift is drawn from the vignette library)` });
  });

  it('refuses text longer than a results file can be before parsing it', () => {
    const text = ' '.repeat(FILE_LIMITS['results file'] + 1);
    expect(issues(text)).toEqual([{ field: '(file)', rule: 'is more than 2 MB; a results file can be at most that' }]);
  });

  it('bounds the numbers and texts of a case, naming the field', () => {
    const c = json.cases[0] as Record<string, unknown>;
    const bad = { ...json, cases: [{ ...c, informationRequests: 1e9, rationale: 'x'.repeat(RESULTS_LIMITS.rationale + 1) }] };
    const found = issues(JSON.stringify(bad));
    expect(found).toContainEqual({ field: 'cases[0].informationRequests', rule: `must be a whole number from 0 to ${RESULTS_LIMITS.requests}` });
    expect(found).toContainEqual({ field: 'cases[0].rationale', rule: `must be at most ${RESULTS_LIMITS.rationale} characters` });
  });

  it('writes a learner named as a formula into the CSV as text a spreadsheet will not run', () => {
    const csv = resultsToCsv(learnerResults(finishedShift(), '=HYPERLINK("http://example.com","x")'));
    const firstCell = csv.split('\n')[1].split(',')[0];
    expect(firstCell).toBe('"\'=HYPERLINK(""http://example.com""');
  });
});
