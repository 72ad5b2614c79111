// A training shift on the process statecharts: the seeded draw, the simulated clock, what each
// process allows (2013's hold, 2015's escalation), the decision and what happened next, results.
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AnyStateMachine } from 'xstate';
import { HOUR, addWorkingMillis, formatLondon, parseLondon } from '../../../src/core/calendar';
import { PROCESSES } from '../../../src/core/processes';
import {
  ShiftActionError,
  VignetteError,
  act,
  arrivalTime,
  caseActions,
  caseStatus,
  classResults,
  drawVignettes,
  learnerResults,
  loadLibrary,
  parseLearnerResultsText,
  replayShift,
  resultsToCsv,
  resultsToJson,
  startShift,
  validateDecision,
  whatHappenedNext,
  type ShiftAction,
  type ShiftState,
  type Vignette,
} from '../../../src/core/training';

const DIR = resolve(import.meta.dirname, '..', '..', '..', 'scenarios', 'training');
const library = loadLibrary(readdirSync(DIR).filter((f) => f.endsWith('.json')).map((name) => ({ name, text: readFileSync(join(DIR, name), 'utf8') }))).vignettes;
const byId = (id: string): Vignette => {
  const v = library.find((x) => x.id === id);
  if (!v) throw new Error(`no vignette ${id}`);
  return v;
};

/** A shift with just these vignettes, in arrival order. */
function shiftOf(ids: string[], rules: '2013' | '2015'): ShiftState {
  return startShift(ids.map(byId), { seed: 'test', rules, count: ids.length });
}

const decideRef = (s: ShiftState, id: string, level?: 1 | 2 | 3 | 4): ShiftState => {
  const v = byId(id);
  const l = level ?? v.reference.level;
  const response = l === v.reference.level ? v.reference.response : ({ 1: 'advice', 2: 'earlyHelp', 3: 'childInNeed', 4: 'strategyDiscussion' } as const)[l];
  return act(s, { type: 'decide', caseId: id, level: l, response, rationale: 'A rationale long enough to record.' });
};

describe('the seeded draw', () => {
  it('gives everyone with the same seed the same contacts', () => {
    const a = drawVignettes(library, 'class-7', 8).map((v) => v.id);
    const b = drawVignettes([...library].reverse(), 'class-7', 8).map((v) => v.id);
    expect(b).toEqual(a);
    expect(new Set(a).size).toBe(8);
  });

  it('gives another seed other contacts', () => {
    expect(drawVignettes(library, 'class-8', 8).map((v) => v.id)).not.toEqual(drawVignettes(library, 'class-7', 8).map((v) => v.id));
  });

  it('queues the contacts in the order they arrive, and those that arrived before the shift are waiting at 08:00', () => {
    const s = startShift(library, { seed: 'class-7', rules: '2015', count: 12 });
    const times = s.cases.map((c) => c.receivedAt);
    expect([...times].sort((x, y) => x - y)).toEqual(times);
    expect(formatLondon(s.now)).toBe('2015-06-08 08:00');
    for (const c of s.cases) expect(c.arrived).toBe(c.receivedAt <= s.now);
  });

  it('refuses a count larger than the library, naming the field', () => {
    let error: unknown;
    try {
      startShift(library, { seed: 's', rules: '2013', count: library.length + 1 });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ShiftActionError);
    expect((error as ShiftActionError).issues.map((i) => i.field)).toEqual(['count']);
  });
});

