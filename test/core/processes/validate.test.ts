// A chart the engine cannot run is refused with every problem named by state, field and rule.
import { describe, expect, it } from 'vitest';
import type { AnyStateMachine } from 'xstate';
import { ACTIVITIES, PROCESSES, chartFacts, chartProblems, spaSetup } from '../../../src/core/processes';
import { DEFAULT_DURATIONS } from '../../../src/core/scenario';

const chartWith = (meta: Record<string, unknown>) =>
  spaSetup.createMachine({ id: 'bad', initial: 'only', states: { only: { meta } } } as never) as unknown as AnyStateMachine;

const GOOD = { source: 'test', description: 'a state', report: { label: 'x', pending: true, decided: false }, undecided: true };

describe('checking a chart before it runs', () => {
  it('finds no problem in either shipped chart, and lists the roles each puts work on', () => {
    for (const machine of Object.values(PROCESSES)) {
      const { problems, roles } = chartProblems(machine as unknown as AnyStateMachine);
      expect(problems).toEqual([]);
      expect(roles).toContain('teamManager');
    }
  });

  it('names the state, the field and the rule for a bad timescale or plan, and for a timescale with no work to judge', () => {
    expect(chartProblems(chartWith({ ...GOOD, timescale: { measure: 'initialAssessment', workingDays: 0, from: 'referral', source: 'x' }, work: undefined })).problems).toEqual([
      expect.stringMatching(/^states\.only\.meta\.timescale: must be \{ measure: one of initialAssessment, coreAssessment, singleAssessment, initialConference, workingDays: a number above 0/),
    ]);
    expect(chartProblems(chartWith({ ...GOOD, timescale: { measure: 'singleAssessment', workingDays: 45, from: 'referral', source: 'DOMAIN.md' } })).problems).toEqual([
      'states.only.meta.timescale: must be given only on a state with work (the timescale is judged when the work ends)',
    ]);
    expect(chartProblems(chartWith({ ...GOOD, plan: 'childProtection' })).problems).toEqual(['states.only.meta.plan: must be given with keepsCaseOpen (how long the child is on the plan)']);
    expect(chartProblems(chartWith({ ...GOOD, plan: 'care', keepsCaseOpen: { days: 10, source: 'x' } })).problems).toEqual(['states.only.meta.plan: must be "childInNeed" or "childProtection"']);
  });

  it('names the state, the field and the rule for each bad fact in a state\u2019s meta', () => {
    const { problems } = chartProblems(
      chartWith({
        ...GOOD,
        stage: 'triage',
        priority: 'high',
        recordsLevel: 5,
        label: '',
        keepsCaseOpen: { days: -1 },
        work: { role: 'judge', activity: 'thinking', done: 'case.closed', longerIfFormIncomplete: 'yes' },
      }),
    );
    expect(problems).toEqual([
      expect.stringMatching(/^states\.only\.meta\.keepsCaseOpen: must not be given on a state with work/),
      expect.stringMatching(/^states\.only\.meta\.label: must be a non-empty string$/),
      expect.stringMatching(/^states\.only\.meta\.stage: must be one of screening, informationGathering, hold, /),
      'states.only.meta.priority: must be "urgent" or "routine"',
      'states.only.meta.recordsLevel: must be one of 1, 2, 3, 4',
      expect.stringMatching(/^states\.only\.meta\.keepsCaseOpen: must be \{ days: a number from 0 to 3660/),
      expect.stringMatching(/^states\.only\.meta\.work\.role: must be one of spaSocialWorker, /),
      expect.stringMatching(/^states\.only\.meta\.work\.activity: must be one of screening, /),
      expect.stringMatching(/^states\.only\.meta\.work\.done: must be one of screening\.completed, /),
      'states.only.meta.work.longerIfFormIncomplete: must be true or false',
      'states.only.on: must answer "case.closed", the event its meta.work says ends the work',
    ]);
  });

  it('names the rule for an allocation ceiling that is not whole working days with a source, or is on a state without work', () => {
    const work = { role: 'raSocialWorker', activity: 'allocation', done: 'case.allocated' };
    const ceiling = (a: unknown, withWork = true) => chartProblems(chartWith({ ...GOOD, ...(withWork ? { work } : {}), allocateOverCaseloadAfter: a })).problems.filter((p) => p.includes('allocateOverCaseloadAfter'));
    const rule = 'states.only.meta.allocateOverCaseloadAfter: must be { workingDays: a whole number from 0 to 60, source: where the figure comes from }';
    expect(ceiling({ workingDays: 3, source: '004 ¶30' })).toEqual([]);
    expect(ceiling({ workingDays: 0, source: 'x' })).toEqual([]);
    expect(ceiling({ workingDays: 2.5, source: 'x' })).toEqual([rule]);
    expect(ceiling({ workingDays: 61, source: 'x' })).toEqual([rule]);
    expect(ceiling({ workingDays: -1, source: 'x' })).toEqual([rule]);
    expect(ceiling({ workingDays: 3, source: ' ' })).toEqual([rule]);
    expect(ceiling({ workingDays: 3, source: '004 ¶30' }, false)).toEqual([expect.stringMatching(/^states\.only\.meta\.allocateOverCaseloadAfter: must be given only on a state with work/)]);
  });

  it('names the rule for a caseload hold that is not a role, whole working days in bounds and a source, or is on a state with work', () => {
    const work = { role: 'raSocialWorker', activity: 'allocation', done: 'case.allocated' };
    const hold = (h: unknown, withWork = false) => chartProblems(chartWith({ ...GOOD, ...(withWork ? { work } : {}), holdsCaseload: h })).problems.filter((p) => p.includes('holdsCaseload'));
    const rule = expect.stringMatching(/^states\.only\.meta\.holdsCaseload: must be \{ role: one of .*raSocialWorker.*, workingDays: a whole number from 1 to 250, source: where the figure comes from \}$/);
    expect(hold({ role: 'raSocialWorker', workingDays: 6, source: '004 ¶13' })).toEqual([]);
    expect(hold({ role: 'raSocialWorker', workingDays: 1, source: 'x' })).toEqual([]);
    expect(hold({ role: 'raSocialWorker', workingDays: 250, source: 'x' })).toEqual([]);
    expect(hold({ role: 'raSocialWorker', workingDays: 0, source: 'x' })).toEqual([rule]);
    expect(hold({ role: 'raSocialWorker', workingDays: 251, source: 'x' })).toEqual([rule]);
    expect(hold({ role: 'raSocialWorker', workingDays: 2.5, source: 'x' })).toEqual([rule]);
    expect(hold({ role: 'nobody', workingDays: 6, source: 'x' })).toEqual([rule]);
    expect(hold({ role: 'raSocialWorker', workingDays: 6, source: ' ' })).toEqual([rule]);
    expect(hold('six days')).toEqual([rule]);
    expect(hold({ role: 'raSocialWorker', workingDays: 6, source: '004 ¶13' }, true)).toEqual([expect.stringMatching(/^states\.only\.meta\.holdsCaseload: must not be given on a state with work/)]);
  });

  it('names the rule for a manager\u2019s recognition that is not a level, a share from 0 to 1, hours in bounds and a source', () => {
    const rule = 'states.only.meta.managerRecognises: must be { trueLevelAtLeast: ';
    for (const bad of [
      { trueLevelAtLeast: 5, share: 1, afterWorkingHours: 1, source: 'x' },
      { trueLevelAtLeast: 4, share: 1.5, afterWorkingHours: 1, source: 'x' },
      { trueLevelAtLeast: 4, share: 1, afterWorkingHours: -1, source: 'x' },
      { trueLevelAtLeast: 4, share: 1, afterWorkingHours: 1, source: ' ' },
      true,
    ]) {
      const { problems } = chartProblems(chartWith({ ...GOOD, managerRecognises: bad }));
      expect(problems).toHaveLength(1);
      expect(problems[0].startsWith(rule)).toBe(true);
    }
    expect(chartProblems(chartWith({ ...GOOD, managerRecognises: { trueLevelAtLeast: 4, share: 0.5, afterWorkingHours: 0, source: 'x' } })).problems).toEqual([]);
  });

  it('names the rule for a booking against a timescale without work, without a timescale, or against a start not known on entry', () => {
    const work = { role: 'raSocialWorker', activity: 'initialConference', done: 'conference.held' };
    const timescale = (from: string, workingDays = 15) => ({ measure: 'initialConference', workingDays, from, source: 'DOMAIN.md' });
    const booking = (meta: Record<string, unknown>) => chartProblems(chartWith({ ...GOOD, ...meta })).problems.filter((p) => p.includes('bookedWithinTimescale'));
    expect(booking({ work, timescale: timescale('strategyDiscussion'), bookedWithinTimescale: { source: 'Working Together 2013' } })).toEqual([]);
    expect(booking({ work, timescale: timescale('entry'), bookedWithinTimescale: { source: 'x' } })).toEqual([]);
    expect(booking({ work, timescale: timescale('strategyDiscussion'), bookedWithinTimescale: {} })).toEqual(['states.only.meta.bookedWithinTimescale: must be { source: where the booking practice comes from }']);
    expect(booking({ work, bookedWithinTimescale: { source: 'x' } })).toEqual([
      'states.only.meta.bookedWithinTimescale: must be given only on a state with work and a timescale (the meeting that ends the work is booked against the timescale)',
    ]);
    expect(booking({ timescale: timescale('entry'), bookedWithinTimescale: { source: 'x' } })).toEqual([
      'states.only.meta.bookedWithinTimescale: must be given only on a state with work and a timescale (the meeting that ends the work is booked against the timescale)',
    ]);
    expect(booking({ work, timescale: timescale('referral'), bookedWithinTimescale: { source: 'x' } })).toEqual([
      'states.only.meta.bookedWithinTimescale: the timescale must be counted from strategyDiscussion or entry (the starts known when the case enters the state), not referral',
    ]);
    expect(booking({ work, timescale: timescale('entry', 14.5), bookedWithinTimescale: { source: 'x' } })).toEqual([
      "states.only.meta.bookedWithinTimescale: the timescale's workingDays must be a whole number (the meeting is booked for a working day), not 14.5",
    ]);
  });

  it('names the rule for work that ends sooner for an outcome its event does not have, or after a share out of bounds', () => {
    const enquiry = (soonerFor: unknown, done = 'enquiry.completed') =>
      chartProblems(chartWith({ ...GOOD, work: { role: 'raSocialWorker', activity: 'section47Enquiry', done, soonerFor } })).problems.filter((p) => p.includes('soonerFor'));
    expect(enquiry({ outcome: 'conference', shareOfWork: 0.5, source: 'assumption' })).toEqual([]);
    expect(enquiry({ outcome: 'conference', shareOfWork: 1, source: 'assumption' })).toEqual([]);
    const rule = 'states.only.meta.work.soonerFor: must be { outcome: an outcome of the work\'s event, shareOfWork: a number above 0 and at most 1, source: where it comes from }';
    for (const bad of [{ outcome: 'conference', shareOfWork: 0, source: 'x' }, { outcome: 'conference', shareOfWork: 1.5, source: 'x' }, { outcome: 'conference', shareOfWork: 0.5 }, 'half']) {
      expect(enquiry(bad)).toEqual([rule]);
    }
    expect(enquiry({ outcome: 'plan', shareOfWork: 0.5, source: 'x' })).toEqual(['states.only.meta.work.soonerFor.outcome: must be one of conference, childInNeed, close (an outcome of enquiry.completed)']);
    expect(enquiry({ outcome: 'conference', shareOfWork: 0.5, source: 'x' }, 'strategy.held')).toEqual([
      'states.only.meta.work.soonerFor: must be given only on work whose event has drawn outcomes (case.allocated, assessment.completed, enquiry.completed, conference.held), not strategy.held',
    ]);
  });

  it('names the field and the rule for a bad parent contact alongside a state\u2019s work, and asks that the state answer its event', () => {
    const work = { role: 'caseCoordinator', activity: 'heldInformationGathering', done: 'information.gathered' };
    const good = { role: 'teamManager', activity: 'parentContact', done: 'parents.contacted', priority: 'afterRoutine', source: '004 ¶38' };
    const answering = (meta: Record<string, unknown>) =>
      spaSetup.createMachine({ id: 'held', initial: 'only', states: { only: { meta, on: { 'information.gathered': 'done', 'parents.contacted': 'done' } }, done: { type: 'final', meta: { ...GOOD, undecided: false } } } } as never) as unknown as AnyStateMachine;
    expect(chartProblems(answering({ ...GOOD, work, contactsParents: good })).problems).toEqual([]);
    expect(chartProblems(answering({ ...GOOD, work, contactsParents: good })).roles).toEqual(['caseCoordinator', 'teamManager']);
    expect(chartProblems(answering({ ...GOOD, work, contactsParents: { ...good, role: 'nobody' } })).problems).toEqual([expect.stringMatching(/^states\.only\.meta\.contactsParents\.role: must be one of /)]);
    expect(chartProblems(answering({ ...GOOD, work, contactsParents: { ...good, activity: 'chat' } })).problems).toEqual([expect.stringMatching(/^states\.only\.meta\.contactsParents\.activity: must be one of /)]);
    expect(chartProblems(answering({ ...GOOD, work, contactsParents: { ...good, done: 'parents.seen' } })).problems).toEqual([
      expect.stringMatching(/^states\.only\.meta\.contactsParents\.done: must be one of /),
      'states.only.on: must answer "parents.seen", the event its meta.contactsParents says ends the contact with the parents',
    ]);
    expect(chartProblems(answering({ ...GOOD, work, contactsParents: { ...good, priority: 'soon' } })).problems).toEqual(['states.only.meta.contactsParents.priority: must be "routine" or "afterRoutine"']);
    expect(chartProblems(answering({ ...GOOD, work, contactsParents: { ...good, source: '' } })).problems).toEqual([expect.stringMatching(/^states\.only\.meta\.contactsParents\.source: must say where/)]);
    expect(chartProblems(answering({ ...GOOD, work, contactsParents: 'the manager' })).problems).toEqual([expect.stringMatching(/^states\.only\.meta\.contactsParents: must be \{ role: /)]);
    expect(chartProblems(answering({ ...GOOD, contactsParents: good })).problems).toEqual([
      'states.only.meta.contactsParents: must be given only on a state with work (the contact falls due on the days of that work)',
    ]);
    expect(chartProblems(chartWith({ ...GOOD, work, contactsParents: good })).problems).toEqual([
      'states.only.on: must answer "parents.contacted", the event its meta.contactsParents says ends the contact with the parents',
      'states.only.on: must answer "information.gathered", the event its meta.work says ends the work',
    ]);
  });

  it('names the rule for a mental-health assessment with no source, or on a state with no work to end it', () => {
    const work = { role: 'camhs', activity: 'camhsScreening', done: 'camhs.assessed' };
    const problemsOf = (meta: Record<string, unknown>) =>
      chartProblems(spaSetup.createMachine({ id: 'bad', initial: 'only', states: { only: { meta, on: { 'camhs.assessed': 'only' } } } } as never) as unknown as AnyStateMachine).problems;
    expect(problemsOf({ ...GOOD, work, assessesMentalHealth: { source: ' ' } })).toEqual(['states.only.meta.assessesMentalHealth: must be { source: where it comes from }']);
    expect(problemsOf({ ...GOOD, work, assessesMentalHealth: true })).toEqual(['states.only.meta.assessesMentalHealth: must be { source: where it comes from }']);
    expect(problemsOf({ ...GOOD, assessesMentalHealth: { source: '000 ¶10' } })).toEqual([
      'states.only.meta.assessesMentalHealth: must be given only on a state with work (the need is assessed when the work ends)',
    ]);
    expect(problemsOf({ ...GOOD, work, assessesMentalHealth: { source: '000 ¶10' } })).toEqual([]);
  });

  it('asks for the meta a state must have', () => {
    expect(chartProblems(chartWith(undefined as never)).problems).toEqual(['states.only.meta: is required (source, description, report, undecided)']);
    expect(chartProblems(chartWith({ ...GOOD, report: undefined, undecided: 'no' })).problems).toEqual([
      'states.only.meta.report: is required ({ label, pending, decided })',
      'states.only.meta.undecided: must be true or false',
    ]);
  });

  it('names a work that says around the clock with anything but true or false', () => {
    const { problems } = chartProblems(chartWith({ ...GOOD, work: { role: 'edtSocialWorker', activity: 'emergencyResponse', done: 'emergency.responded', aroundTheClock: 'nights' } }));
    expect(problems).toContain('states.only.meta.work.aroundTheClock: must be true or false');
  });

  it('refuses a role that works around the clock in one state and in working hours in another, naming both states', () => {
    const edt = (aroundTheClock?: boolean) => ({ ...GOOD, work: { role: 'edtSocialWorker', activity: 'emergencyResponse', done: 'emergency.responded', ...(aroundTheClock === undefined ? {} : { aroundTheClock }) } });
    const machine = (second?: boolean) =>
      spaSetup.createMachine({
        id: 'mixed',
        initial: 'a',
        states: { a: { meta: edt(true), on: { 'emergency.responded': 'b' } }, b: { meta: edt(second), on: { 'emergency.responded': 'c' } }, c: { type: 'final', meta: GOOD } },
      } as never) as unknown as AnyStateMachine;
    expect(chartProblems(machine(true)).problems).toEqual([]);
    expect(chartProblems(machine()).problems).toEqual([
      expect.stringMatching(/^states\.b\.meta\.work\.aroundTheClock: must be the same for every state the role edtSocialWorker works \(not set here, true in "a"\)/),
    ]);
  });

  it('the shipped charts give the emergency duty team\u2019s work around the clock, and no other role\u2019s', () => {
    for (const machine of Object.values(PROCESSES)) {
      const facts = chartFacts(machine as unknown as AnyStateMachine);
      const roles = new Set(facts.states.filter((s) => s.aroundTheClock).map((s) => s.role));
      expect([...roles]).toEqual(['edtSocialWorker']);
      expect(facts.outOfHoursService).toBe(true);
    }
  });

  it('knows every activity a scenario gives a duration for, and no other', () => {
    expect([...ACTIVITIES].sort()).toEqual(Object.keys(DEFAULT_DURATIONS).sort());
  });
});

describe('checking that a state\u2019s work can end', () => {
  const WORK = { role: 'teamManager', activity: 'thresholdDecision', done: 'threshold.decided' };

  it('names a working state that does not answer the event that ends its work', () => {
    const machine = spaSetup.createMachine({ id: 'deaf', initial: 'a', states: { a: { meta: { ...GOOD, work: WORK }, on: { 'screening.completed': 'b' } }, b: { type: 'final', meta: GOOD } } } as never) as unknown as AnyStateMachine;
    expect(chartProblems(machine).problems).toEqual(['states.a.on: must answer "threshold.decided", the event its meta.work says ends the work']);
  });

  it('accepts a wildcard that answers it', () => {
    const machine = spaSetup.createMachine({ id: 'wild', initial: 'a', states: { a: { meta: { ...GOOD, work: WORK }, on: { 'threshold.*': 'b' } }, b: { type: 'final', meta: GOOD } } } as never) as unknown as AnyStateMachine;
    expect(chartProblems(machine).problems).toEqual([]);
  });

  it('refuses work on a final state, a plan with work, and a state with no source or description', () => {
    const machine = spaSetup.createMachine({
      id: 'odd',
      initial: 'a',
      states: { a: { type: 'final', meta: { ...GOOD, source: '', description: 7, work: WORK, keepsCaseOpen: { days: 10, source: 'x' } } } },
    } as never) as unknown as AnyStateMachine;
    expect(chartProblems(machine).problems).toEqual([
      expect.stringMatching(/^states\.a\.meta\.source: must say where the state comes from/),
      'states.a.meta.description: must describe the state in a sentence',
      expect.stringMatching(/^states\.a\.meta\.keepsCaseOpen: must not be given on a state with work/),
      'states.a.meta.work: must not be given on a final state (nothing can end the work)',
    ]);
  });
});
