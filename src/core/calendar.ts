// London working-time calendar for the SPA's statutory clocks.
//
// Everything here is a pure function of its arguments: no clock, no randomness, no Intl, no
// time-zone database. London time is computed from the EU/UK summer-time rule
// (BST = UTC+1 from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of
// October; GMT = UTC otherwise), which has been in force throughout the years the simulator
// covers.
//
// Instants are plain numbers (ms since the epoch, UTC). Internally most work is done on "local
// milliseconds": the London wall-clock time written as if it were UTC, so that
// `Math.floor(local / DAY)` is the London local day number (days since 1970-01-01) and
// `local % DAY` the wall-clock time of day.
//
// The only module-level state is pure memo caches (per-year DST transitions, per-day opening
// hours): they never change a result, only make repeated calls cheaper.

export type Instant = number; // milliseconds since the Unix epoch, UTC

export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;

export interface LondonTime {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  weekday: number; // 0=Sunday..6
  dateKey: string; // 'YYYY-MM-DD' local
}

export interface OpeningHours {
  open: Instant;
  close: Instant;
}

// ---------------------------------------------------------------------------------------------
// Civil-date arithmetic (proleptic Gregorian, no Date objects)
// ---------------------------------------------------------------------------------------------

interface CivilDate {
  year: number;
  month: number; // 1-12
  day: number;
}

/** Civil date of a day number (days since 1970-01-01). H. Hinnant's `civil_from_days`. */
function civilFromDays(days: number): CivilDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097; // [0, 146096]
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100)); // [0, 365]
  const mp = Math.floor((5 * doy + 2) / 153); // [0, 11], March-based
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

/** UTC calendar year of an instant, without allocating. */
function utcYear(t: Instant): number {
  const z = Math.floor(t / DAY) + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  return yoe + era * 400 + (mp >= 10 ? 1 : 0);
}

