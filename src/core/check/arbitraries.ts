/**
 * fast-check arbitraries for the process check: scenarios derived from a base scenario (demand,
 * level mix, staffing, calendars with bank holidays, surges) and streams of contacts.
 *
 * Used by `npm run check-process` at run time and by the tests (test/support/arbitraries.ts).
 *
 * A generated scenario is a `Variant` (a few knobs) applied to the base scenario by
 * `scenarioOf`. Knobs shrink towards the base scenario (an absent knob means "as the base"), and
 * the length and demand shrink towards one day and one contact a working day, so a shrunk
 * counterexample is a short run with a few contacts.
 *
 * "Adequately staffed": every role is staffed at least as well, per hour of its work, as in the
 * base scenario (head counts scale with the role's workload under the variant's demand, level
 * mix and clarity, times a staffing factor of 1 to 2: see `roleWorkload`), and a surge adds at
 * most one ordinary working day's contacts. Head counts are for the busiest day: a surge's extra
 * contacts count on top of the demand (a team staffed only for ordinary days is not adequately
 * staffed on the day of a surge, and most generated breaches of the one-working-day safeguard
 * came from exactly that). The safeguards are promises a process makes when
 * it is staffed for its demand; a process that breaks them here is broken by design, not by
 * staffing. Staffing cuts are still tested: they are made in the base scenario, and every
 * variant inherits them.
 */
import fc from 'fast-check';
import { ENGLISH_BANK_HOLIDAYS, addLocalDays, fromLondon, formatLondon, isOutOfHours, type Instant } from '../calendar';
import { CONTACT_SOURCES, type Contact, type ContactSource } from '../contact';
import type { Level } from '../levels';
import { ROLES, type Role } from '../processes/common';
import type { Scenario } from '../scenario';

export interface SurgeKnob {
  /** Days after the start. */
  offset: number;
  days: 1 | 2;
  /** Extra contacts as a percentage of an ordinary working day's (0-100). */
  percentOfADay: number;
  outOfHours: boolean;
  source: ContactSource;
}

/** The knobs of one generated scenario. `null` means "as in the base scenario". */
export interface Variant {
  start: string;
  days: number;
  /** Contacts per working day. */
  demand: number;
  /** Relative weights of levels 1-4. */
  levelWeights: [number, number, number, number] | null;
  /** Share (in twentieths) of contacts whose level is clear at the point of contact, levels 1-4. */
  levelClear: [number, number, number, number] | null;
  /** Share (in twentieths) of referral forms that arrive complete. */
  formComplete: number | null;
  /** Staff per contact as a percentage of the base scenario's (100-200). */
  staffPercent: number;
  surge: SurgeKnob | null;
  /** The simulation's seed. */
  seed: number;
}

export interface VariantOptions {
  /** Longest run in days (default 20). */
  maxDays?: number;
  /** Highest demand as a multiple of the base scenario's (default 1.5). */
  maxDemandFactor?: number;
}

const FIRST_START = fromLondon(2012, 1, 2);
const LAST_START = fromLondon(2016, 12, 1); // so a run stays inside the bank-holiday calendar
const DAY_COUNT = Math.round((LAST_START - FIRST_START) / 86_400_000);

function dateKey(t: Instant): string {
  return formatLondon(t).slice(0, 10);
}

function dayFrom(key: string, offset: number): string {
  const [y, m, d] = key.split('-').map(Number);
  return dateKey(addLocalDays(fromLondon(y, m, d, 12), offset));
}

