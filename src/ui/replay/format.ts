/** Dates and numbers as the page writes them (GOV.UK style: "Monday 3 June 2013, 10:05"). */
import { isBankHoliday, isWorkingDay, toLondon, type Instant } from '../../core/calendar';

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const pad = (n: number) => String(n).padStart(2, '0');

/** "Monday 3 June 2013, 10:05" */
export function formatClock(t: Instant): string {
  const l = toLondon(t);
  return `${DAYS[l.weekday]} ${l.day} ${MONTHS[l.month - 1]} ${l.year}, ${pad(l.hour)}:${pad(l.minute)}`;
}

/** "Mon 3 Jun, 10:05" */
export function formatShort(t: Instant): string {
  const l = toLondon(t);
  return `${DAYS[l.weekday].slice(0, 3)} ${l.day} ${MONTHS[l.month - 1].slice(0, 3)}, ${pad(l.hour)}:${pad(l.minute)}`;
}

/** "3 Jun" (or "3 Jun 2014" with the year). */
export function formatDay(t: Instant, withYear = false): string {
  const l = toLondon(t);
  return `${l.day} ${MONTHS[l.month - 1].slice(0, 3)}${withYear ? ` ${l.year}` : ''}`;
}

/** "Mon 3 Jun" */
export function formatWeekday(t: Instant): string {
  const l = toLondon(t);
  return `${DAYS[l.weekday].slice(0, 3)} ${l.day} ${MONTHS[l.month - 1].slice(0, 3)}`;
}

/** Why the SPA is closed on t's date, if it is. */
export function closedReason(t: Instant): string | null {
  if (isWorkingDay(t)) return null;
  if (isBankHoliday(t)) return 'bank holiday';
  return 'weekend';
}

export function formatShare(v: number): string {
  return `${(v * 100).toFixed(1)}%`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "2 min 05 s" or "850 ms" */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(1)} s`;
  return `${Math.floor(s / 60)} min ${pad(Math.round(s % 60))} s`;
}
