/**
 * Words for the safeguards' messages and chronologies: instants and working days here; roles,
 * events and activities from the one vocabulary (../labels.ts).
 */
import { toLondon, formatLondon, type Instant } from '../calendar';
import { aRole, activityLabel, actorLabel, eventPhrase } from '../labels';

export { aRole, eventPhrase };

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** 'Tue 2013-06-04 10:30', London local time. */
export function when(t: Instant): string {
  return `${WEEKDAYS[toLondon(t).weekday]} ${formatLondon(t)}`;
}

/** Who acted: a role's name, 'the clock', or the source of a contact. */
export const roleName = actorLabel;

export const activityName = activityLabel;

/** Working days, to two decimals, for messages. */
export function days(x: number): string {
  const r = Math.round(x * 100) / 100;
  return `${r} working day${r === 1 ? '' : 's'}`;
}
