import { describe, it, expect } from 'vitest';
import { BOUNDS } from '../../src/core/bounds';
import { runYearsProblem, START_YEARS } from '../../src/core/scenario';
import {
  BANK_HOLIDAY_YEARS,
  DAY,
  bankHolidaysIn,
  ENGLISH_BANK_HOLIDAYS,
  HOUR,
  MINUTE,
  SPA_HOURS,
  addLocalDays,
  addWorkingMillis,
  addWorkingMillisByDay,
  atLocalTime,
  addWorkingDays,
  dueByOneWorkingDay,
  easterSunday,
  formatLondon,
  fromLondon,
  isBankHoliday,
  isBritishSummerTime,
  isOpen,
  isOutOfHours,
  isWorkingDay,
  nextOpening,
  openingHoursOn,
  parseLondon,
  startOfLocalDay,
  toLondon,
  workingDaysBetween,
  workingDaysBetweenByDay,
  workingMillisBetween,
} from '../../src/core/calendar';

/** An instant given in UTC, for expectations independent of the module's time-zone logic. */
const utc = (y: number, mo: number, d: number, h = 0, mi = 0): number => Date.UTC(y, mo - 1, d, h, mi);
const L = parseLondon;
const weekdayOfKey = (key: string): number => new Date(`${key}T00:00:00Z`).getUTCDay();
const keyOf = (y: number, mo: number, d: number): string => new Date(Date.UTC(y, mo - 1, d)).toISOString().slice(0, 10);

describe('London time', () => {
  it('switches to BST at 01:00 UTC on the last Sunday of March', () => {
    expect(isBritishSummerTime(utc(2014, 3, 30, 0, 59))).toBe(false);
    expect(isBritishSummerTime(utc(2014, 3, 30, 1, 0))).toBe(true);
  });

  it('switches back to GMT at 01:00 UTC on the last Sunday of October', () => {
    expect(isBritishSummerTime(utc(2013, 10, 27, 0, 59))).toBe(true);
    expect(isBritishSummerTime(utc(2013, 10, 27, 1, 0))).toBe(false);
  });

  it('reads London time as UTC in winter and UTC+1 in summer', () => {
    expect(toLondon(utc(2013, 1, 15, 12, 0))).toMatchObject({ hour: 12, minute: 0 });
    expect(toLondon(utc(2013, 7, 15, 12, 0))).toMatchObject({ hour: 13, minute: 0 });
  });

  it('gives the local date, weekday and date key', () => {
    expect(toLondon(utc(2014, 3, 28, 16, 30))).toEqual({
      year: 2014, month: 3, day: 28, hour: 16, minute: 30, weekday: 5, dateKey: '2014-03-28',
    });
  });

  it('rolls the local date over at local midnight in summer, not UTC midnight', () => {
    expect(toLondon(utc(2013, 6, 30, 23, 30))).toMatchObject({ dateKey: '2013-07-01', hour: 0, minute: 30, weekday: 1 });
  });

  it('jumps the clock from 01:00 GMT to 02:00 BST when the clocks go forward on 30 March 2014', () => {
    expect(formatLondon(utc(2014, 3, 30, 0, 59))).toBe('2014-03-30 00:59');
    expect(formatLondon(utc(2014, 3, 30, 1, 0))).toBe('2014-03-30 02:00');
  });

  it('shows 01:30 twice when the clocks go back on 27 October 2013', () => {
    expect(formatLondon(utc(2013, 10, 27, 0, 30))).toBe('2013-10-27 01:30');
    expect(formatLondon(utc(2013, 10, 27, 1, 30))).toBe('2013-10-27 01:30');
  });

  it('moves the missing hour forward: 01:30 on 30 March 2014 becomes 02:30 BST', () => {
    const t = fromLondon(2014, 3, 30, 1, 30);
    expect(t).toBe(utc(2014, 3, 30, 1, 30));
    expect(formatLondon(t)).toBe('2014-03-30 02:30');
  });

  it('takes the first (BST) occurrence of the repeated hour when the clocks go back', () => {
    expect(fromLondon(2013, 10, 27, 1, 30)).toBe(utc(2013, 10, 27, 0, 30));
    expect(fromLondon(2013, 10, 27, 2, 0)).toBe(utc(2013, 10, 27, 2, 0));
  });

  it('round-trips every quarter hour of 2013 and 2014 through toLondon and fromLondon', () => {
    let mismatches = 0;
    for (let t = utc(2013, 1, 1); t < utc(2015, 1, 1); t += 15 * MINUTE) {
      const l = toLondon(t);
      const back = fromLondon(l.year, l.month, l.day, l.hour, l.minute);
      // The second (GMT) pass through the repeated hour maps to its first (BST) occurrence.
      const expected = !isBritishSummerTime(t) && isBritishSummerTime(t - HOUR) ? t - HOUR : t;
      if (back !== expected) mismatches++;
    }
    expect(mismatches).toBe(0);
  });

  it('parses a date as local midnight and a date-time as local wall time', () => {
    expect(parseLondon('2013-07-01')).toBe(utc(2013, 6, 30, 23, 0));
    expect(parseLondon('2013-01-15T09:45')).toBe(utc(2013, 1, 15, 9, 45));
  });

  it('rejects the non-date 2013-02-30 with a message naming the value', () => {
    expect(() => parseLondon('2013-02-30')).toThrow(/2013-02-30/);
  });

  it('rejects free text such as "tomorrow" with a message naming the value', () => {
    expect(() => parseLondon('tomorrow')).toThrow(/tomorrow/);
  });

  it.each(['2013-13-01', '2013-00-10', '2013-01-15T24:00', '2013-01-15T10:60', '2013-1-5', '2013-01-15 10:00', ''])(
    'rejects the malformed value %j',
    (bad) => {
      expect(() => parseLondon(bad)).toThrow(Error);
    },
  );

  it('accepts 29 February in a leap year only', () => {
    expect(formatLondon(parseLondon('2016-02-29'))).toBe('2016-02-29 00:00');
    expect(() => parseLondon('2015-02-29')).toThrow(/2015-02-29/);
  });

  it('formats instants as London local YYYY-MM-DD HH:MM', () => {
    expect(formatLondon(utc(2013, 8, 5, 8, 5))).toBe('2013-08-05 09:05');
    expect(formatLondon(utc(2013, 12, 5, 8, 5))).toBe('2013-12-05 08:05');
  });

  it('finds local midnight of a summer date at 23:00 UTC the day before', () => {
    expect(startOfLocalDay(L('2013-07-01T15:20'))).toBe(utc(2013, 6, 30, 23, 0));
  });

  it('adds calendar days at the same wall time across the spring change (23 real hours)', () => {
    const sat = L('2014-03-29T12:00');
    const sun = addLocalDays(sat, 1);
    expect(formatLondon(sun)).toBe('2014-03-30 12:00');
    expect(sun - sat).toBe(23 * HOUR);
  });

  it('adds calendar days at the same wall time across the autumn change (25 real hours)', () => {
    const sat = L('2013-10-26T12:00');
    const sun = addLocalDays(sat, 1);
    expect(formatLondon(sun)).toBe('2013-10-27 12:00');
    expect(sun - sat).toBe(25 * HOUR);
  });

  it('subtracts calendar days with a negative count', () => {
    expect(formatLondon(addLocalDays(L('2014-04-02T09:30'), -7))).toBe('2014-03-26 09:30');
  });
});

