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
 *  - repeat contacts about the same child within 12 months: the scenario's share, an assumption
 *    (DOMAIN.md's re-referrals within 12 months, 22-25%, are a share of referrals, judged by the
 *    claim national-re-referrals, not of contacts);
 *  - age bands: 004 ¶13 (children on plans: 40% under five, 34% 5-11, 26% 12 or over);
 *  - incomplete referral forms: 004 ¶37.
 */
import { DAY, HOUR, addLocalDays, atLocalTime, dueByOneWorkingDay, easterSunday, fromLondon, isOutOfHours, isWorkingDay, toLondon, type Instant } from './calendar';
import type { Contact, ContactSource } from './contact';
import { CONTACT_SOURCES } from './contact';
import { INDICATORS, type AgeBand, type Level } from './levels';
import { bernoulli, pick, pickIndex, poisson, type Streams } from './rng';
import type { Rating } from './processes/common';
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

const MENTAL_HEALTH_INDICATORS = new Set(['repeated-self-harm', 'parental-mental-health-starting', 'parental-illness-impairing-care']);

/**
 * All contacts received in [from, to), in time order, ids C000001... `openCase` and
 * `inEarlyHelp` are false here: they depend on what the process did with earlier contacts and
 * are filled in by the engine when the contact arrives.
 */
export function generateContacts(scenario: Scenario, streams: Streams, window: ArrivalWindow): Contact[] {
  return generateArrivals(scenario, streams, window).contacts;
}

/**
 * A run's contacts, kept as columns (one typed array per field, indexed by arrival order): the
 * engine reads only these, and the contact objects are made from them the first time `contacts`
 * is read (a replication that keeps only figures never makes them).
 */
export interface Arrivals {
  /** The contacts, made from the columns when first read (the same array every time after). */
  readonly contacts: Contact[];
  count: number;
  /** For each contact, the index of the previous contact about the same child, or -1. */
  previousIndex: Int32Array;
  /**
   * For each contact, the end of its one working day (`dueByOneWorkingDay` of its receipt:
   * DOMAIN.md statutory clocks), worked out once for every process that meets the contact.
   */
  due: Float64Array;
  /** Each contact's `receivedAt`, in a column (read at every step of a run to find the next arrival). */
  receivedAt: Float64Array;
  trueLevel: Uint8Array;
  /** The contact's facts, 1 or 0. */
  formComplete: Uint8Array;
  levelClear: Uint8Array;
  aboveEarlyHelp: Uint8Array;
  immediateDanger: Uint8Array;
  mentalHealth: Uint8Array;
  /** The RAG rating on first sight (`RATING_OF_NUMBER`: 0 green, 1 amber, 2 red; see `rateContact`). */
  rating: Uint8Array;
  /** 1 if the contact arrived while the SPA is closed (`isOutOfHours` of its receipt: the EDT covers). */
  outOfHours: Uint8Array;
}

/** A rating column's numbers as ratings. */
export const RATING_OF_NUMBER: readonly Rating[] = ['green', 'amber', 'red'];

/**
 * The RAG rating a qualified screener gives a contact on first sight, as a number (0 green, 1
 * amber, 2 red). Where the level is clear at the point of contact the colour is the level's
 * (DOMAIN.md continuum of need: level 4 red, level 3 amber, levels 1-2 green), and a child in
 * immediate danger is red; where it is not clear, a contact whose needs look potentially above
 * early help is amber, the rest green (assumption: the screener rates on what the contact shows,
 * the same facts 004 ¶29 says the 2013 SPA sorted unclear contacts by). No draw: rating moves no
 * other random number.
 */
export function rateContact(trueLevel: number, levelClear: boolean, aboveEarlyHelp: boolean, immediateDanger: boolean): number {
  if (immediateDanger || (levelClear && trueLevel === 4)) return 2;
  if (levelClear ? trueLevel === 3 : aboveEarlyHelp) return 1;
  return 0;
}

