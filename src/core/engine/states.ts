/**
 * The chart's states as a run meets them, numbered, with what the engine reads of each (its facts
 * from the chart's meta, and its work: the role's pool and the duration's parameters), worked out
 * once per run.
 */
import { ROLES, type SpaEvent, type SpaEventType, type StateMeta } from '../processes/common';
import type { ChartFacts, StateFacts } from '../processes/facts';
import { lognormalParams, type LognormalParams } from '../rng';
import type { Scenario } from '../scenario';
import { eventOf } from './events';
import { JOB_PRIORITY, type RolePool } from './pool';
import type { Snap } from './stepper';

/** What the engine reads of a state (its facts, from the chart's meta). */
export interface StateRt {
  name: string;
  facts: StateFacts;
  meta: StateMeta;
  work: WorkRt | null;
  /** The pool whose caseload the case stays on after entering here, and for how long (meta `holdsCaseload`), or null. */
  holdsCaseload: { pool: RolePool; workingDays: number } | null;
}

/** The work done in a state (its meta.work), with the role's pool and the duration's parameters. */
export interface WorkRt {
  pool: RolePool;
  done: SpaEventType;
  /** The event that ends the work when it has no outcome to draw (else null: see world.ts). */
  event: SpaEvent | null;
  /** How many working hours the work takes (drawn per piece of work). */
  hours: LognormalParams;
  /** An incomplete referral form lengthens this work (004 ¶37). */
  longerIfFormIncomplete: boolean;
  /** The parent contact alongside this work, another role's work (meta `contactsParents`: 2013's hold, the team manager, 004 ¶38), or null. */
  contactsParents: ParentContactRt | null;
  /** The work runs in clock hours, day and night (meta `work.aroundTheClock`: the EDT, 004 ¶47), not in the SPA's working hours. */
  aroundTheClock: boolean;
  /** A threshold decision made here errs this many times as often as the scenario's `decisionAccuracy` says (meta `decisionError`). */
  errorFactor: number;
  /** The outcome for which the work ends sooner (meta `work.soonerFor`), as the event it ends with, or null. */
  soonerEvent: SpaEvent | null;
  /** The share of the drawn duration after which it ends then. */
  soonerShare: number;
  /**
   * The meeting that ends the work is booked against the state's timescale (meta
   * `bookedWithinTimescale`): its working days, and whether it is counted from the strategy
   * discussion (else from entry); null when not booked.
   */
  booked: { workingDays: number; fromStrategy: boolean } | null;
}

/** The parent contact alongside a state's work (its meta.contactsParents), with its role's pool and the duration's parameters. */
export interface ParentContactRt {
  pool: RolePool;
  /** The event sent when the contact ends. */
  event: SpaEvent;
  /** How many working hours the contact takes (drawn per contact). */
  hours: LognormalParams;
  /** The contact's place in the role's queue (JOB_PRIORITY, from meta `contactsParents.priority`). */
  jobPriority: number;
}

/** Events whose outcome the world draws when the work ends (see `World.answer`). */
const DRAWN: ReadonlySet<SpaEventType> = new Set(['threshold.decided', 'case.allocated', 'assessment.completed', 'enquiry.completed', 'conference.held', 'earlyHelp.completed']);

function parentContactRt(c: NonNullable<StateFacts['contactsParents']>, scenario: Scenario, pools: readonly RolePool[]): ParentContactRt {
  const spec = scenario.durations[c.activity];
  const jobPriority = c.priority === 'afterRoutine' ? JOB_PRIORITY.afterRoutine : JOB_PRIORITY.routine;
  return { pool: pools[ROLES.indexOf(c.role)], event: eventOf(c.done), hours: lognormalParams(spec.meanWorkingHours, spec.cv), jobPriority };
}

function stateRt(facts: StateFacts, scenario: Scenario, pools: readonly RolePool[]): StateRt {
  const w = facts.work;
  let work: WorkRt | null = null;
  if (w) {
    const spec = scenario.durations[w.activity];
    work = {
      pool: pools[ROLES.indexOf(w.role)],
      done: w.done,
      event: DRAWN.has(w.done) ? null : eventOf(w.done),
      hours: lognormalParams(spec.meanWorkingHours, spec.cv),
      longerIfFormIncomplete: facts.longerIfFormIncomplete,
      contactsParents: facts.contactsParents ? parentContactRt(facts.contactsParents, scenario, pools) : null,
      errorFactor: facts.decisionErrorFactor,
      aroundTheClock: facts.aroundTheClock,
      soonerEvent: facts.soonerFor ? eventOf(w.done, facts.soonerFor.outcome) : null,
      soonerShare: facts.soonerFor?.shareOfWork ?? 1,
      booked: facts.bookedWithinTimescale && facts.timescale ? { workingDays: facts.timescale.workingDays, fromStrategy: facts.timescale.from === 'strategyDiscussion' } : null,
    };
  }
  const h = facts.holdsCaseload;
  const holdsCaseload = h ? { pool: pools[ROLES.indexOf(h.role)], workingDays: h.workingDays } : null;
  return { name: facts.name, facts, meta: facts.meta, work, holdsCaseload };
}

export class StateTable {
  /** The states met so far, by number. */
  readonly states: StateRt[] = [];
  private readonly ids = new Map<string, number>();
  /**
   * Speed: the state number of each shared snapshot met, by the snapshot's node number (no lookup
   * by name; -1 not yet met). Node numbers run up to the kept stepper's size, so a growable
   * column (a plain array written at large indices would become a dictionary).
   */
  private stateOfNode: Int32Array;

  /** @param stepperSize how many snapshots the stepper already keeps (its node numbers run up to it) */
  constructor(
    private readonly chart: ChartFacts,
    private readonly scenario: Scenario,
    private readonly pools: readonly RolePool[],
    stepperSize: number,
  ) {
    this.stateOfNode = new Int32Array(Math.max(1024, stepperSize)).fill(-1);
  }

  /** The number of a state, by name (numbered when first met). */
  idOf(name: string): number {
    let id = this.ids.get(name);
    if (id === undefined) {
      id = this.states.length;
      this.states.push(stateRt(this.chart.state(name), this.scenario, this.pools));
      this.ids.set(name, id);
    }
    return id;
  }

  /** The number of a snapshot's state. */
  idOfSnapshot(snapshot: Snap): number {
    const node = (snapshot as { node?: number }).node;
    if (node === undefined) return this.idOf(String(snapshot.value));
    if (node >= this.stateOfNode.length) {
      const grown = new Int32Array(Math.max(node + 1, this.stateOfNode.length * 2)).fill(-1);
      grown.set(this.stateOfNode);
      this.stateOfNode = grown;
    }
    let id = this.stateOfNode[node];
    if (id < 0) this.stateOfNode[node] = id = this.idOf(String(snapshot.value));
    return id;
  }
}
