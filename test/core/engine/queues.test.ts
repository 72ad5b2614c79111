/**
 * Model-based test of the engine's capacity and queues, with fast-check's commands.
 *
 * The model is a simple, separate account of the queueing the engine promises (engine.ts): each
 * role has a fixed number of slots (people x caseload; absence and agency turnover are switched
 * off so the number is known); a case that enters a state its role works joins that role's queue
 * unless it already holds one of the role's slots (the same worker carries on); whenever a slot
 * is free the queue's first case takes it; leaving a state gives the slot up or leaves the queue.
 * The model learns only what the trace tells the world (who moved, when); from that it predicts
 * which cases hold slots. The engine is checked against it:
 *  - work is only ever finished by a case that holds a slot of that role in the model (so no
 *    case jumps the queue, no more cases are worked than there are slots, and no case waits
 *    while a slot is free);
 *  - `stateCounts()` agrees with the model's count of cases in each state;
 *  - `queueLengths()` is never shorter than the model's queue (the engine leaves stale entries
 *    for cases that moved on, and skips them).
 * Commands advance the simulated clock by varied amounts or step the engine event by event, so
 * the checks run at many different moments of a run.
 *
 * Queue order and the caseload. The engine orders each role's queue by (time joined, priority, sequence), so
 * priority only breaks ties; DOMAIN.md (flow step 5) says immediate danger skips the queue, and
 * 2015's escalation is meant to put a case before routine work (002). The model can order either
 * way; the priority-first model fails against today's engine, which the second test records.
 * Priorities are read from the chart's meta (`priority`, `priorityByRating`), as the engine reads
 * them; a case still waiting at its state's allocation ceiling (`allocateOverCaseloadAfter`) takes
 * a slot over the caseload, and a plan carried on a caseload (`holdsCaseload`) keeps one for its time.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AnyStateMachine } from 'xstate';
import { createSimulation, type Simulation, type TraceRecord } from '../../../src/core/engine';
import { ROLES, type Role, type StateMeta } from '../../../src/core/processes';
import { addWorkingDays } from '../../../src/core/calendar';
import type { Scenario } from '../../../src/core/scenario';
import { scenarioOf, variantArb } from '../../support/arbitraries';
import { loadScenario } from '../../support/scenarios';

type Discipline = 'arrival-then-priority' | 'priority-then-arrival';

interface Job {
  t: number;
  priority: number;
  seq: number;
  caseId: string;
  /** When a manager allocates it over the caseload if it still waits (meta `allocateOverCaseloadAfter`). */
  overAt: number;
}

class QueueModel {
  readonly holding = new Map<string, Role>();
  readonly waiting = new Map<Role, Job[]>(ROLES.map((r) => [r, []]));
  readonly state = new Map<string, string>();
  /** Cases given a slot over the caseload (beyond the role's slots), until they give it up. */
  readonly over = new Set<string>();
  /** When a plan carried on a caseload leaves it (meta `holdsCaseload`). */
  private readonly carriedUntil = new Map<string, number>();
  private readonly escalated = new Set<string>();
  private seq = 0;

  constructor(
    private readonly machine: AnyStateMachine,
    readonly slots: Record<Role, number>,
    private readonly immediateDanger: (caseId: string) => boolean,
    private readonly discipline: Discipline,
    /** The contact is rated red on first sight (clear level 4, or immediate danger). */
    private readonly red: (caseId: string) => boolean,
  ) {}

  meta(state: string): StateMeta {
    return this.machine.root.states[state].meta as StateMeta;
  }

  busy(role: Role): number {
    let n = 0;
    for (const r of this.holding.values()) if (r === role) n++;
    return n;
  }

  /** Waiting cases of a role whose allocation over the caseload falls due exactly at `now` (the engine may or may not have made it yet). */
  dueNow(role: Role, now: number): number {
    return this.waiting.get(role)!.filter((j) => j.overAt === now).length;
  }

  /** Cases each role holds within its slots (those over the caseload not counted). */
  withinSlots(role: Role): number {
    let n = 0;
    for (const [id, r] of this.holding) if (r === role && !this.over.has(id)) n++;
    return n;
  }