/** The contacts, and each one's link to the previous contact about the same child. */
export function generateArrivals(scenario: Scenario, streams: Streams, window: ArrivalWindow): Arrivals {
  const uCount = streams.stream('arrivals.count');
  const uTime = streams.stream('arrivals.time');
  const uSource = streams.stream('arrivals.source');
  const uChild = streams.stream('children');
  const uRepeat = streams.stream('children.repeat');
  const uForm = streams.stream('forms');
  // Its own stream, so that following a child's history moves no other draw.
  const uHistory = streams.stream('children.history');
  const { weightByLevel, levelPersistence } = scenario.repeatContacts;
  const maxWeight = Math.max(weightByLevel[1], weightByLevel[2], weightByLevel[3], weightByLevel[4]);

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
    for (let k = 0; k < order.length; k++) {
      stampT[k] = t[k];
      stampSource[k] = source[k];
    }
  }

  // The children so far, one column per field (index: the child's number less one).
  const childAge: number[] = [];
  const childDisabled: boolean[] = [];
  /** The child's latest contact (its index). */
  const childLast: number[] = [];
  const count = stampT.length;
  const previousIndex = new Int32Array(count);
  const due = new Float64Array(count);
  const receivedAt = new Float64Array(count);
  const trueLevels = new Uint8Array(count);
  const formCompletes = new Uint8Array(count);
  const levelClears = new Uint8Array(count);
  const aboveEarlyHelps = new Uint8Array(count);
  // Its own stream, so that the screener's view moves no other draw.
  const uConcern = streams.stream('children.concern');
  const immediateDangers = new Uint8Array(count);
  const outOfHoursColumn = new Uint8Array(count);
  const mentalHealths = new Uint8Array(count);
  const ratings = new Uint8Array(count);
  // What only the contact objects show, for making them when asked.
  const childOf = new Int32Array(count);
  const knownChildren = new Uint8Array(count);
  const indicatorsOf = new Uint8Array(count * 3).fill(NO_INDICATOR);
  for (let i = 0; i < count; i++) {
    const t = stampT[i];
    const source = CONTACT_SOURCES[stampSource[i]];
    // Repeat contact about a child seen in the last 12 months (the scenario's share, an assumption),
    // weighted by the level of its last contact (`repeatContacts.weightByLevel`; equal by default).
    let child = -1;
    if (childLast.length > 0 && bernoulli(uRepeat, scenario.repeatContactShare)) {
      for (let tries = 0; tries < 12 && child < 0; tries++) {
        const k = Math.floor(uRepeat() * childLast.length);
        const last = childLast[k];
        if (t - receivedAt[last] <= 365 * DAY && uRepeat() * maxWeight < weightByLevel[trueLevels[last] as Level]) child = k;
      }
    }
    previousIndex[i] = child >= 0 ? childLast[child] : -1;
    due[i] = dueByOneWorkingDay(t);
    outOfHoursColumn[i] = +isOutOfHours(t);
    receivedAt[i] = t;
    if (child < 0) {
      child = childLast.length;
      childAge.push(pickIndex(uChild, AGE_WEIGHTS));
      childDisabled.push(bernoulli(uChild, 0.05));
      childLast.push(i);
    }
    childLast[child] = i;
    childOf[i] = child;

    const drawnLevel = (pickIndex(uChild, levelWeights) + 1) as Level;
    // A repeat contact is often about the same concern as the child's last one.
    const previous = previousIndex[i];
    const trueLevel = previous >= 0 && bernoulli(uHistory, levelPersistence) ? (trueLevels[previous] as Level) : drawnLevel;
    const mentalHealthIndicator = drawIndicators(uChild, trueLevel, indicatorsOf, 3 * i);
    const professional = source === 'police' || source === 'school' || source === 'health';
    const formShare = professional ? scenario.formCompleteShare : source === 'anonymous' ? 0 : scenario.formCompleteShare * 0.5;
    const formComplete = bernoulli(uForm, formShare);
    // An incomplete form makes the level less often clear at the point of contact (004 ¶37).
    const clearShare = scenario.levelClearShare[trueLevel] * (formComplete ? 1 : 0.7);
    const levelClear = bernoulli(uChild, clearShare);
    const immediateDanger = trueLevel === 4 && bernoulli(uChild, scenario.immediateDangerShareOfLevel4);
    const mentalHealth = mentalHealthIndicator || bernoulli(uChild, scenario.mentalHealthShare);
    const knownChild = previousIndex[i] >= 0 || bernoulli(uChild, 0.2);
    trueLevels[i] = trueLevel;
    formCompletes[i] = +formComplete;
    levelClears[i] = +levelClear;
    aboveEarlyHelps[i] = +bernoulli(uConcern, scenario.aboveEarlyHelpShare[trueLevel]);
    immediateDangers[i] = +immediateDanger;
    mentalHealths[i] = +mentalHealth;
    ratings[i] = rateContact(trueLevel, levelClear, aboveEarlyHelps[i] === 1, immediateDanger);
    knownChildren[i] = +knownChild;
  }

  let made: Contact[] | undefined;
  /** The contact objects, field by field in the order they have always had (exports list them so). */
  const makeContacts = (): Contact[] => {
    const contacts: Contact[] = new Array<Contact>(count);
    const childIds = childLast.map((_, k) => sequenceId('K', k + 1));
    for (let i = 0; i < count; i++) {
      const t = receivedAt[i];
      const child = childOf[i];
      const previous = previousIndex[i];
      contacts[i] = {
        id: sequenceId('C', i + 1),
        childId: childIds[child],
        trueLevel: trueLevels[i] as Level,
        indicators: indicatorIds(indicatorsOf, 3 * i),
        ageBand: AGE_BANDS[childAge[child]],
        disabled: childDisabled[child],
        source: CONTACT_SOURCES[stampSource[i]],
        formComplete: formCompletes[i] === 1,
        receivedAt: t,
        outOfHours: outOfHoursColumn[i] === 1,
        knownChild: knownChildren[i] === 1,
        openCase: false,
        inEarlyHelp: false,
        levelClear: levelClears[i] === 1,
        aboveEarlyHelp: aboveEarlyHelps[i] === 1,
        immediateDanger: immediateDangers[i] === 1,
        mentalHealth: mentalHealths[i] === 1,
        previousContactId: previous >= 0 ? contacts[previous].id : null,
      };
    }
    return contacts;
  };
  return {
    get contacts() {
      return (made ??= makeContacts());
    },
    count,
    previousIndex,
    due,
    receivedAt,
    trueLevel: trueLevels,
    formComplete: formCompletes,
    levelClear: levelClears,
    aboveEarlyHelp: aboveEarlyHelps,
    immediateDanger: immediateDangers,
    outOfHours: outOfHoursColumn,
    mentalHealth: mentalHealths,
    rating: ratings,
  };
}

