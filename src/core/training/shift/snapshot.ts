/**
 * A case's XState snapshot, driven with the pure `transition()`: send an event and record the
 * step, replay the events with a new screening judgement, and ask what the current state handles
 * (`snapshot.can(event)`): the statechart decides what the learner may do.
 */
import { initialTransition, transition, type AnyMachineSnapshot } from 'xstate';
import type { Instant } from '../../calendar';
import { LEVELS } from '../../levels';
import type { SpaContext, SpaEvent, SpaInput } from '../../processes';
import { hiddenFromReport, machineOf, metaOfState } from './chart';
import type { Rules } from './settings';
import type { PathStep, ShiftCase, ShiftState } from './state';

export function contextOf(c: ShiftCase): SpaContext {
  return c.snapshot.context as SpaContext;
}

/** The path step for a transition into `to`, with what the report showed there. */
export function stepOf(rules: Rules, t: Instant | null, from: string | null, to: string, event: SpaEvent | { type: 'contact.received' }, actor: string): PathStep {
  const m = metaOfState(rules, to);
  let detail: string | undefined;
  if (event.type === 'threshold.decided') detail = `level ${event.level}`;
  else if ('outcome' in event) detail = event.outcome;
  return {
    t,
    from,
    to,
    event: event.type,
    actor,
    report: m.report.label,
    undecided: m.undecided,
    hidden: hiddenFromReport(m),
    ...(detail !== undefined ? { detail } : {}),
  };
}

/** Send an event; false (and nothing recorded) if the state does not handle it. */
export function send(s: ShiftState, c: ShiftCase, event: SpaEvent, actor: string): boolean {
  const machine = machineOf(s.settings.rules);
  const [next] = transition(machine, c.snapshot, event);
  if (next === c.snapshot) return false;
  const from = c.state;
  c.snapshot = next;
  c.state = String(next.value);
  c.sent.push(event);
  c.path.push(stepOf(s.settings.rules, s.now, from, c.state, event, actor));
  return true;
}

/** Replay a case's events from a fresh snapshot with a new input (the screening judgement). */
export function rebuild(rules: Rules, c: ShiftCase, input: SpaInput): AnyMachineSnapshot {
  const machine = machineOf(rules);
  let [snap] = initialTransition(machine, input);
  for (const e of c.sent) [snap] = transition(machine, snap, e);
  return snap;
}

/** The snapshot a case would have if screened now with this judgement (nothing changes). */
export function previewScreening(rules: Rules, c: ShiftCase, levelClear: boolean): AnyMachineSnapshot {
  const snap = rebuild(rules, c, { ...c.input, levelClear });
  return transition(machineOf(rules), snap, { type: 'screening.completed' })[0];
}

/** The events that end the gathering of information: the team's, or CAMHS's for a mental-health contact. */
export const GATHERING_DONE = ['information.gathered', 'camhs.assessed'] as const;

/** The event that would end the gathering in the case's state, or null if it is not gathering. */
export function gatheringEvent(c: ShiftCase): (typeof GATHERING_DONE)[number] | null {
  for (const e of GATHERING_DONE) if (c.snapshot.can({ type: e })) return e;
  return null;
}

/** The contact is still waiting for its screening (the learner's first call on it). */
export function needsScreening(c: ShiftCase): boolean {
  return c.snapshot.can({ type: 'screening.completed' });
}

/** The state takes a threshold decision at some level. */
export function canDecide(snap: AnyMachineSnapshot): boolean {
  return LEVELS.some((level) => snap.can({ type: 'threshold.decided', level }));
}
