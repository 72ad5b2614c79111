// Changing a process without code: each edit gives the changed file or a refusal worded as the
// command line words it (field naming the state, and the rule), and undo and redo give back
// exactly what was there.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, loadScenario } from '../../support/scenarios';
import { createSimulation } from '../../../src/core/engine';
import { checkInvariants } from '../../../src/core/invariants';
import { clockOverrides } from '../../../src/core/processes/facts';
import { parseVariation, sweepJobs } from '../../../src/core/sweep';
import { chartFacts, processFileText, processFromFile, processFromText, shippedProcessFile, type ProcessFile } from '../../../src/core/processes';
import {
  addState,
  canRedo,
  clearClocks,
  clocksOf,
  LAB_CLOCK_SOURCE,
  setClocks,
  canUndo,
  decisionStates,
  guardNames,
  historyOf,
  holdIsOn,
  holdStates,
  pushHistory,
  redirectTransition,
  redo,
  removeTransition,
  rename,
  setActions,
  setDecider,
  setGuard,
  setHold,
  transitionsOf,
  undo,
  HISTORY_LIMIT,
  type Edited,
  type TransitionInfo,
} from '../../../src/core/processes/edit';

const fileOf = (name: '2013' | '2015'): ProcessFile => shippedProcessFile(name);

/** The changed file of an edit that must be accepted (fails the test with the refusal otherwise). */
function accepted(r: Edited): ProcessFile {
  if (!r.ok) throw new Error(`refused:\n${r.problems.join('\n')}`);
  return r.file;
}

/** The refusal of an edit that must be refused. */
function refused(r: Edited): string[] {
  if (r.ok) throw new Error('accepted');
  return r.problems;
}

/** The one transition of a chart matching a description. */
function the(file: ProcessFile, pred: (t: TransitionInfo) => boolean): TransitionInfo {
  const found = transitionsOf(file).filter(pred);
  expect(found, 'exactly one transition matches').toHaveLength(1);
  return found[0];
}

/** The first state (in the chart's order) whose work ends with an event the chart's initial state answers, e.g. screening. */
const initialOf = (f: ProcessFile) => f.chart.initial;

/** The escalation transitions of a chart: those answering the escalation clock (found from the chart, not by name). */
const escalations = (f: ProcessFile) => transitionsOf(f).filter((t) => t.event === 'clock.escalationDue');

/**
 * A small chart to break in ways the shipped ones cannot be broken by one edit: a screening with
 * work, a waiting state with no work, and a decided end.
 */
function tinyFile(): ProcessFile {
  const meta = (undecided: boolean, work?: object) => ({
    source: 'assumption: a test chart',
    description: 'A state of the test chart.',
    report: { label: 'x', pending: undecided, decided: !undecided },
    undecided,
    ...(work ? { work } : {}),
  });
  return {
    format: 'spa-front-door-process',
    version: 1,
    id: 'tiny',
    name: 'A tiny chart',
    description: 'Three states.',
    derivedFrom: null,
    chart: {
      initial: 'received',
      states: {
        received: { meta: meta(true, { role: 'spaSocialWorker', activity: 'screening', done: 'screening.completed' }), on: { 'screening.completed': { target: 'waiting' } } },
        waiting: { meta: meta(true), on: { 'case.allocated': { target: 'closed' } } },
        closed: { type: 'final', meta: meta(false) },
      },
    },
  };
}

describe('listing a chart\u2019s transitions', () => {
  it('lists every candidate of every event with its place, target, guard and actions, as the file writes them', () => {
    const f = fileOf('2015');
    const first = the(f, (t) => t.state === initialOf(f) && t.event === 'screening.completed' && t.index === 0);
    expect(first).toMatchObject({ guard: 'inImmediateDanger', actions: ['recordChildProtection'], field: 'chart.states.received.on["screening.completed"][0]' });
    expect(escalations(f).length).toBeGreaterThan(1);
  });
});