/** Start dates: the base's own, the days around a bank holiday, or any day 2012-2016. */
export function startDateArb(base: Scenario): fc.Arbitrary<string> {
  const holidays = ENGLISH_BANK_HOLIDAYS.filter((d) => d >= '2012-01-05' && d <= '2016-12-01');
  const nearHoliday = fc
    .record({ holiday: fc.constantFrom(...holidays), offset: fc.integer({ min: -4, max: 1 }) })
    .map(({ holiday, offset }) => dayFrom(holiday, offset));
  const anyDay = fc.integer({ min: 0, max: DAY_COUNT }).map((n) => dateKey(addLocalDays(FIRST_START + 12 * 3_600_000, n)));
  const own = base.start >= '2012-01-02' && base.start <= '2016-12-01' ? [fc.constant(base.start)] : [];
  return fc.oneof(...own, nearHoliday, anyDay);
}

const twentieths = fc.integer({ min: 0, max: 20 });

export function surgeArb(maxDays: number): fc.Arbitrary<SurgeKnob> {
  return fc.record({
    offset: fc.integer({ min: 0, max: Math.max(0, maxDays - 1) }),
    days: fc.constantFrom<1 | 2>(1, 2),
    percentOfADay: fc.integer({ min: 0, max: 100 }),
    outOfHours: fc.boolean(),
    source: fc.constantFrom<ContactSource>('police', ...CONTACT_SOURCES.filter((s) => s !== 'police')),
  });
}

/** Generated scenarios around a base scenario, as knobs (see `scenarioOf`). */
export function variantArb(base: Scenario, options: VariantOptions = {}): fc.Arbitrary<Variant> {
  const maxDays = options.maxDays ?? 20;
  const maxDemand = Math.max(1, Math.ceil(base.contactsPerWorkingDay * (options.maxDemandFactor ?? 1.5)));
  return fc.record({
    start: startDateArb(base),
    days: fc.integer({ min: 1, max: maxDays }),
    demand: fc.integer({ min: 1, max: maxDemand }),
    levelWeights: fc.option(fc.tuple(fc.nat(10), fc.nat(10), fc.nat(10), fc.nat(10)), { nil: null }),
    levelClear: fc.option(fc.tuple(twentieths, twentieths, twentieths, twentieths), { nil: null }),
    formComplete: fc.option(twentieths, { nil: null }),
    staffPercent: fc.integer({ min: 100, max: 200 }),
    surge: fc.option(surgeArb(maxDays), { nil: null, freq: 3 }),
    seed: fc.integer({ min: 1, max: 999_999 }),
  });
}

/** The levels decided, by the scenario's decision accuracy (a wrong decision is one level out). */
export function decidedMix(sc: Scenario): Record<Level, number> {
  const wrong = 1 - sc.decisionAccuracy;
  const out: Record<Level, number> = { 1: 0, 2: 0, 3: 0, 4: 0 };
  for (const l of [1, 2, 3, 4] as const) {
    const under = l > 1 ? wrong * sc.underThresholdShare : 0;
    const over = l < 4 ? wrong * (1 - sc.underThresholdShare) : 0;
    out[l] += sc.levelMix[l] * (1 - under - over);
    if (l > 1) out[(l - 1) as Level] += sc.levelMix[l] * under;
    if (l < 4) out[(l + 1) as Level] += sc.levelMix[l] * over;
  }
  return out;
}

/**
 * Working hours a role spends per working day of demand, by the canonical flow of a contact
 * (DOMAIN.md "The flow of one contact"): everyone is screened and decided; unclear contacts have
 * information gathered (by a case coordinator in 2013, a social worker in 2015; CAMHS for mental
 * health); a child in immediate danger out of hours has an emergency response (EDT); level 2 goes to early help, level 3 to allocation and assessment, level 4 to a
 * strategy discussion, a joint visit and a section 47 enquiry, by the levels decided (wrong
 * decisions included). Durations are the scenario's.
 * Only ratios of this figure are used, so its rough edges cancel out.
 */
