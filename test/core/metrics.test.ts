/**
 * The figures are accumulated as the run goes (engine -> MetricsAccumulator) and can be computed
 * again from a stored trace (computeMetrics): both must agree, and a run without a trace must give
 * the same figures as one with it.
 */
import { describe, expect, it } from 'vitest';
import { fromLondon } from '../../src/core/calendar';
import type { Contact } from '../../src/core/contact';
import { createSimulation, type TraceRecord } from '../../src/core/engine';
import { computeMetrics, summariseCases } from '../../src/core/metrics';
import { PROCESS_NAMES, spa2013, spa2015 } from '../../src/core/processes';
import { loadScenario } from '../support/scenarios';

const SCENARIOS = ['kingston-2013.json', 'kingston-2015.json', 'monday-surge.json', 'bank-holiday.json'];

describe('figures kept as the run goes', () => {
  for (const file of SCENARIOS) {
    for (const process of PROCESS_NAMES) {
      it(`${file}, ${process}: equal the figures computed from the trace, with or without a trace kept (3 seeds)`, () => {
        const base = loadScenario(file);
        // A year is long for a unit test: kingston-2015 runs 90 days here.
        const scenario = file === 'kingston-2015.json' ? { ...base, days: 90 } : base;
        for (const seed of ['a', 'b', 7]) {
          const full = createSimulation(scenario, { process, seed });
          full.run();
          const fromTrace = computeMetrics(full);
          expect(full.trace.length).toBeGreaterThan(0);
          expect(full.metrics()).toEqual(fromTrace);
          const lean = createSimulation(scenario, { process, seed, trace: false });
          lean.run();
          expect(lean.trace).toHaveLength(0);
          expect(lean.metrics()).toEqual(fromTrace);
        }
      });
    }
  }

  it('agree part-way through a run, and summariseCases agrees with the totals', () => {
    const sim = createSimulation(loadScenario('kingston-2013.json'), { process: '2013', seed: 'mid' });
    sim.runUntil(sim.start + 10 * 86_400_000);
    expect(sim.metrics()).toEqual(computeMetrics(sim));
    sim.run();
    const cases = summariseCases(sim);
    const m = sim.metrics();
    const inWindow = cases.filter((c) => c.receivedAt >= sim.start && c.receivedAt < sim.end && c.firstResponse !== 'allocatedWorker');
    expect(inWindow.filter((c) => c.hidden).length).toBe(m.hiddenFromReport);
    expect(inWindow.filter((c) => c.heldWorkingDays > 5).length).toBe(m.heldOverFiveWorkingDays);
    expect(m.hiddenFromReport).toBeGreaterThan(0);
  });
});

