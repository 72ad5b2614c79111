/**
 * The bounds on a scenario's numbers (src/core/bounds.ts): each is enforced by the schema with a
 * message that names the field and the rule in plain words (never zod's own wording), the values
 * at the bounds themselves are accepted, and the README's table lists the same bounds.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BOUNDED_FIELDS, BOUNDS, LIST_LIMITS, SHARE, ruleOf, type NumberBound } from '../../src/core/bounds';
import { ROLES } from '../../src/core/processes';
import { DEFAULT_DURATIONS, DEFAULT_EDT_STAFF, parseScenario } from '../../src/core/scenario';
import { loadScenarioJson, ROOT, scenarioIssues as issuesOf } from '../support/scenarios';

const BASE = loadScenarioJson('kingston-2013.json');
const ACTIVITIES = Object.keys(DEFAULT_DURATIONS);

/** Every concrete path a bound applies to, with its bound. */
const PATHS: { path: string; bound: NumberBound }[] = [
  { path: 'days', bound: BOUNDS.days },
  { path: 'warmUpDays', bound: BOUNDS.warmUpDays },
  { path: 'contactsPerWorkingDay', bound: BOUNDS.contactsPerWorkingDay },
  { path: 'mondayFactor', bound: BOUNDS.mondayFactor },
  ...ROLES.flatMap((r) => [
    { path: `staff.${r}.count`, bound: BOUNDS.staffCount },
    { path: `staff.${r}.caseload`, bound: BOUNDS.caseload },
  ]),
  ...ACTIVITIES.flatMap((a) => [
    { path: `durations.${a}.meanWorkingHours`, bound: BOUNDS.meanWorkingHours },
    { path: `durations.${a}.cv`, bound: BOUNDS.cv },
  ]),
  { path: 'surges[0].days', bound: BOUNDS.surgeDays },
  { path: 'surges[0].extraContacts', bound: BOUNDS.surgeExtraContacts },
  { path: 'vacancyWeeks', bound: BOUNDS.vacancyWeeks },
  // Another era's workforce for a process (kingston-2013.json gives the 2015 process 2015's): the same bounds.
  { path: 'staffingByProcess.2015.staff.raSocialWorker.count', bound: BOUNDS.staffCount },
  { path: 'staffingByProcess.2015.staff.raSocialWorker.caseload', bound: BOUNDS.caseload },
  { path: 'staffingByProcess.2015.vacancyWeeks', bound: BOUNDS.vacancyWeeks },
  { path: 'staffingByProcess.2015.agencyShare', bound: SHARE },
  { path: 'incompleteFormFactor', bound: BOUNDS.incompleteFormFactor },
  { path: 'escalateAfterWorkingHours', bound: BOUNDS.escalateAfterWorkingHours },
  ...[1, 2, 3, 4].map((l) => ({ path: `repeatContacts.weightByLevel.${l}`, bound: BOUNDS.repeatWeight })),
  { path: 'outcomes.stepUpAfterShareOfEarlyHelp', bound: BOUNDS.stepUpAfterShareOfEarlyHelp },
  ...['nonWorkingDayFactor', 'formCompleteShare', 'absenceRate', 'agencyShare', 'decisionAccuracy', 'repeatContactShare', 'repeatContacts.levelPersistence', 'levelClearShare.3'].map((path) => ({ path, bound: SHARE })),
];

/** A copy of the base scenario with `value` at `path` (a surge and the objects on the way made as needed). */
function withValue(path: string, value: unknown): Record<string, unknown> {
  const json = structuredClone(BASE);
  if (path.startsWith('surges[0]')) json.surges = [{ date: '2013-06-03', source: 'police', extraContacts: 10 }];
  if (path.startsWith('levelClearShare')) json.levelClearShare = { 1: 0.7, 2: 0.5, 3: 0.45, 4: 0.75 };
  let o = json as Record<string, unknown>;
  const keys = path.replace('surges[0]', 'surges.0').split('.');
  for (const k of keys.slice(0, -1)) {
    if (o[k] === null || typeof o[k] !== 'object') o[k] = {};
    o = o[k] as Record<string, unknown>;
  }
  o[keys[keys.length - 1]] = value;
  return json;
}

/** zod's own words, which must never reach a person. */
const LIBRARY_WORDS = /Invalid input|expected|received|Too (big|small)|Number must be|Required/;