describe('removing a transition', () => {
  it('removes one escalation of 2015 and only that one: the chart still runs, and still escalates from the other states', () => {
    const f = fileOf('2015');
    const [esc, ...others] = escalations(f);
    const next = accepted(removeTransition(f, esc));
    expect(escalations(next)).toEqual(others);
    expect(transitionsOf(next)).toHaveLength(transitionsOf(f).length - 1);
    expect(chartFacts(processFromFile(next).machine).escalates).toBe(true);
  });

  it('removing every escalation gives the walkthrough\u2019s changed chart (examples/spa2015-no-escalation), state for state', () => {
    let f = fileOf('2015');
    while (escalations(f).length) f = accepted(removeTransition(f, escalations(f)[0]));
    expect(chartFacts(processFromFile(f).machine).escalates).toBe(false);
    const example = JSON.parse(readFileSync(join(ROOT, 'examples', 'spa2015-no-escalation.json'), 'utf8')) as ProcessFile;
    expect(JSON.stringify(f.chart, null, 2)).toBe(JSON.stringify(example.chart, null, 2));
  });

  it('removes one candidate of a list and keeps the rest in order', () => {
    const f = fileOf('2015');
    const list = transitionsOf(f).filter((t) => t.state === initialOf(f) && t.event === 'screening.completed');
    const next = accepted(removeTransition(f, list[1]));
    const after = transitionsOf(next).filter((t) => t.state === initialOf(f) && t.event === 'screening.completed');
    expect(after.map((t) => t.target)).toEqual([list[0], ...list.slice(2)].map((t) => t.target));
  });

  it('refuses a transition that is not there, naming the state and event', () => {
    const f = fileOf('2015');
    expect(refused(removeTransition(f, { state: 'nowhere', event: 'screening.completed', index: 0 }))[0]).toMatch(/^chart\.states\.nowhere: names no state/);
    expect(refused(removeTransition(f, { state: initialOf(f), event: 'screening.completed', index: 99 }))[0]).toMatch(/on\["screening.completed"\]: has 5 transitions; there is none at place 99/);
  });

  it('refuses removing the only way on from the first state, when no decision can then be reached', () => {
    const f = tinyFile();
    const problems = refused(removeTransition(f, { state: 'received', event: 'screening.completed', index: 0 }));
    expect(problems).toContain('chart.initial: no path from "received" reaches a decided state (one whose meta.undecided is false): a contact could never get a decision');
  });
});

describe('redirecting a transition', () => {
  it('sends 2015\u2019s unclear contacts straight to the decision instead of information gathering', () => {
    const f = fileOf('2015');
    const decide = decisionStates(f)[0];
    const fallback = the(f, (t) => t.state === initialOf(f) && t.event === 'screening.completed' && t.guard === null);
    const next = accepted(redirectTransition(f, fallback, decide));
    expect(the(next, (t) => t.state === initialOf(f) && t.event === 'screening.completed' && t.guard === null).target).toBe(decide);
  });

  it('refuses a target that names no state, with the command line\u2019s message', () => {
    const f = fileOf('2015');
    const t = the(f, (x) => x.state === initialOf(f) && x.event === 'screening.completed' && x.index === 4);
    const problems = refused(redirectTransition(f, t, 'reviewByManager'));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^chart\.states\.received\.on\["screening\.completed"\]\[4\]\.target: must name a state of the chart \(received, .*\); "reviewByManager" names no state$/);
  });

  it('refuses a cycle with no work in it', () => {
    const f = tinyFile();
    const problems = refused(redirectTransition(f, { state: 'waiting', event: 'case.allocated', index: 0 }, 'waiting'));
    expect(problems).toContain('chart.states.waiting.on["case.allocated"].target: closes the cycle waiting -> waiting, in which no state has work (meta.work): a case would go round it with no one working it');
  });
});

