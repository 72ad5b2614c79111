/**
 * Applying a learner's action to a shift: one function per action. Each works on a copy, so the
 * shift before the action is unchanged, and throws ShiftActionError when the rules refuse it.
 */
import { HOUR, addWorkingMillis, isOutOfHours, nextOpening } from '../../calendar';
import { caseActions, type Allowed } from './allowed';
import { advance, nextHappening, schedule, spend } from './agenda';
import { factsOfState, stateText } from './chart';
import { journeyAfterDecision, journeyUnderDecision } from './journey';
import { answerHours, informationRequest } from './requests';
import { SHIFT_DEFAULTS } from './settings';
import { contextOf, gatheringEvent, needsScreening, rebuild, send } from './snapshot';
import { ShiftActionError, caseById, cloneState, type ShiftAction, type ShiftCase, type ShiftState } from './state';
import { validateDecision } from './validate';
import { ROLE_TEXT, shortTime } from './words';

/** Apply one learner action; returns a new state (the old one is unchanged). Throws ShiftActionError. */
export function act(prev: ShiftState, action: ShiftAction): ShiftState {
  if (prev.ended) throw new ShiftActionError('The shift has ended.');
  const s = cloneState(prev);
  s.actions.push(action);
  switch (action.type) {
    case 'open':
      openCase(s, action);
      break;
    case 'request':
      requestInformation(s, action);
      break;
    case 'takeToDecision':
      takeToDecision(s, action);
      break;
    case 'decide':
      decide(s, action);
      break;
    case 'wait':
      wait(s);
      break;
    case 'end':
      endShift(s);
      break;
  }
  return s;
}

type ActionOf<T extends ShiftAction['type']> = Extract<ShiftAction, { type: T }>;

function must(a: Allowed): void {
  if (!a.allowed) throw new ShiftActionError(a.reason ?? 'Not allowed now.');
}

/** Reading a contact costs time the first time it is opened. */
function openIfNeeded(s: ShiftState, c: ShiftCase): void {
  if (!c.opened) {
    c.opened = true;
    spend(s, SHIFT_DEFAULTS.minutes.read);
  }
}

/** The learner's screening judgement: replay the case with it, then complete the screening. */
function screen(s: ShiftState, c: ShiftCase, levelClear: boolean): void {
  c.input = { ...c.input, levelClear };
  c.snapshot = rebuild(s.settings.rules, c, c.input);
  c.screened = true;
  send(s, c, { type: 'screening.completed' }, `you (${ROLE_TEXT.spaSocialWorker})`);
  payEscalationOwed(s, c);
}

/** An escalation point that passed before a state could take it fires as soon as one can. */
function payEscalationOwed(s: ShiftState, c: ShiftCase): void {
  if (c.escalationOwed && c.snapshot.can({ type: 'clock.escalationDue' })) {
    c.escalationOwed = false;
    send(s, c, { type: 'clock.escalationDue' }, 'clock');
    s.log.push({ t: s.now, caseId: c.id, text: `${c.vignette.title}: the escalation point had passed, so it went straight to a manager to decide now.` });
  }
}

function openCase(s: ShiftState, action: ActionOf<'open'>): void {
  const c = caseById(s, action.caseId);
  must(caseActions(s, c.id).open);
  openIfNeeded(s, c);
}

/** Ask for one piece of information: the first request screens the contact as unclear. */
function requestInformation(s: ShiftState, action: ActionOf<'request'>): void {
  const c = caseById(s, action.caseId);
  must(caseActions(s, c.id).request);
  const info = informationRequest(c, action.requestId);
  if (c.requests.some((r) => r.id === info.id)) throw new ShiftActionError('You have already asked for this.');
  openIfNeeded(s, c);
  if (c.decision) throw new ShiftActionError('You have recorded a decision on this contact.');
  if (needsScreening(c)) screen(s, c, false);
  if (!gatheringEvent(c)) {
    // Reading it took the case past its escalation point: it is with a manager now.
    s.log.push({ t: s.now, caseId: c.id, text: `${c.vignette.title}: escalated before the request was made; a manager must decide now.` });
    return;
  }
  const byCaseCoordinator = factsOfState(s.settings.rules, c.state).hold;
  const answerAt = addWorkingMillis(s.now, answerHours(s, info, byCaseCoordinator) * HOUR);
  c.requests.push({ id: info.id, label: info.label, from: info.from, requestedAt: s.now, answerAt, status: 'waiting', byCaseCoordinator });
  schedule(s, { t: answerAt, kind: 'answer', caseId: c.id, requestId: info.id });
  s.log.push({ t: s.now, caseId: c.id, text: `${c.vignette.title}: asked (${info.label}); the answer is due at ${shortTime(answerAt, s.start)}.` });
  spend(s, SHIFT_DEFAULTS.minutes.request);
}

