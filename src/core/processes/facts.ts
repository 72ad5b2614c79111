/**
 * What everyone outside the charts knows about a process: read from the chart's states' `meta`
 * here, and nowhere else (../shared/STYLE.md, "Process facts live in the chart's meta").
 *
 * The engine, the figures, the timeline, the replay, the training mode and the safeguards ask
 * `chartFacts(machine)` which states are undecided, who works them, which are urgent, which are
 * a hold, what a decision into a state counts as, and so on. None of them names a state, so a
 * designer who renames, adds or removes a state gets figures that follow the changed chart.
 */
import type { AnyStateMachine } from 'xstate';
import type { Level } from '../levels';
import { RATINGS, type ChartMeta, type ContactsParentsMeta, type Rating, type Role, type SpaEventType, type Stage, type StateMeta, type TimescaleMeta, type WorkMeta } from './common';

/** The first response a threshold decision stands for, as the figures count it. */
export type FirstResponse = 'advice' | 'earlyHelp' | 'childInNeed' | 'childProtection' | 'allocatedWorker';

export const FIRST_RESPONSES: readonly FirstResponse[] = ['advice', 'earlyHelp', 'childInNeed', 'childProtection', 'allocatedWorker'];

/** What a decision that lands in a state of each stage counts as (DOMAIN.md, continuum of need). */
const FIRST_RESPONSE_OF_STAGE: Partial<Record<Stage, FirstResponse>> = {
  allocatedWorker: 'allocatedWorker',
  advice: 'advice',
  earlyHelp: 'earlyHelp',
  referral: 'childInNeed',
  assessment: 'childInNeed',
  strategyDiscussion: 'childProtection',
  jointVisit: 'childProtection',
  section47Enquiry: 'childProtection',
  conference: 'childProtection',
};

/** Everything the code outside the charts reads of one state. */
export interface StateFacts {
  readonly name: string;
  readonly meta: StateMeta;
  /** Short plain-English name: the meta's `label`, or the name in words ("someNewState" -> "Some new state"). */
  readonly label: string;
  readonly stage: Stage | null;
  readonly final: boolean;
  /** Ground truth: no threshold decision yet. */
  readonly undecided: boolean;
  readonly unallocated: boolean;
  readonly childSeen: boolean;
  /** The report lists the case as pending / as decided. */
  readonly reportPending: boolean;
  readonly reportDecided: boolean;
  /** Undecided while the report does not list it as pending: hidden from managers (004 ¶38). */
  readonly hidden: boolean;
  readonly work: WorkMeta | null;
  readonly role: Role | null;
  /** The work here is a threshold decision. */
  readonly decides: boolean;
  /** Work here goes to the front of its role's queue. */
  readonly urgent: boolean;
  /** The RAG ratings for which work here goes to the front of its role's queue (meta `priorityByRating`, else `priority`). */
  readonly urgentFor: ReadonlySet<Rating>;
  /** 2013's hold: inside the SPA, recorded as advice (004 ¶20, ¶38). */
  readonly hold: boolean;
  readonly escalated: boolean;
  readonly longerIfFormIncomplete: boolean;
  /** What a decision landing here counts as, or null. */
  readonly firstResponse: FirstResponse | null;
  /** The level a decision landing here records when none was decided, or null. */
  readonly recordsLevel: Level | null;
  /** The scenario's chance of a wrong threshold decision is multiplied by this here (meta `decisionError`; 1 when absent). */
  readonly decisionErrorFactor: number;
  /** A manager recognises child protection concerns here (meta `managerRecognises`), or null. */
  readonly managerRecognises: { readonly trueLevelAtLeast: number; readonly share: number; readonly afterWorkingHours: number } | null;
  /**
   * Working days a case waits here for its role's worker before a manager gives it to one over
   * their caseload (meta `allocateOverCaseloadAfter`), or null: it waits for a free slot.
   */
  readonly allocateOverCaseloadAfterWorkingDays: number | null;
  /** Days entering this state keeps the child's case open (0: none). */
  readonly keepsCaseOpenDays: number;
  /**
   * The case stays on a worker's caseload of this role for this many working days after entering
   * here (meta `holdsCaseload`: a plan the team goes on carrying), or null.
   */
  readonly holdsCaseload: { readonly role: Role; readonly workingDays: number } | null;
  /** Early help: a later contact about the child knows the child is in early help. */
  readonly earlyHelp: boolean;
  /** Decided social-care work (not early help): a later contact about the child has an open case. */
  readonly openSocialCare: boolean;
  /** The statutory timescale the work here is judged against when the case leaves (meta `timescale`), or null. */
  readonly timescale: TimescaleMeta | null;
  /** An assessment (stage `assessment`) with a timescale: counted in `assessmentsInTimescale`. */
  readonly timedAssessment: boolean;
  /**
   * The work here ends at a meeting booked against the timescale when the case enters (meta
   * `bookedWithinTimescale`): on the timescale's last working day, or when the work is done if later.
   */
  readonly bookedWithinTimescale: boolean;
  /**
   * The work here ends sooner for one drawn outcome, after this share of its drawn duration (meta
   * `work.soonerFor`), or null.
   */
  readonly soonerFor: { readonly outcome: string; readonly shareOfWork: number } | null;
  /** The child is on a child protection plan from entering here, for `keepsCaseOpenDays` (meta `plan`). */
  readonly childProtectionPlan: boolean;
  /** Closure (stage `closure`). */
  readonly closure: boolean;
  /**
   * The work here, once done, protects a child at risk: an emergency response out of hours (004
   * ¶47) or a strategy discussion. The figures time a child's first protective action from the
   * first move out of such a state.
   */
  readonly protective: boolean;
  /** The work here runs in clock hours, day and night (meta `work.aroundTheClock`), not in the SPA's working hours. */
  readonly aroundTheClock: boolean;
  /**
   * The event that ends the work here when this state is where a mental-health need is assessed
   * (meta `assessesMentalHealth`: the need is assessed when the work ends), or null.
   */
  readonly assessesMentalHealthOn: SpaEventType | null;
  /**
   * Alongside the work here, a worker of another role contacts the parents, as that role's work
   * (meta `contactsParents`: 2013's hold, the team manager, 004 ¶38), or null.
   */
  readonly contactsParents: Readonly<Required<Omit<ContactsParentsMeta, 'source'>>> | null;
}