describe('the simulated clock', () => {
  it('has the 02:00 police notification waiting at the start, due at 08:00 the next working day', () => {
    const s = shiftOf(['police-da-strangulation'], '2015');
    const c = s.cases[0];
    expect(formatLondon(c.receivedAt)).toBe('2015-06-08 02:10');
    expect(c.arrived).toBe(true);
    expect(formatLondon(c.dueBy)).toBe('2015-06-09 08:00');
    expect(formatLondon(c.escalateAt!)).toBe('2015-06-08 14:00'); // 6 working hours after the clock starts at 08:00
  });

  it('makes a Friday 16:40 contact due on Monday at 16:40', () => {
    const s = shiftOf(['conflicting-hungry-boy-friday'], '2013');
    expect(formatLondon(s.cases[0].receivedAt)).toBe('2013-06-07 16:40');
    expect(formatLondon(s.cases[0].dueBy)).toBe('2013-06-10 16:40');
  });

  it('charges 10 minutes to read a contact the first time, and nothing to reopen it', () => {
    let s = shiftOf(['police-da-strangulation'], '2015');
    s = act(s, { type: 'open', caseId: 'police-da-strangulation' });
    expect(formatLondon(s.now)).toBe('2015-06-08 08:10');
    s = act(s, { type: 'open', caseId: 'police-da-strangulation' });
    expect(formatLondon(s.now)).toBe('2015-06-08 08:10');
  });

  it('waits until the next thing happens, and out of hours until the SPA opens', () => {
    let s = shiftOf(['police-da-first-argument', 'cumulative-hungry-and-angry'], '2015');
    s = decideRef(s, 'police-da-first-argument');
    expect(formatLondon(s.now)).toBe('2015-06-08 08:25');
    s = act(s, { type: 'wait' });
    expect(formatLondon(s.now)).toBe('2015-06-08 09:15'); // the school's referral arrives
    expect(s.cases[1].arrived).toBe(true);
    // Nothing arrives after the last contact except its clocks: waiting past 17:15 resumes at 08:00.
    s = act(s, { type: 'wait' }); // escalation point 15:15
    expect(formatLondon(s.now)).toBe('2015-06-08 15:15');
    s = act(s, { type: 'wait' }); // one working day: Tue 09:15
    expect(formatLondon(s.now)).toBe('2015-06-09 09:15');
  });

  it('does not change the state it was given (each action returns a new one)', () => {
    const s0 = shiftOf(['police-da-strangulation', 'baby-bruise-on-cheek'], '2013');
    const before = JSON.stringify(s0, (k, v) => (k === 'snapshot' ? undefined : v));
    act(act(s0, { type: 'open', caseId: 'police-da-strangulation' }), { type: 'request', caseId: 'police-da-strangulation', requestId: 'mother' });
    expect(JSON.stringify(s0, (k, v) => (k === 'snapshot' ? undefined : v))).toBe(before);
  });
});

