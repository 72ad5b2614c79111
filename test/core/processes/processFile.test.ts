// A process is data: a shipped chart written as a process file and read back runs exactly as the
// shipped chart, and a malformed file is refused with every problem named by state, field and rule.
import { describe, expect, it } from 'vitest';
import type { AnyStateMachine } from 'xstate';
import { traceToJsonl } from '../../../src/core/export';
import { PROCESS_FILE_LIMITS } from '../../../src/core/bounds';
import {
  PROCESSES,
  PROCESS_NAMES,
  ProcessFileError,
  processFileText,
  processFromFile,
  processFromText,
  processToFile,
  shippedProcessFile,
  type ProcessFile,
} from '../../../src/core/processes';
import { processRunOptions, runScenario } from '../../../src/core/run';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spa2015NoEscalation } from '../../../examples/spa2015-no-escalation';
import { ROOT } from '../../support/scenarios';
import { loadScenario, shippedScenarios } from '../../support/scenarios';

/** A fresh copy of a shipped chart's file, to break. */
const fileOf = (name: '2013' | '2015'): ProcessFile => JSON.parse(processFileText(shippedProcessFile(name))) as ProcessFile;

/** The problems a file is refused with, as "field: rule" lines; fails the test if it is accepted. */
function refusal(data: unknown): string[] {
  try {
    processFromFile(data);
  } catch (e) {
    if (e instanceof ProcessFileError) return e.issues.map((i) => `${i.field}: ${i.rule}`);
    throw e;
  }
  throw new Error('accepted');
}

const states = (f: ProcessFile) => f.chart.states as Record<string, Record<string, any>>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('writing and reading a process file', () => {
  it.each(PROCESS_NAMES)('export, import and export again of the %s chart gives the same bytes', (name) => {
    const text = processFileText(shippedProcessFile(name));
    const { file, machine } = processFromText(text);
    expect(processFileText(processToFile(machine, file))).toBe(text);
    expect(machine.id).toBe(file.id);
    expect(file.derivedFrom).toBe(name);
  });

  it('writes the chart as XState\u2019s machine configuration: state names as targets, guards and actions by name', () => {
    const received = states(fileOf('2015')).received;
    expect(received.on['screening.completed'][0]).toEqual({ guard: 'inImmediateDanger', target: 'strategyDiscussion', actions: 'recordChildProtection' });
    expect(received.meta.work).toEqual({ role: 'spaSocialWorker', activity: 'screening', done: 'screening.completed', longerIfFormIncomplete: true });
  });

  it('the walkthrough\u2019s changed chart as a file (examples/) is the module\u2019s chart, so the two cannot drift apart', () => {
    const text = readFileSync(join(ROOT, 'examples', 'spa2015-no-escalation.json'), 'utf8');
    const { file, machine } = processFromText(text);
    expect(processFileText(processToFile(spa2015NoEscalation as unknown as AnyStateMachine, file))).toBe(text);
    expect(JSON.stringify(machine.config.states)).toBe(JSON.stringify(spa2015NoEscalation.config.states));
  });

  it('refuses to write a machine that holds what a file cannot (a function)', () => {
    const machine = PROCESSES['2015'] as unknown as AnyStateMachine;
    const withFunction = { ...machine, id: 'x', config: { ...machine.config, states: { a: { meta: { f: () => 1 } } } } } as unknown as AnyStateMachine;
    expect(() => processToFile(withFunction, { id: 'x', name: 'x', description: 'x', derivedFrom: null })).toThrow(/holds a function/);
  });
});

describe('a shipped chart read back from its file', () => {
  // Each process on its own scenario for its whole length; the other combinations for 60 days.
  const cases = shippedScenarios().flatMap((s) => PROCESS_NAMES.map((p) => ({ s, p, days: s === `kingston-${p}.json` ? undefined : 60 })));
  it.each(cases)('gives exactly the figures and trace of the shipped $p chart on $s', ({ s, p, days }) => {
    const scenario = loadScenario(s);
    const file = processFromText(processFileText(shippedProcessFile(p))).file;
    const shipped = runScenario(scenario, { process: p, days });
    // As every command runs a file: with the workforce of the process it was derived from.
    const fromFile = runScenario(scenario, { ...processRunOptions(file), days });
    expect({ ...fromFile.summary, process: p }).toEqual(shipped.summary);
    expect(fromFile.summary.process).toBe(`spa${p}`);
    expect(traceToJsonl(fromFile.sim.trace)).toBe(traceToJsonl(shipped.sim.trace));
  }, 60_000);
});

