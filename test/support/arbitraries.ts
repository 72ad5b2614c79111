/**
 * fast-check arbitraries for the tests: the generated scenarios and contact streams that
 * `npm run check-process` uses (src/cli/check/arbitraries.ts), and malformed scenarios for
 * fuzzing the input boundary (each knows the field its fault is in).
 */
import fc from 'fast-check';
import { ROLES } from '../../src/core/processes';
import type { Scenario } from '../../src/core/scenario';
import { scenarioOf, variantArb } from '../../src/cli/check/arbitraries';

export * from '../../src/cli/check/arbitraries';

/** Valid scenario files: a base scenario's variants, as plain JSON objects. */
export function validScenarioJsonArb(bases: readonly Scenario[]): fc.Arbitrary<Record<string, unknown>> {
  return fc
    .constantFrom(...bases)
    .chain((base) => variantArb(base).map((v) => scenarioOf(base, v)))
    .map((sc) => JSON.parse(JSON.stringify(sc)) as Record<string, unknown>);
}

/** One fault put into a valid scenario, and the field a good error message must name. */
export interface Fault {
  kind: string;
  /** The field the error must name (an issue's field equals it or lies inside it). */
  field: string;
  apply(json: Record<string, unknown>): void;
}

const REQUIRED = ['name', 'description', 'process', 'start', 'days', 'seed', 'contactsPerWorkingDay', 'levelMix', 'staff', 'sources'] as const;
const NUMBER_FIELDS = [
  'days',
  'warmUpDays',
  'contactsPerWorkingDay',
  'nonWorkingDayFactor',
  'mondayFactor',
  'formCompleteShare',
  'immediateDangerShareOfLevel4',
  'mentalHealthShare',
  'repeatContactShare',
  'absenceRate',
  'agencyShare',
  'agencyMonthlyTurnover',
  'vacancyWeeks',
  'incompleteFormFactor',
  'escalateAfterWorkingHours',
  'decisionAccuracy',
  'underThresholdShare',
  'parentalAccountUnderThreshold',
  'parentContactPerHoldDay',
  'earlyHelpEscalationShare',
] as const;
const SHARE_FIELDS = NUMBER_FIELDS.filter((f) => /Share|Rate|Accuracy|Factor$|Turnover|PerHoldDay/.test(f) && f !== 'mondayFactor' && f !== 'incompleteFormFactor');
const OBJECT_FIELDS = ['levelMix', 'sourceMix', 'staff', 'durations', 'levelClearShare'] as const;

const wrongValue = fc.constantFrom<unknown>('seven', true, null, [], {}, [1, 2], '');
const badDate = fc.constantFrom('2013-02-30', '2011-12-31', '2017-01-01', '13-06-01', '2013/06/01', '2013-6-1', '', 'tomorrow', '2013-13-01', '2014-00-10');

/** Sets a value at a path, making the objects on the way if the file left them out. */
function set(json: Record<string, unknown>, path: (string | number)[], value: unknown): void {
  let o = json as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) {
    if (o[key] === null || typeof o[key] !== 'object') o[key] = {};
    o = o[key] as Record<string | number, unknown>;
  }
  o[path[path.length - 1]] = value;
}