export function roleWorkload(sc: Scenario, role: Role): number {
  const d = (a: keyof Scenario['durations']) => sc.durations[a].meanWorkingHours;
  const mix = decidedMix(sc);
  const unclear = 1 - ([1, 2, 3, 4] as const).reduce((acc, l) => acc + sc.levelMix[l] * sc.levelClearShare[l], 0);
  const n = sc.contactsPerWorkingDay;
  switch (role) {
    case 'spaSocialWorker':
      return n * (d('screening') + unclear * d('informationGathering'));
    case 'teamManager':
      return n * (d('thresholdDecision') + mix[4] * d('strategyDiscussion'));
    case 'caseCoordinator':
      return n * unclear * d('heldInformationGathering');
    case 'camhs':
      return n * unclear * sc.mentalHealthShare * d('camhsScreening');
    case 'raSocialWorker':
      return n * (mix[3] * (d('allocation') + d('assessment')) + mix[4] * d('section47Enquiry'));
    case 'police':
      return n * mix[4] * d('jointVisit');
    case 'earlyHelpWorker':
      return n * mix[2] * d('earlyHelp');
    case 'edtSocialWorker':
      // Only out-of-hours contacts in immediate danger; the out-of-hours share cancels in the ratio.
      return n * sc.levelMix[4] * sc.immediateDangerShareOfLevel4 * d('emergencyResponse');
  }
}

/**
 * Head count of a role for a variant: the base scenario's staff per hour of work, times the
 * staffing factor (100-200%), at least one person where the base has any and two where it has several.
 */
export function staffFor(base: Scenario, variant: Scenario, staffPercent: number, role: Role): number {
  const count = base.staff[role].count;
  if (count === 0) return 0;
  const baseLoad = roleWorkload(base, role);
  const ratio = baseLoad > 0 ? roleWorkload(variant, role) / baseLoad : variant.contactsPerWorkingDay / base.contactsPerWorkingDay;
  // A role the base staffs with several people keeps at least two: staff per hour of work is not
  // the same service when one person cannot share the queue (a lone manager in a two-hour strategy
  // discussion cannot start an escalated decision due within the hour).
  return Math.max(Math.min(2, count), Math.ceil(count * ratio * (staffPercent / 100) - 1e-9));
}

/** The scenario a variant describes: the base scenario with the knobs applied, no warm-up. */
export function scenarioOf(base: Scenario, v: Variant): Scenario {
  const levelMix = (() => {
    if (!v.levelWeights || v.levelWeights.every((w) => w === 0)) return base.levelMix;
    const total = v.levelWeights.reduce((a, b) => a + b, 0);
    const [a, b, c] = v.levelWeights.map((w) => w / total);
    return { 1: a, 2: b, 3: c, 4: Math.max(0, 1 - a - b - c) };
  })();
  const extra = v.surge ? Math.round((v.demand * v.surge.percentOfADay) / 100) : 0;
  const surges: Scenario['surges'] = v.surge && extra > 0
    ? [
        {
          date: dayFrom(v.start, Math.min(v.surge.offset, v.days - 1)),
          days: v.surge.days,
          source: v.surge.source,
          extraContacts: extra,
          outOfHours: v.surge.outOfHours,
        },
      ]
    : [];
  const unstaffed: Scenario = {
    ...base,
    name: `${base.name} (generated)`,
    start: v.start,
    days: v.days,
    warmUpDays: 0,
    seed: v.seed,
    contactsPerWorkingDay: v.demand,
    levelMix,
    levelClearShare: v.levelClear
      ? { 1: v.levelClear[0] / 20, 2: v.levelClear[1] / 20, 3: v.levelClear[2] / 20, 4: v.levelClear[3] / 20 }
      : base.levelClearShare,
    formCompleteShare: v.formComplete === null ? base.formCompleteShare : v.formComplete / 20,
    surges,
  };
  // Staffed for the busiest day: the surge's extra contacts come on top of the day's demand.
  const busiest: Scenario = surges.length ? { ...unstaffed, contactsPerWorkingDay: v.demand + Math.ceil(extra / surges[0].days) } : unstaffed;
  const staff = Object.fromEntries(
    ROLES.map((r) => [r, { count: staffFor(base, busiest, v.staffPercent, r), caseload: base.staff[r].caseload }]),
  ) as Scenario['staff'];
  return { ...unstaffed, staff };
}

