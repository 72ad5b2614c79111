/**
 * Named behaviours of the 2013 and 2015 front-door statecharts, one behaviour per test. The
 * journeys are driven with xstate's pure `initialTransition` / `transition` (see
 * test/support/machines.ts); time only enters as clock events sent by the test, as by the engine.
 */
import { describe, expect, it } from 'vitest';
import { LEVELS, type Level } from '../../../src/core/levels';
import { spa2013, spa2015, type SpaEvent } from '../../../src/core/processes';
import { MACHINES, findAfterKeys, makeInput, metaOf, run, send, stateNames, stateNode, stateOf } from '../../support/machines';

const screened: SpaEvent = { type: 'screening.completed' };
const decided = (level: Level): SpaEvent => ({ type: 'threshold.decided', level });
const unclear = makeInput({ levelClear: false });
const clear = makeInput({ levelClear: true });

describe('2013: the unclear contact held in the SPA', () => {
  it('an unclear level-3 contact is assigned to a case coordinator and is recorded as advice and information while it is held', () => {
    let snap = run(spa2013, unclear, [screened]);
    expect(stateOf(snap)).toBe('heldByCaseCoordinator');
    const meta = metaOf(spa2013, 'heldByCaseCoordinator');
    expect(meta.report.label).toContain('advice and information');
    expect(meta.report.pending).toBe(false);
    expect(meta.undecided).toBe(true);
    expect(meta.work?.role).toBe('caseCoordinator');
    expect(meta.childSeen).toBe(false);

    // The one-working-day clock runs out: the breach is noted, nothing escalates.
    snap = send(spa2013, snap, { type: 'clock.oneWorkingDayElapsed' });
    expect(stateOf(snap)).toBe('heldByCaseCoordinator');
    expect(snap.context.breached).toBe(true);
    expect(snap.context.escalated).toBe(false);

    // 2013 has no escalation: the escalation clock changes nothing.
    const afterEscalationDue = send(spa2013, snap, { type: 'clock.escalationDue' });
    expect(stateOf(afterEscalationDue)).toBe('heldByCaseCoordinator');
    expect(afterEscalationDue.context).toEqual(snap.context);

    snap = send(spa2013, afterEscalationDue, { type: 'information.gathered' });
    snap = send(spa2013, snap, decided(3));
    expect(stateOf(snap)).toBe('awaitingAllocation');
    expect(snap.context.decidedLevel).toBe(3);
    expect(metaOf(spa2013, 'awaitingAllocation').unallocated).toBe(true);
  });

  it('a held contact rests on what the parents said, and the team manager\'s contact with the parents ends the hold in a decision', () => {
    let snap = run(spa2013, unclear, [screened]);
    expect(snap.context.decisionOnParentalAccount).toBe(true);
    snap = send(spa2013, snap, { type: 'parents.contacted' });
    expect(stateOf(snap)).toBe('awaitingDecision');
    expect(snap.context.parentContacts).toBe(1);
    expect(snap.context.decisionOnParentalAccount).toBe(true);
  });

  it('in 2013 a mental-health contact whose level is unclear is held by a case coordinator like any other', () => {
    const snap = run(spa2013, makeInput({ levelClear: false, mentalHealth: true }), [screened]);
    expect(stateOf(snap)).toBe('heldByCaseCoordinator');
  });
});

