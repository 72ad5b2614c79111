/**
 * zod's issues in plain words: each as the field it is about and the rule it breaks, never in the
 * library's own wording. Scenario files (scenario.ts) and process files (processes/processFile.ts)
 * report their problems this way.
 */
import type { z } from 'zod';

export interface Issue {
  field: string;
  rule: string;
}

const EXPECTED_WORDS: Record<string, string> = {
  object: 'must be a group of fields in braces { }',
  array: 'must be a list in brackets [ ]',
  string: 'must be text',
  number: 'must be a number',
  boolean: 'must be true or false',
};

/** A path as a field name: `staff.teamManager.count`, `surges[0].days`; `whole` names the top. */
export function fieldName(path: readonly PropertyKey[], whole: string): string {
  if (path.length === 0) return whole;
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join('');
}

/**
 * The rule an issue breaks, in plain words. A schema gives its own words for almost everything;
 * what is left in zod's own wording ("Invalid input: expected object, received number") is put
 * into words here, so that no message shows the library through.
 */
export function plainRule(i: z.core.$ZodIssue): string {
  if (!i.message.startsWith('Invalid')) return i.message;
  if (i.code === 'invalid_type') {
    if (/received undefined/.test(i.message)) return 'is required';
    return EXPECTED_WORDS[i.expected] ?? `must be ${i.expected}`;
  }
  if (i.code === 'invalid_value') return `must be one of ${i.values.map((v) => JSON.stringify(v)).join(', ')}`;
  return 'is not valid here';
}

/** Every issue of a failed parse, each once, an unknown field named as the field. */
export function issuesOf(error: z.ZodError, whole: string): Issue[] {
  const issues: Issue[] = [];
  for (const i of error.issues) {
    const issue = i.code === 'unrecognized_keys'
      ? { field: fieldName([...i.path, ...(i.keys.length === 1 ? [i.keys[0]] : [])], whole), rule: `is not a known field (${i.keys.join(', ')})` }
      : { field: fieldName(i.path, whole), rule: plainRule(i) };
    // One value can break a rule in two ways (1e300 is neither a safe whole number nor at most 500): say it once.
    if (!issues.some((x) => x.field === issue.field && x.rule === issue.rule)) issues.push(issue);
  }
  return issues;
}