/** A short plain-English description of a generated scenario (`scenarioOf(base, v)`), for reports. */
export function describeVariant(sc: Scenario, v: Variant): string[] {
  const mix = sc.levelMix;
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  const lines = [
    `${v.days} day${v.days === 1 ? '' : 's'} from ${v.start}, no warm-up; simulation seed ${v.seed}`,
    `${v.demand} contact${v.demand === 1 ? '' : 's'} per working day; levels 1-4: ${[mix[1], mix[2], mix[3], mix[4]].map(pct).join(' / ')}${v.levelWeights && v.levelWeights.some((w) => w > 0) ? '' : ' (as the base)'}`,
    `level clear at contact, levels 1-4: ${[1, 2, 3, 4].map((l) => pct(sc.levelClearShare[l as Level])).join(' / ')}${v.levelClear ? '' : ' (as the base)'}; referral forms complete: ${pct(sc.formCompleteShare)}`,
    `staff (count x caseload): ${ROLES.filter((r) => sc.staff[r].count > 0).map((r) => `${r} ${sc.staff[r].count}x${sc.staff[r].caseload}`).join(', ')}`,
  ];
  if (sc.surges.length) {
    const s = sc.surges[0];
    lines.push(`surge: ${s.extraContacts} extra ${s.source} contacts over ${s.days} day${s.days === 1 ? '' : 's'} from ${s.date}${s.outOfHours ? ', out of hours' : ''}`);
  }
  return lines;
}

// ---------------------------------------------------------------------------------------------
// Contact streams
// ---------------------------------------------------------------------------------------------

export interface StreamOptions {
  /** The window contacts arrive in. */
  from: Instant;
  to: Instant;
  maxContacts?: number;
}

/**
 * Streams of contacts in a window, in time order, with ids C000001...: the shape arrivals.ts
 * produces, with every flag free. Each child is new unless `repeat` picks an earlier one.
 */
export function contactStreamArb({ from, to, maxContacts = 12 }: StreamOptions): fc.Arbitrary<Contact[]> {
  const draft = fc.record({
    at: fc.integer({ min: from, max: to - 1 }),
    trueLevel: fc.constantFrom<Level>(1, 2, 3, 4),
    source: fc.constantFrom<ContactSource>(...CONTACT_SOURCES),
    levelClear: fc.boolean(),
    aboveEarlyHelp: fc.boolean(),
    immediateDanger: fc.boolean(),
    mentalHealth: fc.boolean(),
    formComplete: fc.boolean(),
    repeat: fc.option(fc.nat(), { nil: null }),
  });
  return fc.array(draft, { maxLength: maxContacts }).map((drafts) => {
    const sorted = [...drafts].sort((a, b) => a.at - b.at);
    const out: Contact[] = [];
    sorted.forEach((d, i) => {
      const earlier = d.repeat !== null && out.length > 0 ? out[d.repeat % out.length] : null;
      out.push({
        id: `C${String(i + 1).padStart(6, '0')}`,
        childId: earlier ? earlier.childId : `K${String(i + 1).padStart(6, '0')}`,
        trueLevel: d.trueLevel,
        indicators: [],
        ageBand: earlier ? earlier.ageBand : '5-11',
        disabled: false,
        source: d.source,
        formComplete: d.formComplete,
        receivedAt: d.at,
        outOfHours: isOutOfHours(d.at),
        knownChild: earlier !== null,
        openCase: false,
        inEarlyHelp: false,
        levelClear: d.levelClear,
        aboveEarlyHelp: d.aboveEarlyHelp,
        immediateDanger: d.trueLevel === 4 && d.immediateDanger,
        mentalHealth: d.mentalHealth,
        previousContactId: earlier ? earlier.id : null,
      });
    });
    return out;
  });
}