/** Weekday (0=Sunday..6) of a day number; 1970-01-01 was a Thursday. */
function weekdayOfDayNumber(days: number): number {
  return (((days + 4) % 7) + 7) % 7;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function pad4(n: number): string {
  return n >= 0 && n < 10000 ? String(n).padStart(4, '0') : String(n);
}

function dateKeyOf(c: CivilDate): string {
  return `${pad4(c.year)}-${pad2(c.month)}-${pad2(c.day)}`;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

// ---------------------------------------------------------------------------------------------
// British Summer Time
// ---------------------------------------------------------------------------------------------

/** Instant of 01:00 UTC on the last Sunday of `monthIndex` (0-based) in `year`. */
function lastSundayAt0100Utc(year: number, monthIndex: number): Instant {
  const lastDay = Date.UTC(year, monthIndex + 1, 0); // day 0 of next month = last day of this one
  const back = weekdayOfDayNumber(lastDay / DAY);
  return lastDay - back * DAY + HOUR;
}

// Pure memo: year -> [BST start, BST end) as instants.
const bstCache = new Map<number, readonly [Instant, Instant]>();

function bstRange(year: number): readonly [Instant, Instant] {
  let r = bstCache.get(year);
  if (r === undefined) {
    r = [lastSundayAt0100Utc(year, 2), lastSundayAt0100Utc(year, 9)] as const;
    bstCache.set(year, r);
  }
  return r;
}

/**
 * Whether London is on British Summer Time (UTC+1) at instant t: from 01:00 UTC on the last
 * Sunday of March (inclusive) to 01:00 UTC on the last Sunday of October (exclusive).
 */
export function isBritishSummerTime(t: Instant): boolean {
  // Fast path: a constant table of year starts and BST ranges (this runs for every clock
  // computation in a simulation); the general rule below covers years outside the table.
  const i = Math.floor((t - TABLE_FROM) / AVERAGE_YEAR_MS);
  if (i >= 1 && i < TABLE_YEARS - 1) {
    const y = t < YEAR_START[i] ? i - 1 : t >= YEAR_START[i + 1] ? i + 1 : i;
    return t >= BST_START[y] && t < BST_END[y];
  }
  const [start, end] = bstRange(utcYear(t));
  return t >= start && t < end;
}

const TABLE_FIRST_YEAR = 1990;
const TABLE_YEARS = 80;
const TABLE_FROM = Date.UTC(TABLE_FIRST_YEAR, 0, 1);
const AVERAGE_YEAR_MS = 365.2425 * DAY;
const YEAR_START = new Float64Array(TABLE_YEARS);
const BST_START = new Float64Array(TABLE_YEARS);
const BST_END = new Float64Array(TABLE_YEARS);
for (let k = 0; k < TABLE_YEARS; k++) {
  YEAR_START[k] = Date.UTC(TABLE_FIRST_YEAR + k, 0, 1);
  BST_START[k] = lastSundayAt0100Utc(TABLE_FIRST_YEAR + k, 2);
  BST_END[k] = lastSundayAt0100Utc(TABLE_FIRST_YEAR + k, 9);
}

/** London wall-clock time of t, written as if it were UTC ("local milliseconds"). */
function toLocalMs(t: Instant): number {
  return isBritishSummerTime(t) ? t + HOUR : t;
}

/**
 * The instant at which London's wall clock shows `local` (local milliseconds).
 * - Repeated hour (clocks back, 01:00-02:00 local on the last Sunday of October): the first
 *   occurrence, i.e. the BST one.
 * - Missing hour (clocks forward, 01:00-02:00 local on the last Sunday of March): the wall time
 *   is read as GMT, which lands one hour later on the clock (01:30 -> 02:30 BST).
 */
function fromLocalMs(local: number): Instant {
  const asBst = local - HOUR;
  return isBritishSummerTime(asBst) ? asBst : local;
}

/** London local day number (days since 1970-01-01 in London wall time) of t. */
function localDayNumber(t: Instant): number {
  return Math.floor(toLocalMs(t) / DAY);
}

// ---------------------------------------------------------------------------------------------
// Conversions
// ---------------------------------------------------------------------------------------------

/** London local wall-clock time of instant t. */
export function toLondon(t: Instant): LondonTime {
  const local = toLocalMs(t);
  const days = Math.floor(local / DAY);
  const msOfDay = local - days * DAY;
  const c = civilFromDays(days);
  return {
    year: c.year,
    month: c.month,
    day: c.day,
    hour: Math.floor(msOfDay / HOUR),
    minute: Math.floor((msOfDay % HOUR) / MINUTE),
    weekday: weekdayOfDayNumber(days),
    dateKey: dateKeyOf(c),
  };
}

/**
 * The instant at which London's wall clock shows the given local date and time.
 *
 * Out-of-range fields are normalised like `Date.UTC` (e.g. day 32 of January is 1 February);
 * use `parseLondon` for validated input.
 *
 * Daylight-saving edge cases:
 * - Non-existent hour (clocks go forward at 01:00 GMT on the last Sunday of March, so 01:00-01:59
 *   local never happens): the time is moved forward by one hour, e.g. 01:30 -> 02:30 BST
 *   (= 01:30 UTC).
 * - Repeated hour (clocks go back at 02:00 BST on the last Sunday of October, so 01:00-01:59 local
 *   happens twice): the first occurrence, in BST, is returned, e.g. 01:30 -> 00:30 UTC.
 */
export function fromLondon(year: number, month: number, day: number, hour = 0, minute = 0): Instant {
  return fromLocalMs(Date.UTC(year, month - 1, day, hour, minute));
}

/**
 * The instant London's clock shows hour:minute on t's London date: the same as
 * `fromLondon(year, month, day, hour, minute)` of that date (and its rules for a missing or
 * repeated hour), without building the date.
 */
export function atLocalTime(t: Instant, hour: number, minute = 0): Instant {
  return fromLocalMs(localDayNumber(t) * DAY + hour * HOUR + minute * MINUTE);
}

const LONDON_ISO = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/;

/**
 * Parse 'YYYY-MM-DD' (local midnight) or 'YYYY-MM-DDTHH:MM' as London local time.
 * Throws an Error naming the value if the text is malformed or the date/time does not exist on
 * the calendar (e.g. '2013-02-30', '24:00'). DST gaps/overlaps follow `fromLondon`.
 */
export function parseLondon(iso: string): Instant {
  const m = typeof iso === 'string' ? LONDON_ISO.exec(iso) : null;
  if (m === null) {
    throw new Error(`parseLondon: ${JSON.stringify(iso)} is not a London local date 'YYYY-MM-DD' or 'YYYY-MM-DDTHH:MM'`);
  }
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = m[4] === undefined ? 0 : Number(m[4]);
  const minute = m[5] === undefined ? 0 : Number(m[5]);
  if (month < 1 || month > 12) {
    throw new Error(`parseLondon: ${JSON.stringify(iso)} has month ${month}, outside 01-12`);
  }
  if (day < 1 || day > daysInMonth(year, month)) {
    throw new Error(`parseLondon: ${JSON.stringify(iso)} is not a calendar date (day ${day} of ${pad4(year)}-${pad2(month)})`);
  }
  if (hour > 23 || minute > 59) {
    throw new Error(`parseLondon: ${JSON.stringify(iso)} has an invalid time of day (hours 00-23, minutes 00-59)`);
  }
  return fromLondon(year, month, day, hour, minute);
}

/** 'YYYY-MM-DD HH:MM' in London local time, e.g. for chronologies. */
export function formatLondon(t: Instant): string {
  const local = toLocalMs(t);
  const days = Math.floor(local / DAY);
  const msOfDay = local - days * DAY;
  const c = civilFromDays(days);
  return `${dateKeyOf(c)} ${pad2(Math.floor(msOfDay / HOUR))}:${pad2(Math.floor((msOfDay % HOUR) / MINUTE))}`;
}

// ---------------------------------------------------------------------------------------------
// Bank holidays
// ---------------------------------------------------------------------------------------------

/**
 * England and Wales bank holidays, worked out for any year from the rules, with the one-off
 * changes made by royal proclamation in the years the calendar knows.
 *
 * Source: GOV.UK bank holidays (www.gov.uk/bank-holidays); the Banking and Financial Dealings
 * Act 1971 (schedule 1) and the proclamations made under it. The rules, in force since 1978 (the
 * year the early May bank holiday began):
 *  - New Year's Day, 1 January; when it falls at a weekend, the Monday after (substitute day);
 *  - Good Friday and Easter Monday (Easter: `easterSunday`);
 *  - the early May bank holiday, the first Monday of May;
 *  - the spring bank holiday, the last Monday of May;
 *  - the summer bank holiday, the last Monday of August;
 *  - Christmas Day and Boxing Day, with substitute days: Christmas on a Saturday gives Monday 27
 *    and Tuesday 28; on a Sunday, Boxing Day is Monday 26 and Christmas's substitute Tuesday 27;
 *    Boxing Day on a Saturday (Christmas on a Friday) gives Monday 28.
 *
 * The one-off days (ONE_OFF_CHANGES) are those of the known years; a day proclaimed later for a
 * year up to BANK_HOLIDAY_YEARS.last must be added there. Outside the known years the rules
 * alone are used (no one-off days: a future coronation or jubilee cannot be known); no run a
 * scenario can describe leaves the known years (scenario.ts checks a run's years, and a test
 * checks the furthest run the schema allows).
 *
 * Easter Sundays (Anonymous Gregorian algorithm, checked in the tests): 2012-04-08, 2013-03-31,
 * 2014-04-20, 2015-04-05, 2016-03-27.
 */

/**
 * The years whose bank holidays are known exactly: from 1996, the first year of the summer-time
 * rule this module uses (the UK's summer time has ended on the last Sunday of October since
 * 1996), to 2027, the last year GOV.UK published dates for when this was written.
 */
export const BANK_HOLIDAY_YEARS = Object.freeze({ first: 1996, last: 2027 });

/** One-off changes by royal proclamation in the known years: a rule's day moved, and days added. */
const ONE_OFF_CHANGES: Readonly<Record<number, { moved?: readonly (readonly [string, string])[]; added?: readonly string[] }>> = Object.freeze({
  1999: { added: ['1999-12-31'] }, // the Millennium
  2002: { moved: [['2002-05-27', '2002-06-04']], added: ['2002-06-03'] }, // the Queen's Golden Jubilee
  2011: { added: ['2011-04-29'] }, // the royal wedding
  2012: { moved: [['2012-05-28', '2012-06-04']], added: ['2012-06-05'] }, // the Queen's Diamond Jubilee
  2020: { moved: [['2020-05-04', '2020-05-08']] }, // the 75th anniversary of VE Day
  2022: { moved: [['2022-05-30', '2022-06-02']], added: ['2022-06-03', '2022-09-19'] }, // Platinum Jubilee; the Queen's state funeral
  2023: { added: ['2023-05-08'] }, // the coronation of King Charles III
});

function firstMondayOf(year: number, month: number): number {
  const first = Date.UTC(year, month - 1, 1) / DAY;
  return 1 + ((8 - weekdayOfDayNumber(first)) % 7);
}

function lastMondayOf(year: number, month: number): number {
  const last = daysInMonth(year, month);
  return last - ((weekdayOfDayNumber(Date.UTC(year, month - 1, last) / DAY) + 6) % 7);
}

/** A year's bank holidays by the rules alone, as 'YYYY-MM-DD' in date order. */
function bankHolidaysByRule(year: number): string[] {
  const key = (month: number, day: number) => dateKeyOf({ year, month, day });
  const wd = (month: number, day: number) => weekdayOfDayNumber(Date.UTC(year, month - 1, day) / DAY);
  const newYear = wd(1, 1) === 6 ? 3 : wd(1, 1) === 0 ? 2 : 1;
  const e = easterSunday(year);
  const easter = Date.UTC(year, e.month - 1, e.day) / DAY;
  const christmas = wd(12, 25);
  const christmasDays = christmas === 6 ? [27, 28] : christmas === 0 ? [26, 27] : christmas === 5 ? [25, 28] : [25, 26];
  return [
    key(1, newYear),
    dateKeyOf(civilFromDays(easter - 2)),
    dateKeyOf(civilFromDays(easter + 1)),
    key(5, firstMondayOf(year, 5)),
    key(5, lastMondayOf(year, 5)),
    key(8, lastMondayOf(year, 8)),
    ...christmasDays.map((d) => key(12, d)),
  ];
}

/**
 * A year's England and Wales bank holidays as 'YYYY-MM-DD', in date order: the rules, with the
 * one-off changes of the known years.
 */
export function bankHolidaysIn(year: number): string[] {
  const change = ONE_OFF_CHANGES[year];
  if (!change) return bankHolidaysByRule(year);
  const days = new Set(bankHolidaysByRule(year));
  for (const [from, to] of change.moved ?? []) {
    days.delete(from);
    days.add(to);
  }
  for (const d of change.added ?? []) days.add(d);
  return [...days].sort();
}

/** Every bank holiday of the known years (BANK_HOLIDAY_YEARS), as London local dates in date order. */
export const ENGLISH_BANK_HOLIDAYS: readonly string[] = Object.freeze(
  Array.from({ length: BANK_HOLIDAY_YEARS.last - BANK_HOLIDAY_YEARS.first + 1 }, (_, i) => bankHolidaysIn(BANK_HOLIDAY_YEARS.first + i)).flat(),
);

/**
 * Easter Sunday of a Gregorian year as { month, day } (Anonymous Gregorian algorithm,
 * a.k.a. Meeus/Jones/Butcher).
 */
export function easterSunday(year: number): { month: number; day: number } {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { month, day };
}

/** Day number of a 'YYYY-MM-DD' key (trusted input from the lists above). */
function dayNumberOfKey(key: string): number {
  return Date.UTC(Number(key.slice(0, 4)), Number(key.slice(5, 7)) - 1, Number(key.slice(8, 10))) / DAY;
}

// Pure memo: year -> its bank holidays as day numbers (worked out once a year is first asked about).
const holidayDaysByYear = new Map<number, ReadonlySet<number>>();

function isBankHolidayDayNumber(days: number): boolean {
  const year = civilFromDays(days).year;
  let set = holidayDaysByYear.get(year);
  if (set === undefined) {
    set = new Set(bankHolidaysIn(year).map(dayNumberOfKey));
    holidayDaysByYear.set(year, set);
  }
  return set.has(days);
}

function isWorkingDayNumber(days: number): boolean {
  const wd = weekdayOfDayNumber(days);
  return wd !== 0 && wd !== 6 && !isBankHolidayDayNumber(days);
}

/** Whether t's London local date is an England and Wales bank holiday (see `bankHolidaysIn`). */
export function isBankHoliday(t: Instant): boolean {
  return isBankHolidayDayNumber(localDayNumber(t));
}

/** Whether t's London local date is Monday to Friday and not a bank holiday. */
export function isWorkingDay(t: Instant): boolean {
  return isWorkingDayNumber(localDayNumber(t));
}

// ---------------------------------------------------------------------------------------------
// SPA opening hours
// ---------------------------------------------------------------------------------------------

/**
 * The SPA's opening hours, London local time; closed at weekends and on bank holidays, when the
 * emergency duty team (EDT) covers. Source: ../shared/DOMAIN.md, Statutory clocks: council web
 * pages ("open roughly 08:00-17:15 Monday to Thursday and to 17:00 on Friday").
 */
export const SPA_HOURS = Object.freeze({
  open: Object.freeze({ hour: 8, minute: 0 }),
  closeMonThu: Object.freeze({ hour: 17, minute: 15 }),
  closeFri: Object.freeze({ hour: 17, minute: 0 }),
});

const OPEN_MS = SPA_HOURS.open.hour * HOUR + SPA_HOURS.open.minute * MINUTE;
const CLOSE_MON_THU_MS = SPA_HOURS.closeMonThu.hour * HOUR + SPA_HOURS.closeMonThu.minute * MINUTE;
const CLOSE_FRI_MS = SPA_HOURS.closeFri.hour * HOUR + SPA_HOURS.closeFri.minute * MINUTE;

// Pure memo: local day number -> frozen opening hours (or null when closed all day). Day numbers
// 1970-2149 sit in a dense array (an index is several times faster than a Map lookup, and this
// runs for every clock computation); any other day in a small Map.
const HOURS_TABLE_DAYS = 65_536;
const hoursTable: (Readonly<OpeningHours> | null | undefined)[] = new Array(HOURS_TABLE_DAYS).fill(undefined);
// The same, as numbers, for addWorkingMillis's loop (NaN when closed; DAY_KNOWN says filled in).
const OPEN_AT = new Float64Array(HOURS_TABLE_DAYS);
const CLOSE_AT = new Float64Array(HOURS_TABLE_DAYS);
const DAY_KNOWN = new Uint8Array(HOURS_TABLE_DAYS);
// Opening time before each day, summed from day `openBeforeFrom` (valid up to `openBeforeTo`), so
// addWorkingMillis crosses whole days by one subtraction rather than one per day. Every term is
// whole milliseconds, so the sums are exact and the result is the day-by-day loop's to the bit.
const OPEN_BEFORE = new Float64Array(HOURS_TABLE_DAYS + 1);
let openBeforeFrom = -1;
let openBeforeTo = -1;

/** Make `OPEN_BEFORE` valid from day `from` (or earlier) to day `to` (at most HOURS_TABLE_DAYS). */
function openBeforeUpTo(from: number, to: number): void {
  if (openBeforeFrom < 0 || from < openBeforeFrom) {
    openBeforeFrom = from;
    openBeforeTo = from;
    OPEN_BEFORE[from] = 0;
  }
  for (; openBeforeTo < to; openBeforeTo++) {
    const d = openBeforeTo;
    if (DAY_KNOWN[d] === 0) hoursOnDayNumber(d);
    const open = OPEN_AT[d];
    OPEN_BEFORE[d + 1] = OPEN_BEFORE[d] + (open === open ? CLOSE_AT[d] - open : 0);
  }
}
const hoursCache = new Map<number, Readonly<OpeningHours> | null>();
const HOURS_CACHE_LIMIT = 100_000; // cleared (not evicted) if ever exceeded

function hoursOnDayNumber(days: number): Readonly<OpeningHours> | null {
  const inTable = days >= 0 && days < HOURS_TABLE_DAYS;
  const cached = inTable ? hoursTable[days] : hoursCache.get(days);
  if (cached !== undefined) return cached;
  let result: Readonly<OpeningHours> | null = null;
  if (isWorkingDayNumber(days)) {
    const midnight = days * DAY;
    const closeMs = weekdayOfDayNumber(days) === 5 ? CLOSE_FRI_MS : CLOSE_MON_THU_MS;
    result = Object.freeze({ open: fromLocalMs(midnight + OPEN_MS), close: fromLocalMs(midnight + closeMs) });
  }
  if (inTable) {
    hoursTable[days] = result;
    OPEN_AT[days] = result ? result.open : NaN;
    CLOSE_AT[days] = result ? result.close : NaN;
    DAY_KNOWN[days] = 1;
  } else {
    if (hoursCache.size >= HOURS_CACHE_LIMIT) hoursCache.clear();
    hoursCache.set(days, result);
  }
  return result;
}

/**
 * The SPA's opening hours on t's London local date, or null if that is not a working day.
 * The returned object is shared and frozen: do not mutate it.
 */
export function openingHoursOn(t: Instant): OpeningHours | null {
  return hoursOnDayNumber(localDayNumber(t));
}

/** Whether the SPA is open at t (open <= t < close). */
export function isOpen(t: Instant): boolean {
  const h = hoursOnDayNumber(localDayNumber(t));
  return h !== null && t >= h.open && t < h.close;
}

/** Whether t is outside the SPA's opening hours (the EDT covers it). */
export function isOutOfHours(t: Instant): boolean {
  return !isOpen(t);
}

function assertFinite(name: string, t: number): void {
  if (!Number.isFinite(t)) throw new RangeError(`${name}: instant must be a finite number, got ${String(t)}`);
}

/** t if the SPA is open at t, otherwise the next instant at which it opens. */
export function nextOpening(t: Instant): Instant {
  assertFinite('nextOpening', t);
  let days = localDayNumber(t);
  const h = hoursOnDayNumber(days);
  if (h !== null) {
    if (t < h.open) return h.open;
    if (t < h.close) return t;
  }
  // At most a handful of closed days in a row (e.g. Fri 25 Dec 2015 to Mon 28 Dec 2015).
  for (;;) {
    days += 1;
    const next = hoursOnDayNumber(days);
    if (next !== null) return next.open;
  }
}

/** Milliseconds of SPA opening time in [a, b); 0 if b <= a. One step per calendar day. */
export function workingMillisBetween(a: Instant, b: Instant): number {
  if (!(b > a)) return 0;
  assertFinite('workingMillisBetween', a);
  assertFinite('workingMillisBetween', b);
  let total = 0;
  const last = localDayNumber(b);
  for (let days = localDayNumber(a); days <= last; days++) {
    const h = hoursOnDayNumber(days);
    if (h === null) continue;
    const from = a > h.open ? a : h.open;
    const to = b < h.close ? b : h.close;
    if (to > from) total += to - from;
  }
  return total;
}

/**
 * The instant at which `ms` of SPA opening time has passed after t (work starts at the next
 * opening if t is out of hours). The engine uses it for every duration: work pauses overnight,
 * at weekends and on bank holidays. One step per calendar day.
 */
export function addWorkingMillis(t: Instant, ms: number): Instant {
  assertFinite('addWorkingMillis', t);
  if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`addWorkingMillis: ms must be a finite number >= 0, got ${String(ms)}`);
  // The engine calls this for every piece of work: walk the day table as numbers (no objects,
  // no boxed results between calls). The same steps as the general loop below, which covers days
  // outside the table; test/core/calendar.test.ts checks the two agree.
  const first = localDayNumber(t);
  if (first >= 0 && first < HOURS_TABLE_DAYS) {
    // t's own day (t may fall inside its opening hours).
    let left = ms;
    if (DAY_KNOWN[first] === 0) hoursOnDayNumber(first);
    const open = OPEN_AT[first];
    if (open === open) {
      const at = t < open ? open : t;
      const close = CLOSE_AT[first];
      if (at < close) {
        const room = close - at;
        if (left <= room) return at + left;
        left -= room;
      }
    }
    // The days after it, each from its opening: the first day by whose close the opening time
    // since `start` reaches `left` is the day the work ends (a binary search of the sums).
    const start = first + 1;
    if (left > 0 && start < HOURS_TABLE_DAYS) {
      let to = openBeforeTo > start ? openBeforeTo : start;
      openBeforeUpTo(start, to);
      const base = OPEN_BEFORE[start];
      while (OPEN_BEFORE[to] - base < left && to < HOURS_TABLE_DAYS) {
        to = Math.min(HOURS_TABLE_DAYS, to + 64);
        openBeforeUpTo(start, to);
      }
      if (OPEN_BEFORE[to] - base >= left) {
        // The smallest e in (start, to] with OPEN_BEFORE[e] - base >= left; the work ends on day e - 1.
        let lo = start + 1;
        let hi = to;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (OPEN_BEFORE[mid] - base >= left) hi = mid;
          else lo = mid + 1;
        }
        const day = lo - 1;
        return OPEN_AT[day] + (left - (OPEN_BEFORE[day] - base));
      }
    }
  }
  return addWorkingMillisByDay(t, ms);
}

