/** Plain words for roles, times and durations in a shift. */
import { formatLondon, toLondon, type Instant } from '../../calendar';
import { ROLE_LABELS } from '../../labels';
import type { Role } from '../../processes';

/** Who works a case, in plain English: the same words the replay uses. */
export const ROLE_TEXT: Record<Role, string> = ROLE_LABELS;

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** 'Mon 10 Jun 2013, 09:40', London time. */
export function describeTime(t: Instant): string {
  const l = toLondon(t);
  return `${WEEKDAYS[l.weekday]} ${l.day} ${MONTHS[l.month - 1]} ${l.year}, ${formatLondon(t).slice(11)}`;
}

/** '09:40' on the shift's first day, 'Tue 08:00' on another. */
export function shortTime(t: Instant, start: Instant): string {
  const l = toLondon(t);
  const hm = formatLondon(t).slice(11);
  if (l.dateKey === toLondon(start).dateKey) return hm;
  return `${WEEKDAYS[l.weekday]} ${hm}`;
}

/** Working hours as words: '45 minutes', '2 hours', '1 hour 30 minutes'. */
export function describeWorkingHours(hours: number): string {
  const minutes = Math.round(hours * 60);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const parts: string[] = [];
  if (h > 0) parts.push(`${h} ${h === 1 ? 'hour' : 'hours'}`);
  if (m > 0 || h === 0) parts.push(`${m} ${m === 1 ? 'minute' : 'minutes'}`);
  return parts.join(' ');
}