/** The facts of a whole chart. */
export interface ChartFacts {
  readonly id: string;
  /** Every top-level state, in definition order. */
  readonly states: readonly StateFacts[];
  readonly initial: string;
  /** Roles the chart puts work on (or holds cases on: meta `holdsCaseload`; or contacts parents with: meta `contactsParents`), in the order its states first use them. */
  readonly roles: readonly Role[];
  /** Whether some state answers the escalation clock (2015 does; 2013 has no escalation: 004 ¶38). */
  readonly escalates: boolean;
  /** Whether some state answers an out-of-hours arrival (`contact.receivedOutOfHours`: an out-of-hours service such as the EDT, 004 ¶47). */
  readonly outOfHoursService: boolean;
  /**
   * The chart's own clocks (root meta `clocks`), in working hours; null where the chart gives none
   * (the standard one working day, the scenario's escalation points).
   */
  readonly clocks: ChartClockFacts;
  /** A state's facts, or undefined if the chart has no such state. */
  find(name: string): StateFacts | undefined;
  /** A state's facts; throws naming the chart if it has no such state. */
  state(name: string): StateFacts;
  /** Whether some state of the chart answers an event (wildcards included). */
  answers(event: string): boolean;
}

/** A chart's own clocks (common.ts `ChartClocks`): null where the chart gives none. */
export interface ChartClockFacts {
  readonly decisionWithinWorkingHours: number | null;
  readonly escalateAfterWorkingHours: number | null;
  readonly escalateGreenAfterWorkingHours: number | null;
  readonly source: string | null;
}

