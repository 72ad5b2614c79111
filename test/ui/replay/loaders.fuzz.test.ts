/**
 * Fuzzing the browser's loaders (issue 17, item 7): generated bad scenarios through the replay
 * page's own ways in, a loaded file and a link, must each end in an inline problem that names the
 * faulty field, never a throw, and must lose nothing the user had (the scenario shown, the form).
 * The store runs in Node with a worker that never answers, so nothing is simulated: only the
 * loaders are exercised.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ReplayStore } from '../../../src/ui/replay/store';
import { decodeLink, encodeLink } from '../../../src/ui/replay/permalink';
import { faultArb, validScenarioJsonArb, type Fault } from '../../support/arbitraries';
import { loadScenario, shippedScenarios } from '../../support/scenarios';

const SEED = Number(process.env.FC_SEED ?? Math.floor(Math.random() * 2_147_483_647));
console.info(`fuzz-loaders: fast-check seed ${SEED} (replay with FC_SEED=${SEED})`);

const bases = shippedScenarios().map((f) => loadScenario(f));
const validJson = validScenarioJsonArb(bases);

/** A worker that takes messages and never answers: the loaders run, the simulation does not. */
class SilentWorker {
  onmessage = null;
  onerror = null;
  postMessage() {}
  terminate() {}
}
const makeQuietStore = () => new ReplayStore(() => new SilentWorker() as unknown as Worker);

function names(field: string, fault: Fault): boolean {
  return field === fault.field || field.startsWith(`${fault.field}.`) || field.startsWith(`${fault.field}[`);
}

function faulted(json: Record<string, unknown>, fault: Fault): Record<string, unknown> {
  const copy = structuredClone(json);
  fault.apply(copy);
  return copy;
}

describe('the browser loaders under fuzzing', () => {
  it('turns 200 malformed scenario files into an inline problem naming the field, keeping the scenario shown and the form', () => {
    const store = makeQuietStore();
    const before = store.getState();
    fc.assert(
      fc.property(validJson, faultArb, (json, fault) => {
        const text = JSON.stringify(faulted(json, fault), null, 2);
        expect(store.loadFile('fuzzed.json', text)).toBe(false);
        const s = store.getState();
        expect(s.fileError?.name).toBe('fuzzed.json');
        expect(
          s.fileError!.issues.some((i) => names(i.field, fault)),
          `${fault.kind}: expected an issue naming ${fault.field}, got ${JSON.stringify(s.fileError!.issues)}`,
        ).toBe(true);
        for (const i of s.fileError!.issues) expect(i.rule.length).toBeGreaterThan(0);
        // Nothing lost: the scenario shown, the loaded file (none) and the form are as they were.
        expect(s.source).toEqual(before.source);
        expect(s.loadedFile).toBe(before.loadedFile);
        expect(s.form).toBe(before.form);
        store.dismissFileError();
      }),
      { seed: SEED, numRuns: 200 },
    );
  });

  it('turns 200 links carrying a malformed scenario into a notice that stays, showing the shipped scenario', () => {
    const store = makeQuietStore();
    fc.assert(
      fc.property(validJson, faultArb, (json, fault) => {
        const query = encodeLink({ scenario: 'file', file: { name: 'shared.json', data: faulted(json, fault) } });
        store.applyLink(decodeLink(query));
        const s = store.getState();
        expect(s.source).toEqual({ kind: 'shipped', key: 'kingston-2013' });
        expect(s.linkNotice).toMatch(/^The scenario in the link could not be used \(.+\), so the June 2013 scenario is shown\.$/);
        // The notice names the field, unless more than three problems were found (then it says how many more).
        const field = fault.field.split(/[.[]/)[0];
        expect(s.linkNotice!.includes(field) || /and \d+ more/.test(s.linkNotice!), s.linkNotice!).toBe(true);
      }),
      { seed: SEED + 1, numRuns: 200 },
    );
  });

  it('reads 300 links of arbitrary text without throwing, keeping only what it can use', () => {
    const store = makeQuietStore();
    const part = fc.oneof(fc.string({ maxLength: 60 }), fc.base64String({ maxLength: 200 }), fc.constantFrom('__proto__', 'constructor', '2013.__proto__', '%E0%A4%A', 'file'));
    const query = fc
      .array(fc.tuple(fc.constantFrom('s', 'f', 'fn', 'p', 'seed', 't', 'case', 'state', 'speed', 'x'), part), { maxLength: 8 })
      .map((pairs) => pairs.map(([k, v]) => `${k}=${v}`).join('&'));
    fc.assert(
      fc.property(query, (q) => {
        const link = decodeLink(q);
        expect(() => store.applyLink(link)).not.toThrow();
        const s = store.getState();
        // Whatever the link said, a scenario is shown and a selected state is an own state of a chart or nothing.
        expect(s.source.kind === 'shipped' || s.loadedFile !== null).toBe(true);
        if (s.selectedState) expect(['__proto__', 'constructor']).not.toContain(s.selectedState.state);
      }),
      { seed: SEED + 2, numRuns: 300 },
    );
  });
});