describe('English bank holidays 2012-2016', () => {
  /** The years of the sources, checked against rules written again here, apart from the module's. */
  const HOLIDAYS_2012_2016 = ENGLISH_BANK_HOLIDAYS.filter((k) => k >= '2012-01-01' && k <= '2016-12-31');
  const knownEasterSundays: Record<number, string> = {
    2012: '2012-04-08', 2013: '2013-03-31', 2014: '2014-04-20', 2015: '2015-04-05', 2016: '2016-03-27',
  };

  /** The list rebuilt from the rules of the Banking and Financial Dealings Act 1971 and the 2012 proclamations. */
  function ruleBasedHolidays(year: number): string[] {
    const wd = (m: number, d: number): number => new Date(Date.UTC(year, m - 1, d)).getUTCDay();
    const firstMonday = (m: number): number => {
      let d = 1;
      while (wd(m, d) !== 1) d++;
      return d;
    };
    const lastMonday = (m: number): number => {
      let d = new Date(Date.UTC(year, m, 0)).getUTCDate();
      while (wd(m, d) !== 1) d--;
      return d;
    };
    const e = easterSunday(year);
    const easter = Date.UTC(year, e.month - 1, e.day);
    const iso = (t: number): string => new Date(t).toISOString().slice(0, 10);
    const newYear = wd(1, 1) === 6 ? 3 : wd(1, 1) === 0 ? 2 : 1;
    const xmas = wd(12, 25);
    const christmas = xmas === 6 ? [27, 28] : xmas === 0 ? [26, 27] : xmas === 5 ? [25, 28] : [25, 26];
    const spring = year === 2012 ? [keyOf(2012, 6, 4), keyOf(2012, 6, 5)] : [keyOf(year, 5, lastMonday(5))];
    return [
      keyOf(year, 1, newYear),
      iso(easter - 2 * DAY),
      iso(easter + DAY),
      keyOf(year, 5, firstMonday(5)),
      ...spring,
      keyOf(year, 8, lastMonday(8)),
      ...christmas.map((d) => keyOf(year, 12, d)),
    ];
  }

  it('computes the known Easter Sundays with the Anonymous Gregorian algorithm', () => {
    for (const [year, key] of Object.entries(knownEasterSundays)) {
      const e = easterSunday(Number(year));
      expect(keyOf(Number(year), e.month, e.day)).toBe(key);
      expect(weekdayOfKey(key)).toBe(0);
    }
  });

  it('matches the list rebuilt from the statutory rules, in date order', () => {
    const rebuilt = [2012, 2013, 2014, 2015, 2016].flatMap(ruleBasedHolidays);
    expect([...HOLIDAYS_2012_2016]).toEqual(rebuilt);
  });

  it('puts every listed bank holiday on its expected weekday', () => {
    for (const key of HOLIDAYS_2012_2016) {
      const [y, m, d] = key.split('-').map(Number);
      const e = easterSunday(y);
      const easter = Date.UTC(y, e.month - 1, e.day);
      const t = Date.UTC(y, m - 1, d);
      let expected: number[];
      if (t === easter - 2 * DAY) expected = [5]; // Good Friday
      else if (key === '2012-06-05') expected = [2]; // Diamond Jubilee, Tuesday
      else if (m === 12 && (d === 25 || d === 26)) expected = [1, 2, 3, 4, 5]; // on their own dates when a weekday
      else if (m === 12) expected = [1, 2]; // substitute Monday or Tuesday (27, 28 Dec)
      else if (m === 1 && d === 1) expected = [1, 2, 3, 4, 5];
      else expected = [1]; // Easter Monday, the May and August holidays, New Year substitute
      expect(expected, `${key} falls on weekday ${weekdayOfKey(key)}`).toContain(weekdayOfKey(key));
    }
  });

  it('has no bank holiday at a weekend', () => {
    for (const key of HOLIDAYS_2012_2016) {
      expect([0, 6], key).not.toContain(weekdayOfKey(key));
    }
  });

  it('has 8 bank holidays a year except 9 in 2012', () => {
    const perYear = new Map<string, number>();
    for (const key of HOLIDAYS_2012_2016) perYear.set(key.slice(0, 4), (perYear.get(key.slice(0, 4)) ?? 0) + 1);
    expect(Object.fromEntries(perYear)).toEqual({ 2012: 9, 2013: 8, 2014: 8, 2015: 8, 2016: 8 });
  });

  it('lists no date twice', () => {
    expect(new Set(HOLIDAYS_2012_2016).size).toBe(HOLIDAYS_2012_2016.length);
  });

  it('includes Good Friday and Easter Monday for every year', () => {
    for (const key of Object.values(knownEasterSundays)) {
      const easter = Date.parse(`${key}T00:00:00Z`);
      expect(HOLIDAYS_2012_2016).toContain(new Date(easter - 2 * DAY).toISOString().slice(0, 10));
      expect(HOLIDAYS_2012_2016).toContain(new Date(easter + DAY).toISOString().slice(0, 10));
    }
  });

  it('moves the 2012 Spring bank holiday to Mon 4 June and adds the Diamond Jubilee on Tue 5 June', () => {
    expect(isBankHoliday(L('2012-06-04T12:00'))).toBe(true);
    expect(isBankHoliday(L('2012-06-05T12:00'))).toBe(true);
    expect(isWorkingDay(L('2012-05-28T12:00'))).toBe(true);
  });

  it('substitutes Mon 28 December 2015 for Boxing Day falling on a Saturday', () => {
    expect(isBankHoliday(L('2015-12-25T12:00'))).toBe(true);
    expect(isBankHoliday(L('2015-12-26T12:00'))).toBe(false);
    expect(isBankHoliday(L('2015-12-28T12:00'))).toBe(true);
    expect(isWorkingDay(L('2015-12-29T12:00'))).toBe(true);
  });

  it('keeps Boxing Day on Mon 26 December 2016 and substitutes Tue 27 December for Christmas on a Sunday', () => {
    expect(isBankHoliday(L('2016-12-25T12:00'))).toBe(false);
    expect(isBankHoliday(L('2016-12-26T12:00'))).toBe(true);
    expect(isBankHoliday(L('2016-12-27T12:00'))).toBe(true);
    expect(isWorkingDay(L('2016-12-28T12:00'))).toBe(true);
  });

  it('judges a bank holiday by the London local date, not the UTC date', () => {
    // 23:30 UTC on Sun 24 Aug 2014 is 00:30 BST on Mon 25 Aug 2014, the Summer bank holiday.
    expect(isBankHoliday(utc(2014, 8, 24, 23, 30))).toBe(true);
  });

  it('treats weekdays as working days and weekends and bank holidays as not', () => {
    expect(isWorkingDay(L('2013-06-12T12:00'))).toBe(true);
    expect(isWorkingDay(L('2013-06-15T12:00'))).toBe(false);
    expect(isWorkingDay(L('2013-06-16T12:00'))).toBe(false);
    expect(isWorkingDay(L('2013-08-26T12:00'))).toBe(false);
  });
});