describe('figures at the end of a run', () => {
  function contact(id: string, receivedAt: number): Contact {
    return { id, childId: `K${id}`, trueLevel: 2, indicators: [], ageBand: '5-11', disabled: false, source: 'school', formComplete: true, receivedAt, outOfHours: false, knownChild: false, openCase: false, inEarlyHelp: false, levelClear: true, aboveEarlyHelp: true, immediateDanger: false, mentalHealth: false, previousContactId: null };
  }
  function rec(caseId: string, t: number, from: string | null, to: string, undecided: boolean, event = 'x'): TraceRecord {
    return { seq: 0, t, caseId, from, to, event, actor: 'teamManager', report: '', reportPending: undecided, reportDecided: !undecided, undecided, unallocated: false, detail: undefined };
  }

  it('judge timeliness only for contacts due inside the run, so decided-early contacts due later are not free successes', () => {
    const start = fromLondon(2013, 6, 3, 0, 0);
    const end = fromLondon(2013, 6, 5, 12, 0); // Wednesday noon
    const late = contact('A', fromLondon(2013, 6, 3, 9, 0)); // due Tue 09:00, decided Tue 15:00: late
    const early = contact('B', fromLondon(2013, 6, 5, 9, 0)); // due Thu 09:00 (after the end), decided Wed 10:00
    const trace = [
      rec('A', late.receivedAt, null, 'received', true), rec('A', fromLondon(2013, 6, 4, 15, 0), 'received', 'adviceGiven', false),
      rec('B', early.receivedAt, null, 'received', true), rec('B', fromLondon(2013, 6, 5, 10, 0), 'received', 'adviceGiven', false),
    ];
    const m = computeMetrics({ machine: spa2015, contacts: [late, early], trace, start, end });
    expect(m.decidedWithinOneWorkingDay).toBe(0);
  });

  const DAY_MS = 86_400_000;
  /** A referral (decided level 3) of contact `c`, then its assessment ending `how` a week later. */
  // A 2013 referral: screened, decided level 3, allocated, an initial assessment, then closed or a plan.
  function referral(c: Contact, how: 'closed' | 'childInNeedPlan' | null): TraceRecord[] {
    const t = c.receivedAt;
    const out = [rec(c.id, t, null, 'received', true), rec(c.id, t + 3_600_000, 'received', 'awaitingDecision', true), rec(c.id, t + 7_200_000, 'awaitingDecision', 'awaitingAllocation', false, 'threshold.decided'), rec(c.id, t + DAY_MS, 'awaitingAllocation', 'initialAssessment', false)];
    if (how) out.push(rec(c.id, t + 7 * DAY_MS, 'initialAssessment', how, false, 'assessment.completed'));
    return out;
  }

  it('count a re-referral only within 12 months of the child\'s earlier referral, with referrals before the window as history', () => {
    const start = fromLondon(2014, 6, 2, 0, 0);
    const end = fromLondon(2015, 6, 1, 0, 0);
    const first = { ...contact('A', fromLondon(2014, 5, 1, 10, 0)), childId: 'K1' }; // in the warm-up
    const again = { ...contact('B', fromLondon(2014, 9, 1, 10, 0)), childId: 'K1', previousContactId: 'A' }; // 4 months later
    const other = { ...contact('C', fromLondon(2013, 6, 1, 10, 0)), childId: 'K2' }; // long before
    const late = { ...contact('D', fromLondon(2014, 7, 1, 10, 0)), childId: 'K2', previousContactId: 'C' }; // 13 months later
    const contacts = [other, first, late, again];
    const trace = contacts.flatMap((c) => referral(c, 'closed')).sort((a, b) => a.t - b.t);
    const m = computeMetrics({ machine: spa2013, contacts, trace, start, end });
    expect(m.outcomes.childInNeed).toBe(2);
    expect(m.reReferrals).toBe(1);
    // The run's first contact (June 2013) is more than a year before D (July 2014), not before B
    // (September 2014 is 15 months on, so B has a year of history too); both are judged.
    expect(m.referralsWithYearOfHistory).toBe(2);
    expect(m.reReferralsWithYearOfHistory).toBe(1);
    // Without the 2013 contacts, the run's history starts in May 2014: neither has a year of it.
    const short = computeMetrics({ machine: spa2013, contacts: [first, again], trace: trace.filter((r) => r.caseId === 'A' || r.caseId === 'B'), start, end });
    expect(short.reReferrals).toBe(1);
    expect(short.referralsWithYearOfHistory).toBe(0);
  });

  it('count a referral closed straight from the referral stage as no further action (the DfE\'s NFA), and one closed after an assessment apart', () => {
    const start = fromLondon(2014, 6, 2, 0, 0);
    const end = fromLondon(2014, 7, 1, 0, 0);
    const afterAssessment = contact('A', fromLondon(2014, 6, 3, 10, 0));
    const plan = contact('B', fromLondon(2014, 6, 3, 11, 0));
    const open = contact('C', fromLondon(2014, 6, 3, 12, 0));
    const atReferral = contact('D', fromLondon(2014, 6, 3, 13, 0));
    const t = atReferral.receivedAt;
    const nfa = [
      rec('D', t, null, 'received', true),
      rec('D', t + 3_600_000, 'received', 'awaitingDecision', true),
      rec('D', t + 7_200_000, 'awaitingDecision', 'awaitingAllocation', false, 'threshold.decided'),
      rec('D', t + DAY_MS, 'awaitingAllocation', 'closed', false, 'case.allocated'),
    ];
    const trace = [...referral(afterAssessment, 'closed'), ...referral(plan, 'childInNeedPlan'), ...referral(open, null), ...nfa].sort((a, b) => a.t - b.t);
    const m = computeMetrics({ machine: spa2013, contacts: [afterAssessment, plan, open, atReferral], trace, start, end });
    expect(m.outcomes.childInNeed).toBe(4);
    expect(m.referralsNoFurtherAction).toBe(1);
    expect(m.closedNoFurtherAction).toBe(1);
  });

  it('time a mental-health contact to the end of the first work where its chart assesses the need, and no other contact', () => {
    const start = fromLondon(2015, 6, 1, 0, 0);
    const end = fromLondon(2015, 7, 1, 0, 0);
    const t = fromLondon(2015, 6, 1, 10, 0); // a Monday, 10:00
    const screened = { ...contact('A', t), mentalHealth: true };
    const escalated = { ...contact('B', t), mentalHealth: true };
    const notMentalHealth = contact('C', t);
    const camhs = (id: string, leaves: string, event: string) => [
      rec(id, t, null, 'received', true),
      rec(id, t + 3_600_000, 'received', 'camhsScreening', true, 'screening.completed'),
      rec(id, t + 4 * 3_600_000, 'camhsScreening', leaves, true, event),
    ];
    const trace = [...camhs('A', 'awaitingDecision', 'camhs.assessed'), ...camhs('B', 'escalatedToManager', 'clock.escalationDue'), ...camhs('C', 'awaitingDecision', 'camhs.assessed')].sort((a, b) => a.t - b.t);
    const m = computeMetrics({ machine: spa2015, contacts: [screened, escalated, notMentalHealth], trace, start, end });
    // A: assessed by CAMHS 4 working hours after receipt; B left the screening unfinished (escalated); C is not about mental health.
    expect(m.mentalHealthNeeds).toEqual({ contacts: 2, assessed: 1, medianWorkingHoursToAssessment: 4 });
    // The 2013 chart assesses the need only when the initial assessment ends (a week after receipt here).
    const r = { ...contact('D', t), mentalHealth: true };
    const m2013 = computeMetrics({ machine: spa2013, contacts: [r], trace: referral(r, 'closed'), start, end });
    expect(m2013.mentalHealthNeeds.assessed).toBe(1);
    expect(m2013.mentalHealthNeeds.medianWorkingHoursToAssessment).toBeGreaterThan(4 * 9);
    const m2013NotYet = computeMetrics({ machine: spa2013, contacts: [r], trace: referral(r, null), start, end });
    expect(m2013NotYet.mentalHealthNeeds).toEqual({ contacts: 1, assessed: 0, medianWorkingHoursToAssessment: null });
  });

  it('count a decision as on the parents\' account only when the team manager contacted the parents during the hold', () => {
    const start = fromLondon(2013, 6, 3, 0, 0);
    const end = fromLondon(2013, 7, 1, 0, 0);
    const t = fromLondon(2013, 6, 3, 10, 0);
    const contacted = contact('A', t);
    const notContacted = contact('B', t);
    const held = (id: string, parents: boolean) => [
      rec(id, t, null, 'received', true),
      rec(id, t + 3_600_000, 'received', 'heldByCaseCoordinator', true, 'screening.completed'),
      ...(parents ? [rec(id, t + 2 * DAY_MS, 'heldByCaseCoordinator', 'heldByCaseCoordinator', true, 'parents.contacted')] : []),
      rec(id, t + 3 * DAY_MS, 'heldByCaseCoordinator', 'awaitingDecision', true, 'information.gathered'),
      rec(id, t + 3 * DAY_MS + 3_600_000, 'awaitingDecision', 'earlyHelp', false, 'threshold.decided'),
    ];
    const trace = [...held('A', true), ...held('B', false)].sort((a, b) => a.t - b.t);
    const m = computeMetrics({ machine: spa2013, contacts: [contacted, notContacted], trace, start, end });
    expect(m.decidedOnParentsAccount).toBe(1);
    expect(m.decisions).toBe(2);
  });

  it('count a decision as on the parents\' account when the team manager\'s contact with the parents ends the hold', () => {
    const start = fromLondon(2013, 6, 3, 0, 0);
    const end = fromLondon(2013, 7, 1, 0, 0);
    const t = fromLondon(2013, 6, 3, 10, 0);
    const trace = [
      rec('A', t, null, 'received', true),
      rec('A', t + 3_600_000, 'received', 'heldByCaseCoordinator', true, 'screening.completed'),
      rec('A', t + 2 * DAY_MS, 'heldByCaseCoordinator', 'awaitingDecision', true, 'parents.contacted'),
      rec('A', t + 2 * DAY_MS + 3_600_000, 'awaitingDecision', 'earlyHelp', false, 'threshold.decided'),
    ];
    const m = computeMetrics({ machine: spa2013, contacts: [contact('A', t)], trace, start, end });
    expect(m.decidedOnParentsAccount).toBe(1);
  });

  it('count a decision as a manager\'s when a manager decides it or holds the strategy discussion it leads to, not when screening decides alone', () => {
    const start = fromLondon(2013, 6, 3, 0, 0);
    const end = fromLondon(2013, 7, 1, 0, 0);
    const t = fromLondon(2013, 6, 3, 10, 0);
    const decided = contact('A', t);
    const danger = contact('B', t);
    const trace = [
      rec('A', t, null, 'received', true), rec('A', t + 3_600_000, 'received', 'awaitingDecision', true), rec('A', t + 7_200_000, 'awaitingDecision', 'adviceGiven', false, 'threshold.decided'),
      rec('B', t, null, 'received', true), rec('B', t + 3_600_000, 'received', 'strategyDiscussion', false, 'screening.completed'),
    ];
    const m = computeMetrics({ machine: spa2013, contacts: [decided, danger], trace, start, end });
    expect(m.decisions).toBe(2);
    expect(m.decisionsByManager).toBe(2);
    // A decision landing in early help straight from screening (no chart does this) is not a manager's.
    const fromScreening = [rec('A', t, null, 'received', true), rec('A', t + 3_600_000, 'received', 'earlyHelp', false, 'screening.completed')];
    expect(computeMetrics({ machine: spa2013, contacts: [decided], trace: fromScreening, start, end }).decisionsByManager).toBe(0);
  });

  it('time joint visits from the strategy discussion, late after one working day', () => {
    const start = fromLondon(2013, 6, 3, 0, 0);
    const end = fromLondon(2013, 7, 1, 0, 0);
    const t = fromLondon(2013, 6, 3, 10, 0); // Monday
    const visit = (id: string, after: number) => [
      rec(id, t, null, 'received', true),
      rec(id, t + 3_600_000, 'received', 'strategyDiscussion', false, 'screening.completed'),
      rec(id, t + 7_200_000, 'strategyDiscussion', 'awaitingJointVisit', false, 'strategy.held'),
      rec(id, t + 7_200_000 + after, 'awaitingJointVisit', 'section47Enquiry', false, 'police.available'),
    ];
    const trace = [...visit('A', 3_600_000), ...visit('B', 3 * DAY_MS)].sort((a, b) => a.t - b.t);
    const m = computeMetrics({ machine: spa2013, contacts: [contact('A', t), contact('B', t)], trace, start, end });
    expect(m.jointVisits).toBe(2);
    expect(m.jointVisitsAfterOneWorkingDay).toBe(1);
  });

  it('give the mean wait for a decision of true level-3 contacts only', () => {
    const start = fromLondon(2013, 6, 3, 0, 0);
    const end = fromLondon(2013, 7, 1, 0, 0);
    const t = fromLondon(2013, 6, 3, 9, 0); // Monday
    const three = { ...contact('A', t), trueLevel: 3 as const };
    const two = contact('B', t);
    const trace = [
      rec('A', t, null, 'received', true), rec('A', fromLondon(2013, 6, 5, 9, 0), 'received', 'awaitingAllocation', false, 'threshold.decided'),
      rec('B', t, null, 'received', true), rec('B', fromLondon(2013, 6, 10, 9, 0), 'received', 'earlyHelp', false, 'threshold.decided'),
    ];
    const m = computeMetrics({ machine: spa2013, contacts: [three, two], trace, start, end });
    expect(m.meanHeldWorkingDaysLevel3).toBe(2);
    expect(computeMetrics({ machine: spa2013, contacts: [two], trace: trace.slice(2), start, end }).meanHeldWorkingDaysLevel3).toBeNull();
  });
});
