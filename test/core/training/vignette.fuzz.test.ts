// Property test: 1,000+ malformed vignettes, made by mutating shipped ones (dropped fields, wrong
// types, out-of-range levels, bad times, unknown keys), each end in a VignetteError whose issues
// name the field that was broken: never a crash, never a different exception.
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VignetteError, parseVignette, parseVignetteText } from '../../../src/core/training';

const DIR = resolve(import.meta.dirname, '..', '..', '..', 'scenarios', 'training');
const originals = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(DIR, f), 'utf8')) as Record<string, unknown>);

type Path = (string | number)[];

function fieldOf(path: Path): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

function get(o: unknown, path: Path): unknown {
  let x = o as Record<string | number, unknown>;
  for (const p of path) x = x[p] as Record<string | number, unknown>;
  return x;
}

function set(o: unknown, path: Path, value: unknown): void {
  const parent = get(o, path.slice(0, -1)) as Record<string | number, unknown>;
  parent[path[path.length - 1]] = value;
}

function remove(o: unknown, path: Path): void {
  const parent = get(o, path.slice(0, -1)) as Record<string | number, unknown>;
  delete parent[path[path.length - 1]];
}

/** Fields without a default: dropping any one must fail. */
const REQUIRED: Path[] = [
  ['id'], ['title'], ['child'], ['child', 'ageBand'], ['child', 'summary'],
  ['contact'], ['contact', 'time'], ['contact', 'source'], ['contact', 'from'], ['contact', 'channel'], ['contact', 'text'],
  ['information'], ['information', 0, 'id'], ['information', 0, 'label'], ['information', 0, 'from'], ['information', 0, 'hours'], ['information', 0, 'answer'],
  ['reference'], ['reference', 'level'], ['reference', 'response'], ['reference', 'rationale'], ['reference', 'sources'],
  ['outcomes'], ['outcomes', '1'], ['outcomes', '2'], ['outcomes', '3'], ['outcomes', '4'],
];

/** Every field (leaf or not) that a wrong-typed value can replace. */
const ANY_FIELD: Path[] = [
  ...REQUIRED,
  ['boundaries'], ['child', 'disabled'], ['child', 'inEarlyHelp'], ['contact', 'day'], ['contact', 'formComplete'], ['contact', 'mentalHealth'],
  ['reference', 'indicators'], ['reference', 'sources', 0], ['notes'],
];

const OBJECTS: Path[] = [[], ['child'], ['contact'], ['information', 0], ['reference'], ['outcomes']];

/** A value of a type the field cannot take. */
function wrongTypeFor(original: unknown, pick: number): unknown {
  const byType: Record<string, unknown[]> = {
    string: [42, true, null, [], {}],
    number: ['1', true, null, [], {}],
    boolean: ['true', 1, null, [], {}],
    array: ['x', 1, {}, null, true],
    object: ['x', 1, [], null, false],
    // An optional field that was absent (notes, child.disabled, contact.day, ...): values no field takes.
    undefined: [null, {}],
  };
  const t = Array.isArray(original) ? 'array' : original === null ? 'object' : typeof original;
  const options = byType[t] ?? byType.object;
  return options[pick % options.length];
}

interface Mutation {
  apply(v: Record<string, unknown>, base: Record<string, unknown>): void;
  /** The field(s) an issue must name (an issue's field starts with one of them). */
  fields(v: Record<string, unknown>): string[];
  label: string;
}

const dropRequired = fc.constantFrom(...REQUIRED).map<Mutation>((path) => ({
  label: `drop ${fieldOf(path)}`,
  apply: (v) => remove(v, path),
  fields: () => [fieldOf(path)],
}));

const wrongType = fc.tuple(fc.constantFrom(...ANY_FIELD), fc.nat()).map<Mutation>(([path, pick]) => ({
  label: `wrong type at ${fieldOf(path)}`,
  // Wrong for the field's type in the shipped vignette (not for whatever an earlier mutation put
  // there, which could turn a wrong value back into a right one). An absent optional field
  // (`notes`) gets a value no field takes.
  apply: (v, base) => {
    let original: unknown;
    try {
      original = get(base, path);
    } catch {
      original = undefined;
    }
    set(v, path, wrongTypeFor(original, pick));
  },
  fields: () => [fieldOf(path)],
}));

const badLevel = fc.constantFrom<unknown>(0, 5, -1, 2.5, '3', null, 4.0001, 1e9, Number.NaN, Number.POSITIVE_INFINITY, [], {}).map<Mutation>((level) => ({
  label: `reference.level = ${String(level)}`,
  apply: (v) => set(v, ['reference', 'level'], level),
  fields: () => ['reference.level'],
}));

const badTime = fc
  .oneof(
    fc.constantFrom('24:00', '9:00', '12:60', '', 'noon', '02:00:00', 'T02:00', '2013-06-10T02:00', ' 02:00', '02:0'),
    fc.string().filter((s) => !/^([01]\d|2[0-3]):[0-5]\d$/.test(s)),
  )
  .map<Mutation>((time) => ({ label: `contact.time = ${JSON.stringify(time)}`, apply: (v) => set(v, ['contact', 'time'], time), fields: () => ['contact.time'] }));