describe('England and Wales bank holidays in every year a run can reach', () => {
  /** GOV.UK's published lists (www.gov.uk/bank-holidays and its archive), typed in by hand: the one-off years and a few ordinary ones. */
  const PUBLISHED: Record<number, string[]> = {
    1999: ['1999-01-01', '1999-04-02', '1999-04-05', '1999-05-03', '1999-05-31', '1999-08-30', '1999-12-27', '1999-12-28', '1999-12-31'],
    2002: ['2002-01-01', '2002-03-29', '2002-04-01', '2002-05-06', '2002-06-03', '2002-06-04', '2002-08-26', '2002-12-25', '2002-12-26'],
    2010: ['2010-01-01', '2010-04-02', '2010-04-05', '2010-05-03', '2010-05-31', '2010-08-30', '2010-12-27', '2010-12-28'],
    2011: ['2011-01-03', '2011-04-22', '2011-04-25', '2011-04-29', '2011-05-02', '2011-05-30', '2011-08-29', '2011-12-26', '2011-12-27'],
    2017: ['2017-01-02', '2017-04-14', '2017-04-17', '2017-05-01', '2017-05-29', '2017-08-28', '2017-12-25', '2017-12-26'],
    2020: ['2020-01-01', '2020-04-10', '2020-04-13', '2020-05-08', '2020-05-25', '2020-08-31', '2020-12-25', '2020-12-28'],
    2021: ['2021-01-01', '2021-04-02', '2021-04-05', '2021-05-03', '2021-05-31', '2021-08-30', '2021-12-27', '2021-12-28'],
    2022: ['2022-01-03', '2022-04-15', '2022-04-18', '2022-05-02', '2022-06-02', '2022-06-03', '2022-08-29', '2022-09-19', '2022-12-26', '2022-12-27'],
    2023: ['2023-01-02', '2023-04-07', '2023-04-10', '2023-05-01', '2023-05-08', '2023-05-29', '2023-08-28', '2023-12-25', '2023-12-26'],
    2026: ['2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28'],
  };

  it.each(Object.keys(PUBLISHED).map(Number))('gives GOV.UK\u2019s list for %i', (year) => {
    expect(bankHolidaysIn(year)).toEqual(PUBLISHED[year]);
    for (const key of PUBLISHED[year]) expect(isBankHoliday(L(`${key}T12:00`)), key).toBe(true);
  });

  it('gives every known year 8 bank holidays, more only in the years of a proclamation, none at a weekend', () => {
    for (let year = BANK_HOLIDAY_YEARS.first; year <= BANK_HOLIDAY_YEARS.last; year++) {
      const days = bankHolidaysIn(year);
      const extra = ({ 1999: 1, 2002: 1, 2011: 1, 2012: 1, 2022: 2, 2023: 1 } as Record<number, number>)[year] ?? 0;
      expect(days, String(year)).toHaveLength(8 + extra);
      for (const key of days) expect([0, 6], key).not.toContain(weekdayOfKey(key));
      expect(days.every((k) => k.startsWith(String(year)))).toBe(true);
    }
  });

  it('lists every known year\u2019s days, in date order, once each', () => {
    expect(ENGLISH_BANK_HOLIDAYS[0]).toBe('1996-01-01');
    expect(ENGLISH_BANK_HOLIDAYS.at(-1)!.slice(0, 4)).toBe(String(BANK_HOLIDAY_YEARS.last));
    expect([...ENGLISH_BANK_HOLIDAYS]).toEqual([...new Set(ENGLISH_BANK_HOLIDAYS)].sort());
  });

  it('closes the front door on bank holidays after 2016 and before 2012, where it used to see only weekends', () => {
    expect(isWorkingDay(L('2017-12-26T12:00'))).toBe(false);
    expect(isWorkingDay(L('2011-04-29T12:00'))).toBe(false); // the royal wedding
    expect(openingHoursOn(L('2026-08-31T12:00'))).toBeNull();
    expect(dueByOneWorkingDay(L('2022-09-16T10:00'))).toBe(L('2022-09-20T10:00')); // past the state funeral
  });

  it('covers every year the furthest runs the schema allows can reach', () => {
    const earliest = addLocalDays(L(`${START_YEARS.first}-01-01`), -BOUNDS.warmUpDays.max);
    const latest = addLocalDays(L(`${START_YEARS.last}-12-31`), BOUNDS.days.max);
    expect(toLondon(earliest).year).toBeGreaterThanOrEqual(BANK_HOLIDAY_YEARS.first);
    expect(toLondon(latest).year).toBeLessThanOrEqual(BANK_HOLIDAY_YEARS.last);
    expect(runYearsProblem({ start: `${START_YEARS.first}-01-01`, warmUpDays: BOUNDS.warmUpDays.max, days: 1 })).toBeNull();
    expect(runYearsProblem({ start: `${START_YEARS.last}-12-31`, warmUpDays: 0, days: BOUNDS.days.max })).toBeNull();
  });

  it('refuses a run that would leave the known years, naming the field', () => {
    expect(runYearsProblem({ start: '2016-12-31', warmUpDays: 0, days: 4500 })).toEqual({ field: 'days', rule: `take the run to 2029; a run must lie within ${BANK_HOLIDAY_YEARS.first}-${BANK_HOLIDAY_YEARS.last}, the years whose bank holidays are known` });
    expect(runYearsProblem({ start: '1996-03-01', warmUpDays: 366, days: 1 })?.field).toBe('warmUpDays');
  });
});