describe('the 2013 rules', () => {
  it('hold a contact with a case coordinator when the learner asks for information, and the report says "advice and information"', () => {
    let s = shiftOf(['police-da-third-in-six-months'], '2013');
    s = act(s, { type: 'open', caseId: 'police-da-third-in-six-months' });
    s = act(s, { type: 'request', caseId: 'police-da-third-in-six-months', requestId: 'nursery' });
    const st = caseStatus(s, 'police-da-third-in-six-months');
    expect(st.state).toBe('heldByCaseCoordinator');
    expect(st.report).toBe('contact closed: provision of advice and information');
    expect(st.hiddenFromReport).toBe(true);
  });

  it('make held answers take three times as long (the case coordinator, by phone)', () => {
    let s = shiftOf(['police-da-third-in-six-months'], '2013');
    s = act(s, { type: 'open', caseId: 'police-da-third-in-six-months' });
    const at = s.now;
    s = act(s, { type: 'request', caseId: 'police-da-third-in-six-months', requestId: 'health-visitor' }); // 2.5 hours
    expect(s.cases[0].requests[0].answerAt).toBe(addWorkingMillis(at, 7.5 * HOUR));
  });

  it('do not allow a decision while the case is held, nor taking it to a decision before the answers are in', () => {
    let s = shiftOf(['police-da-third-in-six-months'], '2013');
    s = act(s, { type: 'request', caseId: 'police-da-third-in-six-months', requestId: 'nursery' });
    const a = caseActions(s, 'police-da-third-in-six-months');
    expect(a.decide.allowed).toBe(false);
    expect(a.decide.reason).toMatch(/held by a case coordinator/);
    expect(a.takeToDecision.allowed).toBe(false);
    expect(() => decideRef(s, 'police-da-third-in-six-months')).toThrow(ShiftActionError);
    s = act(s, { type: 'wait' }); // the answer comes back
    expect(caseActions(s, 'police-da-third-in-six-months').takeToDecision.allowed).toBe(true);
    s = act(s, { type: 'takeToDecision', caseId: 'police-da-third-in-six-months' });
    expect(caseStatus(s, 'police-da-third-in-six-months').state).toBe('awaitingDecision');
    expect(caseActions(s, 'police-da-third-in-six-months').request.allowed).toBe(false);
  });

  it("end a hold when the parents' answer comes back: the team manager decides on the parents' response (004 ¶38)", () => {
    let s = shiftOf(['police-da-third-in-six-months'], '2013');
    s = act(s, { type: 'request', caseId: 'police-da-third-in-six-months', requestId: 'mother' });
    // Asked, not answered: still held, nothing from the parents yet.
    expect(caseStatus(s, 'police-da-third-in-six-months').state).toBe('heldByCaseCoordinator');
    expect(s.cases[0].path.map((p) => p.event)).not.toContain('parents.contacted');
    while (s.cases[0].requests[0].status === 'waiting') s = act(s, { type: 'wait' });
    expect(s.cases[0].path.map((p) => p.event)).toContain('parents.contacted');
    expect((s.cases[0].snapshot.context as { parentContacts: number }).parentContacts).toBe(1);
    expect(caseStatus(s, 'police-da-third-in-six-months').state).toBe('awaitingDecision');
    expect(caseActions(s, 'police-da-third-in-six-months').decide.allowed).toBe(true);
  });

  it('have no escalation: a held case passes its one-working-day deadline, noted but not acted on', () => {
    let s = shiftOf(['police-da-third-in-six-months'], '2013');
    s = act(s, { type: 'request', caseId: 'police-da-third-in-six-months', requestId: 'health-visitor' });
    expect(s.cases[0].escalateAt).toBeNull();
    s = act(s, { type: 'wait' }); // answer at 15:40
    s = act(s, { type: 'wait' }); // deadline Tue 08:00
    expect(formatLondon(s.now)).toBe('2013-06-11 08:00');
    const st = caseStatus(s, 'police-da-third-in-six-months');
    expect(st.breached).toBe(true);
    expect(st.state).toBe('heldByCaseCoordinator'); // the answer is in, but nothing moves the case on
    s = act(s, { type: 'takeToDecision', caseId: 'police-da-third-in-six-months' });
    s = decideRef(s, 'police-da-third-in-six-months');
    const r = learnerResults(s, 'L').cases[0];
    expect(r.timely).toBe(false);
    expect(r.heldByCaseCoordinator).toBe(true);
    expect(r.hiddenFromReport).toBe(true);
    expect(r.onParentalAccount).toBe(true);
    expect(whatHappenedNext(s, s.cases[0]).join(' ')).toMatch(/provision of advice and information/);
  });

  it('send a level-4 decision to a strategy discussion and then to wait for the police (004 ¶39)', () => {
    let s = shiftOf(['baby-bruise-on-cheek'], '2013');
    s = act(s, { type: 'wait' });
    s = decideRef(s, 'baby-bruise-on-cheek');
    expect(s.cases[0].after.map((p) => p.to)).toEqual(['awaitingJointVisit', 'section47Enquiry', 'initialConference', 'childProtectionPlan']);
  });
});

describe('the 2015 rules', () => {
  it('gather information with a qualified worker, visibly awaiting a decision', () => {
    let s = shiftOf(['police-da-third-in-six-months'], '2015');
    s = act(s, { type: 'request', caseId: 'police-da-third-in-six-months', requestId: 'nursery' });
    const st = caseStatus(s, 'police-da-third-in-six-months');
    expect(st.state).toBe('informationGathering');
    expect(st.report).toBe('contact: awaiting decision');
    expect(st.hiddenFromReport).toBe(false);
    expect(s.cases[0].requests[0].answerAt).toBe(addWorkingMillis(parseLondon('2015-06-08T08:10'), 1 * HOUR));
  });

  it('send a contact about mental health to the CAMHS worker in the SPA', () => {
    let s = shiftOf(['self-harm-getting-worse'], '2015');
    s = act(s, { type: 'wait' });
    s = act(s, { type: 'request', caseId: 'self-harm-getting-worse', requestId: 'camhs' });
    expect(caseStatus(s, 'self-harm-getting-worse').state).toBe('camhsScreening');
  });

  it('escalate to a manager 6 working hours after the clock starts; then no more requests, decide now', () => {
    let s = shiftOf(['police-da-strangulation'], '2015');
    s = act(s, { type: 'request', caseId: 'police-da-strangulation', requestId: 'health-visitor' });
    // Answer at 11:10; do not take it to a decision: wait to the escalation point.
    s = act(s, { type: 'wait' });
    s = act(s, { type: 'wait' });
    expect(formatLondon(s.now)).toBe('2015-06-08 14:00');
    expect(caseStatus(s, 'police-da-strangulation').state).toBe('escalatedToManager');
    const a = caseActions(s, 'police-da-strangulation');
    expect(a.request.allowed).toBe(false);
    expect(a.request.reason).toMatch(/decide now/);
    expect(a.decide.allowed).toBe(true);
    s = decideRef(s, 'police-da-strangulation');
    expect(s.cases[0].decision?.escalated).toBe(true);
    expect(learnerResults(s, 'L').cases[0]).toMatchObject({ escalated: true, timely: true, call: 'agree' });
  });

  it('escalate a contact nobody has screened by its escalation point, straight to a manager', () => {
    let s = shiftOf(['police-da-strangulation', 'advice-row-in-car-park'], '2015');
    s = act(s, { type: 'wait' }); // 14:00: the escalation point passes while the contact is unread
    expect(formatLondon(s.now)).toBe('2015-06-08 14:00');
    expect(caseStatus(s, 'police-da-strangulation').state).toBe('escalatedToManager');
    expect(caseActions(s, 'police-da-strangulation').request).toMatchObject({ allowed: false });
    expect(() => act(s, { type: 'request', caseId: 'police-da-strangulation', requestId: 'mother' })).toThrow(/decide now/);
    s = decideRef(s, 'police-da-strangulation');
    expect(s.cases[0].path.map((p) => p.to)).toEqual(['received', 'escalatedToManager', 'strategyDiscussion']);
  });

  it('record the rationale with the decision (002)', () => {
    let s = shiftOf(['police-da-strangulation'], '2015');
    s = decideRef(s, 'police-da-strangulation');
    expect((s.cases[0].snapshot.context as { rationaleRecorded: boolean }).rationaleRecorded).toBe(true);
    expect(s.cases[0].after.map((p) => p.to)).toEqual(['section47Enquiry', 'initialConference', 'childProtectionPlan']);
  });
});