/** The answers are in: end the gathering, and the case goes to a decision. */
function takeToDecision(s: ShiftState, action: ActionOf<'takeToDecision'>): void {
  const c = caseById(s, action.caseId);
  must(caseActions(s, c.id).takeToDecision);
  const e = gatheringEvent(c)!;
  const role = factsOfState(s.settings.rules, c.state).role ?? 'spaSocialWorker';
  send(s, c, { type: e }, ROLE_TEXT[role]);
  payEscalationOwed(s, c);
  s.log.push({ t: s.now, caseId: c.id, text: `${c.vignette.title}: taken to a decision.` });
  spend(s, SHIFT_DEFAULTS.minutes.takeToDecision);
}

/** Record a threshold decision (screening the contact as clear if it was not screened yet). */
function decide(s: ShiftState, action: ActionOf<'decide'>): void {
  const c = caseById(s, action.caseId);
  const issues = validateDecision(action);
  if (issues.length) throw new ShiftActionError(issues.map((i) => i.rule).join('. '), issues);
  must(caseActions(s, c.id).decide);
  openIfNeeded(s, c);
  if (needsScreening(c)) screen(s, c, true);
  spend(s, SHIFT_DEFAULTS.minutes.decide);
  if (c.decision) throw new ShiftActionError('You have recorded a decision on this contact.');
  const role = factsOfState(s.settings.rules, c.state).role ?? 'teamManager';
  const before = contextOf(c);
  const waiting = c.snapshot;
  if (!send(s, c, { type: 'threshold.decided', level: action.level }, `you (${ROLE_TEXT[role]})`)) {
    throw new ShiftActionError(`The process does not take a decision in the state "${stateText(s.settings.rules, c.state)}".`);
  }
  c.decision = { level: action.level, response: action.response, rationale: action.rationale.trim(), at: s.now, escalated: before.escalated, onParentalAccount: before.decisionOnParentalAccount };
  for (const r of c.requests) if (r.status === 'waiting') r.status = 'cancelled';
  s.scheduled = s.scheduled.filter((i) => i.caseId !== c.id);
  c.after = journeyAfterDecision(s.settings.rules, c.snapshot, c.vignette.reference.level);
  c.referenceJourney = journeyUnderDecision(s.settings.rules, waiting, c.vignette.reference.level, c.vignette.reference.level);
  s.log.push({ t: s.now, caseId: c.id, text: `${c.vignette.title}: you decided level ${action.level}.` });
  if (s.cases.every((x) => x.decision)) {
    s.ended = true;
    s.endedAt = s.now;
    s.log.push({ t: s.now, text: 'Every contact has a decision: the shift is over.' });
  }
}

/** Move the clock to the next thing due (to the next opening if that falls out of hours). */
function wait(s: ShiftState): void {
  const next = nextHappening(s);
  if (!next) throw new ShiftActionError('Nothing else is due to happen. Decide the remaining contacts or end the shift.');
  advance(s, isOutOfHours(next.t) ? nextOpening(next.t) : next.t);
}

function endShift(s: ShiftState): void {
  s.ended = true;
  s.endedAt = s.now;
  const left = s.cases.filter((c) => !c.decision).length;
  s.log.push({ t: s.now, text: `You ended the shift with ${left} ${left === 1 ? 'contact' : 'contacts'} undecided.` });
}