describe('2015: the unclear contact screened by a qualified worker on the clock', () => {
  it('in 2015 an unclear level-3 contact stays visibly pending and is escalated to a manager before the one-working-day clock runs out', () => {
    let snap = run(spa2015, unclear, [screened]);
    expect(stateOf(snap)).toBe('informationGathering');
    const meta = metaOf(spa2015, 'informationGathering');
    expect(meta.report.pending).toBe(true);
    expect(meta.undecided).toBe(true);
    expect(meta.work?.role).toBe('spaSocialWorker');

    snap = send(spa2015, snap, { type: 'clock.escalationDue' });
    expect(stateOf(snap)).toBe('escalatedToManager');
    expect(snap.context.escalated).toBe(true);
    expect(snap.context.breached).toBe(false);
    expect(metaOf(spa2015, 'escalatedToManager').report.pending).toBe(true);

    snap = send(spa2015, snap, decided(3));
    expect(stateOf(snap)).toBe('awaitingAllocation');
    expect(snap.context.decidedLevel).toBe(3);
    expect(snap.context.rationaleRecorded).toBe(true);
    expect(snap.context.breached).toBe(false);
  });

  it('in 2015 a mental-health contact whose level is unclear is screened by the CAMHS worker in the SPA', () => {
    let snap = run(spa2015, makeInput({ levelClear: false, mentalHealth: true }), [screened]);
    expect(stateOf(snap)).toBe('camhsScreening');
    expect(metaOf(spa2015, 'camhsScreening').work?.role).toBe('camhs');
    expect(metaOf(spa2015, 'camhsScreening').report.pending).toBe(true);
    snap = send(spa2015, snap, { type: 'camhs.assessed' });
    expect(stateOf(snap)).toBe('awaitingDecisionOnCamhsAssessment');
    expect(metaOf(spa2015, 'awaitingDecisionOnCamhsAssessment').work?.role).toBe('teamManager');
  });

  it('in 2015 the manager decides a contact CAMHS screened on its assessment, erring less often than the ordinary decision (000 ¶10)', () => {
    const onCamhs = metaOf(spa2015, 'awaitingDecisionOnCamhsAssessment').decisionError!.factor;
    expect(onCamhs).toBeLessThan(metaOf(spa2015, 'awaitingDecision').decisionError!.factor);
    expect(onCamhs).toBeGreaterThan(0);
    let snap = run(spa2015, makeInput({ levelClear: false, mentalHealth: true }), [screened, { type: 'camhs.assessed' }]);
    snap = send(spa2015, snap, { type: 'threshold.decided', level: 3 });
    expect(stateOf(snap)).toBe('awaitingAllocation');
    expect(snap.context.rationaleRecorded).toBe(true);
  });

  it('in 2015 a mental-health contact whose level is clear goes straight to the threshold decision', () => {
    const snap = run(spa2015, makeInput({ levelClear: true, mentalHealth: true }), [screened]);
    expect(stateOf(snap)).toBe('awaitingDecision');
  });

  it('in 2015 a contact waiting for the manager\u2019s decision is escalated when the escalation clock is due', () => {
    const snap = run(spa2015, clear, [screened, { type: 'clock.escalationDue' }]);
    expect(stateOf(snap)).toBe('escalatedToManager');
    expect(snap.context.escalated).toBe(true);
  });

  it('in 2015 every threshold decision is recorded with the manager\u2019s rationale', () => {
    for (const level of LEVELS) {
      expect(run(spa2015, clear, [screened, decided(level)]).context.rationaleRecorded).toBe(true);
    }
  });

  it('in 2013 a threshold decision records the level but no rationale', () => {
    const snap = run(spa2013, clear, [screened, decided(3)]);
    expect(snap.context.decidedLevel).toBe(3);
    expect(snap.context.rationaleRecorded).toBe(false);
  });
});