describe('a decision', () => {
  it('is checked field by field in plain words', () => {
    expect(validateDecision({ level: null, response: null, rationale: '' })).toEqual([
      { field: 'level', rule: 'Select the level of need' },
      { field: 'response', rule: 'Select the response' },
      { field: 'rationale', rule: 'Enter your rationale' },
    ]);
    expect(validateDecision({ level: 2, response: 'strategyDiscussion', rationale: 'too short' })).toEqual([
      { field: 'response', rule: 'Select a response for level 2' },
      { field: 'rationale', rule: 'Write at least a sentence on why (15 characters or more)' },
    ]);
  });

  it('under-thresholded into early help is stepped up later in the simulation', () => {
    let s = shiftOf(['step-up-early-help-not-working'], '2015');
    s = act(s, { type: 'wait' });
    s = decideRef(s, 'step-up-early-help-not-working', 2);
    expect(s.cases[0].after.map((p) => `${p.event}>${p.to}`)).toEqual([
      'earlyHelp.escalated>awaitingDecision',
      'threshold.decided>awaitingAllocation',
      'case.allocated>assessment',
      'assessment.completed>childInNeedPlan',
    ]);
    expect(whatHappenedNext(s, s.cases[0])[0]).toBe(byId('step-up-early-help-not-working').outcomes[2]);
  });

  it("moves the case only along transitions its statechart allows (the path replays through XState's own transition)", () => {
    let s = startShift(library, { seed: 'replay', rules: '2013', count: 6 });
    const first = s.cases.find((c) => c.arrived) ?? s.cases[0];
    if (!first.arrived) s = act(s, { type: 'wait' });
    s = act(s, { type: 'request', caseId: first.id, requestId: first.vignette.information[0].id });
    for (let i = 0; i < 40 && !s.ended; i++) {
      const c = s.cases.find((x) => x.arrived && !x.decision);
      if (!c) s = act(s, { type: 'wait' });
      else if (caseActions(s, c.id).decide.allowed) s = decideRef(s, c.id, 2);
      else if (caseActions(s, c.id).takeToDecision.allowed) s = act(s, { type: 'takeToDecision', caseId: c.id });
      else s = act(s, { type: 'wait' });
    }
    const machine = PROCESSES['2013'] as unknown as AnyStateMachine;
    const targets = (node: { on: Record<string, { target?: readonly { key: string }[] }[]> }, event: string) => (node.on[event] ?? []).map((t) => (t.target ? t.target.map((x) => x.key) : ['(self)']));
    for (const c of s.cases) {
      for (const p of [...c.path, ...c.after].slice(1)) {
        const from = machine.root.states[p.from!];
        const allowed = [...targets(from as never, p.event), ...targets(machine.root as never, p.event)].flat();
        expect(allowed, `${c.id}: ${p.from} --${p.event}--> ${p.to}`).toContain(p.from === p.to && !allowed.includes(p.to) ? '(self)' : p.to);
      }
      expect(c.path[c.path.length - 1].to).toBe(c.state);
    }
  });
});

