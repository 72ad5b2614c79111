// The charts are the only description of a process (../shared/STYLE.md, "Process facts live in
// the chart's meta"): nothing outside src/core/processes/ may depend on a state's name. Proved by
// renaming every state of the shipped charts and by adding a state described only by its meta.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AnyStateMachine } from 'xstate';
import { createSimulation, type TraceRecord } from '../../../src/core/engine';
import { checkInvariants } from '../../../src/core/invariants';
import { ACTIVITY_LABELS } from '../../../src/core/labels';
import { PROCESSES, PROCESS_NAMES, STAGES, chartFacts, stateLabel } from '../../../src/core/processes';
import { stateInfos } from '../../../src/core/timeline';
import { ROOT, loadScenario, shippedScenarios } from '../../support/scenarios';
import { SECOND_LOOK_META, opaqueNames, renamedChart, withMeta, withSecondLook } from '../../support/variants';

const chart = (p: (typeof PROCESS_NAMES)[number]) => PROCESSES[p] as unknown as AnyStateMachine;

/** A trace with its state names put back through `back`. */
const namesBack = (trace: readonly TraceRecord[], back: Map<string, string>) =>
  trace.map((r) => ({ ...r, from: r.from === null ? null : back.get(r.from)!, to: back.get(r.to)! }));

describe('a chart with every state renamed', () => {
  for (const file of shippedScenarios()) {
    for (const process of PROCESS_NAMES) {
      it(`gives the same figures and the same trace, apart from the names, on ${file} under the ${process} chart`, () => {
        const scenario = loadScenario(file);
        const original = chart(process);
        const names = opaqueNames(original);
        const renamed = renamedChart(original, (s) => names.get(s)!);
        const back = new Map([...names].map(([a, b]) => [b, a]));
        const a = createSimulation(scenario, { process, machine: original });
        const b = createSimulation(scenario, { process, machine: renamed });
        a.run();
        b.run();
        expect(b.trace.length).toBe(a.trace.length);
        expect(b.trace.some((r) => names.has(r.to))).toBe(false);
        expect(b.metrics()).toEqual(a.metrics());
        expect(namesBack(b.trace, back)).toEqual(a.trace);
      });
    }
  }

  it('is judged by the safeguards exactly as the original is', () => {
    const scenario = loadScenario('kingston-2013.json');
    for (const process of PROCESS_NAMES) {
      const original = chart(process);
      const names = opaqueNames(original);
      const a = createSimulation(scenario, { process, machine: original, days: 30 });
      const b = createSimulation(scenario, { process, machine: renamedChart(original, (s) => names.get(s)!), days: 30 });
      a.run();
      b.run();
      const verdicts = (sim: typeof a) => checkInvariants(sim).map((r) => [r.invariant.id, r.holds, r.violations.length]);
      expect(verdicts(b)).toEqual(verdicts(a));
    }
  });

  it('keeps its labels, roles and escalation, which come from the meta', () => {
    for (const process of PROCESS_NAMES) {
      const original = chartFacts(chart(process));
      const names = opaqueNames(chart(process));
      const renamed = chartFacts(renamedChart(chart(process), (s) => names.get(s)!));
      expect(renamed.states.map((s) => s.label)).toEqual(original.states.map((s) => s.label));
      expect(renamed.roles).toEqual(original.roles);
      expect(renamed.escalates).toBe(original.escalates);
    }
  });
});