describe('routes that both processes share', () => {
  it.each(MACHINES)('in %s a contact about a child with an open case goes to the allocated worker', (_name, machine) => {
    const snap = run(machine, makeInput({ openCase: true, levelClear: false }), [screened]);
    expect(stateOf(snap)).toBe('withAllocatedWorker');
    expect(snap.status).toBe('done');
    expect(metaOf(machine, 'withAllocatedWorker').report.label).toBe('passed to allocated worker');
  });

  it.each(MACHINES)('in %s a child in immediate danger goes straight to a strategy discussion, even when the level is unclear', (_name, machine) => {
    const snap = run(machine, makeInput({ immediateDanger: true, levelClear: false }), [screened]);
    expect(stateOf(snap)).toBe('strategyDiscussion');
    expect(metaOf(machine, 'strategyDiscussion').undecided).toBe(false);
  });

  it.each(MACHINES)('in %s a contact whose level is clear goes to a qualified manager for the threshold decision', (_name, machine) => {
    const snap = run(machine, clear, [screened]);
    expect(stateOf(snap)).toBe('awaitingDecision');
    expect(metaOf(machine, 'awaitingDecision').work?.role).toBe('teamManager');
    expect(metaOf(machine, 'awaitingDecision').report.pending).toBe(true);
  });

  const responses: ReadonlyArray<readonly [Level, string]> = [
    [1, 'adviceGiven'],
    [2, 'earlyHelp'],
    [3, 'awaitingAllocation'],
    [4, 'strategyDiscussion'],
  ];
  describe.each(MACHINES)('in %s', (_name, machine) => {
    it.each(responses)('a level-%i decision leads to %s', (level, expected) => {
      const snap = run(machine, clear, [screened, decided(level)]);
      expect(stateOf(snap)).toBe(expected);
      expect(snap.context.decidedLevel).toBe(level);
    });
  });

  it.each(MACHINES)('in %s an accepted referral waits unallocated until a social worker is named, who then sees the child', (_name, machine) => {
    let snap = run(machine, clear, [screened, decided(3)]);
    expect(metaOf(machine, stateOf(snap)).unallocated).toBe(true);
    snap = send(machine, snap, { type: 'case.allocated' });
    expect(metaOf(machine, stateOf(snap)).stage).toBe('assessment');
    expect(metaOf(machine, stateOf(snap)).childSeen).toBe(true);
    expect(metaOf(machine, stateOf(snap)).unallocated).toBeFalsy();
  });

  it('in 2013 an accepted referral gets an initial assessment timed from the referral against 10 working days, then a core assessment for a child who needs a plan', () => {
    let snap = run(spa2013, clear, [screened, decided(3), { type: 'case.allocated' }]);
    expect(stateOf(snap)).toBe('initialAssessment');
    expect(metaOf(spa2013, 'initialAssessment').timescale).toMatchObject({ measure: 'initialAssessment', workingDays: 10, from: 'referral' });
    snap = send(spa2013, snap, { type: 'assessment.completed', outcome: 'plan' });
    expect(stateOf(snap)).toBe('coreAssessment');
    expect(metaOf(spa2013, 'coreAssessment').timescale).toMatchObject({ measure: 'coreAssessment', workingDays: 35, from: 'entry' });
    expect(stateOf(send(spa2013, snap, { type: 'coreAssessment.completed' }))).toBe('childInNeedPlan');
  });

  it('in 2015 an accepted referral gets the single assessment, timed from the referral against 45 working days, and a plan follows it directly', () => {
    let snap = run(spa2015, clear, [screened, decided(3), { type: 'case.allocated' }]);
    expect(stateOf(snap)).toBe('assessment');
    expect(metaOf(spa2015, 'assessment').timescale).toMatchObject({ measure: 'singleAssessment', workingDays: 45, from: 'referral' });
    snap = send(spa2015, snap, { type: 'assessment.completed', outcome: 'plan' });
    expect(stateOf(snap)).toBe('childInNeedPlan');
  });

  it.each(MACHINES)('in %s an allocated referral the worker\'s first checks close goes to closure with no assessment (no further action)', (_name, machine) => {
    const snap = run(machine, clear, [screened, decided(3), { type: 'case.allocated', outcome: 'noFurtherAction' }]);
    expect(stateOf(snap)).toBe('closed');
  });

  it.each(MACHINES)('in %s an assessment can step the case down to early help', (_name, machine) => {
    const snap = run(machine, clear, [screened, decided(3), { type: 'case.allocated' }, { type: 'assessment.completed', outcome: 'stepDown' }]);
    expect(stateOf(snap)).toBe('earlyHelp');
    expect(snap.context.steppedDown).toBe(true);
  });

  it.each(MACHINES)('in %s early help can step a case up to a new threshold decision', (_name, machine) => {
    let snap = run(machine, clear, [screened, decided(2)]);
    expect(stateOf(snap)).toBe('earlyHelp');
    snap = send(machine, snap, { type: 'earlyHelp.escalated' });
    expect(stateOf(snap)).toBe('awaitingDecision');
    expect(snap.context.steppedUp).toBe(true);
    expect(snap.context.decidedLevel).toBeNull();
    snap = send(machine, snap, decided(3));
    expect(stateOf(snap)).toBe('awaitingAllocation');
  });

  it.each(MACHINES)('in %s an assessment that finds significant harm leads to a strategy discussion', (_name, machine) => {
    const snap = run(machine, clear, [screened, decided(3), { type: 'case.allocated' }, { type: 'assessment.completed', outcome: 'protection' }]);
    expect(stateOf(snap)).toBe('strategyDiscussion');
  });
});