describe('changing a guard', () => {
  it('offers exactly the shared setup\u2019s guards', () => {
    expect(guardNames()).toContain('levelClear');
    expect(guardNames()).toContain('decidedChildProtection');
  });

  it('puts a named guard on a transition, and takes it off again', () => {
    const f = fileOf('2015');
    const t = the(f, (x) => x.state === initialOf(f) && x.event === 'screening.completed' && x.index === 2);
    const guarded = accepted(setGuard(f, t, 'potentiallyAboveEarlyHelp'));
    const same = (x: TransitionInfo) => x.state === t.state && x.event === t.event && x.index === t.index;
    expect(the(guarded, same)).toMatchObject({ guard: 'potentiallyAboveEarlyHelp', target: t.target });
    const bare = accepted(setGuard(guarded, t, null));
    expect(the(bare, same)).toMatchObject({ guard: null, target: t.target });
  });

  it('refuses a guard the shared setup does not provide', () => {
    const f = fileOf('2015');
    const t = the(f, (x) => x.state === initialOf(f) && x.event === 'screening.completed' && x.index === 2);
    expect(refused(setGuard(f, t, 'managerAgrees'))[0]).toMatch(/^chart\.states\.received\.on\["screening\.completed"\]\[2\]\.guard: must name a guard the shared setup provides \(.*levelClear.*\); "managerAgrees" is not one$/);
  });

  it('refuses an action the shared setup does not provide', () => {
    const f = fileOf('2015');
    const t = the(f, (x) => x.state === initialOf(f) && x.event === 'screening.completed' && x.index === 2);
    expect(refused(setActions(f, t, ['phoneTheParents']))[0]).toMatch(/^chart\.states\.received\.on\["screening\.completed"\]\[2\]\.actions: must name an action the shared setup provides \(.*\); "phoneTheParents" is not one$/);
  });
});