describe('results', () => {
  function finished(): ShiftState {
    let s = startShift(library, { seed: 'results', rules: '2015', count: 5 });
    const actions: ShiftAction[] = [];
    for (let i = 0; i < 40 && !s.ended; i++) {
      const c = s.cases.find((x) => x.arrived && !x.decision);
      let a: ShiftAction;
      if (!c) a = { type: 'wait' };
      else if (caseActions(s, c.id).decide.allowed) a = { type: 'decide', caseId: c.id, level: c.vignette.reference.level, response: c.vignette.reference.response, rationale: 'As the reference has it, for this test.' };
      else a = { type: 'wait' };
      actions.push(a);
      s = act(s, a);
    }
    return s;
  }

  it('rebuild the same shift from the config and the actions', () => {
    const s = finished();
    const again = replayShift(library, { seed: 'results', rules: '2015', count: 5 }, s.actions);
    expect(resultsToJson(learnerResults(again, 'A'))).toBe(resultsToJson(learnerResults(s, 'A')));
  });

  it('export as JSON that loads back, and as CSV with one row per contact', () => {
    const r = learnerResults(finished(), 'Learner A');
    const back = parseLearnerResultsText(resultsToJson(r), 'a.json');
    expect(back).toEqual(r);
    const csv = resultsToCsv(r).trim().split('\n');
    expect(csv[0]).toBe('learner,seed,rules,vignetteId,title,referenceLevel,decidedLevel,call,referenceResponse,decidedResponse,receivedAt,dueBy,decidedAt,timely,workingHoursLate,informationRequests,escalated,heldByCaseCoordinator,hiddenFromReport,finalState,points,rationale');
    expect(csv.length).toBe(6);
  });

  it('refuse a results file whose call does not match its levels, naming the field', () => {
    const r = learnerResults(finished(), 'Learner A');
    const tampered = { ...r, cases: r.cases.map((c, i) => (i === 2 ? { ...c, call: 'over' } : c)) };
    let error: unknown;
    try {
      parseLearnerResultsText(JSON.stringify(tampered), 'b.json');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(VignetteError);
    expect((error as VignetteError).issues.map((i) => i.field)).toEqual(['cases[2].call']);
  });

  it('refuse a file that is not a results file, naming the field', () => {
    let error: unknown;
    try {
      parseLearnerResultsText(JSON.stringify({ format: 'something else' }), 'c.json');
    } catch (e) {
      error = e;
    }
    expect((error as VignetteError).issues[0]).toEqual({ field: 'format', rule: 'must be "spa-front-door-training-results"' });
  });

  it('combine a class: per contact, how many called each level', () => {
    const a = learnerResults(finished(), 'A');
    const b = { ...a, learner: 'B', cases: a.cases.map((c, i) => (i === 0 ? { ...c, decidedLevel: null, decidedResponse: null, call: 'undecided' as const, timely: false } : c)) };
    const cls = classResults([{ results: a }, { results: parseLearnerResultsText(JSON.stringify(b)) }]);
    expect(cls.learners.map((l) => l.learner)).toEqual(['A', 'B']);
    const row = cls.vignettes.find((v) => v.vignetteId === a.cases[0].vignetteId)!;
    expect(row.learners).toBe(2);
    expect(row.agree).toBe(1);
    expect(row.undecided).toBe(1);
    expect(row.calls[String(a.cases[0].referenceLevel) as '1']).toBe(1);
    expect(cls.warnings).toEqual([]);
    expect(cls.overall.contacts).toBe(10);
  });

  it('warn when the results come from different shifts', () => {
    const a = learnerResults(finished(), 'A');
    const b = { ...a, shift: { ...a.shift, seed: 'other' } };
    expect(classResults([{ results: a }, { results: b }]).warnings[0]).toMatch(/2 different shifts/);
  });

  it('use the arrival time stated in the vignette', () => {
    expect(formatLondon(arrivalTime(byId('police-da-third-in-six-months'), parseLondon('2015-06-08T08:00')))).toBe('2015-06-07 23:40');
  });
});
