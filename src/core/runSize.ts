/**
 * How big a run is before it starts: the contacts it will simulate, worked out from the scenario's
 * demand and calendar (no random draws), and the limits beyond which a command asks to be told to
 * go ahead. Every field of a scenario is bounded on its own (bounds.ts); these limits are on the
 * fields together and on how many runs a command makes (replications, processes, sweep points).
 *
 * The limits follow from the README's Speed section (measured on the 2-core development machine):
 * a replication simulates roughly 100,000 contacts a second on one thread; a run that keeps its
 * trace holds about 15 MB per 10,000 contacts, one that keeps only figures about 2 MB.
 */
import { HOUR, addLocalDays, fromLondon, isWorkingDay, toLondon, type Instant } from './calendar';
import type { Scenario } from './scenario';

export const RUN_LIMITS = Object.freeze({
  /**
   * Contacts summed over every run of one command: 1,000 paired borough-year replications (the
   * README's speed target, about 15 million) take about a minute on two threads; 25 million is a
   * few minutes.
   */
  contacts: 25_000_000,
  /** Contacts in one run that keeps only its figures: about 400 MB. */
  contactsPerRun: 2_000_000,
  /** Contacts in one run that keeps its whole trace (`trace`, the browser's replay): about 300 MB. */
  tracedContactsPerRun: 200_000,
});

/** A run to size: a scenario and, when it is not the scenario's own, the number of days. */
export interface SizedRun {
  scenario: Scenario;
  days?: number;
}

export interface RunSize {
  runs: number;
  /** Expected contacts in the largest run. */
  largestRun: number;
  /** Expected contacts over all the runs. */
  contacts: number;
  /** Whether the runs keep their whole trace. */
  traced: boolean;
}

function dateAt(key: string): Instant {
  const [y, m, d] = key.split('-').map(Number);
  return fromLondon(y, m, d, 0, 0);
}

/**
 * Expected contacts of one run, warm-up included: each day's expected count as arrivals.ts draws
 * it (a working day's demand, more on Mondays, the non-working-day share at weekends and on bank
 * holidays), plus the surges that fall in the run.
 */
export function expectedContacts(scenario: Scenario, days: number = scenario.days): number {
  const start = dateAt(scenario.start);
  const from = addLocalDays(start, -scenario.warmUpDays);
  const to = addLocalDays(start, days);
  const otherWorkday = Math.max(0, (5 - scenario.mondayFactor) / 4);
  let total = 0;
  for (let day = from; day < to; day = addLocalDays(day, 1)) {
    const noon = day + 12 * HOUR;
    const factor = isWorkingDay(noon) ? (toLondon(noon).weekday === 1 ? scenario.mondayFactor : otherWorkday) : scenario.nonWorkingDayFactor;
    total += scenario.contactsPerWorkingDay * factor;
  }
  for (const surge of scenario.surges) {
    const first = dateAt(surge.date);
    for (let k = 0; k < surge.days; k++) {
      const day = addLocalDays(first, k);
      if (day >= from && day < to) total += surge.extraContacts / surge.days;
    }
  }
  return total;
}

/** The size of a list of runs (a comparison's or a sweep's jobs); runs of the same scenario and days are worked out once. */
export function sizeOf(runs: readonly SizedRun[], traced = false): RunSize {
  const known = new Map<Scenario, Map<number, number>>();
  let contacts = 0;
  let largestRun = 0;
  for (const r of runs) {
    const days = r.days ?? r.scenario.days;
    let byDays = known.get(r.scenario);
    if (!byDays) known.set(r.scenario, (byDays = new Map()));
    let n = byDays.get(days);
    if (n === undefined) byDays.set(days, (n = expectedContacts(r.scenario, days)));
    contacts += n;
    if (n > largestRun) largestRun = n;
  }
  return { runs: runs.length, largestRun, contacts, traced };
}

/** A whole number with thousands separated by commas ("25,000,000"). */
export function groupDigits(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** An estimate to three significant figures, written with commas ("145,000,000"). */
export function roughly(n: number): string {
  if (n < 1000) return groupDigits(n);
  const scale = 10 ** (Math.floor(Math.log10(n)) - 2);
  return groupDigits(Math.round(n / scale) * scale);
}

/**
 * Why a run of this size is not started without being asked, with the estimate; null when it is
 * within the limits. The caller adds how to go ahead (an option, a button).
 */
export function runSizeProblem(size: RunSize): string | null {
  const perRun = size.traced ? RUN_LIMITS.tracedContactsPerRun : RUN_LIMITS.contactsPerRun;
  if (size.largestRun > perRun) {
    return `one run would simulate about ${roughly(size.largestRun)} contacts, more than the ${groupDigits(perRun)} a run ${size.traced ? 'that keeps its whole trace' : 'that keeps only its figures'} holds in a few hundred MB of memory`;
  }
  if (size.contacts > RUN_LIMITS.contacts) {
    return `${size.runs === 1 ? 'the run' : `the ${groupDigits(size.runs)} runs`} would simulate about ${roughly(size.contacts)} contacts${size.runs === 1 ? '' : ` (up to ${roughly(size.largestRun)} a run)`}, more than the ${groupDigits(RUN_LIMITS.contacts)} a 2-core machine simulates in a few minutes`;
  }
  return null;
}
