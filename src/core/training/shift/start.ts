/** Starting a shift from its settings and the library, and rebuilding one from its actions. */
import { initialTransition, type AnyStateMachine } from 'xstate';
import { HOUR, addWorkingMillis, dueAfterWorkingHours, dueByOneWorkingDay, fromLondon, parseLondon, toLondon, type Instant } from '../../calendar';
import { chartFacts, type SpaInput } from '../../processes';
import { byId } from '../order';
import type { Vignette } from '../vignette';
import { act } from './act';
import { advance, schedule } from './agenda';
import { machineOf } from './chart';
import { drawVignettes } from './draw';
import { resolveSettings, type ShiftConfig, type ShiftSettings } from './settings';
import { ShiftActionError, type ShiftAction, type ShiftCase, type ShiftState } from './state';
import { validateConfig } from './validate';

/** When a vignette's contact arrives in a shift starting at `start`. */
export function arrivalTime(v: Vignette, start: Instant): Instant {
  const l = toLondon(start);
  const [h, m] = v.contact.time.split(':').map(Number);
  return fromLondon(l.year, l.month, l.day + v.contact.day, h, m);
}

/** A vignette's contact as a case of the shift, not yet arrived, in the chart's initial state. */
function newCase(v: Vignette, settings: ShiftSettings, start: Instant, machine: AnyStateMachine): ShiftCase {
  const receivedAt = arrivalTime(v, start);
  const facts = chartFacts(machine);
  // The chart's own decision clock and escalation point where it gives them (root meta `clocks`).
  const clock = facts.clocks.decisionWithinWorkingHours;
  const dueBy = dueByOneWorkingDay(receivedAt);
  const clockAt = clock === null ? dueBy : dueAfterWorkingHours(receivedAt, clock);
  // Only a process with an escalation (2015) gets the escalation clock.
  const escalateAfter = facts.clocks.escalateAfterWorkingHours ?? settings.escalateAfterWorkingHours;
  const escalation = facts.escalates ? addWorkingMillis(receivedAt, escalateAfter * HOUR) : Infinity;
  const input: SpaInput = {
    openCase: false, // the learner makes every threshold call: no contact goes straight to a worker
    immediateDanger: false, // likewise: a level-4 call is the learner's, then the strategy discussion
    levelClear: true, // set by the learner's screening judgement (see `screen` in act.ts)
    // A contact the learner screens as unclear is one that needs a closer look: under 2013 it is
    // held (004 ¶29); so the learner, not the vignette, decides whether a contact is held.
    aboveEarlyHelp: true,
    mentalHealth: v.contact.mentalHealth,
    formComplete: v.contact.formComplete,
    inEarlyHelp: v.child.inEarlyHelp,
  };
  const [snapshot] = initialTransition(machine, input);
  return {
    id: v.id,
    vignette: v,
    receivedAt,
    dueBy,
    clockAt,
    escalateAt: escalation < clockAt ? escalation : null,
    arrived: false,
    opened: false,
    screened: false,
    escalationOwed: false,
    input,
    snapshot,
    state: String(snapshot.value),
    sent: [],
    path: [],
    requests: [],
    decision: null,
    after: [],
    referenceJourney: [],
  };
}

export function startShift(library: readonly Vignette[], config: ShiftConfig): ShiftState {
  const issues = validateConfig(config, library);
  if (issues.length) throw new ShiftActionError(issues.map((i) => `${i.field}: ${i.rule}`).join('\n'), issues);
  const settings = resolveSettings(config);
  const start = parseLondon(settings.start);
  const machine = machineOf(settings.rules);
  const cases = drawVignettes(library, settings.seed, settings.count, settings.mix).map((v) => newCase(v, settings, start, machine));
  cases.sort((a, b) => a.receivedAt - b.receivedAt || byId(a, b));
  const s: ShiftState = { settings, start, now: start, cases, scheduled: [], seq: 0, log: [], ended: false, endedAt: null, actions: [] };
  for (const c of cases) {
    schedule(s, { t: c.receivedAt, kind: 'arrival', caseId: c.id });
    schedule(s, { t: c.clockAt, kind: 'oneWorkingDay', caseId: c.id });
    if (c.escalateAt !== null) schedule(s, { t: c.escalateAt, kind: 'escalation', caseId: c.id });
  }
  s.log.push({ t: start, text: `The shift starts under the ${settings.rules} rules with ${cases.length} contacts.` });
  advance(s, start);
  return s;
}

/** Rebuild a shift from its config and the learner's actions (for saving and restoring). */
export function replayShift(library: readonly Vignette[], config: ShiftConfig, actions: readonly ShiftAction[]): ShiftState {
  let s = startShift(library, config);
  for (const a of actions) s = act(s, a);
  return s;
}
