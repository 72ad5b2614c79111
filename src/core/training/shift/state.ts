/** What a shift holds: its cases, their paths through the chart, the agenda, the log. */
import type { AnyMachineSnapshot } from 'xstate';
import type { Instant } from '../../calendar';
import type { Level } from '../../levels';
import type { SpaEvent, SpaInput } from '../../processes';
import type { FieldIssue, InformationFrom, ResponseId, Vignette } from '../vignette';
import type { ShiftSettings } from './settings';

/** One step of a contact's path through the statechart. `t` is null for steps after the shift. */
export interface PathStep {
  t: Instant | null;
  from: string | null;
  to: string;
  event: string;
  actor: string;
  /** What the service's own weekly report showed for the case after this step (004 ¶38). */
  report: string;
  /** Ground truth after this step: no threshold decision yet. */
  undecided: boolean;
  /** The report showed the case as decided while it was not (the 2013 hold, 004 ¶38). */
  hidden: boolean;
  detail?: string;
}

export interface RequestRecord {
  id: string;
  label: string;
  from: InformationFrom;
  requestedAt: Instant;
  answerAt: Instant;
  status: 'waiting' | 'answered' | 'cancelled';
  /** Asked while the case was held by the 2013 case coordinator (slower: heldInformationFactor). */
  byCaseCoordinator: boolean;
}

export interface Decision {
  level: Level;
  response: ResponseId;
  rationale: string;
  at: Instant;
  /** The 2015 case had escalated to a manager who decided on what was known. */
  escalated: boolean;
  /** 2013: the decision rested on what parents said; the child was not seen (004 ¶20, ¶29, ¶38). */
  onParentalAccount: boolean;
}

export interface ShiftCase {
  id: string;
  vignette: Vignette;
  receivedAt: Instant;
  /** The end of the one working day the decision is measured against (the standard, whatever the chart's clock). */
  dueBy: Instant;
  /** When the chart's own decision clock rings (`clock.oneWorkingDayElapsed`): `dueBy` unless the chart sets `clocks.decisionWithinWorkingHours`. */
  clockAt: Instant;
  escalateAt: Instant | null;
  arrived: boolean;
  opened: boolean;
  screened: boolean;
  /** The escalation point passed while no state could take it; it fires as soon as one can. */
  escalationOwed: boolean;
  input: SpaInput;
  snapshot: AnyMachineSnapshot;
  state: string;
  /** Every event that changed the snapshot, for replay when the screening decision is made. */
  sent: SpaEvent[];
  path: PathStep[];
  requests: RequestRecord[];
  decision: Decision | null;
  /** What happened next in the simulation after the decision (no times: after the shift). */
  after: PathStep[];
  /**
   * What the reference call, taken at the same moment, would have led to: its decision step and
   * the journey after it (empty until the learner decides).
   */
  referenceJourney: PathStep[];
}

export type ScheduledKind = 'arrival' | 'answer' | 'escalation' | 'oneWorkingDay';

export interface Scheduled {
  t: Instant;
  seq: number;
  kind: ScheduledKind;
  caseId: string;
  requestId?: string;
}

export interface LogEntry {
  t: Instant;
  caseId?: string;
  text: string;
}

export type ShiftAction =
  | { type: 'open'; caseId: string }
  | { type: 'request'; caseId: string; requestId: string }
  | { type: 'takeToDecision'; caseId: string }
  | { type: 'decide'; caseId: string; level: Level; response: ResponseId; rationale: string }
  | { type: 'wait' }
  | { type: 'end' };

export interface ShiftState {
  settings: ShiftSettings;
  start: Instant;
  now: Instant;
  cases: ShiftCase[];
  scheduled: Scheduled[];
  seq: number;
  log: LogEntry[];
  ended: boolean;
  endedAt: Instant | null;
  /** Every action applied, in order (replayShift rebuilds the state from them). */
  actions: ShiftAction[];
}

/** An action the rules do not allow now, or a setting or decision that is not valid. */
export class ShiftActionError extends Error {
  constructor(
    message: string,
    readonly issues: FieldIssue[] = [],
  ) {
    super(message);
    this.name = 'ShiftActionError';
  }
}

export function caseById(s: ShiftState, caseId: string): ShiftCase {
  const c = s.cases.find((x) => x.id === caseId);
  if (!c) throw new ShiftActionError(`There is no contact "${caseId}" in this shift.`);
  return c;
}

/** A copy deep enough that acting on it leaves the original unchanged (snapshots are immutable). */
export function cloneState(s: ShiftState): ShiftState {
  return {
    ...s,
    cases: s.cases.map((c) => ({ ...c, input: { ...c.input }, sent: [...c.sent], path: [...c.path], requests: c.requests.map((r) => ({ ...r })), after: [...c.after], referenceJourney: [...c.referenceJourney] })),
    scheduled: [...s.scheduled],
    log: [...s.log],
    actions: [...s.actions],
  };
}
