/**
 * What is wrong with a file, field by field: the error a vignette or a learner's results file
 * throws, zod's issues in plain words, and JSON text decoded with a syntax error named.
 */
import type { z } from 'zod';

export interface FieldIssue {
  field: string;
  rule: string;
}

/** A vignette (or a learner's results file) that failed validation; each issue names a field. */
export class VignetteError extends Error {
  constructor(
    readonly issues: FieldIssue[],
    readonly file?: string,
  ) {
    super((file ? `${file}: ` : '') + issues.map((i) => `${i.field}: ${i.rule}`).join('\n'));
    this.name = 'VignetteError';
  }
}

export function fieldName(path: readonly PropertyKey[], root = '(vignette)'): string {
  if (path.length === 0) return root;
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join('');
}

/** zod issues as {field, rule}, in plain words (shared with the results-file parser). */
export function issuesOf(error: z.ZodError, root = '(vignette)'): FieldIssue[] {
  return error.issues.flatMap((i) => {
    // One issue per unknown key, each naming its own field.
    if (i.code === 'unrecognized_keys') return i.keys.map((k) => ({ field: fieldName([...i.path, k], root), rule: `is not a known field (${k})` }));
    if (i.code === 'invalid_type' && i.input === undefined) return [{ field: fieldName(i.path, root), rule: 'is required' }];
    return [{ field: fieldName(i.path, root), rule: i.message }];
  });
}

/** JSON text decoded; a syntax error is a VignetteError against '(file)'. */
export function decodeJson(text: string, file?: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new VignetteError([{ field: '(file)', rule: `is not valid JSON: ${(e as Error).message}` }], file);
  }
}