/** addWorkingMillis one opening period at a time, for any day (the reference for the fast path). */
export function addWorkingMillisByDay(t: Instant, ms: number): Instant {
  let at = nextOpening(t);
  let left = ms;
  for (;;) {
    const h = hoursOnDayNumber(localDayNumber(at));
    if (h === null) throw new RangeError('addWorkingMillis: nextOpening returned a closed instant');
    const room = h.close - at;
    if (left <= room) return at + left;
    left -= room;
    at = nextOpening(h.close);
  }
}

/**
 * Fractional working days in [a, b): for each working day, the fraction of that day's opening
 * hours lying in [a, b), summed (a full Friday counts 1, like a full Monday). 0 if b <= a.
 * One step per calendar day, so a year's span is ~365 steps.
 */
export function workingDaysBetween(a: Instant, b: Instant): number {
  if (!(b > a)) return 0;
  assertFinite('workingDaysBetween', a);
  assertFinite('workingDaysBetween', b);
  let total = 0;
  const last = localDayNumber(b);
  let days = localDayNumber(a);
  // The day table as numbers where it reaches (the figures call this for every timescale): the
  // same sums, in the same order, as the loop below, which covers any other day.
  if (days >= 0 && last < HOURS_TABLE_DAYS) {
    for (; days <= last; days++) {
      if (DAY_KNOWN[days] === 0) hoursOnDayNumber(days);
      const open = OPEN_AT[days];
      if (open !== open) continue;
      const close = CLOSE_AT[days];
      const from = a > open ? a : open;
      const to = b < close ? b : close;
      if (to <= from) continue;
      const length = close - open;
      total += to - from === length ? 1 : (to - from) / length;
    }
    return total;
  }
  return workingDaysBetweenByDay(a, b);
}