describe('SPA opening hours', () => {
  it('cites 08:00-17:15 Monday to Thursday and 08:00-17:00 Friday', () => {
    expect(SPA_HOURS).toEqual({ open: { hour: 8, minute: 0 }, closeMonThu: { hour: 17, minute: 15 }, closeFri: { hour: 17, minute: 0 } });
  });

  it('opens 08:00-17:15 on a Thursday', () => {
    expect(openingHoursOn(L('2013-06-13T03:00'))).toEqual({ open: L('2013-06-13T08:00'), close: L('2013-06-13T17:15') });
  });

  it('opens 08:00-17:00 on a Friday', () => {
    expect(openingHoursOn(L('2013-06-14T22:00'))).toEqual({ open: L('2013-06-14T08:00'), close: L('2013-06-14T17:00') });
  });

  it('has no opening hours on a Saturday or a bank holiday', () => {
    expect(openingHoursOn(L('2013-06-15T12:00'))).toBeNull();
    expect(openingHoursOn(L('2013-12-25T12:00'))).toBeNull();
  });

  it('is open from 08:00 inclusive to 17:15 exclusive Monday to Thursday', () => {
    expect(isOpen(L('2013-06-10T07:59'))).toBe(false);
    expect(isOpen(L('2013-06-10T08:00'))).toBe(true);
    expect(isOpen(L('2013-06-10T17:14'))).toBe(true);
    expect(isOpen(L('2013-06-10T17:15'))).toBe(false);
  });

  it('closes at 17:00 on a Friday', () => {
    expect(isOpen(L('2013-06-14T16:59'))).toBe(true);
    expect(isOpen(L('2013-06-14T17:00'))).toBe(false);
  });

  it('is out of hours on a weekend night, when the EDT covers', () => {
    expect(isOutOfHours(L('2013-06-08T02:00'))).toBe(true);
  });

  it('is out of hours all day on a bank holiday', () => {
    expect(isOutOfHours(L('2014-08-25T10:00'))).toBe(true);
  });

  it('returns the instant itself as the next opening while open', () => {
    const t = L('2013-06-12T11:11');
    expect(nextOpening(t)).toBe(t);
  });

  it('opens next at 08:00 the same day when asked early in the morning', () => {
    expect(nextOpening(L('2013-06-12T06:00'))).toBe(L('2013-06-12T08:00'));
  });

  it('opens next on Tue 29 December 2015 after closing on Christmas Eve', () => {
    expect(nextOpening(L('2015-12-24T17:30'))).toBe(L('2015-12-29T08:00'));
  });

  it('rejects a non-finite instant rather than looping', () => {
    expect(() => nextOpening(Number.NaN)).toThrow(RangeError);
  });
});

