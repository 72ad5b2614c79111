/**
 * The invariant library (src/core/invariants): what each safeguard catches and what it lets
 * pass, on hand-made journeys, on the shipped scenarios and on generated ones.
 */
import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import type { AnyStateMachine } from 'xstate';
import { addWorkingDays, dueByOneWorkingDay, fromLondon, HOUR, type Instant } from '../../../src/core/calendar';
import type { Contact } from '../../../src/core/contact';
import { createSimulation, traceRecord, type TraceRecord } from '../../../src/core/engine';
import { brokenInvariants, checkInvariants, chronology, formatChronologies, INVARIANTS, invariantById, type RunView } from '../../../src/core/invariants';
import { REPORT, initialContext, spa2013, spa2015, spaSetup, type StateMeta } from '../../../src/core/processes';
import { contactStreamArb, scenarioOf, variantArb } from '../../support/arbitraries';
import { loadScenario } from '../../support/scenarios';

const machine2015 = spa2015 as unknown as AnyStateMachine;

/** One contact, with the defaults of a routine call. */
function contact(id: string, receivedAt: Instant, over: Partial<Contact> = {}): Contact {
  return {
    id,
    childId: `K${id.slice(1)}`,
    trueLevel: 2,
    indicators: [],
    ageBand: '5-11',
    disabled: false,
    source: 'school',
    formComplete: true,
    receivedAt,
    outOfHours: false,
    knownChild: false,
    openCase: false,
    inEarlyHelp: false,
    levelClear: true,
    aboveEarlyHelp: true,
    immediateDanger: false,
    mentalHealth: false,
    previousContactId: null,
    ...over,
  };
}

type Step = [t: Instant, to: string, event: string, actor: string, detail?: string];

/** A journey's trace records, with the report and the truth read from the machine's meta. */
function journey(machine: AnyStateMachine, c: Contact, steps: Step[], seq0 = 0): TraceRecord[] {
  const out: TraceRecord[] = [];
  let from: string | null = null;
  for (const [t, to, event, actor, detail] of [[c.receivedAt, 'received', 'contact.received', c.source] as Step, ...steps]) {
    const m = machine.root.states[to].meta as StateMeta;
    out.push(traceRecord(seq0 + out.length, t, c.id, from, to, m, event, actor, detail));
    from = to;
  }
  return out;
}

function runOf(machine: AnyStateMachine, contacts: Contact[], journeys: TraceRecord[][], simStart: Instant, end: Instant): RunView {
  const trace = journeys.flat().sort((a, b) => a.t - b.t || a.seq - b.seq);
  return { contacts, trace, simStart, end, machine };
}

const broken = (run: RunView, id: string) => checkInvariants(run, [invariantById(id)!])[0];

// Monday 2 June 2014, 10:00 (BST); the SPA opens 08:00-17:15.
const MON = fromLondon(2014, 6, 2, 10, 0);
const at = (days: number, hour: number, minute = 0) => fromLondon(2014, 6, 2 + days, hour, minute);
const WEEK_LATER = fromLondon(2014, 6, 30);