describe('a malformed process file is refused, naming the state, the field and the rule', () => {
  it('a target that names no state', () => {
    const f = fileOf('2015');
    states(f).received.on['screening.completed'][1].target = 'nowhere';
    expect(refusal(f)).toEqual([expect.stringMatching(/^chart\.states\.received\.on\["screening\.completed"\]\[1\]\.target: must name a state of the chart \(received, .*\); "nowhere" names no state$/)]);
  });

  it('an initial state that names no state', () => {
    const f = fileOf('2015');
    f.chart.initial = 'start';
    expect(refusal(f)).toEqual([expect.stringMatching(/^chart\.initial: must name a state of the chart .*"start" names no state$/)]);
  });

  it('an unknown guard', () => {
    const f = fileOf('2013');
    states(f).received.on['screening.completed'][0].guard = 'looksWorrying';
    expect(refusal(f)).toEqual([expect.stringMatching(/^chart\.states\.received\.on\["screening\.completed"\]\[0\]\.guard: must name a guard the shared setup provides \(hasOpenCase, .*\); "looksWorrying" is not one$/)]);
  });

  it('an unknown action, alone or in a list', () => {
    const f = fileOf('2015');
    states(f).received.on['clock.escalationDue'].actions = 'phoneParents';
    states(f).informationGathering.on['clock.escalationDue'].actions = ['markEscalated', 'ringPolice'];
    expect(refusal(f)).toEqual([
      expect.stringMatching(/^chart\.states\.received\.on\["clock\.escalationDue"\]\.actions: must name an action the shared setup provides \(recordDecision, .*\); "phoneParents" is not one$/),
      expect.stringMatching(/^chart\.states\.informationGathering\.on\["clock\.escalationDue"\]\.actions\[1\]: must name an action .*"ringPolice" is not one$/),
    ]);
  });

  it('an event the engine never sends, and a field a transition does not have', () => {
    const f = fileOf('2015');
    states(f).closed.on = { 'case.reopened': { target: 'received', cond: 'x' } };
    expect(refusal(f)).toEqual([
      expect.stringMatching(/^chart\.states\.closed\.on\["case\.reopened"\]: must be an event the engine sends \(screening\.completed, /),
      'chart.states.closed.on["case.reopened"].cond: is not a known field of a transition (target, guard, actions)',
    ]);
  });

  it('a state whose work names no role, or a role that is not one (through chartProblems)', () => {
    const f = fileOf('2015');
    delete states(f).received.meta.work.role;
    states(f).camhsScreening.meta.work.role = 'psychiatrist';
    expect(refusal(f)).toEqual([
      expect.stringMatching(/^chart\.states\.received\.meta\.work\.role: must be one of spaSocialWorker, /),
      expect.stringMatching(/^chart\.states\.camhsScreening\.meta\.work\.role: must be one of spaSocialWorker, /),
    ]);
  });

  it('everything chartProblems refuses, named under chart.states', () => {
    const f = fileOf('2015');
    delete states(f).adviceGiven.meta.report;
    states(f).earlyHelp.meta.stage = 'triage';
    expect(refusal(f)).toEqual([
      'chart.states.adviceGiven.meta.report: is required ({ label, pending, decided })',
      expect.stringMatching(/^chart\.states\.earlyHelp\.meta\.stage: must be one of screening, /),
    ]);
  });

  it('a chart that can never reach a decision', () => {
    const f = fileOf('2015');
    // Every way out of the undecided states goes back into them: no path reaches a decided state.
    for (const s of ['received', 'informationGathering', 'camhsScreening', 'awaitingDecision', 'escalatedToManager']) {
      for (const [event, t] of Object.entries(states(f)[s].on as Record<string, unknown>)) {
        if (event !== 'clock.oneWorkingDayElapsed') states(f)[s].on[event] = Array.isArray(t) ? { target: 'informationGathering' } : { ...(t as object), target: 'informationGathering' };
      }
    }
    expect(refusal(f)).toEqual(['chart.initial: no path from "received" reaches a decided state (one whose meta.undecided is false): a contact could never get a decision']);
  });

  it('a cycle with no work in it (automatic transitions looping)', () => {
    const f = fileOf('2015');
    const idle = { source: 'assumption', description: 'A pause with no one working the case.', report: { label: 'waiting', pending: true, decided: false }, undecided: true };
    states(f).pauseA = { meta: idle, always: { target: 'pauseB' } };
    states(f).pauseB = { meta: idle, always: [{ guard: 'levelClear', target: 'awaitingDecision' }, { target: 'pauseA' }] };
    states(f).received.on['clock.escalationDue'] = { target: 'pauseA' };
    expect(refusal(f)).toEqual(['chart.states.pauseB.always[1].target: closes the cycle pauseA -> pauseB -> pauseA, in which no state has work (meta.work): a case would go round it with no one working it']);
  });

  it('a cycle through a state with work is allowed (early help steps up to a new decision)', () => {
    const f = fileOf('2015');
    expect(states(f).earlyHelp.on['earlyHelp.escalated'].target).toBe('awaitingDecision');
    expect(() => processFromFile(f)).not.toThrow();
  });

  it('reads meta through chartProblems, so a meta field it does not know yet is kept and does not stop the file', () => {
    const f = fileOf('2015');
    states(f).received.meta.someNewFact = { value: 3, source: 'assumption' };
    const { machine } = processFromFile(f);
    expect((machine.root.states.received.meta as Record<string, unknown>).someNewFact).toEqual({ value: 3, source: 'assumption' });
  });

  it('the envelope: format, version, id, derivedFrom, and fields it does not have', () => {
    const f = { ...fileOf('2015'), format: 'bpmn', version: 2, id: '2015', derivedFrom: '2014', extra: true } as unknown;
    expect(refusal(f)).toEqual([
      'format: must be "spa-front-door-process" (this is not a process file)',
      'version: must be 1 (the only version this simulator reads)',
      'id: must not be 2013 or 2015, which name the shipped processes',
      'derivedFrom: must be "2013", "2015" or null (made from nothing)',
      'extra: is not a known field (extra)',
    ]);
  });

  it('a state with a field XState\u2019s configuration has but the engine does not run (a delayed transition)', () => {
    const f = fileOf('2015');
    states(f).received.after = { 1000: { target: 'closed' } };
    expect(refusal(f)).toEqual(['chart.states.received.after: is not a known field (after)']);
  });

  it('a state name that is not a word', () => {
    const f = fileOf('2015');
    states(f)['after.closing'] = { type: 'final', meta: states(f).closed.meta };
    expect(refusal(f)).toEqual([expect.stringMatching(/^chart\.states\.after\.closing: a state's name must be a word/)]);
  });

  it('the bounds: states, text, nesting', () => {
    const many = fileOf('2015');
    for (let i = 0; i <= PROCESS_FILE_LIMITS.states; i++) states(many)[`extra${i}`] = { type: 'final', meta: states(many).closed.meta };
    expect(refusal(many)).toEqual([`chart.states: must have at most ${PROCESS_FILE_LIMITS.states} states`]);
    const long = fileOf('2015');
    states(long).closed.meta = { ...states(long).closed.meta, description: 'x'.repeat(PROCESS_FILE_LIMITS.textLength + 1) };
    expect(refusal(long)).toEqual([`chart.states.closed.meta.description: must be at most ${PROCESS_FILE_LIMITS.textLength} characters`]);
    const deep = fileOf('2015');
    let x: Record<string, unknown> = {};
    states(deep).closed.meta.deep = x;
    for (let i = 0; i < 20; i++) x = (x.next = {}) as Record<string, unknown>;
    expect(refusal(deep)).toEqual([expect.stringMatching(new RegExp(`^chart\\.states\\.closed\\.meta\\.deep(\\.next)+: nests groups and lists more than ${PROCESS_FILE_LIMITS.depth} deep$`))]);
  });

  it('text that is not JSON', () => {
    expect(() => processFromText('{ "format": ')).toThrow(/^\(file\): is not valid JSON/);
  });
});
