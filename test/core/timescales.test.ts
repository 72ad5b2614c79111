/**
 * Statutory timescales (DOMAIN.md statutory clocks), read from each state's meta `timescale`:
 * 2013's initial assessment is timed from the referral against 10 working days and its core
 * assessment from its start against 35; 2015's single assessment from the referral against 45;
 * the initial child protection conference from the strategy discussion against 15.
 */
import { describe, expect, it } from 'vitest';
import { fromLondon, type Instant } from '../../src/core/calendar';
import { createSimulation } from '../../src/core/engine';
import { MetricsAccumulator, contactColumns } from '../../src/core/metrics';
import { chartFacts, spa2013, spa2015, type ChartFacts, type SpaMachine } from '../../src/core/processes';
import type { Contact } from '../../src/core/contact';
import type { AnyStateMachine } from 'xstate';
import { loadScenario } from '../support/scenarios';

const facts = (m: SpaMachine): ChartFacts => chartFacts(m as unknown as AnyStateMachine);
/** The first state of a chart, read by its meta, whose stage is `stage` and whose timescale measure is `measure` (or any). */
function stateOf(chart: ChartFacts, pick: (s: ChartFacts['states'][number]) => boolean) {
  const s = chart.states.find(pick);
  if (!s) throw new Error(`no such state in ${chart.id}`);
  return s;
}

/** A referral accepted at `referredAt`, allocated an hour later, whose first assessment ends at `doneAt`: the accumulator's figures. */
function assessOne(machine: SpaMachine, referredAt: Instant, doneAt: Instant) {
  const chart = facts(machine);
  const decision = stateOf(chart, (s) => s.decides && !s.escalated);
  const referral = stateOf(chart, (s) => s.unallocated);
  const assessment = stateOf(chart, (s) => s.timedAssessment && s.timescale!.from === 'referral');
  const closed = stateOf(chart, (s) => s.closure);
  const start = fromLondon(2014, 6, 1);
  const end = fromLondon(2014, 9, 1);
  const acc = new MetricsAccumulator(1, start, end);
  acc.add(0, referredAt - 3_600_000, null, decision, 'contact.received', -1);
  acc.add(0, referredAt, decision, referral, 'threshold.decided', 3);
  acc.add(0, referredAt + 3_600_000, referral, assessment, 'case.allocated', -1);
  acc.add(0, doneAt, assessment, closed, 'assessment.completed', -1);
  const contact = { id: 'C1', childId: 'K1', receivedAt: referredAt - 3_600_000, trueLevel: 3 } as unknown as Contact;
  return { measure: assessment.timescale!.measure, figures: acc.finish(contactColumns([contact])) };
}

describe('assessment timescales', () => {
  // Monday 2 June 2014, 10:00: 8 working days later is Thursday 12 June; 12 is Wednesday 18 June.
  const referred = fromLondon(2014, 6, 2, 10);
  const after8 = fromLondon(2014, 6, 12, 10);
  const after12 = fromLondon(2014, 6, 18, 10);

  it('an initial assessment (2013) is timed from the referral against 10 working days', () => {
    const inTime = assessOne(spa2013, referred, after8);
    expect(inTime.measure).toBe('initialAssessment');
    expect(inTime.figures.timescales.initialAssessment).toEqual({ completed: 1, withinTimescale: 1, share: 1 });
    const late = assessOne(spa2013, referred, after12);
    expect(late.figures.timescales.initialAssessment).toEqual({ completed: 1, withinTimescale: 0, share: 0 });
    expect(late.figures.assessmentsInTimescale).toBe(0);
  });

  it('a single assessment (2015) finishing at the same moment is timed against 45 working days', () => {
    const late = assessOne(spa2015, referred, after12);
    expect(late.measure).toBe('singleAssessment');
    expect(late.figures.timescales.singleAssessment).toEqual({ completed: 1, withinTimescale: 1, share: 1 });
    expect(late.figures.assessmentsInTimescale).toBe(1);
    const veryLate = assessOne(spa2015, referred, fromLondon(2014, 8, 20, 10));
    expect(veryLate.figures.assessmentsInTimescale).toBe(0);
  });

  it('the charts give each timescale its working days, through meta, with a source', () => {
    const days = (m: SpaMachine) => Object.fromEntries(facts(m).states.filter((s) => s.timescale).map((s) => [s.timescale!.measure, s.timescale!.workingDays]));
    expect(days(spa2013)).toEqual({ initialAssessment: 10, coreAssessment: 35, initialConference: 15 });
    expect(days(spa2015)).toEqual({ singleAssessment: 45, initialConference: 15 });
    for (const m of [spa2013, spa2015]) for (const s of facts(m).states) if (s.timescale) expect(s.timescale.source, s.name).toMatch(/DOMAIN\.md/);
  });

  it('assessmentsInTimescale responds to the process: the same children through 2013 and 2015 (June 2013)', () => {
    const scenario = loadScenario('kingston-2013.json');
    const share = (process: '2013' | '2015') => {
      const sim = createSimulation(scenario, { process, seed: 11, trace: false });
      sim.run();
      return sim.metrics();
    };
    const a = share('2013');
    const b = share('2015');
    expect(a.timescales.initialAssessment.completed).toBeGreaterThan(0);
    expect(a.timescales.coreAssessment.completed).toBeGreaterThan(0);
    expect(a.timescales.singleAssessment.completed).toBe(0);
    expect(b.timescales.singleAssessment.completed).toBeGreaterThan(0);
    expect(b.timescales.initialAssessment.completed).toBe(0);
    // 2013's initial assessments run against 10 working days, 2015's single assessment against 45.
    expect(b.assessmentsInTimescale!).toBeGreaterThan(a.assessmentsInTimescale! + 0.1);
  });
});