  /**
   * Immediate danger and urgent work first (meta `priority`, or `priorityByRating` for a contact
   * rated red on first sight); then escalated cases, then the rest. Read from the chart's meta,
   * as the engine does, so a chart's own priorities are modelled.
   */
  private priority(caseId: string, state: string): number {
    const m = this.meta(state);
    const urgent = (this.red(caseId) ? (m.priorityByRating?.red ?? m.priority) : m.priority) === 'urgent';
    if (this.immediateDanger(caseId) || urgent) return 0;
    return this.escalated.has(caseId) ? 1 : 2;
  }

  /**
   * The clock has reached `now`: a case still waiting at its allocation ceiling is given a slot
   * over the caseload, and a plan carried for its time leaves the caseload.
   */
  tick(now: number): void {
    for (const [role, queue] of this.waiting) {
      for (let i = queue.length - 1; i >= 0; i--) {
        // Strictly before now: an allocation due at this very moment may still be on the agenda.
        if (queue[i].overAt < now) {
          const [job] = queue.splice(i, 1);
          this.holding.set(job.caseId, role);
          this.over.add(job.caseId);
        }
      }
    }
    for (const [id, until] of [...this.carriedUntil]) {
      if (until < now) {
        this.carriedUntil.delete(id);
        this.release(id);
      }
    }
  }

  private before(a: Job, b: Job): boolean {
    const [x, y] = this.discipline === 'arrival-then-priority' ? [a.t - b.t, a.priority - b.priority] : [a.priority - b.priority, a.t - b.t];
    if (x !== 0) return x < 0;
    if (y !== 0) return y < 0;
    return a.seq < b.seq;
  }

  private dispatch(role: Role): void {
    const queue = this.waiting.get(role)!;
    while (this.busy(role) < this.slots[role] && queue.length > 0) {
      let best = 0;
      for (let i = 1; i < queue.length; i++) if (this.before(queue[i], queue[best])) best = i;
      const [job] = queue.splice(best, 1);
      this.holding.set(job.caseId, role);
    }
  }

  private release(caseId: string): void {
    const role = this.holding.get(caseId);
    if (role === undefined) return;
    this.holding.delete(caseId);
    this.over.delete(caseId);
    this.carriedUntil.delete(caseId);
    this.dispatch(role);
  }

  private leaveQueue(caseId: string): void {
    for (const queue of this.waiting.values()) {
      const i = queue.findIndex((j) => j.caseId === caseId);
      if (i >= 0) queue.splice(i, 1);
    }
  }

  private enter(r: TraceRecord): void {
    const m = this.meta(r.to);
    const work = m.work;
    if (work && this.holding.get(r.caseId) === work.role) return; // the same worker carries on
    if (!work && m.holdsCaseload) {
      // A plan the team goes on carrying: the worker keeps it, or one takes it over the caseload.
      const role = m.holdsCaseload.role;
      if (this.holding.get(r.caseId) !== role) {
        this.release(r.caseId);
        this.holding.set(r.caseId, role);
        this.over.add(r.caseId);
      }
      this.carriedUntil.set(r.caseId, addWorkingDays(r.t, m.holdsCaseload.workingDays));
      return;
    }
    this.release(r.caseId);
    if (!work) return;
    const after = m.allocateOverCaseloadAfter?.workingDays;
    const overAt = after === undefined ? Infinity : addWorkingDays(r.t, after);
    this.waiting.get(work.role)!.push({ t: r.t, priority: this.priority(r.caseId, r.to), seq: this.seq++, caseId: r.caseId, overAt });
    this.dispatch(work.role);
  }

  /** Learn one trace record; first check that any work it finishes was being done by a slot holder. */
  apply(r: TraceRecord): void {
    if (r.from !== null && r.from !== r.to) {
      const work = this.meta(r.from).work;
      if (work && r.event === work.done && r.actor === work.role) {
        const holder = this.holding.get(r.caseId);
        if (holder !== work.role) {
          const ahead = (this.waiting.get(work.role) ?? []).length;
          throw new Error(
            `${r.caseId} finished ${work.activity} (${r.event}) at ${new Date(r.t).toISOString()} but in the model it was still waiting for a ${work.role} (${ahead} waiting, ${this.busy(work.role)} of ${this.slots[work.role]} slots busy)`,
          );
        }
      }
    }
    if (r.event === 'clock.escalationDue' && r.from !== r.to) this.escalated.add(r.caseId);
    if (r.event === 'earlyHelp.escalated') this.escalated.delete(r.caseId); // a step-up starts a new decision
    if (r.from === null) {
      this.state.set(r.caseId, r.to);
      this.enter(r);
    } else if (r.from !== r.to) {
      this.leaveQueue(r.caseId);
      this.state.set(r.caseId, r.to);
      this.enter(r);
    }
  }