describe('one working day decision clock', () => {
  it('makes a Friday 16:30 contact due on Monday at 16:30', () => {
    expect(dueByOneWorkingDay(L('2013-06-07T16:30'))).toBe(L('2013-06-10T16:30'));
  });

  it('makes a contact on Fri 22 Aug 2014 16:30 due Tue 26 Aug 16:30, past the summer bank holiday', () => {
    expect(dueByOneWorkingDay(L('2014-08-22T16:30'))).toBe(L('2014-08-26T16:30'));
  });

  it('makes a contact on Thu 28 March 2013 10:00 due Tue 2 April 10:00, past Good Friday and Easter Monday', () => {
    expect(dueByOneWorkingDay(L('2013-03-28T10:00'))).toBe(L('2013-04-02T10:00'));
  });

  it('treats a Saturday 02:00 police notification as out of hours', () => {
    expect(isOutOfHours(L('2013-06-08T02:00'))).toBe(true);
  });

  it('starts the clock for a Saturday 02:00 notification at Monday 08:00', () => {
    expect(nextOpening(L('2013-06-08T02:00'))).toBe(L('2013-06-10T08:00'));
  });

  it('makes a Saturday 02:00 notification due on Tuesday at 08:00', () => {
    expect(dueByOneWorkingDay(L('2013-06-08T02:00'))).toBe(L('2013-06-11T08:00'));
  });

  it('makes a Tuesday 23:00 notification out of hours, starting Wednesday 08:00 and due Thursday 08:00', () => {
    const t = L('2013-06-11T23:00');
    expect(isOutOfHours(t)).toBe(true);
    expect(nextOpening(t)).toBe(L('2013-06-12T08:00'));
    expect(dueByOneWorkingDay(t)).toBe(L('2013-06-13T08:00'));
  });

  it('makes a Fri 28 March 2014 16:30 GMT contact due Mon 31 March 16:30 BST, 71 real hours later', () => {
    const received = L('2014-03-28T16:30');
    const due = dueByOneWorkingDay(received);
    expect(received).toBe(utc(2014, 3, 28, 16, 30));
    expect(due).toBe(utc(2014, 3, 31, 15, 30));
    expect(formatLondon(due)).toBe('2014-03-31 16:30');
    expect(due - received).toBe(71 * HOUR);
  });

  it('makes a Fri 24 Oct 2014 16:30 BST contact due Mon 27 Oct 16:30 GMT, 73 real hours later', () => {
    const received = L('2014-10-24T16:30');
    const due = dueByOneWorkingDay(received);
    expect(received).toBe(utc(2014, 10, 24, 15, 30));
    expect(due).toBe(utc(2014, 10, 27, 16, 30));
    expect(due - received).toBe(73 * HOUR);
  });

  it('clamps a Thursday 17:10 contact to Friday 17:00 when Friday closes earlier', () => {
    expect(dueByOneWorkingDay(L('2013-06-13T17:10'))).toBe(L('2013-06-14T17:00'));
  });

  it('returns the next opening when adding zero working days', () => {
    expect(addWorkingDays(L('2013-06-08T02:00'), 0)).toBe(L('2013-06-10T08:00'));
  });

  it('reaches 45 working days from Mon 3 June 2013 09:00 on Mon 5 August 2013 09:00', () => {
    expect(addWorkingDays(L('2013-06-03T09:00'), 45)).toBe(L('2013-08-05T09:00'));
  });

  it('skips the whole 2015 Christmas closure when adding working days', () => {
    expect(addWorkingDays(L('2015-12-24T10:00'), 1)).toBe(L('2015-12-29T10:00'));
  });

  it('rejects a negative or fractional number of working days', () => {
    expect(() => addWorkingDays(L('2013-06-10T09:00'), -1)).toThrow(RangeError);
    expect(() => addWorkingDays(L('2013-06-10T09:00'), 1.5)).toThrow(RangeError);
  });
});

