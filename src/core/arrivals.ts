/**
 * The stream of contacts: who is contacted about, by whom, when. Generated before the run from
 * its own named random streams, so the 2013 and 2015 processes meet the same children at the
 * same instants (common random numbers; ../shared/STYLE.md "Randomness is explicit").
 *
 * Sources and assumptions:
 *  - level mix and source mix come from the scenario (DOMAIN.md "Figures for calibration":
 *    police about 24-26%, schools 13-15%, health 14-15% of referrals);
 *  - more police notifications overnight and at weekends (EDT covers out of hours, 004 ¶13,
 *    DOMAIN.md flow step 1), more contacts on Mondays (a weekend's notifications arrive), school
 *    contacts in term time only: modelling assumptions, their sizes set in the scenario;
 *  - repeat contacts about the same child: DOMAIN.md re-referrals within 12 months 22-25%;
 *  - age bands: 004 ¶13 (children on plans: 40% under five, 34% 5-11, 26% 12 or over);
 *  - incomplete referral forms: 004 ¶37.
 */
import { DAY, HOUR, addLocalDays, atLocalTime, dueByOneWorkingDay, easterSunday, fromLondon, isOutOfHours, isWorkingDay, toLondon, type Instant } from './calendar';
import type { Contact, ContactSource } from './contact';
import { CONTACT_SOURCES } from './contact';
import { INDICATORS, type AgeBand, type Level } from './levels';
import { bernoulli, pick, pickIndex, poisson, type Streams } from './rng';
import type { Scenario } from './scenario';

/** Hour-of-day weights (0-23). Police notifications lean to evenings and nights. */
const POLICE_HOURS = [5, 5, 5, 4, 3, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 4, 5, 6, 6, 6, 6, 6];
const OFFICE_HOURS = [0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.2, 0.5, 3, 5, 6, 6, 5, 5, 6, 5, 4, 2, 1, 0.6, 0.4, 0.3, 0.2, 0.1];
const FAMILY_HOURS = [0.3, 0.2, 0.2, 0.1, 0.1, 0.1, 0.3, 1, 3, 4, 4, 4, 4, 4, 4, 4, 3, 3, 2.5, 2, 2, 1.5, 1, 0.5];

function hourWeights(source: ContactSource): readonly number[] {
  if (source === 'police') return POLICE_HOURS;
  if (source === 'family' || source === 'public' || source === 'anonymous') return FAMILY_HOURS;
  return OFFICE_HOURS;
}

/** Hours of a surge's out-of-hours contacts (overnight: before 07:00 or from 19:00). */
const OVERNIGHT_HOURS = [0, 1, 2, 3, 4, 5, 6, 19, 20, 21, 22, 23];

/** Age bands of children contacted about; 004 ¶13 for the broad split (under 5 / 5-11 / 12+). */
const AGE_BANDS: readonly AgeBand[] = ['unborn', 'under1', '1-4', '5-11', '12-15', '16-17'];
const AGE_WEIGHTS = [0.03, 0.09, 0.28, 0.34, 0.17, 0.09];

/**
 * English school holidays, approximately (assumption: dates vary by year and school): Christmas
 * to 4 January, February half term, two Easter weeks, late-May half term, 23 July to 3 September,
 * late-October half term.
 */
export function isSchoolHoliday(t: Instant): boolean {
  const l = toLondon(t);
  const md = l.month * 100 + l.day;
  if (md >= 1220 || md <= 104) return true;
  if (md >= 723 && md <= 903) return true;
  if (md >= 216 && md <= 220) return true;
  if (md >= 526 && md <= 531) return true;
  if (md >= 1024 && md <= 1031) return true;
  const e = easterSunday(l.year);
  const easter = fromLondon(l.year, e.month, e.day, 12);
  return Math.abs(t - easter) <= 8 * DAY;
}

export interface ArrivalWindow {
  from: Instant;
  to: Instant;
}

const INDICATORS_BY_LEVEL: Record<Level, string[]> = { 1: [], 2: [], 3: [], 4: [] };
for (const i of INDICATORS) INDICATORS_BY_LEVEL[i.level].push(i.id);
const MENTAL_HEALTH_INDICATORS = new Set(['repeated-self-harm', 'parental-mental-health-starting', 'parental-illness-impairing-care']);

/**
 * All contacts received in [from, to), in time order, ids C000001... `openCase` and
 * `inEarlyHelp` are false here: they depend on what the process did with earlier contacts and
 * are filled in by the engine when the contact arrives.
 */