const badDay = fc.constantFrom<unknown>(-4, 2, 0.5, '0', 99).map<Mutation>((day) => ({
  label: `contact.day = ${String(day)}`,
  apply: (v) => set(v, ['contact', 'day'], day),
  fields: () => ['contact.day'],
}));

const badHours = fc.constantFrom<unknown>(0, -1, 0.1, 46, '1', Number.NaN).map<Mutation>((hours) => ({
  label: `information[0].hours = ${String(hours)}`,
  apply: (v) => set(v, ['information', 0, 'hours'], hours),
  fields: () => ['information[0].hours'],
}));

const badEnum = fc
  .constantFrom<[Path, unknown]>(
    [['contact', 'source'], 'martian'],
    [['child', 'ageBand'], '0-1'],
    [['information', 0, 'from'], 'neighbour'],
    [['reference', 'response'], 'section47'],
    [['reference', 'indicators'], ['no-such-indicator']],
    [['boundaries'], ['not-a-boundary']],
    [['reference', 'sources'], ['Working Together 2013']],
    [['reference', 'sources'], ['005 ¶1']],
    [['reference', 'sources'], ['004 38']],
    [['id'], 'Has Spaces'],
    [['title'], ''],
    [['contact', 'text'], 'too short'],
    [['information'], []],
    [['reference', 'sources'], []],
  )
  .map<Mutation>(([path, value]) => ({ label: `${fieldOf(path)} = ${JSON.stringify(value)}`, apply: (v) => set(v, path, value), fields: () => [fieldOf(path)] }));

const KNOWN = new Set(['id', 'title', 'boundaries', 'child', 'contact', 'information', 'reference', 'outcomes', 'notes', 'ageBand', 'disabled', 'inEarlyHelp', 'summary', 'day', 'time', 'source', 'from', 'channel', 'formComplete', 'mentalHealth', 'text', 'label', 'hours', 'answer', 'level', 'response', 'indicators', 'rationale', 'sources', '1', '2', '3', '4']);

const extraKey = fc
  .tuple(fc.constantFrom(...OBJECTS), fc.string({ minLength: 1, maxLength: 12 }).filter((k) => !KNOWN.has(k) && k !== '__proto__'), fc.jsonValue())
  .map<Mutation>(([path, key, value]) => ({
    label: `extra key ${JSON.stringify(key)} at ${fieldOf(path) || '(vignette)'}`,
    apply: (v) => set(v, [...path, key], value),
    fields: () => [fieldOf([...path, key])],
  }));

const mutation = fc.oneof(dropRequired, wrongType, badLevel, badTime, badDay, badHours, badEnum, extraKey);

/** Apply mutations in order; later ones may land on a removed parent, which is then skipped. */
function applyAll(base: Record<string, unknown>, ms: Mutation[]): { v: Record<string, unknown>; fields: string[] } {
  const v = structuredClone(base);
  const fields: string[] = [];
  for (const m of ms) {
    try {
      m.apply(v, base);
      fields.push(...m.fields(v));
    } catch {
      // the parent was removed or replaced by an earlier mutation: nothing to mutate
    }
  }
  return { v, fields };
}

function namesAField(e: VignetteError, fields: string[]): boolean {
  const issueFields = e.issues.map((i) => i.field);
  // An issue names a mutated field, or one of its parents (a whole section replaced or removed).
  return fields.some((f) => issueFields.some((i) => i === f || f.startsWith(`${i}.`) || f.startsWith(`${i}[`) || i.startsWith(`${f}.`) || i.startsWith(`${f}[`)));
}

let runs = 0;

describe('fuzzed malformed vignettes', () => {
  it('end in a validation error naming the broken field, never a crash (1,000 runs)', () => {
    fc.assert(
      fc.property(fc.nat({ max: originals.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 3 }), (i, ms) => {
        const { v, fields } = applyAll(originals[i], ms);
        fc.pre(fields.length > 0);
        runs++;
        for (const parse of [() => parseVignette(v), () => parseVignetteText(JSON.stringify(v))]) {
          let thrown: unknown = null;
          try {
            parse();
          } catch (e) {
            thrown = e;
          }
          // JSON.stringify drops a wrong-typed `undefined`-valued key and turns NaN into null:
          // both still fail. Anything other than a VignetteError is a crash.
          if (!(thrown instanceof VignetteError)) {
            throw new Error(`expected a VignetteError for [${ms.map((m) => m.label).join('; ')}], got ${thrown === null ? 'a valid vignette' : String(thrown)}`);
          }
          for (const issue of thrown.issues) {
            expect(issue.field.length).toBeGreaterThan(0);
            expect(issue.rule.length).toBeGreaterThan(0);
          }
          if (!namesAField(thrown, fields)) {
            throw new Error(`no issue names ${fields.join(', ')} for [${ms.map((m) => m.label).join('; ')}]; issues: ${thrown.message}`);
          }
          // One thing broken: every issue is about it (no knock-on complaints about valid fields).
          if (ms.length === 1) {
            for (const issue of thrown.issues) {
              if (!namesAField(new VignetteError([issue]), fields)) throw new Error(`a stray issue for [${ms[0].label}]: ${issue.field}: ${issue.rule}`);
            }
          }
        }
      }),
      { numRuns: 1000 },
    );
    expect(runs).toBeGreaterThanOrEqual(1000);
  });
});
