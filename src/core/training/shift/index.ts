/**
 * A training shift: a learner works a queue of vignettes on the simulated clock, under the 2013 or
 * the 2015 rules.
 *
 * The statechart is the truth (../shared/STYLE.md): each contact is one XState snapshot of the
 * chosen process machine (src/core/processes), driven with XState's pure `transition()` by the
 * same events the engine sends. What the learner may do with a contact is what its current state
 * handles (`snapshot.can(event)`):
 *  - asking for information tells the process the level is unclear: `screening.completed` with
 *    `levelClear: false`. Under 2013 the case is then held by a case coordinator and the weekly
 *    report shows "provision of advice and information" (004 ¶20, ¶29, ¶38); under 2015 a
 *    qualified worker (or CAMHS, for a mental-health contact) gathers it and the report shows it as
 *    awaiting a decision (000);
 *  - deciding without asking is `screening.completed` with `levelClear: true`, then
 *    `threshold.decided {level}`;
 *  - "take the case to a decision" is `information.gathered` (or `camhs.assessed`), allowed when
 *    no answer is outstanding;
 *  - the engine's clocks are sent when the simulated time passes them: `clock.escalationDue` at
 *    the escalation point (the chart's own, root meta `clocks`, or the shift's setting, 6 working
 *    hours by the scenario default, 002) and `clock.oneWorkingDayElapsed` at the chart's decision
 *    clock (one working day, `dueByOneWorkingDay(receivedAt)`, unless the chart sets its own).
 *    Training runs the shipped charts, which set no clocks.
 *
 * The shift is a pure fold: `startShift(library, config)` then `act(state, action)` for each
 * learner action; the same config and actions always give the same shift (`replayShift`). No
 * clock, no randomness other than the seeded draw of vignettes.
 *
 * One concept a file: settings.ts (what the trainer chooses, the defaults), state.ts (what a
 * shift holds), words.ts (times and roles in words), chart.ts (what the chart says of a state),
 * snapshot.ts (driving a case's snapshot), draw.ts, validate.ts (the learner's forms), start.ts,
 * agenda.ts (the simulated clock and what is due), allowed.ts (what the learner may do now),
 * requests.ts (information requests), act.ts (one function per learner action), journey.ts (what
 * happened after the decision) and status.ts (reading a case).
 */
export { SHIFT_DEFAULTS, SHIFT_LIMITS, resolveSettings, type Rules, type ShiftConfig, type ShiftSettings } from './settings';
export {
  ShiftActionError,
  type Decision,
  type LogEntry,
  type PathStep,
  type RequestRecord,
  type Scheduled,
  type ScheduledKind,
  type ShiftAction,
  type ShiftCase,
  type ShiftState,
} from './state';
export { ROLE_TEXT, describeTime, describeWorkingHours, shortTime } from './words';
export { factsOfState, metaOfState, stateText } from './chart';
export { SHIFT_MIXES, drawVignettes, isShiftMix, mixPool, mixText, type LevelPair, type ShiftMix } from './draw';
export { validateConfig, validateDecision } from './validate';
export { arrivalTime, replayShift, startShift } from './start';
export { nextHappening } from './agenda';
export { caseActions, type Allowed, type CaseActions } from './allowed';
export { nextToDecide, type NextToDecide } from './next';
export { requestHours } from './requests';
export { act } from './act';
export { journeyAfterDecision, journeyUnderDecision, routeForLevel } from './journey';
export { caseStatus, type CaseStatus } from './status';