/**
 * workingDaysBetween one calendar day at a time through the opening hours, for any day: the
 * reference for the day table above, which must give the same sums in the same order (to the bit).
 */
export function workingDaysBetweenByDay(a: Instant, b: Instant): number {
  if (!(b > a)) return 0;
  let total = 0;
  const last = localDayNumber(b);
  for (let days = localDayNumber(a); days <= last; days++) {
    const h = hoursOnDayNumber(days);
    if (h === null) continue;
    const from = a > h.open ? a : h.open;
    const to = b < h.close ? b : h.close;
    if (to <= from) continue;
    const length = h.close - h.open;
    total += to - from === length ? 1 : (to - from) / length;
  }
  return total;
}

/**
 * Start from s = nextOpening(t) and move to the same London clock time on the n-th following
 * working day, clamped to that day's close (Thu 17:10 + 1 -> Fri 17:00). n = 0 returns s.
 * Throws a RangeError unless n is an integer >= 0.
 */
export function addWorkingDays(t: Instant, n: number): Instant {
  if (!Number.isInteger(n) || n < 0) {
    throw new RangeError(`addWorkingDays: n must be an integer >= 0, got ${String(n)}`);
  }
  const s = nextOpening(t);
  if (n === 0) return s;
  const local = toLocalMs(s);
  let days = Math.floor(local / DAY);
  const timeOfDay = local - days * DAY;
  let h: Readonly<OpeningHours> | null = null;
  for (let left = n; left > 0; ) {
    days += 1;
    h = hoursOnDayNumber(days);
    if (h !== null) left -= 1;
  }
  // h is the n-th following working day's hours (n >= 1, so the loop ran and ended on one).
  const hours = h as Readonly<OpeningHours>;
  const target = fromLocalMs(days * DAY + timeOfDay);
  return target < hours.close ? target : hours.close;
}

