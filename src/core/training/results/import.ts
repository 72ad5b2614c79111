/** A learner's results file read back: checked field by field, its derived figures recomputed. */
import { FILE_LIMITS, sizeInWords, withoutByteOrderMark } from '../../bounds';
import { casePenalty } from '../scoring';
import { VignetteError, issuesOf, responseInfo, type FieldIssue, type ResponseId } from '../vignette';
import { decodeJson } from '../issues';
import { scoreOf } from './build';
import { LearnerResultsSchema, type LearnerResults } from './schema';

/** Parse a learner's results file; a VignetteError (field and rule) if it is not one. */
export function parseLearnerResultsText(text: string, file?: string): LearnerResults {
  if (text.length > FILE_LIMITS['results file']) throw new VignetteError([{ field: '(file)', rule: `is more than ${sizeInWords(FILE_LIMITS['results file'])}; a results file can be at most that` }], file);
  const result = LearnerResultsSchema.safeParse(decodeJson(withoutByteOrderMark(text), file), { reportInput: true });
  if (!result.success) throw new VignetteError(issuesOf(result.error, '(results)'), file);
  const r = result.data;
  // Never trust derived figures: recompute each case's call and points, and the score.
  const issues = derivedFigureIssues(r);
  if (issues.length) throw new VignetteError(issues, file);
  return { ...r, cases: r.cases.map((c) => ({ ...c, points: casePenalty(c).total })), score: { ...scoreOf(r.cases) } };
}

/** Each case's call must follow from its levels, and its response must be one for its level. */
function derivedFigureIssues(r: LearnerResults): FieldIssue[] {
  const issues: FieldIssue[] = [];
  r.cases.forEach((c, i) => {
    const p = casePenalty({ referenceLevel: c.referenceLevel, decidedLevel: c.decidedLevel, timely: c.timely });
    if (p.call !== c.call) issues.push({ field: `cases[${i}].call`, rule: `must be "${p.call}" for reference level ${c.referenceLevel} and decided level ${c.decidedLevel ?? 'none'}` });
    if (c.decidedResponse !== null && c.decidedLevel !== null && responseInfo(c.decidedResponse as ResponseId).level !== c.decidedLevel) {
      issues.push({ field: `cases[${i}].decidedResponse`, rule: `must be a response for level ${c.decidedLevel}` });
    }
  });
  return issues;
}