describe('the invariant library', () => {
  it('has at least ten safeguards, each with a name, a plain-English statement, a source and sourced parameters', () => {
    expect(INVARIANTS.length).toBeGreaterThanOrEqual(10);
    expect(new Set(INVARIANTS.map((i) => i.id)).size).toBe(INVARIANTS.length);
    for (const inv of INVARIANTS) {
      expect(inv.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(inv.statement.length).toBeGreaterThan(40);
      expect(inv.source).toMatch(/DOMAIN\.md|00[0-4]/);
      expect(inv.censoring.length).toBeGreaterThan(10);
      for (const p of Object.values(inv.parameters)) expect(p.source.length).toBeGreaterThan(5);
    }
  });

  it('the 2015 process keeps every safeguard on the shipped kingston-2015 scenario (a year, with its warm-up) but the known escalation finding, and that only a handful of times', () => {
    const sim = createSimulation(loadScenario('kingston-2015.json'));
    sim.run();
    // Issue 14: with the SPA's duty manager (a fourth manager) and an incomplete form made good at
    // screening, an escalated decision almost always has a manager working on it by the deadline:
    // 44 breaches in the shipped year before, none at 22 contacts a working day, 2 at the year's
    // derived 24 (an escalated decision queued while every manager is in urgent work). A duty
    // manager who takes no strategy discussions would close it (KNOWN_2015_FINDINGS).
    expect(brokenInvariants(sim)).toEqual(['with-a-manager-by-the-deadline']);
    expect(checkInvariants(sim, [invariantById('with-a-manager-by-the-deadline')!])[0].count).toBeLessThanOrEqual(5);
  });

  it('the 2015 chart keeps the clear child-protection safeguard on the monday-surge scenario (red contacts screened and decided first)', () => {
    const shipped = createSimulation(loadScenario('monday-surge.json'), { process: '2015' });
    shipped.run();
    expect(checkInvariants(shipped, [invariantById('clear-child-protection-strategy-from-receipt')!])[0].holds).toBe(true);
  });

  it('names the contacts a breach is about, and when it happened', () => {
    const sim = createSimulation({ ...loadScenario('kingston-2013.json'), days: 10, warmUpDays: 0 });
    sim.run();
    const [result] = checkInvariants(sim, [invariantById('decided-or-visibly-pending')!]);
    expect(result.count).toBeGreaterThan(0);
    const v = result.violations[0];
    expect(v.caseIds.length).toBe(1);
    const held = sim.trace.find((r) => r.caseId === v.caseIds[0] && r.t === v.at)!;
    expect(held.undecided && !held.reportPending).toBe(true);
    expect(v.message).toContain(v.caseIds[0]);
  });
});

describe('each safeguard, on hand-made journeys', () => {
  it('every contact is accounted for: a contact missing from the record, or a record that jumps, is a breach', () => {
    const a = contact('C000001', MON);
    const b = contact('C000002', MON + HOUR);
    const ok = journey(machine2015, a, [[MON + 2 * HOUR, 'awaitingDecision', 'screening.completed', 'spaSocialWorker']]);
    expect(broken(runOf(machine2015, [a], [ok], MON, WEEK_LATER), 'every-contact-accounted-for').holds).toBe(true);
    expect(broken(runOf(machine2015, [a, b], [ok], MON, WEEK_LATER), 'every-contact-accounted-for').violations[0].caseIds).toEqual(['C000002']);
    const jump = [...ok, { ...ok[1], seq: 9, t: MON + 3 * HOUR, from: 'informationGathering', to: 'adviceGiven' }];
    expect(broken(runOf(machine2015, [a], [jump], MON, WEEK_LATER), 'every-contact-accounted-for').holds).toBe(false);
  });

  it('decided by a manager: a decision by anyone else is a breach; an open case and immediate danger may leave screening without one', () => {
    const a = contact('C000001', MON, { levelClear: false });
    const byWorker = journey(machine2015, a, [
      [at(0, 11), 'informationGathering', 'screening.completed', 'spaSocialWorker'],
      [at(0, 13), 'adviceGiven', 'information.gathered', 'spaSocialWorker'],
    ]);
    expect(broken(runOf(machine2015, [a], [byWorker], MON, WEEK_LATER), 'decided-by-a-manager').violations[0].message).toMatch(/SPA social worker/);
    const danger = contact('C000002', MON, { trueLevel: 4, immediateDanger: true });
    const open = contact('C000003', MON, { openCase: true });
    const fine = [
      journey(machine2015, danger, [[at(0, 11), 'strategyDiscussion', 'screening.completed', 'spaSocialWorker']]),
      journey(machine2015, open, [[at(0, 11), 'withAllocatedWorker', 'screening.completed', 'spaSocialWorker']]),
    ];
    expect(broken(runOf(machine2015, [danger, open], fine, MON, WEEK_LATER), 'decided-by-a-manager').holds).toBe(true);
  });

  it('with a manager by the deadline: still gathering information when the one-working-day clock runs out is a breach; with a manager is not', () => {
    const a = contact('C000001', MON, { levelClear: false });
    const due = dueByOneWorkingDay(MON);
    const late = journey(machine2015, a, [
      [at(0, 11), 'informationGathering', 'screening.completed', 'spaSocialWorker'],
      [due + HOUR, 'awaitingDecision', 'information.gathered', 'spaSocialWorker'],
      [due + 2 * HOUR, 'adviceGiven', 'threshold.decided', 'teamManager', 'level 1'],
    ]);
    const [result] = checkInvariants(runOf(machine2015, [a], [late], MON, WEEK_LATER), [invariantById('with-a-manager-by-the-deadline')!]);
    expect(result.violations.map((v) => v.at)).toEqual([due]);
    const escalated = journey(machine2015, a, [
      [at(0, 11), 'informationGathering', 'screening.completed', 'spaSocialWorker'],
      [at(0, 16), 'escalatedToManager', 'clock.escalationDue', 'clock'],
      [due + 2 * HOUR, 'adviceGiven', 'threshold.decided', 'teamManager', 'level 1'],
    ]);
    // A manager who started before the deadline is working the case; one who started after it had the case queued.
    escalated[3].workStartedAt = due - HOUR;
    expect(broken(runOf(machine2015, [a], [escalated], MON, WEEK_LATER), 'with-a-manager-by-the-deadline').holds).toBe(true);
    escalated[3].workStartedAt = due + HOUR;
    expect(broken(runOf(machine2015, [a], [escalated], MON, WEEK_LATER), 'with-a-manager-by-the-deadline').violations[0].message).toMatch(/queued for a manager/);
  });

  it('step-down only after an assessment: early help straight from waiting for allocation is a breach', () => {
    const a = contact('C000001', MON, { trueLevel: 3 });
    const head: Step[] = [
      [at(0, 11), 'awaitingDecision', 'screening.completed', 'spaSocialWorker'],
      [at(0, 12), 'awaitingAllocation', 'threshold.decided', 'teamManager', 'level 3'],
    ];
    const skipped = journey(machine2015, a, [...head, [at(1, 9), 'earlyHelp', 'earlyHelp.completed', 'raSocialWorker']]);
    expect(broken(runOf(machine2015, [a], [skipped], MON, WEEK_LATER), 'step-down-only-after-assessment').holds).toBe(false);
    const assessed = journey(machine2015, a, [
      ...head,
      [at(1, 9), 'assessment', 'case.allocated', 'raSocialWorker'],
      [at(20, 9), 'earlyHelp', 'assessment.completed', 'raSocialWorker', 'stepDown'],
    ]);
    expect(broken(runOf(machine2015, [a], [assessed], MON, fromLondon(2014, 8, 1)), 'step-down-only-after-assessment').holds).toBe(true);
  });

  it('referral allocated within 48 hours, counted as two working days: Friday afternoon to Tuesday morning is in time, Monday to Thursday is not', () => {
    const fri = fromLondon(2014, 6, 6, 15, 0);
    const a = contact('C000001', fri - HOUR, { trueLevel: 3 });
    const weekend = journey(machine2015, a, [
      [fri - HOUR / 2, 'awaitingDecision', 'screening.completed', 'spaSocialWorker'],
      [fri, 'awaitingAllocation', 'threshold.decided', 'teamManager', 'level 3'],
      [fromLondon(2014, 6, 10, 10, 0), 'assessment', 'case.allocated', 'raSocialWorker'],
    ]);
    expect(broken(runOf(machine2015, [a], [weekend], fri - HOUR, WEEK_LATER), 'referral-allocated-within-48-hours').holds).toBe(true);
    const b = contact('C000002', MON, { trueLevel: 3 });
    const slow = journey(machine2015, b, [
      [at(0, 11), 'awaitingDecision', 'screening.completed', 'spaSocialWorker'],
      [at(0, 12), 'awaitingAllocation', 'threshold.decided', 'teamManager', 'level 3'],
      [at(3, 12), 'assessment', 'case.allocated', 'raSocialWorker'],
    ]);
    const [result] = checkInvariants(runOf(machine2015, [b], [slow], MON, WEEK_LATER), [invariantById('referral-allocated-within-48-hours')!]);
    expect(result.violations.map((v) => v.at)).toEqual([addWorkingDays(at(0, 12), 2)]);
  });

  it('strategy discussion held promptly: late is a breach, leaving without one is a breach, a deadline after the end is not judged', () => {
    const a = contact('C000001', MON, { trueLevel: 4 });
    const decided: Step[] = [
      [at(0, 11), 'awaitingDecision', 'screening.completed', 'spaSocialWorker'],
      [at(0, 12), 'strategyDiscussion', 'threshold.decided', 'teamManager', 'level 4'],
    ];
    const late = journey(machine2015, a, [...decided, [at(3, 12), 'section47Enquiry', 'strategy.held', 'teamManager']]);
    expect(broken(runOf(machine2015, [a], [late], MON, WEEK_LATER), 'strategy-discussion-held-promptly').holds).toBe(false);
    const open = journey(machine2015, a, decided);
    expect(broken(runOf(machine2015, [a], [open], MON, at(1, 12)), 'strategy-discussion-held-promptly').holds).toBe(true);
    expect(broken(runOf(machine2015, [a], [open], MON, WEEK_LATER), 'strategy-discussion-held-promptly').holds).toBe(false);
  });

  it('a clear child-protection contact is timed from receipt: decided late after queueing for a manager is a breach the decision-timed safeguard misses', () => {
    const a = contact('C000001', MON, { trueLevel: 4, levelClear: true });
    const queued = journey(machine2015, a, [
      [at(0, 11), 'awaitingDecision', 'screening.completed', 'spaSocialWorker'],
      [at(2, 10), 'strategyDiscussion', 'threshold.decided', 'teamManager', 'level 4'],
      [at(2, 12), 'section47Enquiry', 'strategy.held', 'teamManager'],
    ]);
    const run = runOf(machine2015, [a], [queued], MON, WEEK_LATER);
    const [fromReceipt, fromDecision] = checkInvariants(run, [invariantById('clear-child-protection-strategy-from-receipt')!, invariantById('strategy-discussion-held-promptly')!]);
    expect(fromReceipt.violations.map((v) => v.at)).toEqual([addWorkingDays(MON, 2)]);
    expect(fromDecision.holds).toBe(true);
    const prompt = journey(machine2015, a, [
      [at(0, 11), 'awaitingDecision', 'screening.completed', 'spaSocialWorker'],
      [at(0, 12), 'strategyDiscussion', 'threshold.decided', 'teamManager', 'level 4'],
      [at(0, 15), 'section47Enquiry', 'strategy.held', 'teamManager'],
    ]);
    expect(broken(runOf(machine2015, [a], [prompt], MON, WEEK_LATER), 'clear-child-protection-strategy-from-receipt').holds).toBe(true);
  });

  it('emergency response out of hours: the emergency duty team within hours holds; a strategy discussion after the office opens is a breach; in hours is not judged', () => {
    const friday = fromLondon(2014, 6, 6, 21, 0); // Friday 21:00, the SPA closed until Monday 08:00
    const a = contact('C000001', friday, { trueLevel: 4, immediateDanger: true, outOfHours: true, source: 'police' });
    const edt = journey(machine2015, a, [
      [friday, 'emergencyDutyTeam', 'contact.receivedOutOfHours', 'clock'],
      [friday + 2 * HOUR, 'strategyDiscussion', 'emergency.responded', 'edtSocialWorker'],
    ]);
    expect(broken(runOf(machine2015, [a], [edt], MON, WEEK_LATER), 'emergency-response-out-of-hours').holds).toBe(true);
    const monday = fromLondon(2014, 6, 9, 8, 30);
    const waited = journey(machine2015, a, [
      [monday, 'strategyDiscussion', 'screening.completed', 'spaSocialWorker'],
      [monday + 2 * HOUR, 'section47Enquiry', 'strategy.held', 'teamManager'],
    ]);
    const [late] = checkInvariants(runOf(machine2015, [a], [waited], MON, WEEK_LATER), [invariantById('emergency-response-out-of-hours')!]);
    expect(late.violations.map((v) => [v.caseIds[0], v.at])).toEqual([['C000001', friday + 8 * HOUR]]);
    expect(late.violations[0].message).toContain('61.5 hours later');
    // The run ends before the deadline: not judged.
    expect(broken(runOf(machine2015, [a], [journey(machine2015, a, [])], MON, friday + 7 * HOUR), 'emergency-response-out-of-hours').holds).toBe(true);
    // In hours, the SPA itself responds: not this safeguard's to judge.
    const b = contact('C000002', MON, { trueLevel: 4, immediateDanger: true });
    expect(broken(runOf(machine2015, [b], [journey(machine2015, b, [])], MON, WEEK_LATER), 'emergency-response-out-of-hours').holds).toBe(true);
  });

  it('the report\u2019s pending count: a contact hidden at the close of the day is a breach naming it', () => {
    const a = contact('C000001', MON, { levelClear: false });
    const held = journey(spa2013 as unknown as AnyStateMachine, a, [[at(0, 11), 'heldByCaseCoordinator', 'screening.completed', 'spaSocialWorker']]);
    const [result] = checkInvariants(runOf(spa2013 as unknown as AnyStateMachine, [a], [held], MON, at(1, 0)), [invariantById('report-pending-count-is-true')!]);
    expect(result.violations.map((v) => v.caseIds)).toEqual([['C000001']]);
    expect(result.violations[0].message).toMatch(/listed 0 .* 1 truly were/);
  });

  it('no case left without a worker: a waiting state where nobody works the case must be left within a working day', () => {
    const parked = spaSetup.createMachine({
      id: 'parked',
      context: ({ input }) => initialContext(input),
      initial: 'received',
      states: {
        received: {
          meta: { source: 'test', description: 'received', report: REPORT.awaitingScreening, undecided: true, work: { role: 'spaSocialWorker', activity: 'screening', done: 'screening.completed' } } satisfies StateMeta,
          on: { 'screening.completed': 'awaitingCallback' },
        },
        awaitingCallback: { meta: { source: 'test', description: 'waiting for the family to call back', report: REPORT.awaitingDecision, undecided: true } satisfies StateMeta },
      },
    }) as unknown as AnyStateMachine;
    const a = contact('C000001', MON);
    const j = journey(parked, a, [[at(0, 11), 'awaitingCallback', 'screening.completed', 'spaSocialWorker']]);
    expect(broken(runOf(parked, [a], [j], MON, at(0, 16)), 'no-case-left-without-a-worker').holds).toBe(true);
    expect(broken(runOf(parked, [a], [j], MON, WEEK_LATER), 'no-case-left-without-a-worker').holds).toBe(false);
  });
});

describe('censoring and false alarms (generated contact streams)', () => {
  const from = fromLondon(2014, 6, 2, 0, 0);
  const to = fromLondon(2014, 6, 9, 0, 0);

  fcTest.prop([contactStreamArb({ from, to, maxContacts: 15 })], { numRuns: 100 })(
    'a run that ends before any contact\u2019s first deadline breaks no safeguard, whatever arrived',
    (contacts) => {
      fc.pre(contacts.length > 0);
      // The first deadline: the one-working-day clock, and for a child in immediate danger out of
      // hours the emergency response's clock hours.
      const emergencyMs = invariantById('emergency-response-out-of-hours')!.parameters.within.value * HOUR;
      const firstDeadline = (c: Contact) => Math.min(dueByOneWorkingDay(c.receivedAt), c.outOfHours && c.immediateDanger ? c.receivedAt + emergencyMs : Infinity);
      const end = Math.min(...contacts.map(firstDeadline));
      const arrived = contacts.filter((c) => c.receivedAt < end);
      const run = runOf(machine2015, arrived, arrived.map((c) => journey(machine2015, c, [])), from, end);
      expect(brokenInvariants(run)).toEqual([]);
    },
  );

  fcTest.prop([contactStreamArb({ from, to, maxContacts: 15 })], { numRuns: 100 })(
    'contacts left gathering information past their deadline are each named, and nothing else is',
    (contacts) => {
      const end = fromLondon(2014, 6, 27, 0, 0);
      const journeys = contacts.map((c) => journey(machine2015, c, [[Math.max(c.receivedAt, from), 'informationGathering', 'screening.completed', 'spaSocialWorker']]));
      const run = runOf(machine2015, contacts, journeys, from, end);
      const [late, held] = checkInvariants(run, [invariantById('with-a-manager-by-the-deadline')!, invariantById('level-3-4-not-held')!], { limit: 100 });
      expect(late.violations.map((v) => v.caseIds[0]).sort()).toEqual(contacts.map((c) => c.id).sort());
      expect(held.violations.map((v) => v.caseIds[0]).sort()).toEqual(contacts.filter((c) => c.trueLevel >= 3).map((c) => c.id).sort());
      // A child in immediate danger out of hours whose journey never reached the emergency duty
      // team is a breach of the emergency response too, and named.
      const [emergency] = checkInvariants(run, [invariantById('emergency-response-out-of-hours')!], { limit: 100 });
      expect(emergency.violations.map((v) => v.caseIds[0]).sort()).toEqual(contacts.filter((c) => c.outOfHours && c.immediateDanger).map((c) => c.id).sort());
      const others = brokenInvariants(run).filter((id) => id !== 'with-a-manager-by-the-deadline' && id !== 'level-3-4-not-held' && id !== 'emergency-response-out-of-hours');
      expect(others).toEqual([]);
    },
  );
});

describe('the 2015 process over generated scenarios', () => {
  const base = loadScenario('kingston-2015.json');
  const seed = Number(process.env.FC_SEED ?? Math.floor(Math.random() * 2_147_483_647));
  console.info(`invariants: fast-check seed ${seed} (replay with FC_SEED=${seed})`);

  fcTest.prop([variantArb(base)], { numRuns: 60, seed })('keeps every safeguard on adequately staffed scenarios (logged seed)', (variant) => {
    const sim = createSimulation(scenarioOf(base, variant), { process: '2015', seed: variant.seed });
    sim.run();
    // Left out here: generated variants far from the shipped year (a mix of half level-4 children
    // and two managers, say) can still leave an escalated decision queued at its deadline while
    // both managers are in strategy discussions: about 1 run in 200 at the time of writing (it was
    // 1 in 70 before the duty manager), too often for 60 runs on a random seed. The shipped year
    // keeps it (above); check-process reports it (test/cli/check-process.test.ts, KNOWN_2015_FINDINGS).
    expect(brokenInvariants(sim).filter((id) => id !== 'with-a-manager-by-the-deadline')).toEqual([]);
  });
});

describe('chronologies', () => {
  it('tell a breach in London local time, with what the report recorded beside the truth', () => {
    const a = contact('C000001', fromLondon(2013, 6, 3, 9, 41), { levelClear: false, trueLevel: 3 });
    const m2013 = spa2013 as unknown as AnyStateMachine;
    const held = journey(m2013, a, [[fromLondon(2013, 6, 3, 10, 30), 'heldByCaseCoordinator', 'screening.completed', 'spaSocialWorker']]);
    const run = runOf(m2013, [a], [held], a.receivedAt, fromLondon(2013, 6, 20));
    const text = formatChronologies(chronology(run, ['C000001']), [{ at: fromLondon(2013, 6, 4, 10, 30), text: 'safeguard broken here' }]);
    expect(text).toContain('C000001: true level 3');
    expect(text).toContain('Mon 2013-06-03 10:30  SPA social worker: screening completed; received -> heldByCaseCoordinator');
    expect(text).toContain('"contact closed: provision of advice and information"');
    expect(text).toContain('<-- recorded as an outcome, but no decision has been made');
    expect(text).toContain('>> Tue 2013-06-04 10:30  safeguard broken here');
  });
});