/** The escalation points a run of the chart uses: the chart's own where it gives them, else the scenario's. */
export function escalationPoints(clocks: ChartClockFacts, scenario: { escalateAfterWorkingHours: number; escalateGreenAfterWorkingHours: number }): { escalateAfterWorkingHours: number; escalateGreenAfterWorkingHours: number } {
  return {
    escalateAfterWorkingHours: clocks.escalateAfterWorkingHours ?? scenario.escalateAfterWorkingHours,
    escalateGreenAfterWorkingHours: clocks.escalateGreenAfterWorkingHours ?? scenario.escalateGreenAfterWorkingHours,
  };
}

/** The scenario's fields a chart's own clocks override (root meta `clocks`), with the words for each. */
const OVERRIDDEN = [
  { field: 'escalateAfterWorkingHours', what: 'escalation point' },
  { field: 'escalateGreenAfterWorkingHours', what: 'escalation point for contacts rated green' },
] as const;

/**
 * Where a chart's own clocks take the place of the scenario's figures: one line each, for the
 * command line's output and the replay page's notice ("this process fixes its own escalation
 * point (4 working hours); the scenario's is not used"). Empty for the shipped charts.
 */
export function clockOverrides(clocks: ChartClockFacts): { field: 'escalateAfterWorkingHours' | 'escalateGreenAfterWorkingHours'; hours: number; text: string }[] {
  return OVERRIDDEN.flatMap(({ field, what }) => {
    const hours = clocks[field];
    return hours === null ? [] : [{ field, hours, text: `this process fixes its own ${what} (${hours} working hours); the scenario's is not used` }];
  });
}

/** What a chart's own decision clock means for the figures, or null when it has none (the standard one working day). */
export function decisionClockNote(clocks: ChartClockFacts): string | null {
  const h = clocks.decisionWithinWorkingHours;
  return h === null
    ? null
    : `this process's own decision clock runs out after ${h} working hours (one working day is 9); the figures still measure decisions against one working day`;
}