describe('strategy discussions and section 47 enquiries', () => {
  it('in 2013 the joint visit after a strategy discussion waits for the police to be available', () => {
    let snap = run(spa2013, clear, [screened, decided(4), { type: 'strategy.held' }]);
    expect(stateOf(snap)).toBe('awaitingJointVisit');
    expect(metaOf(spa2013, 'awaitingJointVisit').work?.role).toBe('police');
    snap = send(spa2013, snap, { type: 'police.available' });
    expect(stateOf(snap)).toBe('section47Enquiry');
  });

  it('in 2015 a strategy discussion leads straight to the section 47 enquiry', () => {
    const snap = run(spa2015, clear, [screened, decided(4), { type: 'strategy.held' }]);
    expect(stateOf(snap)).toBe('section47Enquiry');
    expect(stateNames(spa2015)).not.toContain('awaitingJointVisit');
  });

  it.each(MACHINES)('in %s a section 47 enquiry ends in an initial conference, a child-in-need plan or closure', (_name, machine) => {
    const start = run(machine, makeInput({ immediateDanger: true }), [screened, { type: 'strategy.held' }]);
    const before = machine === spa2013 ? send(machine, start, { type: 'police.available' }) : start;
    expect(stateOf(before)).toBe('section47Enquiry');
    const conference = send(machine, before, { type: 'enquiry.completed', outcome: 'conference' });
    expect(stateOf(conference)).toBe('initialConference');
    expect(stateOf(send(machine, conference, { type: 'conference.held', outcome: 'plan' }))).toBe('childProtectionPlan');
    expect(stateOf(send(machine, conference, { type: 'conference.held', outcome: 'childInNeed' }))).toBe('childInNeedPlan');
    expect(stateOf(send(machine, before, { type: 'enquiry.completed', outcome: 'childInNeed' }))).toBe('childInNeedPlan');
    expect(stateOf(send(machine, before, { type: 'enquiry.completed', outcome: 'close' }))).toBe('closed');
  });
});

describe('time', () => {
  it.each(MACHINES)('%s holds no timers: there are no delayed transitions anywhere in its definition, so time only enters as events', (_name, machine) => {
    expect(findAfterKeys(machine.config)).toEqual([]);
    expect(machine.root.after).toEqual([]);
    for (const name of stateNames(machine)) expect(stateNode(machine, name).after, name).toEqual([]);
  });

  it.each(MACHINES)('in %s the one-working-day clock marks a breach only while no decision has been made', (_name, machine) => {
    const breached = run(machine, clear, [screened, { type: 'clock.oneWorkingDayElapsed' }]);
    expect(stateOf(breached)).toBe('awaitingDecision');
    expect(breached.context.breached).toBe(true);
    const onTime = run(machine, clear, [screened, decided(3), { type: 'clock.oneWorkingDayElapsed' }]);
    expect(stateOf(onTime)).toBe('awaitingAllocation');
    expect(onTime.context.breached).toBe(false);
  });

  it.each(MACHINES)('in %s a case in a final state ignores every later clock event', (_name, machine) => {
    const done = run(machine, clear, [screened, decided(1)]);
    expect(done.status).toBe('done');
    const later = send(machine, send(machine, done, { type: 'clock.oneWorkingDayElapsed' }), { type: 'clock.escalationDue' });
    expect(stateOf(later)).toBe('adviceGiven');
    expect(later.context).toEqual(done.context);
  });
});