describe('bounds on a scenario\u2019s numbers', () => {
  it.each(PATHS)('$path: a value just below or above the bound is refused, naming the field and the rule', ({ path, bound }) => {
    const step = bound.whole ? 1 : Math.max(1e-6, (bound.max - bound.min) / 1e6);
    for (const value of [bound.min - step, bound.max + step, bound.max * 1e6 + 1]) {
      const issues = issuesOf(withValue(path, value));
      expect(issues, `${path} = ${value}`).toContainEqual({ field: path, rule: ruleOf(bound) });
    }
  });

  it.each(PATHS)('$path: the values at the bound are accepted', ({ path, bound }) => {
    // A count of 0 would leave a role the June 2013 process needs unstaffed: that is another rule (checkStaffFor).
    const values = path.endsWith('.count') ? [bound.max] : [bound.min, bound.max];
    for (const value of values) {
      const issues = issuesOf(withValue(path, value)).filter((i) => i.field === path);
      expect(issues, `${path} = ${value}`).toEqual([]);
    }
  });

  it('refuses a fraction where a whole number is wanted, with the same rule', () => {
    for (const { path, bound } of PATHS.filter((p) => p.bound.whole)) {
      expect(issuesOf(withValue(path, bound.min + 0.5))).toContainEqual({ field: path, rule: ruleOf(bound) });
    }
  });

  it('puts every way of breaking a number into plain words naming the field, never the library\u2019s (1,000 generated files)', () => {
    const bad = fc.oneof(
      fc.constantFrom('1e999', '-1e999', '1e308', '-1e308', '9007199254740993', '0.5e-320'),
      fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => JSON.stringify(x)),
      fc.constantFrom('"seven"', 'null', 'true', '[]', '{}', '[1,2]', '""', '"1e9"'),
    );
    fc.assert(
      fc.property(fc.constantFrom(...PATHS), bad, ({ path, bound }, text) => {
        // Splice the value in as text, so that 1e999 reaches the parser as JSON.parse reads it (Infinity).
        const marker = '"__VALUE__"';
        const json = JSON.stringify(withValue(path, '__VALUE__')).replace(marker, text);
        const value = JSON.parse(text) as unknown;
        const issues = issuesOf(json, { asText: true });
        for (const i of issues) expect(i.rule, `${i.field}: ${i.rule}`).not.toMatch(LIBRARY_WORDS);
        const inBound = typeof value === 'number' && Number.isFinite(value) && value >= bound.min && value <= bound.max && (!bound.whole || Number.isInteger(value));
        if (!inBound) expect(issues.map((i) => i.field), `${path} = ${text}`).toContain(path);
        const mine = issues.filter((i) => i.field === path);
        // Inside the bound, only another rule can apply (a count of 0 for a role the process needs).
        if (inBound) expect(mine.map((i) => i.rule)).not.toContain(ruleOf(bound));
        else expect(mine).toEqual([{ field: path, rule: ruleOf(bound) }]);
      }),
      { numRuns: 1000 },
    );
  });

  it('says "is required" for a missing bounded field, not the rule', () => {
    const json = structuredClone(BASE);
    delete json.days;
    expect(issuesOf(json)).toEqual([{ field: 'days', rule: 'is required' }]);
  });

  it('lets a file leave out the emergency duty team\u2019s staffing (the default, an assumption) and refuses a count of 0 where the process gives it work', () => {
    const json = structuredClone(BASE) as { staff: Record<string, unknown> };
    delete json.staff.edtSocialWorker;
    expect(parseScenario(json).staff.edtSocialWorker).toEqual(DEFAULT_EDT_STAFF);
    expect(issuesOf(withValue('staff.edtSocialWorker.count', 0))).toEqual([
      { field: 'staff.edtSocialWorker.count', rule: 'must be at least 1: the 2013 process puts work on this role' },
    ]);
  });

  it('puts the library\u2019s wording for wrong types into words too (objects, lists, text)', () => {
    const cases: [string, unknown][] = [
      ['levelMix', 1],
      ['staff', []],
      ['surges', {}],
      ['sources', 'all of them'],
      ['name', 7],
      ['process', 2013],
    ];
    for (const [field, value] of cases) {
      const issues = issuesOf({ ...structuredClone(BASE), [field]: value });
      expect(issues.map((i) => i.field)).toContain(field);
      for (const i of issues) expect(i.rule).not.toMatch(LIBRARY_WORDS);
    }
  });

  it('limits the surges: how many, and their extra contacts in all', () => {
    const surge = { date: '2013-06-03', source: 'police', extraContacts: 10 };
    expect(issuesOf({ ...structuredClone(BASE), surges: Array.from({ length: LIST_LIMITS.surges + 1 }, () => surge) })).toContainEqual({ field: 'surges', rule: `must list at most ${LIST_LIMITS.surges} surges` });
    const big = { ...surge, extraContacts: BOUNDS.surgeExtraContacts.max };
    const n = Math.floor(LIST_LIMITS.surgesExtraContactsTotal / big.extraContacts) + 1;
    expect(issuesOf({ ...structuredClone(BASE), surges: Array.from({ length: n }, () => big) })).toContainEqual({ field: 'surges', rule: `must add at most ${LIST_LIMITS.surgesExtraContactsTotal} extra contacts in all` });
    expect(issuesOf({ ...structuredClone(BASE), surges: Array.from({ length: n - 1 }, () => big) })).toEqual([]);
  });

  it('limits the texts a file brings (name, sources)', () => {
    expect(issuesOf({ ...structuredClone(BASE), name: 'x'.repeat(LIST_LIMITS.nameLength + 1) })).toContainEqual({ field: 'name', rule: `must be at most ${LIST_LIMITS.nameLength} characters` });
    const sources = Array.from({ length: LIST_LIMITS.sources + 1 }, () => ({ field: 'days', source: 'assumption' }));
    expect(issuesOf({ ...structuredClone(BASE), sources })).toContainEqual({ field: 'sources', rule: `must list at most ${LIST_LIMITS.sources} sources` });
  });

  it('is listed in the README with the same bounds', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const from = readme.indexOf('### Bounds');
    const section = readme.slice(from, readme.indexOf('\n## ', from));
    const rows = new Map<string, string[]>();
    for (const m of section.matchAll(/^\| `([^`]+)` \| ([^|]+) \| ([^|]+) \| ([^|]*) \|/gm)) rows.set(m[1], [m[2].trim(), m[3].trim(), m[4].trim()]);
    for (const { field, bound } of BOUNDED_FIELDS) {
      expect(rows.get(field), field).toEqual([String(bound.min), String(bound.max), bound.whole ? 'yes' : '']);
    }
    expect(rows.size).toBe(BOUNDED_FIELDS.length);
  });
});
