/** The N shortcut's answer: the next contact the learner can take towards a decision now. */
import { caseActions } from './allowed';
import type { ShiftState } from './state';

export interface NextToDecide {
  /** The next contact that can be decided, or taken to a decision, now; null when none can. */
  caseId: string | null;
  /** The contacts passed over on the way (arrived, undecided, nothing to do now), with why. */
  skipped: { caseId: string; title: string; reason: string }[];
}

/**
 * Starting after `fromId` (the contact open now, if any) and going round the queue in arrival
 * order (the open contact itself last), the first arrived, undecided contact that the learner can decide or take to a decision
 * now; contacts that cannot be (waiting for answers, held, not asked for) are skipped and said.
 * The statechart decides, through `caseActions`.
 */
export function nextToDecide(s: ShiftState, fromId: string | null = null): NextToDecide {
  const open = s.cases.filter((c) => c.arrived && !c.decision);
  const at = fromId === null ? -1 : open.findIndex((c) => c.id === fromId);
  // Round the queue: those after the open contact, then from the start up to and including it.
  const order = [...open.slice(at + 1), ...open.slice(0, at + 1)];
  const skipped: NextToDecide['skipped'] = [];
  for (const c of order) {
    const a = caseActions(s, c.id);
    if (a.decide.allowed || a.takeToDecision.allowed) return { caseId: c.id, skipped };
    skipped.push({ caseId: c.id, title: c.vignette.title, reason: a.decide.reason ?? a.takeToDecision.reason ?? 'It cannot be decided yet.' });
  }
  return { caseId: null, skipped };
}
