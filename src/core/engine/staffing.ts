/**
 * Staffing by day: how many slots each role has on each simulated day (people x caseload), after
 * absences and agency vacancies drawn from the role's own stream (`staffing:<role>`).
 */
import { HOUR, addLocalDays, isWorkingDay, type Instant } from '../calendar';
import type { Role } from '../processes/common';
import { bernoulli, type Streams } from '../rng';
import type { Scenario } from '../scenario';

/** Working days in a month, for the agency's monthly turnover. */
const WORKING_DAYS_A_MONTH = 21;

/** Slots available per day for a role (index from simStart). */
export function staffingByDay(scenario: Scenario, role: Role, streams: Streams, simStart: Instant, days: number): number[] {
  const { count, caseload } = scenario.staff[role];
  const u = streams.stream(`staffing:${role}`);
  const agency = Math.round(count * scenario.agencyShare);
  const vacantUntil = new Array<number>(agency).fill(-1);
  const leaveChance = scenario.agencyMonthlyTurnover / WORKING_DAYS_A_MONTH;
  const vacancyDays = Math.round(scenario.vacancyWeeks * 7);
  const out: number[] = [];
  for (let d = 0; d < days; d++) {
    const working = isWorkingDay(addLocalDays(simStart, d) + 12 * HOUR);
    let vacant = 0;
    for (let a = 0; a < agency; a++) {
      if (vacantUntil[a] >= d) vacant++;
      else if (working && bernoulli(u, leaveChance)) {
        vacantUntil[a] = d + vacancyDays;
        vacant++;
      }
    }
    let absent = 0;
    const present = count - vacant;
    if (working) for (let p = 0; p < present; p++) if (bernoulli(u, scenario.absenceRate)) absent++;
    // At least one person always covers a staffed role (a manager steps in).
    const people = count === 0 ? 0 : Math.max(1, present - absent);
    out.push(people * caseload);
  }
  return out;
}
