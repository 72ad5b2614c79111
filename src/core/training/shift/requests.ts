/**
 * A case's information requests: which the vignette offers, how long an answer takes (slower
 * while the 2013 case coordinator holds the case), and how many are still waiting or left.
 */
import type { InformationRequest } from '../vignette';
import { factsOfState } from './chart';
import { needsScreening, previewScreening } from './snapshot';
import { ShiftActionError, caseById, type ShiftCase, type ShiftState } from './state';

/** The vignette's request with this id; a ShiftActionError if it has none. */
export function informationRequest(c: ShiftCase, requestId: string): InformationRequest {
  const info = c.vignette.information.find((i) => i.id === requestId);
  if (!info) throw new ShiftActionError(`There is no request "${requestId}" for this contact.`);
  return info;
}

/** Working hours an answer takes: the vignette's hours, times `heldInformationFactor` while held. */
export function answerHours(s: ShiftState, info: InformationRequest, held: boolean): number {
  return info.hours * (held ? s.settings.heldInformationFactor : 1);
}

/**
 * Working hours the answer to a request would take if asked now: the vignette's hours, times
 * `heldInformationFactor` when asking puts (or keeps) the case with the 2013 case coordinator.
 */
export function requestHours(s: ShiftState, caseId: string, requestId: string): number {
  const c = caseById(s, caseId);
  const info = informationRequest(c, requestId);
  const state = needsScreening(c) ? String(previewScreening(s.settings.rules, c, false).value) : c.state;
  return answerHours(s, info, factsOfState(s.settings.rules, state).hold);
}

/** Requests asked whose answer has not come back. */
export function waitingAnswers(c: ShiftCase): number {
  return c.requests.filter((r) => r.status === 'waiting').length;
}

/** Requests the vignette offers that have not been asked. */
export function requestsLeft(c: ShiftCase): number {
  return c.vignette.information.filter((i) => !c.requests.some((r) => r.id === i.id)).length;
}