describe('a chart with a state added, described only by its meta', () => {
  const machine = withSecondLook();
  const scenario = loadScenario('kingston-2015.json');
  const sim = createSimulation(scenario, { machine, days: 40 });
  sim.run();

  it('runs: contacts whose level was clear pass through the new step before the decision', () => {
    const entered = new Set(sim.trace.filter((r) => r.to === 'secondLook').map((r) => r.caseId));
    expect(entered.size).toBeGreaterThan(50);
    for (const c of sim.contacts) {
      const path = sim.trace.filter((r) => r.caseId === c.id);
      const clearAndScreened = c.levelClear && !c.immediateDanger && !c.openCase && path.some((r) => r.event === 'screening.completed');
      if (clearAndScreened) expect(entered.has(c.id), c.id).toBe(true);
    }
    // The work there is done by the role its meta names, with the event its meta names.
    const left = sim.trace.filter((r) => r.from === 'secondLook' && r.to !== 'secondLook');
    expect(left.length).toBeGreaterThan(0);
    for (const r of left) expect(['information.gathered', 'clock.escalationDue']).toContain(r.event);
    expect(left.filter((r) => r.event === 'information.gathered').every((r) => r.actor === 'spaSocialWorker')).toBe(true);
  });

  it('counts in the figures as its meta says: undecided, listed as pending, never hidden', () => {
    const m = sim.metrics();
    expect(m.contacts).toBeGreaterThan(0);
    expect(m.hiddenFromReport).toBe(0);
    // The same children as the shipped chart meets; the extra step is more work for the SPA
    // social workers, and the one-working-day clock still holds for nearly every contact.
    const base = createSimulation(scenario, { process: '2015', days: 40 });
    base.run();
    expect(m.contacts).toBe(base.metrics().contacts);
    const spaWork = (t: readonly TraceRecord[]) => t.filter((r) => r.actor === 'spaSocialWorker').length;
    expect(spaWork(sim.trace)).toBeGreaterThan(spaWork(base.trace) + 50);
    expect(Math.abs(m.decidedWithinOneWorkingDay - base.metrics().decidedWithinOneWorkingDay)).toBeLessThan(0.05);
  });

  it('is named and described from its meta for the diagram, the chronology and the training words', () => {
    expect(stateLabel(machine, 'secondLook')).toBe(SECOND_LOOK_META.label);
    const info = stateInfos(machine).find((s) => s.name === 'secondLook');
    expect(info).toMatchObject({ label: SECOND_LOOK_META.label, description: SECOND_LOOK_META.description, role: 'spaSocialWorker', undecided: true, hidden: false });
    expect(chartFacts(machine).roles).toEqual(chartFacts(PROCESSES['2015'] as unknown as AnyStateMachine).roles);
  });

  it('is judged by the safeguards without a change anywhere else', () => {
    const results = checkInvariants(sim);
    expect(results.length).toBeGreaterThan(10);
    const verdict = Object.fromEntries(results.map((r) => [r.invariant.id, r.holds]));
    expect(verdict['every-contact-accounted-for']).toBe(true);
    expect(verdict['decided-or-visibly-pending']).toBe(true);
    expect(verdict['decided-by-a-manager']).toBe(true);
  });
});

describe('how consistently a process applies the threshold, from its decision states\' meta', () => {
  const scenario = loadScenario('kingston-2015.json');
  const run = (machine: AnyStateMachine) => {
    const sim = createSimulation(scenario, { machine, days: 120, trace: false });
    sim.run();
    const m = sim.metrics();
    return m.underThresholded + m.overThresholded;
  };
  const factor = (f: number) => withMeta(chart('2015'), (_, meta) => (meta.decisionError ? { ...meta, decisionError: { factor: f, source: 'test' } } : meta));

  it('makes no wrong decision when every deciding state\'s factor is 0', () => {
    expect(run(factor(0))).toBe(0);
  });

  it('makes more wrong decisions as the factor grows, on the same children', () => {
    const wrong = [0.5, 1, 2].map((f) => run(factor(f)));
    expect(wrong[0]).toBeGreaterThan(0);
    expect(wrong[1]).toBeGreaterThan(wrong[0]);
    expect(wrong[2]).toBeGreaterThan(wrong[1]);
  });

  it('gives 2015 fewer wrong decisions than 2013 on the same children (002 against 004 ¶37)', () => {
    const wrongShare = (process: '2013' | '2015') => {
      const sim = createSimulation(scenario, { process, days: 120, trace: false });
      sim.run();
      const m = sim.metrics();
      return (m.underThresholded + m.overThresholded) / m.contacts;
    };
    expect(wrongShare('2015')).toBeLessThan(wrongShare('2013'));
  });
});