describe('working time between two instants', () => {
  it('counts 2 hours from Friday 16:00 to Monday 09:00 (1h Friday + 1h Monday)', () => {
    expect(workingMillisBetween(L('2013-06-07T16:00'), L('2013-06-10T09:00'))).toBe(2 * HOUR);
  });

  it('counts nothing when the end is not after the start', () => {
    expect(workingMillisBetween(L('2013-06-10T12:00'), L('2013-06-10T12:00'))).toBe(0);
    expect(workingMillisBetween(L('2013-06-10T12:00'), L('2013-06-10T09:00'))).toBe(0);
    expect(workingDaysBetween(L('2013-06-10T12:00'), L('2013-06-10T09:00'))).toBe(0);
  });

  it('counts one full week as 5 working days', () => {
    expect(workingDaysBetween(L('2013-06-03'), L('2013-06-10'))).toBe(5);
  });

  it('counts a week containing a bank holiday Monday as 4 working days', () => {
    expect(workingDaysBetween(L('2013-08-26'), L('2013-09-02'))).toBe(4);
  });

  it('counts half of a Monday as half a working day', () => {
    // Monday opening is 9h15m; half of it is 4h37m30s.
    expect(workingDaysBetween(L('2013-06-10T08:00'), L('2013-06-10T08:00') + 4 * HOUR + 37.5 * MINUTE)).toBe(0.5);
  });

  it('counts one working day from Monday 09:00 to Tuesday 09:00', () => {
    expect(workingDaysBetween(L('2013-06-10T09:00'), L('2013-06-11T09:00'))).toBeCloseTo(1, 12);
  });

  it('counts 253 working days in 2013', () => {
    expect(workingDaysBetween(L('2013-01-01'), L('2014-01-01'))).toBe(253);
  });

  it('agrees with a day-by-day count of weekdays less bank holidays over 2012-2016', () => {
    const holidays = new Set(ENGLISH_BANK_HOLIDAYS);
    let expected = 0;
    for (let t = Date.UTC(2012, 0, 1); t < Date.UTC(2017, 0, 1); t += DAY) {
      const key = new Date(t).toISOString().slice(0, 10);
      const wd = new Date(t).getUTCDay();
      if (wd !== 0 && wd !== 6 && !holidays.has(key)) expected++;
    }
    expect(workingDaysBetween(L('2012-01-01'), L('2017-01-01'))).toBe(expected);
  });

  it('measures the opening time of a week as four 9h15m days and a 9h Friday', () => {
    const ms = workingMillisBetween(L('2013-06-03'), L('2013-06-10'));
    expect(ms).toBe(4 * (9 * HOUR + 15 * MINUTE) + 9 * HOUR);
  });
  it('sums the same fractions of working days in the same order as the day-by-day walk, workingDaysBetweenByDay (to the bit)', () => {
    // Deliberately the same arithmetic: the day table is a faster path through the same sums. The
    // walk itself is checked against an independent minute-by-minute count below.
    const reference = workingDaysBetweenByDay;
    let x = 4242;
    const rand = () => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const from = L('2005-01-01');
    const span = L('2025-12-31') - from;
    for (let k = 0; k < 2_000; k++) {
      const a = from + rand() * span;
      const b = a + (k % 4 === 0 ? rand() * 400 : rand() * 20) * 86_400_000;
      expect(workingDaysBetween(a, b)).toBe(reference(a, b));
    }
  });
});