/**
 * Deadline for a decision "within one working day of receipt": addWorkingDays(receivedAt, 1).
 * Received Fri 16:30 -> Mon 16:30 (Tue if Monday is a bank holiday); received out of hours,
 * e.g. Sat 02:00, the clock starts at the next opening (Mon 08:00) -> due Tue 08:00.
 */
export function dueByOneWorkingDay(receivedAt: Instant): Instant {
  return addWorkingDays(receivedAt, 1);
}

/** The working hours counted as one working day by a clock given in working hours (`dueAfterWorkingHours`). */
export const WORKING_DAY_HOURS = 9;

/**
 * The end of a clock of `hours` working hours from `from` (a chart's own decision clock, meta
 * `clocks.decisionWithinWorkingHours`): each whole 9 hours is one working day (`addWorkingDays`,
 * the same time the next working day, as `dueByOneWorkingDay`), and what is left over is working
 * time (`addWorkingMillis`). So 9 hours is exactly `dueByOneWorkingDay`, 18 two working days, and
 * 13.5 one working day and four and a half working hours.
 */
export function dueAfterWorkingHours(from: Instant, hours: number): Instant {
  if (!Number.isFinite(hours) || hours < 0) throw new RangeError(`dueAfterWorkingHours: hours must be a finite number >= 0, got ${String(hours)}`);
  const days = Math.floor(hours / WORKING_DAY_HOURS);
  const rest = hours - days * WORKING_DAY_HOURS;
  const afterDays = addWorkingDays(from, days);
  return rest > 0 ? addWorkingMillis(afterDays, rest * HOUR) : afterDays;
}

/** Local midnight at the start of t's London date. */
export function startOfLocalDay(t: Instant): Instant {
  return fromLocalMs(localDayNumber(t) * DAY);
}

/**
 * The same London wall-clock time n calendar days later (n may be negative; must be an integer).
 * DST-safe: 12:00 the day before the clocks change + 1 day is 12:00 (23 or 25 real hours later).
 * If the target wall time does not exist or is repeated, `fromLondon`'s rules apply.
 * n = 0 returns t unchanged.
 */
export function addLocalDays(t: Instant, n: number): Instant {
  if (!Number.isInteger(n)) throw new RangeError(`addLocalDays: n must be an integer, got ${String(n)}`);
  if (n === 0) return t;
  const local = toLocalMs(t);
  return fromLocalMs(local + n * DAY);
}
