/**
 * A scenario may give a process its own era's workforce (`staffingByProcess`): the process runs
 * with it, the other with the scenario's own, on the same children; every problem names the field.
 */
import { describe, expect, it } from 'vitest';
import { staffedFor, staffingWords } from '../../src/core/scenario';
import { loadScenario, loadScenarioJson, scenarioIssues as issuesOf } from '../support/scenarios';

const june2013 = loadScenario('kingston-2013.json');

describe('a workforce for each era', () => {
  it('runs the 2015 process on June 2013 with 2015\u2019s workforce and the 2013 process with the scenario\u2019s own', () => {
    expect(staffedFor(june2013, '2013')).toBe(june2013);
    const in2015 = staffedFor(june2013, '2015');
    expect(in2015.staff.raSocialWorker.count).toBe(june2013.staffingByProcess[2015]!.staff.raSocialWorker.count);
    expect(in2015.agencyShare).toBe(0.07);
    expect(in2015.contactsPerWorkingDay).toBe(june2013.contactsPerWorkingDay); // the same children
    expect(staffingWords(june2013, '2015')).toMatch(/^its own era's workforce \(staffingByProcess\.2015: .*000/);
    expect(staffingWords(june2013, '2013')).toBe("the scenario's own workforce (staff)");
  });

  it('asks each workforce where its figures come from, naming the field', () => {
    const json = loadScenarioJson('kingston-2013.json') as { staffingByProcess: { 2015: Record<string, unknown> } };
    delete json.staffingByProcess[2015].source;
    expect(issuesOf(json)).toContainEqual({ field: 'staffingByProcess.2015.source', rule: 'is required' });
  });

  it('refuses a workforce that leaves a role its process needs unstaffed, naming that workforce\u2019s field', () => {
    const json = loadScenarioJson('kingston-2013.json') as { staffingByProcess: { 2015: { staff: { camhs: { count: number } } } } };
    json.staffingByProcess[2015].staff.camhs.count = 0;
    expect(issuesOf(json)).toEqual([{ field: 'staffingByProcess.2015.staff.camhs.count', rule: 'must be at least 1: the 2015 process puts work on this role' }]);
  });

  it('refuses a workforce for a process that does not exist', () => {
    const json = loadScenarioJson('kingston-2013.json') as { staffingByProcess: Record<string, unknown> };
    json.staffingByProcess[2019] = json.staffingByProcess[2015];
    expect(issuesOf(json)).toContainEqual({ field: 'staffingByProcess.2019', rule: 'is not a known field (2019)' });
  });
});
