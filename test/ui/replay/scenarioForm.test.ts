// The scenario form and the seed field as data (src/ui/replay/scenarioForm.ts): typed values are
// kept as typed, every problem is named at its field, and valid edits become a scenario.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyForm, applyPatch, formFromScenario, formKeyFor, levelMixSum, parseSeedText, validateForBoth } from '../../../src/ui/replay/scenarioForm';
import { ScenarioError } from '../../../src/core/scenario';
import { SCENARIO_DIR, loadScenario } from '../../support/scenarios';

const input = JSON.parse(readFileSync(join(SCENARIO_DIR, 'kingston-2013.json'), 'utf8')) as Record<string, unknown>;
const scenario = loadScenario('kingston-2013.json');

describe('the scenario form', () => {
  it('shows a scenario\u2019s figures as text', () => {
    const v = formFromScenario(scenario);
    expect(v.contactsPerWorkingDay).toBe('23');
    expect(v['levelMix.4']).toBe('0.076');
    expect(v['staff.caseCoordinator.count']).toBe('5');
  });

  it('turns valid edits into a scenario and a patch for the link', () => {
    const v = { ...formFromScenario(scenario), contactsPerWorkingDay: '30', 'staff.teamManager.count': '4' };
    const r = applyForm(input, scenario, v);
    expect(r.errors).toEqual({});
    expect(r.scenario?.contactsPerWorkingDay).toBe(30);
    expect(r.scenario?.staff.teamManager.count).toBe(4);
    expect(r.patch).toEqual({ contactsPerWorkingDay: 30, 'staff.teamManager.count': 4 });
    expect(applyPatch(input, r.patch).scenario).toEqual(r.scenario);
  });

  it('names the field of a value that is not a number, and keeps nothing from it', () => {
    const r = applyForm(input, scenario, { ...formFromScenario(scenario), contactsPerWorkingDay: 'lots', days: '7.5' });
    expect(r.scenario).toBeNull();
    expect(r.errors.contactsPerWorkingDay).toBe('Contacts per working day must be a number');
    expect(r.errors.days).toBe('Days in the period must be a whole number');
  });

  it('checks the other fields too when one is not a number', () => {
    const r = applyForm(input, scenario, { ...formFromScenario(scenario), contactsPerWorkingDay: 'lots', 'levelMix.1': '0.6' });
    expect(Object.keys(r.errors).sort()).toEqual(['contactsPerWorkingDay', 'levelMix']);
  });

  it('puts the schema\u2019s rule at the field it names, and a level mix that does not sum to 1 at the level mix', () => {
    const r = applyForm(input, scenario, { ...formFromScenario(scenario), 'levelMix.1': '0.6', contactsPerWorkingDay: '0' });
    expect(r.errors.levelMix).toBe('Level mix: shares must sum to 1');
    expect(r.errors.contactsPerWorkingDay).toBe('Contacts per working day must be a number from 0.1 to 2000');
    expect(levelMixSum({ ...formFromScenario(scenario), 'levelMix.1': '0.6' })).toBe(1.18);
  });

  it('needs every role staffed that either process uses, since both run side by side', () => {
    const input2015 = JSON.parse(readFileSync(join(SCENARIO_DIR, 'kingston-2015.json'), 'utf8')) as Record<string, unknown>;
    const scenario2015 = loadScenario('kingston-2015.json');
    const r = applyForm(input2015, scenario2015, { ...formFromScenario(scenario2015), 'staff.camhs.count': '0' });
    expect(r.errors['staff.camhs.count']).toContain('must be at least 1: the 2015 process puts work on this role');
    expect(() => validateForBoth({ ...input, staff: { ...(input.staff as object), caseCoordinator: { count: 0, caseload: 1 } } })).toThrow(ScenarioError);
  });

  it('does not ask for a role the scenario\u2019s own staff leaves out when the process using it has its own era\u2019s workforce', () => {
    // June 2013 gives the 2015 process the 2015 workforce (staffingByProcess), CAMHS included.
    const r = applyForm(input, scenario, { ...formFromScenario(scenario), 'staff.camhs.count': '0' });
    expect(r.errors['staff.camhs.count']).toBeUndefined();
  });

  it('maps schema fields to form fields, and leaves the rest for the summary', () => {
    expect(formKeyFor('staff.police.caseload')).toBe('staff.police.caseload');
    expect(formKeyFor('levelMix')).toBe('levelMix');
    expect(formKeyFor('sources')).toBeNull();
  });
});

describe('the seed', () => {
  it('reads seeds as the command line does', () => {
    expect(parseSeedText(' 42 ')).toEqual({ seed: 42, error: null });
    expect(parseSeedText('spring')).toEqual({ seed: 'spring', error: null });
    expect(parseSeedText('').error).toMatch(/Enter a seed/);
    expect(parseSeedText('12345678901234567890').error).toMatch(/at most 15 digits/);
  });
});
