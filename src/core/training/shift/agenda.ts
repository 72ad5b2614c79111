/**
 * The shift's agenda: what is due to happen on the simulated clock (a contact arrives, an answer
 * comes back, a case reaches its escalation point or its one-working-day deadline), in (time,
 * sequence) order, and the clock moved on through it.
 */
import { MINUTE, addWorkingMillis, isOutOfHours, type Instant } from '../../calendar';
import { needsScreening, send, stepOf } from './snapshot';
import { caseById, type Scheduled, type ShiftCase, type ShiftState } from './state';
import { ROLE_TEXT } from './words';

export function schedule(s: ShiftState, item: Omit<Scheduled, 'seq'>): void {
  s.scheduled.push({ ...item, seq: s.seq++ });
  s.scheduled.sort((a, b) => a.t - b.t || a.seq - b.seq);
}

/** Handle everything scheduled up to and including `to`, then set the clock to `to`. */
export function advance(s: ShiftState, to: Instant): void {
  while (s.scheduled.length > 0 && s.scheduled[0].t <= to) {
    const item = s.scheduled.shift()!;
    const prevNow = s.now;
    s.now = Math.max(prevNow, item.t);
    handle(s, item);
  }
  s.now = Math.max(s.now, to);
}

/** The learner spends working minutes: the clock moves on by them, through the agenda. */
export function spend(s: ShiftState, minutes: number): void {
  advance(s, addWorkingMillis(s.now, minutes * MINUTE));
}

function handle(s: ShiftState, item: Scheduled): void {
  const c = caseById(s, item.caseId);
  switch (item.kind) {
    case 'arrival':
      return contactArrives(s, c);
    case 'answer':
      return answerComesBack(s, c, item);
    case 'escalation':
      return escalationPointReached(s, c, item);
    case 'oneWorkingDay':
      return oneWorkingDayPassed(s, c, item);
  }
}

function contactArrives(s: ShiftState, c: ShiftCase): void {
  c.arrived = true;
  const ooh = isOutOfHours(c.receivedAt);
  const actor = `${c.vignette.contact.from}${ooh ? ' (out of hours, via the emergency duty team)' : ''}`;
  c.path.push(stepOf(s.settings.rules, c.receivedAt, null, c.state, { type: 'contact.received' }, actor));
  s.log.push({ t: c.receivedAt, caseId: c.id, text: `New contact: ${c.vignette.title} (${c.vignette.contact.from}).` });
}

function answerComesBack(s: ShiftState, c: ShiftCase, item: Scheduled): void {
  const r = c.requests.find((x) => x.id === item.requestId);
  if (r && r.status === 'waiting') {
    r.status = 'answered';
    s.log.push({ t: item.t, caseId: c.id, text: `${c.vignette.title}: answer received (${r.label}).` });
    // The parents' answer is the team manager's contact with them: a chart that answers it (2013:
    // the hold ends and the manager decides on the parents' response, 004 ¶38) moves on here, when
    // the response is in, not when the call was asked for.
    if (r.from === 'parent' && !c.decision) send(s, c, { type: 'parents.contacted' }, ROLE_TEXT.teamManager);
  }
}

function escalationPointReached(s: ShiftState, c: ShiftCase, item: Scheduled): void {
  if (c.decision) return;
  if (send(s, c, { type: 'clock.escalationDue' }, 'clock')) {
    s.log.push({ t: item.t, caseId: c.id, text: `${c.vignette.title}: escalated to a manager, who must decide now on what is known.` });
  } else if (needsScreening(c)) {
    // A process whose unscreened state ignores the escalation: it fires once screened.
    c.escalationOwed = true;
  }
}

function oneWorkingDayPassed(s: ShiftState, c: ShiftCase, item: Scheduled): void {
  if (c.decision) return;
  if (send(s, c, { type: 'clock.oneWorkingDayElapsed' }, 'clock')) {
    s.log.push({ t: item.t, caseId: c.id, text: `${c.vignette.title}: one working day has passed without a decision.` });
  }
}

/** The next scheduled thing that would happen if the learner waited, or null. */
export function nextHappening(s: ShiftState): { t: Instant; text: string } | null {
  const next = s.scheduled[0];
  if (!next || s.ended) return null;
  const c = caseById(s, next.caseId);
  const title = c.vignette.title;
  const text =
    next.kind === 'arrival'
      ? `a new contact arrives (${c.vignette.contact.from})`
      : next.kind === 'answer'
        ? `an answer comes back for ${title}`
        : next.kind === 'escalation'
          ? `${title} reaches its escalation point`
          : `${title} reaches its one-working-day deadline`;
  return { t: Math.max(next.t, s.now), text };
}
