/** A learner's results built from a shift: one record a contact, and the score of the calls. */
import { HOUR, formatLondon, workingMillisBetween } from '../../calendar';
import { casePenalty, scoreShift, type ShiftScore } from '../scoring';
import { factsOfState, type PathStep, type ShiftCase, type ShiftState } from '../shift';
import { RESULTS_FORMAT, type CaseResult, type LearnerResults } from './schema';

function pathOut(p: PathStep): CaseResult['path'][number] {
  return { time: p.t === null ? null : formatLondon(p.t), from: p.from, to: p.to, event: p.event, actor: p.actor, report: p.report, ...(p.detail !== undefined ? { detail: p.detail } : {}) };
}

export function caseResult(s: ShiftState, c: ShiftCase): CaseResult {
  const ref = c.vignette.reference;
  const d = c.decision;
  const end = s.endedAt ?? s.now;
  const timely = d !== null && d.at <= c.dueBy;
  const lateTo = d ? d.at : end;
  const workingHoursLate = lateTo > c.dueBy ? Math.round((workingMillisBetween(c.dueBy, lateTo) / HOUR) * 100) / 100 : 0;
  const p = casePenalty({ referenceLevel: ref.level, decidedLevel: d?.level ?? null, timely });
  const full = [...c.path, ...c.after];
  const held = c.path.some((x) => factsOfState(s.settings.rules, x.to).hold);
  return {
    vignetteId: c.id,
    title: c.vignette.title,
    boundaries: [...c.vignette.boundaries],
    referenceLevel: ref.level,
    referenceResponse: ref.response,
    decidedLevel: d?.level ?? null,
    decidedResponse: d?.response ?? null,
    rationale: d?.rationale ?? '',
    receivedAt: formatLondon(c.receivedAt),
    dueBy: formatLondon(c.dueBy),
    decidedAt: d ? formatLondon(d.at) : null,
    timely,
    workingHoursLate,
    informationRequests: c.requests.length,
    answersReceived: c.requests.filter((r) => r.status === 'answered').length,
    escalated: d?.escalated ?? factsOfState(s.settings.rules, c.state).escalated,
    heldByCaseCoordinator: held,
    hiddenFromReport: c.path.some((x) => x.hidden),
    onParentalAccount: d?.onParentalAccount ?? held,
    finalState: full.length ? full[full.length - 1].to : c.state,
    call: p.call,
    points: p.total,
    path: full.map(pathOut),
  };
}

export function scoreOf(cases: readonly CaseResult[]): ShiftScore {
  return scoreShift(
    cases.map((c) => ({ referenceLevel: c.referenceLevel, decidedLevel: c.decidedLevel, timely: c.timely, responseAgrees: c.decidedResponse === c.referenceResponse })),
  );
}

export function learnerResults(s: ShiftState, learner: string): LearnerResults {
  const cases = s.cases.map((c) => caseResult(s, c));
  return {
    format: RESULTS_FORMAT,
    version: 1,
    learner: learner.trim().slice(0, 80),
    shift: {
      seed: s.settings.seed,
      rules: s.settings.rules,
      count: s.settings.count,
      start: s.settings.start,
      vignettes: s.cases.map((c) => c.id),
      ...(s.settings.mix === 'shuffle' ? {} : { mix: s.settings.mix }),
      ...(s.settings.timeLimitMinutes === null ? {} : { timeLimitMinutes: s.settings.timeLimitMinutes }),
    },
    endedAt: s.endedAt === null ? null : formatLondon(s.endedAt),
    cases,
    score: { ...scoreOf(cases) },
  };
}