export function generateContacts(scenario: Scenario, streams: Streams, window: ArrivalWindow): Contact[] {
  return generateArrivals(scenario, streams, window).contacts;
}

export interface Arrivals {
  contacts: Contact[];
  /** For each contact, the index of the previous contact about the same child, or -1. */
  previousIndex: Int32Array;
  /**
   * For each contact, the end of its one working day (`dueByOneWorkingDay` of its receipt:
   * DOMAIN.md statutory clocks), worked out once for every process that meets the contact.
   */
  due: Float64Array;
  /** Each contact's `receivedAt`, in a column (read at every step of a run to find the next arrival). */
  receivedAt: Float64Array;
}

/** The contacts, and each one's link to the previous contact about the same child. */
export function generateArrivals(scenario: Scenario, streams: Streams, window: ArrivalWindow): Arrivals {
  const uCount = streams.stream('arrivals.count');
  const uTime = streams.stream('arrivals.time');
  const uSource = streams.stream('arrivals.source');
  const uChild = streams.stream('children');
  const uRepeat = streams.stream('children.repeat');
  const uForm = streams.stream('forms');

  const mix = scenario.sourceMix;
  const levelWeights = [scenario.levelMix[1], scenario.levelMix[2], scenario.levelMix[3], scenario.levelMix[4]];
  const otherWorkdayFactor = Math.max(0, (5 - scenario.mondayFactor) / 4);

  // When each contact comes and from whom (a source index), in time order: each day's are drawn
  // together and sorted among themselves (they all fall on that day), first drawn first at ties.
  const stampT: number[] = [];
  const stampSource: number[] = [];
  const stamp = (t: Instant, source: number) => {
    if (t < window.from || t >= window.to) return;
    let k = stampT.length;
    stampT.push(t);
    stampSource.push(source);
    for (; k > dayFirst && stampT[k - 1] > t; k--) {
      stampT[k] = stampT[k - 1];
      stampSource[k] = stampSource[k - 1];
    }
    stampT[k] = t;
    stampSource[k] = source;
  };
  let dayFirst = 0;
  const drawTime = (dayStart: Instant, source: ContactSource, overnight: boolean): Instant => {
    let hour: number;
    if (overnight) hour = pick(uTime, OVERNIGHT_HOURS);
    else hour = pickIndex(uTime, hourWeights(source));
    const minute = Math.floor(uTime() * 60);
    return atLocalTime(dayStart, hour, minute);
  };

  for (let day = startOfDay(window.from); day < window.to; day = addLocalDays(day, 1)) {
    dayFirst = stampT.length;
    const noon = day + 12 * HOUR;
    const working = isWorkingDay(noon);
    const weekday = toLondon(noon).weekday;
    const factor = working ? (weekday === 1 ? scenario.mondayFactor : otherWorkdayFactor) : scenario.nonWorkingDayFactor;
    const n = poisson(uCount, scenario.contactsPerWorkingDay * factor);
    const holiday = isSchoolHoliday(noon);
    // Schools do not refer in the holidays; on closed days the police dominate (EDT).
    const weights = CONTACT_SOURCES.map((s) => {
      let w = mix[s];
      if (s === 'school' && (holiday || !working)) w = 0;
      if (s === 'police' && !working) w *= 3;
      return w;
    });
    for (let k = 0; k < n; k++) {
      const source = pickIndex(uSource, weights);
      stamp(drawTime(day, CONTACT_SOURCES[source], false), source);
    }
    for (const surge of scenario.surges) {
      const first = fromLondon(...(surge.date.split('-').map(Number) as [number, number, number]));
      const last = addLocalDays(first, surge.days);
      if (day < first || day >= last) continue;
      const perDay = Math.floor(surge.extraContacts / surge.days) + (day === first ? surge.extraContacts % surge.days : 0);
      const source = CONTACT_SOURCES.indexOf(surge.source);
      for (let k = 0; k < perDay; k++) stamp(drawTime(day, surge.source, surge.outOfHours), source);
    }
  }
  // Every draw falls on its own day, so the days' sorted runs make one sorted list. Were one to
  // fall outside it, a stable sort of the whole list gives the same order as sorting all the
  // draws at once (equal times keep the order drawn either way).
  let sorted = true;
  for (let k = 1; k < stampT.length && sorted; k++) sorted = stampT[k] >= stampT[k - 1];
  if (!sorted) {
    const order = stampT.map((_, k) => k).sort((a, b) => stampT[a] - stampT[b] || a - b);
    const [t, source] = [order.map((k) => stampT[k]), order.map((k) => stampSource[k])];
    stampT.splice(0, stampT.length, ...t);
    stampSource.splice(0, stampSource.length, ...source);
  }

  // The children so far, one column per field (index: the child's number less one).
  const childAge: AgeBand[] = [];
  const childDisabled: boolean[] = [];
  /** The child's latest contact (its index). */
  const childLast: number[] = [];
  const contacts: Contact[] = [];
  const count = stampT.length;
  const previousIndex = new Int32Array(count);
  const due = new Float64Array(count);
  const receivedAt = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const t = stampT[i];
    const source = CONTACT_SOURCES[stampSource[i]];
    const id = sequenceId(CONTACT_IDS, 'C', i + 1);
    // Repeat contact about a child seen in the last 12 months (DOMAIN.md: re-referrals 22-25%).
    let child = -1;
    if (childLast.length > 0 && bernoulli(uRepeat, scenario.repeatContactShare)) {
      for (let tries = 0; tries < 4 && child < 0; tries++) {
        const k = Math.floor(uRepeat() * childLast.length);
        if (t - receivedAt[childLast[k]] <= 365 * DAY) child = k;
      }
    }
    const previousContactId = child >= 0 ? contacts[childLast[child]].id : null;
    previousIndex[i] = child >= 0 ? childLast[child] : -1;
    due[i] = dueByOneWorkingDay(t);
    receivedAt[i] = t;
    if (child < 0) {
      child = childLast.length;
      childAge.push(AGE_BANDS[pickIndex(uChild, AGE_WEIGHTS)]);
      childDisabled.push(bernoulli(uChild, 0.05));
      childLast.push(i);
    }
    childLast[child] = i;

    const trueLevel = (pickIndex(uChild, levelWeights) + 1) as Level;
    const indicators = drawIndicators(uChild, trueLevel);
    const professional = source === 'police' || source === 'school' || source === 'health';
    const formShare = professional ? scenario.formCompleteShare : source === 'anonymous' ? 0 : scenario.formCompleteShare * 0.5;
    const formComplete = bernoulli(uForm, formShare);
    // An incomplete form makes the level less often clear at the point of contact (004 ¶37).
    const clearShare = scenario.levelClearShare[trueLevel] * (formComplete ? 1 : 0.7);
    const levelClear = bernoulli(uChild, clearShare);
    const immediateDanger = trueLevel === 4 && bernoulli(uChild, scenario.immediateDangerShareOfLevel4);
    const mentalHealth = indicators.some((x) => MENTAL_HEALTH_INDICATORS.has(x)) || bernoulli(uChild, scenario.mentalHealthShare);
    contacts.push({
      id,
      childId: sequenceId(CHILD_IDS, 'K', child + 1),
      trueLevel,
      indicators,
      ageBand: childAge[child],
      disabled: childDisabled[child],
      source,
      formComplete,
      receivedAt: t,
      outOfHours: isOutOfHours(t),
      knownChild: previousContactId !== null || bernoulli(uChild, 0.2),
      openCase: false,
      inEarlyHelp: false,
      levelClear,
      immediateDanger,
      mentalHealth,
      previousContactId,
    });
  }
  return { contacts, previousIndex, due, receivedAt };
}