describe('atLocalTime', () => {
  it('is fromLondon on the same London date, on ordinary days and both clock-change days', () => {
    for (const [y, m, d] of [[2013, 6, 5], [2014, 3, 30], [2014, 10, 26], [2015, 12, 25]]) {
      for (const [h, min] of [[0, 0], [0, 59], [1, 30], [2, 0], [8, 0], [23, 59]]) {
        const noon = fromLondon(y, m, d, 12, 0);
        expect(atLocalTime(noon, h, min)).toBe(fromLondon(y, m, d, h, min));
        expect(atLocalTime(fromLondon(y, m, d, 0, 0), h, min)).toBe(fromLondon(y, m, d, h, min));
      }
    }
  });
});

describe('addWorkingMillis', () => {
  it('pauses work overnight: two working hours from Thursday 16:15 end Friday 09:00', () => {
    expect(formatLondon(addWorkingMillis(L('2013-06-06T16:15'), 2 * HOUR))).toBe('2013-06-07 09:00');
  });
  it('starts out-of-hours work at the next opening: one hour from Saturday 02:00 ends Monday 09:00', () => {
    expect(formatLondon(addWorkingMillis(L('2013-06-08T02:00'), HOUR))).toBe('2013-06-10 09:00');
  });
  it('skips a bank holiday Monday', () => {
    expect(formatLondon(addWorkingMillis(L('2014-08-22T16:30'), HOUR))).toBe('2014-08-26 08:30');
  });
  it('is the inverse of workingMillisBetween from an open instant', () => {
    const a = L('2013-03-28T10:00');
    const b = addWorkingMillis(a, 40 * HOUR);
    expect(workingMillisBetween(a, b)).toBe(40 * HOUR);
  });
  it('walks its day table to the same instant as the day-by-day reference (2012-2017, both clock changes, every boundary)', () => {
    // Instants on a 7-minute grid from 2012 to 2017 (every time of day and weekday, the clock
    // changes and bank holidays), durations of 0, exact boundaries (a whole 9h15m day, 9h
    // Friday) and random lengths up to 300 working hours.
    const durations = [0, 1, 60_000, 9 * HOUR, 9 * HOUR + 15 * MINUTE, 18 * HOUR + 15 * MINUTE, 300 * HOUR];
    let x = 12345;
    const rand = () => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 2 ** 32);
    let checked = 0;
    for (let t = L('2012-01-01'); t < L('2017-12-31'); t += 7 * MINUTE * 97) {
      for (const ms of [...durations, Math.round(rand() * 300 * HOUR)]) {
        expect(addWorkingMillis(t, ms)).toBe(addWorkingMillisByDay(t, ms));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(30_000);
  });
  it('gives the reference instant to the bit for fractional instants and durations, long spans, and instants in any order', () => {
    // Its sums of opening time start at the first day asked about and are rebuilt for an earlier
    // one: random instants from 1995 to 2030 in random order, fractional milliseconds, up to
    // 3,000 working hours (about a year of working days).
    let x = 987;
    const rand = () => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const from = L('1995-01-01');
    const span = L('2030-12-31') - from;
    for (let k = 0; k < 5_000; k++) {
      const t = from + rand() * span;
      const ms = k % 3 === 0 ? rand() * 3_000 * HOUR : Math.round(rand() * 40 * HOUR);
      expect(addWorkingMillis(t, ms)).toBe(addWorkingMillisByDay(t, ms));
    }
  });
});

/**
 * An oracle that shares nothing with the module but its figures (SPA_HOURS, the bank holidays):
 * London wall-clock time from the platform's time-zone database (Intl), and working time counted
 * a minute at a time. Only for instants and durations on a whole-minute grid.
 */
describe('the day-by-day walks against a minute-by-minute count', () => {
  const wall = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', weekday: 'short' });
  const holidays = new Set(ENGLISH_BANK_HOLIDAYS);
  const hm = (x: { hour: number; minute: number }) => x.hour * 60 + x.minute;
  const OPEN = hm(SPA_HOURS.open);
  // London is a whole number of hours from UTC, so one UTC hour is one London hour of one date.
  const hours = new Map<number, { date: string; weekday: string; minuteOfDay: number }>();
  const londonAt = (t: number) => {
    const start = Math.floor(t / HOUR) * HOUR;
    let h = hours.get(start);
    if (!h) {
      const p = Object.fromEntries(wall.formatToParts(start).map((x) => [x.type, x.value]));
      h = { date: `${p.year}-${p.month}-${p.day}`, weekday: p.weekday, minuteOfDay: Number(p.hour) * 60 + Number(p.minute) };
      hours.set(start, h);
    }
    return { ...h, minuteOfDay: h.minuteOfDay + (t - start) / MINUTE };
  };
  const closeOn = (weekday: string) => hm(weekday === 'Fri' ? SPA_HOURS.closeFri : SPA_HOURS.closeMonThu);
  const openMinute = (t: number): boolean => {
    const l = londonAt(t);
    if (l.weekday === 'Sat' || l.weekday === 'Sun' || holidays.has(l.date)) return false;
    return l.minuteOfDay >= OPEN && l.minuteOfDay < closeOn(l.weekday);
  };
  /** Skip closed minutes to the first open one, then count `ms` of open minutes; end where the last one ends. */
  const addByMinutes = (t: number, ms: number): number => {
    let m = t;
    let left = ms / MINUTE;
    while (!openMinute(m)) m += MINUTE;
    while (left > 0) {
      while (!openMinute(m)) m += MINUTE;
      m += MINUTE;
      left--;
    }
    return m;
  };
  /** Each open minute in [a, b) counts as one part in that day's number of open minutes. */
  const daysByMinutes = (a: number, b: number): number => {
    let total = 0;
    for (let m = a; m < b; m += MINUTE) if (openMinute(m)) total += 1 / (closeOn(londonAt(m).weekday) - OPEN);
    return total;
  };

  let x = 2024;
  const rand = () => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const onMinute = (t: number) => Math.floor(t / MINUTE) * MINUTE;
  // Random instants from 2012 to 2017, and instants around both clock changes, Easter and Christmas.
  const starts = [
    ...Array.from({ length: 150 }, () => onMinute(L('2012-01-01') + rand() * (L('2017-12-31') - L('2012-01-01')))),
    ...['2013-03-29', '2013-10-25', '2014-03-28', '2014-10-24', '2015-12-23', '2016-03-24', '2014-08-22'].flatMap((d) =>
      [0, 7 * 60 + 59, 8 * 60, 12 * 60 + 31, 16 * 60 + 59, 17 * 60 + 14, 17 * 60 + 15, 23 * 60 + 59].map((min) => L(d) + min * MINUTE),
    ),
  ];

  it('addWorkingMillisByDay (and addWorkingMillis) end where counting open minutes ends', () => {
    for (const t of starts) {
      for (const ms of [0, MINUTE, 59 * MINUTE, 9 * HOUR, 9 * HOUR + 15 * MINUTE, Math.round(rand() * 30 * 60) * MINUTE]) {
        const expected = addByMinutes(t, ms);
        expect(formatLondon(addWorkingMillisByDay(t, ms)), `${formatLondon(t)} + ${ms / MINUTE} min`).toBe(formatLondon(expected));
        expect(addWorkingMillisByDay(t, ms)).toBe(expected);
        expect(addWorkingMillis(t, ms)).toBe(expected);
      }
    }
  });

  it('workingDaysBetweenByDay (and workingDaysBetween) is the count of open minutes, each a share of its day', () => {
    for (const a of starts) {
      const b = a + Math.round(rand() * 6 * 24 * 60) * MINUTE;
      const expected = daysByMinutes(a, b);
      expect(workingDaysBetweenByDay(a, b), `${formatLondon(a)} to ${formatLondon(b)}`).toBeCloseTo(expected, 9);
      expect(workingDaysBetween(a, b)).toBeCloseTo(expected, 9);
    }
  });
});