/** 'C000001', 'K000001', ...: contacts and children numbered in order. */
function sequenceId(prefix: string, n: number): string {
  return `${prefix}${String(n).padStart(6, '0')}`;
}

function startOfDay(t: Instant): Instant {
  const l = toLondon(t);
  return fromLondon(l.year, l.month, l.day, 0, 0);
}

/** Where a contact has fewer than three indicators. */
const NO_INDICATOR = 255;
/** Each level's indicators, as indexes into INDICATORS. */
const INDICATOR_INDEXES: Record<Level, number[]> = { 1: [], 2: [], 3: [], 4: [] };
INDICATORS.forEach((x, k) => INDICATOR_INDEXES[x.level].push(k));
const MENTAL_HEALTH_INDEXES = new Set([...MENTAL_HEALTH_INDICATORS].map((id) => INDICATORS.findIndex((x) => x.id === id)));
/** A contact's indicator ids, from its three slots in the indicator column. */
function indicatorIds(column: Uint8Array, at: number): string[] {
  const ids: string[] = [];
  for (let k = at; k < at + 3 && column[k] !== NO_INDICATOR; k++) ids.push(INDICATORS[column[k]].id);
  return ids;
}

/**
 * One to three indicators at the true level; level 3 sometimes as several level-2 indicators.
 * Distinct, in the order first drawn, written into `column` from `at` (as indexes into
 * INDICATORS); returns whether one is about mental health.
 */
function drawIndicators(u: () => number, level: Level, column: Uint8Array, at: number): boolean {
  let n: number;
  if (level === 3 && u() < 0.25) {
    const twos = INDICATOR_INDEXES[2];
    const a = pick(u, twos);
    let b = pick(u, twos);
    while (b === a) b = pick(u, twos);
    let c = pick(u, twos);
    while (c === a || c === b) c = pick(u, twos);
    column[at] = a;
    column[at + 1] = b;
    column[at + 2] = c;
    n = 3;
  } else {
    const pool = INDICATOR_INDEXES[level];
    const two = 1 + Math.floor(u() * 2) === 2;
    const a = pick(u, pool);
    column[at] = a;
    n = 1;
    if (two) {
      const b = pick(u, pool);
      if (b !== a) {
        column[at + 1] = b;
        n = 2;
      }
    }
  }
  for (let k = 0; k < n; k++) if (MENTAL_HEALTH_INDEXES.has(column[at + k])) return true;
  return false;
}