/**
 * Ids already made ('C000001', 'K000001', ...): every run numbers its contacts and children the
 * same way, so a worker running many replications makes each id string once.
 */
const CONTACT_IDS: string[] = [];
const CHILD_IDS: string[] = [];
function sequenceId(made: string[], prefix: string, n: number): string {
  return (made[n] ??= `${prefix}${String(n).padStart(6, '0')}`);
}

function startOfDay(t: Instant): Instant {
  const l = toLondon(t);
  return fromLondon(l.year, l.month, l.day, 0, 0);
}

/** One to three indicators at the true level; level 3 sometimes as several level-2 indicators. */
function drawIndicators(u: () => number, level: Level): string[] {
  // Distinct ids in the order first drawn (kept for the whole run, so exactly sized).
  if (level === 3 && u() < 0.25) {
    const twos = INDICATORS_BY_LEVEL[2];
    const a = pick(u, twos);
    let b = pick(u, twos);
    while (b === a) b = pick(u, twos);
    let c = pick(u, twos);
    while (c === a || c === b) c = pick(u, twos);
    return [a, b, c];
  }
  const pool = INDICATORS_BY_LEVEL[level];
  const n = 1 + Math.floor(u() * 2);
  const a = pick(u, pool);
  if (n === 1) return [a];
  const b = pick(u, pool);
  return b === a ? [a] : [a, b];
}
