/** After the decision: what happened next for the child, in the simulation, and where a level leads. */
import { initialTransition, transition, type AnyMachineSnapshot } from 'xstate';
import type { Level } from '../../levels';
import type { SpaEvent, SpaEventType, SpaInput } from '../../processes';
import { factsOfState, machineOf, metaOfState, stateText } from './chart';
import type { Rules } from './settings';
import { stepOf } from './snapshot';
import type { PathStep } from './state';
import { ROLE_TEXT } from './words';

/**
 * Work whose answer does not depend on what it finds: allocation, the strategy discussion and
 * (2013) the wait for police availability for the joint visit and the core assessment (a plan follows).
 */
const WORK_WITH_ONE_ANSWER = ['case.allocated', 'strategy.held', 'police.available', 'coreAssessment.completed'] as const satisfies readonly SpaEventType[];

function hasOneAnswer(done: string | undefined): done is (typeof WORK_WITH_ONE_ANSWER)[number] {
  return WORK_WITH_ONE_ANSWER.some((e) => e === done);
}

/**
 * What the world answers when the work that ends with `done` is finished, for a child whose
 * reference level is `reference` (the child's true need, as the vignette's reference says): the
 * decision is the reference level; an assessment finds what the level says; early help steps up
 * a child at level 3 or 4. Null for work whose answer is not the world's (screening, gathering).
 */
function answerAfterDecision(done: SpaEventType | undefined, reference: Level): SpaEvent | null {
  if (hasOneAnswer(done)) return { type: done };
  switch (done) {
    case 'earlyHelp.completed':
      return reference >= 3 ? { type: 'earlyHelp.escalated' } : { type: 'earlyHelp.completed' };
    case 'threshold.decided':
      return { type: 'threshold.decided', level: reference };
    case 'assessment.completed':
      return { type: 'assessment.completed', outcome: reference === 4 ? 'protection' : reference === 3 ? 'plan' : reference === 2 ? 'stepDown' : 'close' };
    case 'enquiry.completed':
      return { type: 'enquiry.completed', outcome: reference === 4 ? 'conference' : reference === 3 ? 'childInNeed' : 'close' };
    case 'conference.held':
      return { type: 'conference.held', outcome: reference === 4 ? 'plan' : reference === 3 ? 'childInNeed' : 'close' };
    default:
      return null;
  }
}

/**
 * Drive the snapshot on after the decision to a final state, deterministically from the child's
 * reference level (the vignette's truth), sending the events the engine would:
 *  - early help: if the child's need is statutory (reference 3 or 4) the early help worker steps
 *    the case up (`earlyHelp.escalated`), and the front door then decides at the reference
 *    level; otherwise early help is completed;
 *  - referral: allocated, then the assessment finds protection needed (reference 4), a plan
 *    (3), a step-down to early help (2) or nothing to do (1);
 *  - strategy discussion (and in 2013 the wait for police availability, 004 ¶39): the section 47
 *    enquiry ends in an initial child protection conference that puts the child on a plan (4),
 *    a child-in-need plan (3) or closure.
 * Steps have no time: they happen after the shift.
 */
export function journeyAfterDecision(rules: Rules, snapshot: AnyMachineSnapshot, reference: Level): PathStep[] {
  const machine = machineOf(rules);
  const steps: PathStep[] = [];
  let snap = snapshot;
  for (let i = 0; i < 20 && snap.status !== 'done'; i++) {
    const state = String(snap.value);
    const event = answerAfterDecision(factsOfState(rules, state).work?.done, reference);
    if (!event) return steps;
    const [next] = transition(machine, snap, event);
    if (next === snap) return steps;
    const role = factsOfState(rules, state).role;
    steps.push(stepOf(rules, null, state, String(next.value), event, role ? ROLE_TEXT[role] : 'the service'));
    snap = next;
  }
  return steps;
}

/**
 * What a threshold decision at `level`, taken on `before` (the case's snapshot waiting for its
 * decision), would have led to for a child whose true need is `reference`: the decision step,
 * then the journey after it. The debrief sets the reference call's journey beside the learner's.
 */
export function journeyUnderDecision(rules: Rules, before: AnyMachineSnapshot, level: Level, reference: Level): PathStep[] {
  const machine = machineOf(rules);
  const event: SpaEvent = { type: 'threshold.decided', level };
  const [next] = transition(machine, before, event);
  if (next === before) return [];
  const state = String(before.value);
  const role = factsOfState(rules, state).role;
  return [stepOf(rules, null, state, String(next.value), event, role ? ROLE_TEXT[role] : 'the service'), ...journeyAfterDecision(rules, next, reference)];
}

/**
 * Where a decision at `level` sends a contact in a process: the states it passes through until
 * the work done there decides what comes next (read from the statechart, not restated).
 */
export function routeForLevel(rules: Rules, level: Level): { state: string; text: string; description: string }[] {
  const machine = machineOf(rules);
  const input: SpaInput = { openCase: false, immediateDanger: false, levelClear: true, aboveEarlyHelp: false, mentalHealth: false, formComplete: true, inEarlyHelp: false };
  let [snap] = initialTransition(machine, input);
  [snap] = transition(machine, snap, { type: 'screening.completed' });
  [snap] = transition(machine, snap, { type: 'threshold.decided', level });
  const states = [String(snap.value)];
  // Follow the steps that do not depend on what the work finds (allocation, the strategy discussion, the joint visit).
  for (const step of journeyAfterDecision(rules, snap, level)) {
    if (!hasOneAnswer(step.event)) break;
    states.push(step.to);
  }
  return states.map((st) => ({ state: st, text: stateText(rules, st), description: metaOfState(rules, st).description }));
}