/** "someNewState" -> "Some new state". */
export function wordsOfName(name: string): string {
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const EMPTY_META: StateMeta = { source: '', description: '', report: { label: '', pending: false, decided: false }, undecided: false };

/** The facts of one state from its meta (a state with no meta is treated as decided, with no work). */
export function stateFactsOf(name: string, metaIn: StateMeta | undefined, final: boolean): StateFacts {
  const meta = metaIn ?? EMPTY_META;
  const work = meta.work ?? null;
  const stage = meta.stage ?? null;
  const undecided = meta.undecided === true;
  const reportPending = meta.report?.pending === true;
  return {
    name,
    meta,
    label: meta.label ?? wordsOfName(name),
    stage,
    final,
    undecided,
    unallocated: meta.unallocated === true,
    childSeen: meta.childSeen === true,
    reportPending,
    reportDecided: meta.report?.decided === true,
    hidden: undecided && !reportPending,
    work,
    role: work?.role ?? null,
    decides: work?.done === 'threshold.decided',
    urgent: meta.priority === 'urgent',
    urgentFor: new Set(RATINGS.filter((r) => (meta.priorityByRating?.[r] ?? meta.priority) === 'urgent')),
    hold: stage === 'hold',
    escalated: stage === 'escalatedDecision',
    longerIfFormIncomplete: work?.longerIfFormIncomplete === true,
    firstResponse: stage ? (FIRST_RESPONSE_OF_STAGE[stage] ?? null) : null,
    recordsLevel: meta.recordsLevel ?? null,
    keepsCaseOpenDays: meta.keepsCaseOpen?.days ?? 0,
    holdsCaseload: meta.holdsCaseload ? { role: meta.holdsCaseload.role, workingDays: meta.holdsCaseload.workingDays } : null,
    allocateOverCaseloadAfterWorkingDays: meta.allocateOverCaseloadAfter?.workingDays ?? null,
    decisionErrorFactor: meta.decisionError?.factor ?? 1,
    managerRecognises: meta.managerRecognises
      ? { trueLevelAtLeast: meta.managerRecognises.trueLevelAtLeast, share: meta.managerRecognises.share, afterWorkingHours: meta.managerRecognises.afterWorkingHours }
      : null,
    earlyHelp: stage === 'earlyHelp',
    openSocialCare: !undecided && work !== null && stage !== 'earlyHelp',
    timescale: meta.timescale ?? null,
    timedAssessment: stage === 'assessment' && meta.timescale !== undefined,
    bookedWithinTimescale: meta.bookedWithinTimescale !== undefined && meta.timescale !== undefined && work !== null,
    soonerFor: work?.soonerFor ? { outcome: work.soonerFor.outcome, shareOfWork: work.soonerFor.shareOfWork } : null,
    childProtectionPlan: meta.plan === 'childProtection',
    closure: stage === 'closure',
    protective: stage === 'emergencyResponse' || stage === 'strategyDiscussion',
    aroundTheClock: work?.aroundTheClock === true,
    contactsParents: meta.contactsParents && work
      ? { role: meta.contactsParents.role, activity: meta.contactsParents.activity, done: meta.contactsParents.done, priority: meta.contactsParents.priority ?? 'routine' }
      : null,
    assessesMentalHealthOn: meta.assessesMentalHealth !== undefined && work !== null ? work.done : null,
  };
}

/** Whether an event type is matched by a transition key (exact, '*', or a 'prefix.*' wildcard). */
export function eventMatches(key: string, event: string): boolean {
  return key === event || key === '*' || (key.endsWith('.*') && event.startsWith(key.slice(0, -1)));
}

/**
 * The facts of each chart, kept while the chart is: they are pure functions of its definition.
 * (A memo of pure values, like the engine's compiled steps.)
 */
const memo = new WeakMap<AnyStateMachine, ChartFacts>();

/** What the code outside the charts may know about a chart, read once from its states' meta. */
export function chartFacts(machine: AnyStateMachine): ChartFacts {
  let facts = memo.get(machine);
  if (!facts) {
    facts = readChart(machine);
    memo.set(machine, facts);
  }
  return facts;
}

function readChart(machine: AnyStateMachine): ChartFacts {
  const states: StateFacts[] = [];
  const byName = new Map<string, StateFacts>();
  for (const [name, node] of Object.entries(machine.root.states)) {
    const f = stateFactsOf(name, node.meta as StateMeta | undefined, node.type === 'final');
    states.push(f);
    byName.set(name, f);
  }
  const roles: Role[] = [];
  for (const s of states) {
    if (s.role && !roles.includes(s.role)) roles.push(s.role);
    // A plan held on a worker's caseload needs that role staffed too.
    if (s.holdsCaseload && !roles.includes(s.holdsCaseload.role)) roles.push(s.holdsCaseload.role);
    // So does a parent contact alongside a state's work.
    if (s.contactsParents && !roles.includes(s.contactsParents.role)) roles.push(s.contactsParents.role);
  }
  const events = machine.events as readonly string[];
  const answers = (event: string) => events.some((key) => eventMatches(key, event));
  const initial = String(machine.config.initial ?? states[0]?.name ?? '');
  const clocks = (machine.root.meta as ChartMeta | undefined)?.clocks;
  return {
    id: machine.id,
    states,
    initial,
    roles,
    escalates: answers('clock.escalationDue' satisfies SpaEventType),
    outOfHoursService: answers('contact.receivedOutOfHours' satisfies SpaEventType),
    clocks: {
      decisionWithinWorkingHours: clocks?.decisionWithinWorkingHours ?? null,
      escalateAfterWorkingHours: clocks?.escalateAfterWorkingHours ?? null,
      escalateGreenAfterWorkingHours: clocks?.escalateGreenAfterWorkingHours ?? null,
      source: clocks?.source ?? null,
    },
    find: (name) => byName.get(name),
    state(name) {
      const f = byName.get(name);
      if (!f) throw new Error(`state "${name}" is not in process ${machine.id}`);
      return f;
    },
    answers,
  };
}

/** A state's meta (throws naming the chart if it has no such state). */
export function metaOf(machine: AnyStateMachine, state: string): StateMeta {
  return chartFacts(machine).state(state).meta;
}

/** A state's short plain-English name in a chart (a name the chart does not have is put into words). */
export function stateLabel(machine: AnyStateMachine, state: string): string {
  return chartFacts(machine).find(state)?.label ?? wordsOfName(state);
}
