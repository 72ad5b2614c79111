/** What the learner may do with a contact now, and why not, in plain words. The statechart decides. */
import { factsOfState, stateText } from './chart';
import { requestsLeft, waitingAnswers } from './requests';
import { GATHERING_DONE, canDecide, contextOf, gatheringEvent, needsScreening, previewScreening } from './snapshot';
import { caseById, type ShiftCase, type ShiftState } from './state';
import { shortTime } from './words';

export interface Allowed {
  allowed: boolean;
  /** Why not, in plain words, when not allowed. */
  reason?: string;
}

export interface CaseActions {
  open: Allowed;
  request: Allowed;
  takeToDecision: Allowed;
  decide: Allowed;
}

function no(reason: string): Allowed {
  return { allowed: false, reason };
}
const yes: Allowed = { allowed: true };

/** Nothing but opening, which is `open`; everything else refused for one reason. */
function onlyOpen(open: Allowed, reason: string): CaseActions {
  const r = no(reason);
  return { open, request: r, takeToDecision: r, decide: r };
}

/** What the learner may do with a contact now, and why not. The statechart decides. */
export function caseActions(s: ShiftState, caseId: string): CaseActions {
  const c = caseById(s, caseId);
  if (s.ended) return onlyOpen(no('The shift has ended.'), 'The shift has ended.');
  if (!c.arrived) return onlyOpen(no('This contact has not arrived yet.'), 'This contact has not arrived yet.');
  if (c.decision) return onlyOpen(yes, 'You have recorded a decision on this contact.');
  if (needsScreening(c)) return beforeScreening(s, c);
  if (gatheringEvent(c)) return whileGathering(s, c);
  if (canDecide(c.snapshot)) return readyForDecision(s, c);
  return onlyOpen(yes, `The process does not allow this in the state "${stateText(s.settings.rules, c.state)}".`);
}

/** Not screened yet: the first request screens it as unclear, a decision as clear. */
function beforeScreening(s: ShiftState, c: ShiftCase): CaseActions {
  const rules = s.settings.rules;
  const unclear = previewScreening(rules, c, false);
  const clear = previewScreening(rules, c, true);
  const gathers = GATHERING_DONE.some((e) => unclear.can({ type: e }));
  return {
    open: yes,
    request: requestsLeft(c) === 0 ? no('There is no more information to ask for.') : gathers ? yes : no('The process does not gather information on this contact.'),
    takeToDecision: no('No information is being gathered.'),
    decide: canDecide(clear) ? yes : no('The process does not ask for a threshold decision on this contact.'),
  };
}

/** Information is being gathered: ask more, or take it to a decision once the answers are in. */
function whileGathering(s: ShiftState, c: ShiftCase): CaseActions {
  const waiting = waitingAnswers(c);
  const held = factsOfState(s.settings.rules, c.state).hold;
  const escalation = c.escalateAt !== null && !contextOf(c).escalated ? ` If no decision is made, it escalates to a manager at ${shortTime(c.escalateAt, s.start)}.` : '';
  return {
    open: yes,
    request: requestsLeft(c) === 0 ? no('You have asked for all the information there is.') : yes,
    takeToDecision: waiting > 0 ? no(`Waiting for ${waiting} ${waiting === 1 ? 'answer' : 'answers'}. Wait, or work another contact.`) : yes,
    decide: no(
      held
        ? 'The contact is held by a case coordinator while information is gathered. The team manager can decide only once it is gathered: when the answers are in, take the contact to a decision. Nothing escalates it in 2013.'
        : `Information is being gathered. When the answers are in, take the contact to a decision.${escalation}`,
    ),
  };
}

/** With the team manager (or, escalated, a manager) for a threshold decision. */
function readyForDecision(s: ShiftState, c: ShiftCase): CaseActions {
  const escalated = factsOfState(s.settings.rules, c.state).escalated;
  return {
    open: yes,
    request: no(escalated ? 'Escalated: a manager must decide now on what is known. No more information can be asked for.' : 'The contact is with the team manager for a decision; the process does not send it back for more information.'),
    takeToDecision: no('The contact is already waiting for a decision.'),
    decide: yes,
  };
}
