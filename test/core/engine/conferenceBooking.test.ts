// The initial conference is convened when the section 47 enquiry substantiates concerns (meta
// `work.soonerFor`) and booked against its 15-working-day clock (meta `bookedWithinTimescale`):
// held at the opening of the last working day the clock allows, or later only when convening
// cannot be done by then; the enquiry's own draws do not move.
import { describe, expect, it } from 'vitest';
import type { AnyStateMachine } from 'xstate';
import { addWorkingDays, openingHoursOn, workingDaysBetween, workingMillisBetween } from '../../../src/core/calendar';
import { createSimulation, type TraceRecord } from '../../../src/core/engine';
import { PROCESS_NAMES, PROCESSES, chartFacts, type StateMeta } from '../../../src/core/processes';
import { loadScenario } from '../../support/scenarios';
import { withMeta } from '../../support/variants';

const june2013 = loadScenario('kingston-2013.json');
const short = { ...june2013, days: 60, warmUpDays: 40 };
const chart = (p: (typeof PROCESS_NAMES)[number]) => PROCESSES[p] as unknown as AnyStateMachine;

/** The chart without the enquiry's early finding (`soonerFor` dropped from every work). */
const withoutSooner = (machine: AnyStateMachine) =>
  withMeta(machine, (_, meta) => {
    if (!meta.work?.soonerFor) return meta;
    const { soonerFor: _dropped, ...work } = meta.work;
    return { ...meta, work };
  });

/** The chart without the booking (the conference held when its work is done, as before). */
const withoutBooking = (machine: AnyStateMachine) =>
  withMeta(machine, (_, meta) => {
    const { bookedWithinTimescale: _dropped, ...rest } = meta;
    return rest as StateMeta;
  });

/** Each case's records, in order. */
function byCase(trace: readonly TraceRecord[]): Map<string, TraceRecord[]> {
  const out = new Map<string, TraceRecord[]>();
  for (const r of trace) {
    const list = out.get(r.caseId);
    if (list) list.push(r);
    else out.set(r.caseId, [r]);
  }
  return out;
}

describe('the initial conference, booked against its statutory clock', () => {
  for (const process of PROCESS_NAMES) {
    it(`is on the shared conference state of the ${process} chart, with the enquiry's early finding`, () => {
      const facts = chartFacts(chart(process));
      const booked = facts.states.filter((s) => s.bookedWithinTimescale);
      expect(booked.map((s) => s.stage)).toEqual(['conference']);
      expect(booked[0].timescale).toMatchObject({ measure: 'initialConference', workingDays: 15, from: 'strategyDiscussion' });
      const sooner = facts.states.filter((s) => s.soonerFor !== null);
      expect(sooner.map((s) => [s.stage, s.soonerFor])).toEqual([['section47Enquiry', { outcome: 'conference', shareOfWork: 0.5 }]]);
    });

    it(`is held at the opening of the 15th working day after the strategy discussion, or later only when convening runs past it (${process})`, () => {
      const sim = createSimulation(short, { process, seed: 5 });
      sim.run();
      const facts = chartFacts(chart(process));
      let onTheDay = 0;
      let late = 0;
      for (const records of byCase(sim.trace).values()) {
        const strategy = records.find((r) => r.event === 'strategy.held');
        for (const r of records) {
          if (r.from === null || !facts.state(r.from).bookedWithinTimescale || r.event !== 'conference.held') continue;
          expect(strategy).toBeDefined();
          const bookedFor = openingHoursOn(addWorkingDays(strategy!.t, 15))!.open;
          expect(r.t).toBeGreaterThanOrEqual(bookedFor);
          if (r.t === bookedFor) {
            onTheDay++;
            expect(workingDaysBetween(strategy!.t, r.t)).toBeLessThanOrEqual(15);
          } else late++;
        }
      }
      // Most conferences are called in time to be held on the booked day; some are called too late.
      expect(onTheDay).toBeGreaterThan(20);
      expect(onTheDay).toBeGreaterThan(4 * late);
    });
  }

  it('without the booking, a conference is held when its convening is done, seldom on the day the booking would choose', () => {
    const sim = createSimulation(short, { machine: withoutBooking(chart('2015')), seed: 5 });
    sim.run();
    const held = sim.trace.filter((r) => r.event === 'conference.held');
    expect(held.length).toBeGreaterThan(20);
    // Convening takes a mean 2 working days from the enquiry's finding: the work's own time.
    for (const r of held) expect(r.workStartedAt).toBeLessThan(r.t);
    const bookedDay = held.filter((r) => {
      const strategy = sim.trace.find((s) => s.caseId === r.caseId && s.event === 'strategy.held')!;
      return r.t === openingHoursOn(addWorkingDays(strategy.t, 15))!.open;
    });
    expect(bookedDay.length).toBeLessThan(held.length / 10);
  });

  it('convenes the conference halfway through the enquiry\u2019s drawn work, and moves no draw', () => {
    const shipped = createSimulation(short, { process: '2015', seed: 7 });
    const whole = createSimulation(short, { machine: withoutSooner(chart('2015')), seed: 7 });
    shipped.run();
    whole.run();
    const facts = chartFacts(chart('2015'));
    const isEnquiry = (r: TraceRecord) => r.from !== null && facts.state(r.from).stage === 'section47Enquiry' && r.event === 'enquiry.completed';
    const a = byCase(shipped.trace);
    const b = byCase(whole.trace);
    let compared = 0;
    const ratios = new Map<string, number[]>();
    for (const [id, records] of a) {
      const other = b.get(id);
      const i = records.findIndex(isEnquiry);
      if (!other || i < 0) continue;
      // The same path to the enquiry's end (so the same draws); its outcome the same.
      const path = (rs: TraceRecord[]) => rs.slice(0, i + 1).map((r) => `${r.from}>${r.to}:${r.event}:${r.detail ?? ''}`);
      if (other.length <= i || path(other).join() !== path(records).join()) continue;
      const took = (r: TraceRecord) => workingMillisBetween(r.workStartedAt!, r.t);
      const ratio = took(records[i]) / took(other[i]);
      const outcome = records[i].detail ?? '';
      ratios.set(outcome, [...(ratios.get(outcome) ?? []), ratio]);
      compared++;
    }
    expect(compared).toBeGreaterThan(30);
    expect(ratios.get('conference')!.length).toBeGreaterThan(10);
    for (const r of ratios.get('conference')!) expect(r).toBeCloseTo(0.5, 3);
    for (const [outcome, rs] of ratios) if (outcome !== 'conference') for (const r of rs) expect(r).toBeCloseTo(1, 6);
  });
});