describe('where a mental-health need is assessed, from the states\' meta', () => {
  const assessing = (process: '2013' | '2015') => chartFacts(chart(process)).states.filter((s) => s.assessesMentalHealthOn !== null);

  it('is the CAMHS worker at the front door in 2015, and a social worker\'s assessment after the decision in 2013 (000 ¶10)', () => {
    const front = assessing('2015').filter((s) => s.role === 'camhs');
    expect(front).toHaveLength(1);
    expect(front[0].undecided).toBe(true);
    expect(assessing('2013').some((s) => s.role === 'camhs')).toBe(false);
    expect(assessing('2013').every((s) => !s.undecided && s.role === 'raSocialWorker')).toBe(true);
  });

  it('moves the mental-health figure when the fact moves, on the same children', () => {
    const scenario = loadScenario('kingston-2015.json');
    const figure = (machine: AnyStateMachine) => {
      const sim = createSimulation(scenario, { machine, days: 60, trace: false });
      sim.run();
      return sim.metrics().mentalHealthNeeds;
    };
    const shipped = figure(chart('2015'));
    // Without the front door's fact, only the social work assessment assesses the need.
    const withoutCamhs = figure(withMeta(chart('2015'), (_, meta) => (meta.work?.role === 'camhs' ? { ...meta, assessesMentalHealth: undefined } : meta)));
    expect(withoutCamhs.contacts).toBe(shipped.contacts);
    expect(withoutCamhs.assessed).toBeLessThan(shipped.assessed);
    expect(withoutCamhs.medianWorkingHoursToAssessment!).toBeGreaterThan(shipped.medianWorkingHoursToAssessment!);
  });
});

describe('no file outside src/core/processes/ names a state of a shipped chart', () => {
  // State names that are also a stage, an activity or an outcome word ('assessment', 'earlyHelp',
  // ...) cannot be told apart by reading; the renaming tests above prove nothing reads them.
  // 'received' and 'closed' are also plain words ('contact.received', a label 'closed').
  const words = new Set<string>([...STAGES, ...Object.keys(ACTIVITY_LABELS), 'plan', 'close', 'childInNeed', 'protection', 'stepDown', 'received', 'closed']);
  // A field of the training results file (learners' saved results use it), not a state: its
  // schema, the record built from a shift, and the CSV columns.
  const allowed = new Set(['schema', 'build', 'export'].map((f) => `src/core/training/results/${f}.ts: heldByCaseCoordinator`));
  /** The text without its comments, so a comment may give an example. */
  const code = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
  const names = [...new Set(PROCESS_NAMES.flatMap((p) => Object.keys(chart(p).root.states)))].filter((n) => !words.has(n));

  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((f) => {
      const path = join(dir, f);
      return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(f) ? [path] : [];
    });

  it('finds the names it looks for (the check can fail)', () => {
    expect(names).toContain('heldByCaseCoordinator');
    expect(names).toContain('escalatedToManager');
    const own = readFileSync(join(ROOT, 'src/core/processes/spa2013.ts'), 'utf8');
    expect(new RegExp(`['"\`]heldByCaseCoordinator['"\`]`).test(own) || /heldByCaseCoordinator:/.test(own)).toBe(true);
  });

  it('in any source file', () => {
    const src = join(ROOT, 'src');
    const found: string[] = [];
    for (const file of files(src)) {
      const rel = relative(ROOT, file);
      if (rel.startsWith(join('src', 'core', 'processes'))) continue;
      const text = code(readFileSync(file, 'utf8'));
      for (const name of names) {
        const at = `${rel}: ${name}`;
        if (!allowed.has(at) && new RegExp(`['"\`]${name}['"\`]|\\b${name}\\s*:`).test(text)) found.push(at);
      }
    }
    expect(found).toEqual([]);
  });
});
