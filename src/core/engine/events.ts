/**
 * The events the engine sends and the inputs it starts cases with, each distinct one made once.
 *
 * Speed: events and inputs are plain data and never changed, so each is made once per module,
 * not once per send: fewer objects for the garbage collector in a borough-year, and the compiled
 * stepper, which shares snapshots between cases, meets the same event object every time (a
 * module-level memo of constants, like the compiled steps in stepper.ts).
 */
import type { Rating, SpaEvent, SpaInput } from '../processes/common';

export const EVENTS = {
  oneWorkingDayElapsed: Object.freeze({ type: 'clock.oneWorkingDayElapsed' }),
  escalationDue: Object.freeze({ type: 'clock.escalationDue' }),
  concernsRecognised: Object.freeze({ type: 'concerns.recognised' }),
  contactReceived: Object.freeze({ type: 'contact.received' }),
  receivedOutOfHours: Object.freeze({ type: 'contact.receivedOutOfHours' }),
  earlyHelpEscalated: Object.freeze({ type: 'earlyHelp.escalated' }),
  earlyHelpCompleted: Object.freeze({ type: 'earlyHelp.completed' }),
} as const satisfies Record<string, SpaEvent | { type: 'contact.received' }>;

/** A threshold decision at each level (index 0-4). */
export const DECIDED: readonly SpaEvent[] = [0, 1, 2, 3, 4].map((level) => Object.freeze({ type: 'threshold.decided', level }) as SpaEvent);

const EVENT_MEMO = new Map<string, SpaEvent>();

/** The one event object for a type and outcome (assessment and enquiry outcomes, plain events). */
export function eventOf(type: string, outcome?: string): SpaEvent {
  const key = outcome === undefined ? type : `${type}:${outcome}`;
  let e = EVENT_MEMO.get(key);
  if (!e) {
    e = Object.freeze(outcome === undefined ? { type } : { type, outcome }) as SpaEvent;
    EVENT_MEMO.set(key, e);
  }
  return e;
}

const INPUTS: SpaInput[] = [];
const RATING_NUMBER: Record<Rating, number> = { green: 0, amber: 1, red: 2 };

/**
 * The one input object for a combination of the facts a chart sees (128 flag combinations times
 * 3 ratings), so that the compiled stepper shares initial snapshots between contacts with the
 * same facts.
 */
export function inputOf(openCase: boolean, immediateDanger: boolean, levelClear: boolean, aboveEarlyHelp: boolean, mentalHealth: boolean, formComplete: boolean, inEarlyHelp: boolean, rating: Rating): SpaInput {
  const key = +openCase | (+immediateDanger << 1) | (+levelClear << 2) | (+mentalHealth << 3) | (+formComplete << 4) | (+inEarlyHelp << 5) | (+aboveEarlyHelp << 6) | (RATING_NUMBER[rating] << 7);
  return (INPUTS[key] ??= Object.freeze({ openCase, immediateDanger, levelClear, aboveEarlyHelp, mentalHealth, formComplete, inEarlyHelp, rating }));
}