/** Faults of every kind the schema must catch. */
export const faultArb: fc.Arbitrary<Fault> = fc.oneof(
  fc.constantFrom(...REQUIRED).map((f): Fault => ({ kind: 'missing required field', field: f, apply: (j) => void delete j[f] })),
  fc.tuple(fc.constantFrom(...NUMBER_FIELDS), wrongValue).map(([f, v]): Fault => ({ kind: 'wrong type', field: f, apply: (j) => set(j, [f], v) })),
  fc.tuple(fc.constantFrom('name', 'description', 'process', 'start'), fc.constantFrom<unknown>(7, null, true, {}, [])).map(([f, v]): Fault => ({ kind: 'wrong type', field: f, apply: (j) => set(j, [f], v) })),
  fc.tuple(fc.constantFrom(...OBJECT_FIELDS), fc.constantFrom<unknown>(1, 'all', null, [])).map(([f, v]): Fault => ({ kind: 'wrong type', field: f, apply: (j) => set(j, [f], v) })),
  fc.tuple(fc.constantFrom(...SHARE_FIELDS), fc.oneof(fc.double({ min: 1.0001, max: 1e6, noNaN: true }), fc.double({ min: -1e6, max: -0.0001, noNaN: true }))).map(
    ([f, v]): Fault => ({ kind: 'share out of range', field: f, apply: (j) => set(j, [f], v) }),
  ),
  fc.tuple(fc.constantFrom<1 | 2 | 3 | 4>(1, 2, 3, 4), fc.double({ min: 0.01, max: 0.5, noNaN: true })).map(
    ([level, extra]): Fault => ({
      kind: 'level mix does not sum to 1',
      field: 'levelMix',
      apply: (j) => {
        const mix = j.levelMix as Record<string, number>;
        mix[level] = Math.min(1, mix[level] + extra);
        if (Math.abs(Object.values(mix).reduce((a, b) => a + b, 0) - 1) < 1e-3) mix[level] = Math.max(0, mix[level] - 2 * extra);
      },
    }),
  ),
  fc.tuple(fc.constantFrom('police', 'school', 'health', 'family', 'public', 'anonymous'), fc.double({ min: 0.01, max: 0.5, noNaN: true })).map(
    ([source, extra]): Fault => ({
      kind: 'source mix does not sum to 1',
      field: 'sourceMix',
      apply: (j) => {
        const mix = j.sourceMix as Record<string, number>;
        mix[source] = mix[source] + extra > 1 ? mix[source] - extra / 2 : mix[source] + extra;
        if (mix[source] < 0) mix[source] = 1;
      },
    }),
  ),
  badDate.map((d): Fault => ({ kind: 'bad start date', field: 'start', apply: (j) => set(j, ['start'], d) })),
  fc.tuple(fc.constantFrom(...ROLES), fc.constantFrom(-1, -20, 1.5, 0.25, '3', null)).map(
    ([role, v]): Fault => ({ kind: 'bad staff count', field: `staff.${role}.count`, apply: (j) => set(j, ['staff', role, 'count'], v) }),
  ),
  fc.tuple(fc.constantFrom(...ROLES), fc.constantFrom(0, -3, 2.5)).map(
    ([role, v]): Fault => ({ kind: 'bad caseload', field: `staff.${role}.caseload`, apply: (j) => set(j, ['staff', role, 'caseload'], v) }),
  ),
  // The emergency duty team's staffing may be left out (scenario.ts DEFAULT_EDT_STAFF): not a fault.
  fc.constantFrom(...ROLES.filter((r) => r !== 'edtSocialWorker')).map((role): Fault => ({ kind: 'missing role', field: `staff.${role}`, apply: (j) => void delete (j.staff as Record<string, unknown>)[role] })),
  fc.tuple(fc.constantFrom('colour', 'Process', 'seeds', 'contactsPerDay', 'warmup', 'levelmix'), fc.jsonValue()).map(
    ([key, v]): Fault => ({ kind: 'unknown key', field: key, apply: (j) => set(j, [key], v ?? 0) }),
  ),
  fc.tuple(fc.constantFrom('levelMix', 'staff', 'durations', 'sourceMix'), fc.constantFrom('5', 'extra', 'level5')).map(
    ([parent, key]): Fault => ({
      kind: 'unknown nested key',
      field: `${parent}.${key}`,
      apply: (j) => {
        const o = j[parent] as Record<string, unknown>;
        o[key] = parent === 'staff' ? { count: 1 } : 0;
      },
    }),
  ),
  fc.constantFrom<unknown>('2014', '2016', 2013, 2015, '', 'spa2015', null).map((p): Fault => ({ kind: 'wrong process', field: 'process', apply: (j) => set(j, ['process'], p) })),
  fc.constantFrom(0, -1, 1.5, 4000, 1e9).map((d): Fault => ({ kind: 'bad days', field: 'days', apply: (j) => set(j, ['days'], d) })),
  fc.constantFrom(0, 0.05, -2, 2001).map((d): Fault => ({ kind: 'bad demand', field: 'contactsPerWorkingDay', apply: (j) => set(j, ['contactsPerWorkingDay'], d) })),
  fc.constantFrom<unknown>(1.5, '', null, {}, []).map((s): Fault => ({ kind: 'bad seed', field: 'seed', apply: (j) => set(j, ['seed'], s) })),
  fc.tuple(fc.constantFrom('screening', 'assessment', 'earlyHelp', 'jointVisit'), fc.constantFrom(-1, 'long', null)).map(
    ([activity, v]): Fault => ({ kind: 'bad duration', field: `durations.${activity}.meanWorkingHours`, apply: (j) => set(j, ['durations', activity, 'meanWorkingHours'], v) }),
  ),
  fc.tuple(badDate, fc.constantFrom(-5, 1.5)).map(
    ([date, extra]): Fault => ({
      kind: 'bad surge',
      field: 'surges[0]',
      apply: (j) => set(j, ['surges'], [{ date, days: 1, source: 'police', extraContacts: extra }]),
    }),
  ),
  fc.constantFrom('teamManager', 'spaSocialWorker', 'raSocialWorker', 'earlyHelpWorker').map(
    (role): Fault => ({ kind: 'process needs an unstaffed role', field: `staff.${role}.count`, apply: (j) => set(j, ['staff', role, 'count'], 0) }),
  ),
  fc.constant<Fault>({ kind: 'no sources', field: 'sources', apply: (j) => set(j, ['sources'], []) }),
  fc.constantFrom<unknown>([{ field: '', source: 'x' }], [{ field: 'days' }], ['a source']).map((s): Fault => ({ kind: 'bad source', field: 'sources[0]', apply: (j) => set(j, ['sources'], s) })),
);
