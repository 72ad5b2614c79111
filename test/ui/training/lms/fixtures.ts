/** Learners' results for the LMS tests: real shifts, worked through the core, and random call lists. */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import type { Level } from '../../../../src/core/levels';
import { act, classifyCall, learnerResults, loadLibrary, scoreOf, startShift, type CaseResult, type LearnerResults } from '../../../../src/core/training';

const DIR = resolve(__dirname, '../../../../scenarios/training');
export const library = loadLibrary(readdirSync(DIR).filter((f) => f.endsWith('.json')).map((name) => ({ name, text: readFileSync(join(DIR, name), 'utf8') }))).vignettes;

/** A three-contact 2015 shift: the first arrival agreed, the next called level 1, the last left undecided. */
export function workedShift(): LearnerResults {
  let s = startShift(library, { seed: 'demo', rules: '2015', count: 3 });
  const first = s.cases.find((c) => c.arrived)!;
  s = act(s, { type: 'open', caseId: first.id });
  s = act(s, { type: 'decide', caseId: first.id, level: first.vignette.reference.level, response: first.vignette.reference.response, rationale: 'As the reference would call it.' });
  s = act(s, { type: 'wait' });
  const second = s.cases.find((c) => c.arrived && !c.decision)!;
  s = act(s, { type: 'open', caseId: second.id });
  s = act(s, { type: 'decide', caseId: second.id, level: 1, response: 'signpost', rationale: 'Called too low on purpose.' });
  s = act(s, { type: 'end' });
  return learnerResults(s, 'A Learner');
}

let worked: LearnerResults | undefined;
const level = fc.constantFrom<Level>(1, 2, 3, 4);

/** Results with random calls (reference, decision or none, in time or late), scored by the core. */
export const arbitraryResults: fc.Arbitrary<LearnerResults> = fc
  .array(fc.record({ ref: level, decided: fc.option(level, { nil: null }), timely: fc.boolean() }), { minLength: 1, maxLength: 12 })
  .map((calls) => {
    const base = (worked ??= workedShift());
    const template = base.cases[0];
    const cases: CaseResult[] = calls.map((c, i) => ({
      ...template,
      vignetteId: `contact-${i}`,
      referenceLevel: c.ref,
      decidedLevel: c.decided,
      decidedResponse: c.decided === null ? null : template.referenceResponse,
      timely: c.decided !== null && c.timely,
      call: classifyCall(c.ref, c.decided),
    }));
    return { ...base, cases, score: { ...scoreOf(cases) } };
  });
