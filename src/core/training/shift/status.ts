/** Reading a case: where it is, who works it, what the report shows, and how its clocks stand. */
import { HOUR, workingMillisBetween } from '../../calendar';
import type { Role, Stage } from '../../processes';
import { factsOfState, hiddenFromReport, stateText } from './chart';
import { waitingAnswers } from './requests';
import { contextOf } from './snapshot';
import { caseById, type ShiftState } from './state';

export interface CaseStatus {
  state: string;
  /** Which stage of the journey the state is (its meta). */
  stage: Stage | null;
  /** Who works the case there, if anyone. */
  role: Role | null;
  stateText: string;
  description: string;
  /** What the weekly report shows for the case now. */
  report: string;
  /** The report shows it as decided while no decision has been made (2013's hidden hold). */
  hiddenFromReport: boolean;
  /** Working hours left before the one-working-day deadline (negative when past it). */
  workingHoursLeft: number;
  overdue: boolean;
  escalated: boolean;
  breached: boolean;
  waitingAnswers: number;
}

export function caseStatus(s: ShiftState, caseId: string): CaseStatus {
  const c = caseById(s, caseId);
  const facts = factsOfState(s.settings.rules, c.state);
  const meta = facts.meta;
  const context = contextOf(c);
  const at = c.decision ? c.decision.at : s.now;
  const left = at <= c.dueBy ? workingMillisBetween(at, c.dueBy) / HOUR : -workingMillisBetween(c.dueBy, at) / HOUR;
  return {
    state: c.state,
    stage: facts.stage,
    role: facts.role,
    stateText: stateText(s.settings.rules, c.state),
    description: meta.description,
    report: meta.report.label,
    hiddenFromReport: hiddenFromReport(meta),
    workingHoursLeft: left,
    overdue: at > c.dueBy,
    escalated: context.escalated,
    breached: context.breached,
    waitingAnswers: waitingAnswers(c),
  };
}
