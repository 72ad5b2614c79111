/** The debrief's words: what happened next for the child, a path step in a line, a level named. */
import { formatLondon } from '../../calendar';
import { eventPhrase } from '../../labels';
import { LEVEL_INFO, type Level } from '../../levels';
import { describeWorkingHours, stateText, type Rules, type ShiftCase, type ShiftState } from '../shift';
import { caseResult } from './build';

/**
 * What happened next for the child: the vignette's authored outcome for the level decided, and
 * what the process did (late, held and hidden from the report, escalated). Deterministic.
 */
export function whatHappenedNext(s: ShiftState, c: ShiftCase): string[] {
  const out: string[] = [];
  const r = caseResult(s, c);
  if (c.decision) {
    out.push(c.vignette.outcomes[c.decision.level]);
  } else if (!c.arrived) {
    out.push(
      `The shift ended before this contact arrived (${formatLondon(c.receivedAt)}). Someone still had to pick it up; it is scored as left undecided, a late level-1 call.`,
    );
  } else {
    out.push(
      `The shift ended with this contact undecided, in the state "${stateText(s.settings.rules, c.state)}". Until someone decides, the child receives nothing; it is scored as a late level-1 call.`,
    );
  }
  if (r.heldByCaseCoordinator) {
    out.push(
      'While the contact was held by a case coordinator, the weekly report recorded it as "provision of advice and information", so it did not show as waiting and had no risk assessment (004 ¶20, ¶38). Held contacts were screened without the child being seen, so decisions rested on what parents said (004 ¶29, ¶38).',
    );
  }
  if (r.escalated) out.push('The case escalated to a manager at its escalation point, so the decision was made on what was known by then (002).');
  if (c.decision && !r.timely) out.push(`The decision came ${describeWorkingHours(r.workingHoursLate)} of working time after the one-working-day deadline (${r.dueBy}).`);
  if (!c.decision && r.workingHoursLate > 0) out.push(`By the end of the shift it was ${describeWorkingHours(r.workingHoursLate)} of working time past its one-working-day deadline.`);
  return out;
}

/** One line for a path step: 'screened: New contact → Held by a case coordinator'. */
export function describeStep(rules: Rules, p: { from: string | null; to: string; event: string; detail?: string }): string {
  const what = eventPhrase(p.event);
  const detail = p.detail ? ` (${p.detail})` : '';
  const to = stateText(rules, p.to);
  if (p.from === null) return `${what}: ${to}`;
  if (p.from === p.to) return `${what}${detail}: still ${to.charAt(0).toLowerCase()}${to.slice(1)}`;
  return `${what}${detail}: ${to}`;
}

/** 'Level 3, complex needs (child in need)'. */
export function levelLabel(level: Level): string {
  return `Level ${level}, ${LEVEL_INFO[level].name}`;
}