  stateCounts(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const s of this.state.values()) out[s] = (out[s] ?? 0) + 1;
    return out;
  }
}

interface Real {
  sim: Simulation;
  cursor: number;
}

function sync(model: QueueModel, real: Real): void {
  const trace = real.sim.trace;
  for (; real.cursor < trace.length; real.cursor++) {
    model.tick(trace[real.cursor].t);
    model.apply(trace[real.cursor]);
  }
  model.tick(real.sim.now());
  expect(real.sim.stateCounts()).toEqual(model.stateCounts());
  const lengths = real.sim.queueLengths();
  for (const role of ROLES) {
    expect(model.withinSlots(role)).toBeLessThanOrEqual(model.slots[role]);
    const waiting = model.waiting.get(role)!.length;
    expect(lengths[role]).toBeLessThanOrEqual(waiting);
    expect(lengths[role]).toBeGreaterThanOrEqual(waiting - model.dueNow(role, real.sim.now()));
  }
}

class Advance implements fc.Command<QueueModel, Real> {
  constructor(readonly minutes: number) {}
  check = () => true;
  run(model: QueueModel, real: Real): void {
    real.sim.runUntil(real.sim.now() + this.minutes * 60_000);
    sync(model, real);
  }
  toString = () => `advance ${this.minutes} min`;
}

class Step implements fc.Command<QueueModel, Real> {
  constructor(readonly events: number) {}
  check = () => true;
  run(model: QueueModel, real: Real): void {
    for (let i = 0; i < this.events; i++) real.sim.step();
    sync(model, real);
  }
  toString = () => `step ${this.events}`;
}

const commands = fc.commands([fc.integer({ min: 1, max: 24 * 60 }).map((m) => new Advance(m)), fc.integer({ min: 1, max: 40 }).map((n) => new Step(n))], {
  maxCommands: 60,
});

const base = loadScenario('kingston-2015.json');

/** Short runs with few staff, so queues form; no absence or turnover, so slots are known. */
const tightScenario: fc.Arbitrary<Scenario> = fc
  .record({
    variant: variantArb(base, { maxDays: 6 }),
    staff: fc.record(Object.fromEntries(ROLES.map((r) => [r, fc.integer({ min: 1, max: 3 })])) as Record<Role, fc.Arbitrary<number>>),
  })
  .map(({ variant, staff }) => {
    const sc = scenarioOf(base, variant);
    return {
      ...sc,
      absenceRate: 0,
      agencyShare: 0,
      staff: Object.fromEntries(ROLES.map((r) => [r, { count: staff[r], caseload: Math.min(sc.staff[r].caseload, 2) }])) as Scenario['staff'],
    };
  });

function property(discipline: Discipline) {
  return fc.property(tightScenario, fc.constantFrom<'2013' | '2015'>('2013', '2015'), commands, (scenario, process, cmds) => {
    const sim = createSimulation(scenario, { process });
    const slots = Object.fromEntries(ROLES.map((r) => [r, scenario.staff[r].count * scenario.staff[r].caseload])) as Record<Role, number>;
    const contact = (id: string) => sim.contacts.find((c) => c.id === id)!;
    const red = (id: string) => contact(id).immediateDanger || (contact(id).levelClear && contact(id).trueLevel === 4);
    const model = new QueueModel(sim.machine, slots, (id) => contact(id).immediateDanger, discipline, red);
    const real: Real = { sim, cursor: 0 };
    fc.modelRun(() => ({ model, real }), cmds);
    sim.run();
    sync(model, real);
  });
}

describe('the engine against a model of its queues (fast-check commands)', () => {
  it('works child protection and escalated cases before routine ones (priority first, as DOMAIN.md flow step 5 asks), never more than the slots, and never leaves a slot idle while a case waits', () => {
    const seed = Number(process.env.FC_SEED ?? 20240601);
    console.info(`model-queue: fast-check seed ${seed} (set FC_SEED to change)`);
    fc.assert(property('priority-then-arrival'), { seed, numRuns: 40 });
  });

  it('is not served in plain arrival order: the model with arrival first disagrees with the engine', () => {
    // The defect the model found (work queues ordered by time joined) stays caught.
    expect(() => fc.assert(property('arrival-then-priority'), { seed: 20240601, numRuns: 40 })).toThrow();
  });
});