describe('adding a state', () => {
  const review = (into: TransitionInfo, role = 'teamManager') => ({
    name: 'managerReview',
    label: 'Manager review',
    description: 'A team manager reviews the gathered information before the decision.',
    source: 'assumption: a review step tried in the process lab',
    role,
    activity: 'thresholdDecision',
    into,
  });

  it('puts a review step between information gathering and the decision of 2015: worked by the role given, undecided, answering the clocks', () => {
    const f = fileOf('2015');
    const decide = decisionStates(f)[0];
    const into = the(f, (t) => t.event === 'information.gathered' && t.target === decide);
    const next = accepted(addState(f, review(into)));
    const facts = chartFacts(processFromFile(next).machine);
    const step = facts.state('managerReview');
    expect(step.role).toBe('teamManager');
    expect(step.undecided).toBe(true);
    expect(step.meta.work?.activity).toBe('thresholdDecision');
    expect(the(next, (t) => t.state === into.state && t.event === into.event).target).toBe('managerReview');
    expect(the(next, (t) => t.state === 'managerReview' && t.event === 'information.gathered').target).toBe(decide);
    // It answers the clocks as the state the case comes from does.
    expect(transitionsOf(next).filter((t) => t.state === 'managerReview').map((t) => t.event).sort()).toEqual(['clock.escalationDue', 'clock.oneWorkingDayElapsed', 'information.gathered']);
  });

  it('a step put after the decision is decided and answers no clock', () => {
    const f = fileOf('2015');
    const into = transitionsOf(f).find((t) => t.state === decisionStates(f)[0] && t.event === 'threshold.decided')!;
    const next = accepted(addState(f, { ...review(into), name: 'secondLook' }));
    expect(chartFacts(processFromFile(next).machine).state('secondLook').undecided).toBe(false);
    expect(transitionsOf(next).filter((t) => t.state === 'secondLook').map((t) => t.event)).toEqual(['information.gathered']);
  });

  it('refuses work that names no role', () => {
    const f = fileOf('2015');
    const into = the(f, (t) => t.event === 'information.gathered' && t.target === decisionStates(f)[0]);
    expect(refused(addState(f, review(into, 'seniorPractitioner')))).toEqual([
      'chart.states.managerReview.meta.work.role: must be one of spaSocialWorker, teamManager, caseCoordinator, camhs, raSocialWorker, police, earlyHelpWorker, edtSocialWorker',
    ]);
  });

  it('refuses a name already in the chart, and a name that is not a word', () => {
    const f = fileOf('2015');
    const into = the(f, (t) => t.event === 'information.gathered' && t.target === decisionStates(f)[0]);
    expect(refused(addState(f, { ...review(into), name: decisionStates(f)[0] }))[0]).toMatch(/already in the chart/);
    expect(refused(addState(f, { ...review(into), name: 'manager review' }))[0]).toMatch(/^chart\.states\.manager review: a state's name must be a word/);
  });
});

describe('changing who decides', () => {
  it('lists the states whose work is the threshold decision: 2015 has the decision, the decision on CAMHS\u2019s assessment and the escalated decision', () => {
    expect(decisionStates(fileOf('2015'))).toHaveLength(3);
    expect(decisionStates(fileOf('2013'))).toHaveLength(1);
  });

  it('gives 2013\u2019s decision to the SPA social workers', () => {
    const f = fileOf('2013');
    const [decide] = decisionStates(f);
    const next = accepted(setDecider(f, decide, 'spaSocialWorker'));
    expect(chartFacts(processFromFile(next).machine).state(decide).role).toBe('spaSocialWorker');
  });

  it('refuses a role that is not one, and a state that does not decide', () => {
    const f = fileOf('2013');
    const [decide] = decisionStates(f);
    expect(refused(setDecider(f, decide, 'headTeacher'))[0]).toMatch(new RegExp(`^chart\\.states\\.${decide}\\.meta\\.work\\.role: must be one of `));
    expect(refused(setDecider(f, initialOf(f), 'teamManager'))[0]).toMatch(/meta\.work: is not a threshold decision/);
  });
});

describe('switching 2013\u2019s hold', () => {
  it('off: no contact goes into the hold; on again: the same bytes as the shipped chart', () => {
    const f = fileOf('2013');
    expect(holdStates(f)).toHaveLength(1);
    expect(holdIsOn(f)).toBe(true);
    const off = accepted(setHold(f, false));
    expect(holdIsOn(off)).toBe(false);
    // The hold's state stays, unreached.
    expect(holdStates(off)).toEqual(holdStates(f));
    const on = accepted(setHold(off, true));
    expect(processFileText(on)).toBe(processFileText(f));
  });

  it('refuses switching on a hold that 2015 never had, and switching off one already off', () => {
    expect(refused(setHold(fileOf('2015'), true))[0]).toBe('derivedFrom: is "2015", whose chart has no hold (no state whose meta.stage is "hold") to put back');
    expect(refused(setHold(fileOf('2015'), false))[0]).toMatch(/^chart\.states: no transition leads into a hold .*this chart has no hold$/);
    const off = accepted(setHold(fileOf('2013'), false));
    expect(refused(setHold(off, false))[0]).toMatch(/the hold is already off$/);
  });
});

describe('naming the changed process', () => {
  it('takes a new id and name, and refuses the shipped processes\u2019 names', () => {
    const next = accepted(rename(fileOf('2015'), { id: 'spa2015-review', name: 'With a review step' }));
    expect([next.id, next.name]).toEqual(['spa2015-review', 'With a review step']);
    expect(refused(rename(fileOf('2015'), { id: '2015' }))[0]).toBe('id: must not be 2013 or 2015, which name the shipped processes');
  });
});

describe('the chart\u2019s own clocks', () => {
  const run = (file: ProcessFile, trace = true) => {
    const sim = createSimulation(loadScenario('kingston-2015.json'), { machine: processFromFile(file).machine, workforce: '2015', days: 60, trace });
    sim.run();
    return sim;
  };
  /** The breaches the chart's own clock noted on the case files (its `clock.oneWorkingDayElapsed` records). */
  const breaches = (sim: ReturnType<typeof run>) => sim.trace.filter((r) => r.event === 'clock.oneWorkingDayElapsed').length;

  it('the shipped charts set none, so their files have no chart meta', () => {
    for (const name of ['2013', '2015'] as const) {
      expect(fileOf(name).chart.meta).toBeUndefined();
      expect(chartFacts(processFromFile(fileOf(name)).machine).clocks).toEqual({ decisionWithinWorkingHours: null, escalateAfterWorkingHours: null, escalateGreenAfterWorkingHours: null, source: null });
    }
  });

  it('refuses a decision clock outside 1 to 45 working hours, naming the field and the rule', () => {
    for (const bad of [0, 46, -1, Number.NaN]) {
      const problems = refused(setClocks(fileOf('2015'), { decisionWithinWorkingHours: bad }));
      expect(problems).toEqual([expect.stringMatching(/^chart\.meta\.clocks\.decisionWithinWorkingHours: must be a number from 1 to 45 working hours/)]);
    }
  });

  it('refuses an escalation point later than the chart\u2019s decision clock, naming the field and the rule', () => {
    expect(refused(setClocks(fileOf('2015'), { escalateAfterWorkingHours: 10 }))).toEqual([
      'chart.meta.clocks.escalateAfterWorkingHours: must be earlier than the chart\'s decision clock (9 working hours, one working day): the escalation comes within the clock it is there to keep',
    ]);
    expect(refused(setClocks(fileOf('2015'), { decisionWithinWorkingHours: 4, escalateAfterWorkingHours: 2, escalateGreenAfterWorkingHours: 5 }))).toEqual([
      'chart.meta.clocks.escalateGreenAfterWorkingHours: must be earlier than the chart\'s decision clock (4 working hours): the escalation comes within the clock it is there to keep',
    ]);
    // At the clock is too late as well: the engine escalates only before the clock runs out.
    expect(refused(setClocks(fileOf('2015'), { decisionWithinWorkingHours: 4, escalateAfterWorkingHours: 4, escalateGreenAfterWorkingHours: 3 }))).toEqual([
      'chart.meta.clocks.escalateAfterWorkingHours: must be earlier than the chart\'s decision clock (4 working hours): the escalation comes within the clock it is there to keep',
    ]);
  });

  it('asks a chart that escalates for its own escalation points when it shortens the decision clock (the scenario\u2019s would never fire); one that does not escalate needs none', () => {
    const rule = (key: string) =>
      `chart.meta.clocks.${key}: must be given when the decision clock is shorter than one working day (4 working hours) in a chart that escalates: the scenario's escalation point is set against one working day and would come too late to fire`;
    expect(refused(setClocks(fileOf('2015'), { decisionWithinWorkingHours: 4 }))).toEqual([rule('escalateAfterWorkingHours'), rule('escalateGreenAfterWorkingHours')]);
    expect(refused(setClocks(fileOf('2015'), { decisionWithinWorkingHours: 4, escalateAfterWorkingHours: 2 }))).toEqual([rule('escalateGreenAfterWorkingHours')]);
    expect(clocksOf(accepted(setClocks(fileOf('2015'), { decisionWithinWorkingHours: 4, escalateAfterWorkingHours: 2, escalateGreenAfterWorkingHours: 3 })))).toMatchObject({ decisionWithinWorkingHours: 4 });
    expect(clocksOf(accepted(setClocks(fileOf('2013'), { decisionWithinWorkingHours: 4 })))).toMatchObject({ decisionWithinWorkingHours: 4 });
    // A longer decision clock allows a later escalation.
    expect(clocksOf(accepted(setClocks(fileOf('2015'), { decisionWithinWorkingHours: 18, escalateAfterWorkingHours: 12 })))).toMatchObject({ decisionWithinWorkingHours: 18, escalateAfterWorkingHours: 12 });
    expect(refused(setClocks(fileOf('2015'), { escalateAfterWorkingHours: -1 }))).toEqual(['chart.meta.clocks.escalateAfterWorkingHours: must be a number from 0 to 45 working hours']);
  });

  it('refuses clocks with an empty source, and a file whose chart meta holds an unknown field', () => {
    expect(refused(setClocks(fileOf('2015'), { escalateAfterWorkingHours: 4, source: ' ' }))).toEqual(['chart.meta.clocks.source: must say where the clocks come from (e.g. "002", or "assumption")']);
    const f = { ...fileOf('2015'), chart: { meta: { clock: 3 }, ...fileOf('2015').chart } };
    expect(() => processFromFile(f)).toThrow('chart.meta.clock: is not a known field of the chart\'s meta (clocks)');
  });

  it('a changed clock round-trips through the process file, and clearing it gives the shipped file back', () => {
    const f = accepted(setClocks(fileOf('2015'), { decisionWithinWorkingHours: 13.5, escalateAfterWorkingHours: 3 }));
    expect(f.chart.meta).toEqual({ clocks: { decisionWithinWorkingHours: 13.5, escalateAfterWorkingHours: 3, source: LAB_CLOCK_SOURCE } });
    const again = processFromText(processFileText(f));
    expect(again.file).toEqual(f);
    expect(chartFacts(again.machine).clocks).toEqual({ decisionWithinWorkingHours: 13.5, escalateAfterWorkingHours: 3, escalateGreenAfterWorkingHours: null, source: LAB_CLOCK_SOURCE });
    const cleared = accepted(clearClocks(f));
    expect(processFileText(cleared)).toBe(processFileText(fileOf('2015')));
    // Clearing one clock keeps the others.
    expect(clocksOf(accepted(setClocks(f, { escalateAfterWorkingHours: null })))).toEqual({ decisionWithinWorkingHours: 13.5, source: LAB_CLOCK_SOURCE });
  });

  it('says where a process fixes its own escalation point, and a sweep of that scenario field with it is refused naming the field and the rule', () => {
    const f = accepted(setClocks(fileOf('2015'), { escalateAfterWorkingHours: 4 }));
    expect(clockOverrides(chartFacts(processFromFile(f).machine).clocks).map((o) => o.text)).toEqual(["this process fixes its own escalation point (4 working hours); the scenario's is not used"]);
    expect(clockOverrides(chartFacts(processFromFile(fileOf('2015')).machine).clocks)).toEqual([]);
    const scenario = loadScenario('kingston-2015.json');
    expect(() => sweepJobs(scenario, parseVariation('escalateAfterWorkingHours=2:6:2'), ['2015', f], 1, 1)).toThrow(
      /--vary: cannot vary escalateAfterWorkingHours: the process spa2015 fixes its own \(chart\.meta\.clocks\.escalateAfterWorkingHours is 4 working hours\), so the scenario's is not used/,
    );
    // The green escalation point is the scenario's still: it can be varied.
    expect(sweepJobs(scenario, parseVariation('escalateGreenAfterWorkingHours=6:8:2'), ['2015', f], 1, 1)).toHaveLength(4);
  });

  it('the safeguards judge a variant by the standard one working day: escalating only at 8.9 working hours (six minutes before the clock) breaks "with a manager by the deadline", which the shipped 2015 keeps', () => {
    const verdict = (f: ProcessFile) => checkInvariants(run(f)).find((r) => r.invariant.id === 'with-a-manager-by-the-deadline')!;
    expect(verdict(fileOf('2015')).holds).toBe(true);
    const late = verdict(accepted(setClocks(fileOf('2015'), { escalateAfterWorkingHours: 8.9, escalateGreenAfterWorkingHours: 8.9 })));
    expect(late.holds).toBe(false);
    expect(late.violations.length).toBeGreaterThan(0);
  });

  it('a decision clock of 9 working hours is the standard one working day: the same trace as the shipped chart', () => {
    const shipped = run(fileOf('2015'));
    const nine = run(accepted(setClocks(fileOf('2015'), { decisionWithinWorkingHours: 9 })));
    expect(nine.trace).toEqual(shipped.trace);
  });

  it('a variant escalating at 2 working hours gives different figures from one escalating at 8, on the same seed', () => {
    const at = (h: number) => run(accepted(setClocks(fileOf('2015'), { escalateAfterWorkingHours: h, escalateGreenAfterWorkingHours: h })), false).metrics();
    const early = at(2);
    const late = at(8);
    expect(early.escalations).toBeGreaterThan(late.escalations);
    expect(early.contacts).toBe(late.contacts);
  });

  it('a variant with a two-working-day decision clock notes fewer breaches than the shipped 2015, while what happened to the children is the same', () => {
    const shipped = run(fileOf('2015'));
    const longer = run(accepted(setClocks(fileOf('2015'), { decisionWithinWorkingHours: 18 })));
    expect(breaches(shipped)).toBeGreaterThan(0);
    expect(breaches(longer)).toBeLessThan(breaches(shipped));
    // Measured against the standard one working day: unchanged.
    expect(longer.metrics().decidedWithinOneWorkingDay).toBe(shipped.metrics().decidedWithinOneWorkingDay);
    expect(longer.metrics()).toEqual(shipped.metrics());
  });
});

describe('a refused edit changes nothing', () => {
  it('the file given is left as it was', () => {
    const f = fileOf('2015');
    const before = processFileText(f);
    refused(redirectTransition(f, escalations(f)[0], 'nowhere'));
    accepted(removeTransition(f, escalations(f)[0]));
    expect(processFileText(f)).toBe(before);
  });
});

describe('undo and redo', () => {
  it('an exported shipped chart edited and undone is byte-identical', () => {
    for (const name of ['2013', '2015'] as const) {
      const text = processFileText(shippedProcessFile(name));
      let h = historyOf(processFromFile(JSON.parse(text)).file);
      h = pushHistory(h, accepted(removeTransition(h.present, transitionsOf(h.present)[0])));
      h = pushHistory(h, accepted(setDecider(h.present, decisionStates(h.present)[0], 'spaSocialWorker')));
      expect(processFileText(h.present)).not.toBe(text);
      h = undo(undo(h));
      expect(processFileText(h.present)).toBe(text);
      expect(canUndo(h)).toBe(false);
    }
  });

  it('round trip: undo everything, redo everything, and each step is what it was', () => {
    const f = fileOf('2015');
    const steps: ProcessFile[] = [f];
    let h = historyOf(f);
    for (let i = 0; i < 4; i++) {
      const next = accepted(removeTransition(h.present, escalations(h.present)[0]));
      steps.push(next);
      h = pushHistory(h, next);
    }
    for (let i = steps.length - 1; i > 0; i--) {
      expect(h.present).toBe(steps[i]);
      h = undo(h);
    }
    expect(h.present).toBe(f);
    expect(undo(h)).toBe(h);
    for (let i = 1; i < steps.length; i++) {
      h = redo(h);
      expect(h.present).toBe(steps[i]);
    }
    expect(canRedo(h)).toBe(false);
    expect(redo(h)).toBe(h);
  });

  it('an edit after an undo forgets what was undone', () => {
    let h = pushHistory(pushHistory(historyOf('a'), 'b'), 'c');
    h = pushHistory(undo(h), 'd');
    expect([h.past, h.present, h.future]).toEqual([['a', 'b'], 'd', []]);
  });

  it(`keeps at most ${HISTORY_LIMIT} undo steps, dropping the oldest`, () => {
    let h = historyOf(0);
    for (let i = 1; i <= HISTORY_LIMIT + 5; i++) h = pushHistory(h, i);
    expect(h.past).toHaveLength(HISTORY_LIMIT);
    expect(h.past[0]).toBe(5);
  });
});
