/**
 * The browser applies the same bounds as the command line (src/core/bounds.ts, runSize.ts):
 * in the scenario form, a loaded scenario file, a permalink, replications and the sweep; each
 * problem shown where it belongs and naming the field, nothing else lost, and a link's problem
 * kept on screen until dismissed. Runs the store with the worker's handler in-process.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BOUNDS, FILE_LIMITS, ruleOf } from '../../../src/core/bounds';
import { RUN_LIMITS } from '../../../src/core/runSize';
import { decodeLink, encodeLink, LINK_LIMITS } from '../../../src/ui/replay/permalink';
import { applyForm, FIELDS, formFromScenario, validateForBoth } from '../../../src/ui/replay/scenarioForm';
import { checkSweep } from '../../../src/ui/replay/sweepForm';
import { SCENARIO_DIR, loadScenario } from '../../support/scenarios';
import { makeStore, until } from '../../support/replayStore';

const JUNE_TEXT = readFileSync(join(SCENARIO_DIR, 'kingston-2013.json'), 'utf8');
const JUNE_JSON = JSON.parse(JUNE_TEXT) as Record<string, unknown>;
const june = loadScenario('kingston-2013.json');

describe('the scenario form', () => {
  it('puts a staff count beyond its bound at that field, in plain words', () => {
    const form = { ...formFromScenario(june), 'staff.police.count': '1000000000' };
    const r = applyForm(JUNE_JSON, june, form);
    expect(r.scenario).toBeNull();
    expect(r.errors['staff.police.count']).toBe(`Police: people ${ruleOf(BOUNDS.staffCount)}`);
    expect(Object.keys(r.errors)).toEqual(['staff.police.count']);
  });

  it('refuses at the days a period too long for the page to replay, with the estimate, and keeps what was typed', () => {
    const form = { ...formFromScenario(june), contactsPerWorkingDay: '2000', days: '365' };
    const r = applyForm(JUNE_JSON, june, form);
    expect(r.scenario).toBeNull();
    expect(r.errors.days).toMatch(/^Days in the period are too many at 2000 contacts a working day: each process would meet about [\d,]+ contacts, more than the 200,000 this page replays/);
    expect(form.days).toBe('365');
  });

  it('shows the bounds in the hints of the demand fields', () => {
    const byKey = new Map(FIELDS.map((f) => [f.key, f]));
    expect(byKey.get('contactsPerWorkingDay')!.hint).toContain(`From ${BOUNDS.contactsPerWorkingDay.min} to ${BOUNDS.contactsPerWorkingDay.max}`);
    expect(byKey.get('days')!.hint).toContain(`From ${BOUNDS.days.min} to ${BOUNDS.days.max}`);
  });

  it('lets through a run just within what the page replays', () => {
    expect(() => validateForBoth({ ...JUNE_JSON, contactsPerWorkingDay: 100, days: 365, warmUpDays: 0 })).not.toThrow();
    expect(RUN_LIMITS.tracedContactsPerRun).toBeGreaterThan(100 * 365);
  });
});

describe('a loaded scenario file', () => {
  it('refuses a file larger than a scenario can be before reading it, naming the limit', () => {
    const store = makeStore();
    expect(store.checkFileSize('huge.json', 30 << 20)).toBe(false);
    expect(store.getState().fileError).toEqual({ name: 'huge.json', issues: [{ field: '(file)', rule: 'is 30 MB; a scenario file can be at most 1 MB' }] });
    expect(store.checkFileSize('small.json', FILE_LIMITS['scenario file'])).toBe(true);
  });

  it('reads a file saved with a byte-order mark', async () => {
    const store = makeStore();
    expect(store.loadFile('notepad.json', `\uFEFF${JUNE_TEXT}`)).toBe(true);
    expect(store.getState().loadedFile?.scenario.name).toBe(june.name);
    await until(store, (s) => s.run?.status === 'ready');
  }, 60_000);

  it('names the field of a number beyond its bound, and changes nothing else', () => {
    const store = makeStore();
    const before = store.getState().form;
    expect(store.loadFile('big-staff.json', JSON.stringify({ ...JUNE_JSON, durations: { screening: { meanWorkingHours: 1e308 } } }))).toBe(false);
    expect(store.getState().fileError?.issues).toEqual([{ field: 'durations.screening.meanWorkingHours', rule: ruleOf(BOUNDS.meanWorkingHours) }]);
    expect(store.getState().form).toBe(before);
  });
});

describe('a permalink', () => {
  it('shows the changes it could not use, naming the field, and keeps saying so after the runs finish', async () => {
    const store = makeStore();
    store.start({ scenario: 'bank-holiday', seed: '5', patch: { 'staff.police.count': 1e9 } });
    expect(store.getState().linkNotice).toBe(`The changes in the link are not valid (Police: people ${ruleOf(BOUNDS.staffCount)}), so the scenario is shown as shipped.`);
    await until(store, (s) => s.run?.status === 'ready');
    expect(store.getState().linkNotice).toMatch(/Police: people must be a whole number from 0 to 500/);
    expect(store.getState().applied?.scenario.staff.police.count).toBe(loadScenario('bank-holiday.json').staff.police.count);
    store.dismissLinkNotice();
    expect(store.getState().linkNotice).toBeNull();
  }, 60_000);

  it('says why a scenario file in a link could not be used', async () => {
    const store = makeStore();
    store.start({ scenario: 'file', file: { name: 'x.json', data: { ...JUNE_JSON, staff: { ...(JUNE_JSON.staff as object), police: { count: 1e9, caseload: 1 } } } } });
    expect(store.getState().linkNotice).toBe(`The scenario in the link could not be used (staff.police.count: ${ruleOf(BOUNDS.staffCount)}), so the June 2013 scenario is shown.`);
    await until(store, (s) => s.run?.status === 'ready');
  }, 60_000);

  it('selects only a state the chart has: not __proto__, constructor or a made-up name', async () => {
    for (const state of ['__proto__', 'constructor', 'toString', 'nowhere']) {
      const link = decodeLink(`s=bank-holiday&seed=5&state=2013.${state}`);
      const store = makeStore();
      store.start(link);
      expect(store.getState().selectedState, state).toBeNull();
    }
    const store = makeStore();
    store.start(decodeLink('s=bank-holiday&seed=5&state=2013.heldByCaseCoordinator'));
    expect(store.getState().selectedState).toEqual({ process: '2013', state: 'heldByCaseCoordinator' });
    await until(store, (s) => s.run?.status === 'ready');
  }, 60_000);

  it('leaves out, unread, a file or changes longer than a link can carry', () => {
    const long = 'A'.repeat(LINK_LIMITS.file + 1);
    expect(decodeLink(`s=file&fn=x.json&f=${long}`)).toEqual({ scenario: 'file' });
    expect(decodeLink(`s=bank-holiday&p=${'A'.repeat(LINK_LIMITS.patch + 1)}`)).toEqual({ scenario: 'bank-holiday' });
    const ok = encodeLink({ scenario: 'file', file: { name: 'x.json', data: JUNE_JSON } });
    expect(decodeLink(ok).file?.data).toEqual(JUNE_JSON);
  });

  it('keeps the scenario\u2019s own seed, and says so, when the link\u2019s seed is not one', () => {
    const store = makeStore();
    store.start(decodeLink('s=bank-holiday&seed=1.5'));
    expect(store.getState().seedText).toBe(String(loadScenario('bank-holiday.json').seed));
    expect(store.getState().linkNotice).toMatch(/The seed in the link is not one this page can use/);
  });
});

describe('replications and the sweep', () => {
  it('refuses replications whose runs would take many minutes, with the estimate', async () => {
    const store = makeStore();
    store.start({ scenario: 'kingston-2015', seed: '1' });
    await until(store, (s) => s.applied !== null);
    store.setRepsText('1000');
    expect(store.startReps(1)).toBe(true);
    store.cancelReps();
    // A year of 2,000 contacts a working day: 10 replications are already too many.
    store.setField('contactsPerWorkingDay', '500');
    store.setField('days', '300');
    expect(store.submitForm()).toBe(true);
    await until(store, (s) => s.applied?.scenario.contactsPerWorkingDay === 500);
    store.setRepsText('100');
    expect(store.startReps(1)).toBe(false);
    expect(store.getState().reps.error).toMatch(/^The 200 runs would simulate about [\d,]+ contacts \(up to [\d,]+ a run\), more than the 25,000,000 .*Choose fewer replications$/);
  }, 120_000);

  it('refuses a sweep whose runs would take many minutes, at the replications', () => {
    const year = loadScenario('kingston-2015.json');
    const r = checkSweep({ choice: 'contactsPerWorkingDay', path: '', from: '1500', to: '2000', step: '100', replications: '100' }, year, ['2013', '2015'], 1);
    expect(r.errors.replications).toMatch(/^The 1,200 runs would simulate about [\d,]+ contacts .*Choose fewer replications or fewer values$/);
  });
});
