/**
 * Fuzzing the input boundary: valid scenario files with one fault put in (a field dropped, a
 * wrong type, shares that do not sum to 1, a bad date, a negative head count, an unknown key,
 * a wrong process, ...) must each end in a validation error that names the field at fault,
 * never a crash and never a run; and the command line must exit 2 on such a file, saying which
 * field and which rule.
 */
import { readFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { run, type Io } from '../../src/cli/check-process';
import { parseScenario, parseScenarioText, ScenarioError, type Scenario } from '../../src/core/scenario';
import { faultArb, validScenarioJsonArb, type Fault } from '../support/arbitraries';
import { SCENARIO_DIR, loadScenario, shippedScenarios } from '../support/scenarios';

const SEED = Number(process.env.FC_SEED ?? Math.floor(Math.random() * 2_147_483_647));
console.info(`fuzz-scenario: fast-check seed ${SEED} (replay with FC_SEED=${SEED})`);

const shipped = shippedScenarios();
const bases: Scenario[] = shipped.map((f) => loadScenario(f));
/** The shipped files as written (defaults left out), and generated scenarios with every field. */
const validJson = fc.oneof(
  fc.constantFrom(...shipped).map((f) => JSON.parse(readFileSync(join(SCENARIO_DIR, f), 'utf8')) as Record<string, unknown>),
  validScenarioJsonArb(bases),
);

/** Whether an error's field names the faulty one (the field itself, or a field inside it). */
function names(issueField: string, fault: Fault): boolean {
  return issueField === fault.field || issueField.startsWith(`${fault.field}.`) || issueField.startsWith(`${fault.field}[`);
}

function parseWith(json: Record<string, unknown>, fault: Fault): ScenarioError {
  const copy = structuredClone(json);
  fault.apply(copy);
  try {
    parseScenario(copy);
  } catch (e) {
    if (e instanceof ScenarioError) return e;
    throw new Error(`${fault.kind} (${fault.field}) crashed the parser: ${(e as Error)?.stack ?? e}`);
  }
  throw new Error(`${fault.kind} (${fault.field}) was accepted: ${JSON.stringify(copy[fault.field.split(/[.[]/)[0]])}`);
}

describe('scenario validation under fuzzing', () => {
  it('accepts every valid scenario it mutates (so a rejection below is the fault\u2019s doing)', () => {
    fc.assert(
      fc.property(validJson, (json) => {
        parseScenario(structuredClone(json));
      }),
      { seed: SEED, numRuns: 200 },
    );
  });

  it('turns 1,200 malformed scenarios into validation errors that name the faulty field, never a crash', () => {
    const kinds = new Set<string>();
    fc.assert(
      fc.property(validJson, faultArb, (json, fault) => {
        kinds.add(fault.kind);
        const error = parseWith(json, fault);
        expect(error.issues.length).toBeGreaterThan(0);
        for (const issue of error.issues) {
          expect(issue.field.length).toBeGreaterThan(0);
          expect(issue.rule.length).toBeGreaterThan(0);
        }
        expect(
          error.issues.some((i) => names(i.field, fault)),
          `${fault.kind}: expected an issue naming ${fault.field}, got ${JSON.stringify(error.issues)}`,
        ).toBe(true);
      }),
      { seed: SEED, numRuns: 1200 },
    );
    expect(kinds.size).toBeGreaterThanOrEqual(15);
  });

  it('reads a malformed file the same way as the object (JSON text in, named field out)', () => {
    fc.assert(
      fc.property(validJson, faultArb, (json, fault) => {
        const copy = structuredClone(json);
        fault.apply(copy);
        let caught: unknown = null;
        try {
          parseScenarioText(JSON.stringify(copy));
        } catch (e) {
          caught = e;
        }
        expect(caught).toBeInstanceOf(ScenarioError);
        expect((caught as ScenarioError).issues.some((i) => names(i.field, fault))).toBe(true);
      }),
      { seed: SEED + 1, numRuns: 300 },
    );
  });

  it('makes check-process exit 2 on a malformed file, naming the file, the field and the rule', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fuzz-scenario-'));
    const samples = fc.sample(fc.tuple(validJson, faultArb), { seed: SEED, numRuns: 40 });
    for (const [k, [json, fault]] of samples.entries()) {
      const copy = structuredClone(json);
      fault.apply(copy);
      const file = join(dir, `bad-${k}.json`);
      writeFileSync(file, JSON.stringify(copy));
      let err = '';
      let out = '';
      const io: Io = { out: (s) => void (out += s), err: (s) => void (err += s), isTTY: false, randomSeed: () => 1 };
      const code = await run([file, '--runs', '1'], io);
      expect(code, `${fault.kind}: ${err}`).toBe(2);
      expect(out).toBe('');
      const lines = err.trim().split('\n');
      expect(lines.some((l) => l.includes(`${file}: ${fault.field}`)), `${fault.kind}: ${err}`).toBe(true);
    }
  });

  it('makes check-process exit 2 on a file that is not JSON', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fuzz-scenario-'));
    for (const [k, text] of ['', '{', '{"name": }', 'null', '[]', '"scenario"', '{"name": "x",}'].entries()) {
      const file = join(dir, `text-${k}.json`);
      writeFileSync(file, text);
      let err = '';
      const code = await run([file], { out: () => {}, err: (s) => void (err += s), isTTY: false, randomSeed: () => 1 });
      expect(code, text).toBe(2);
      expect(err).toMatch(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: \\(`));
    }
  });
});
