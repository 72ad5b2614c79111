/**
 * What the 2013 and 2015 front-door statecharts share: the context of one contact's journey,
 * the events the engine sends, the guards and actions, and the shape of each state's `meta`.
 *
 * The machines own no time source (../shared/STYLE.md, "The engine owns time"): every duration
 * and every clock is an event sent by the engine; guards read context and the event only.
 *
 * Each state's `meta` says, beside the source paragraph, three things the engine and the
 * metrics read instead of re-implementing the process:
 *  - `work`: who works the case in that state and which event ends the work;
 *  - `report`: what the service's own weekly report records for the case in that state;
 *  - `undecided` / `unallocated`: the ground truth (no threshold decision yet / accepted but no
 *    named social worker), so "what managers saw" and "what happened" can be told apart.
 */
import { assign, setup } from 'xstate';
import type { Level } from '../levels';

/** Who works a case in a state. The engine gives each role its capacity from the scenario. */
export type Role =
  | 'spaSocialWorker' // qualified social worker screening in the SPA
  | 'teamManager' // qualified team manager who decides the threshold (004 ¶17, ¶38)
  | 'caseCoordinator' // 2013: unqualified worker gathering information by phone (004 ¶38)
  | 'camhs' // 2015: CAMHS worker inside the SPA team (000)
  | 'raSocialWorker' // referral and assessment team social worker (004 ¶13)
  | 'police' // joint visits and strategy discussions (004 ¶39)
  | 'earlyHelpWorker' // locality early help teams (004 ¶12, ¶24)
  | 'edtSocialWorker'; // emergency duty team, out of hours, shared with neighbouring boroughs (004 ¶47)

export const ROLES: readonly Role[] = ['spaSocialWorker', 'teamManager', 'caseCoordinator', 'camhs', 'raSocialWorker', 'police', 'earlyHelpWorker', 'edtSocialWorker'];

/**
 * Named activities. Durations come from the scenario per activity, so a process that uses a
 * different activity (2013's case-coordinator hold) gets different durations for the same child.
 */
export type Activity =
  | 'screening'
  | 'heldInformationGathering' // 2013: by phone, no child seen, weeks (004 ¶20, ¶38)
  | 'parentContact' // 2013: the team manager's contact with the parents and office visits during the hold (004 ¶38)
  | 'informationGathering' // 2015: qualified, within the one-working-day clock (000)
  | 'camhsScreening' // 2015: CAMHS in the SPA (000)
  | 'thresholdDecision'
  | 'escalatedDecision' // 2015: the manager decides before the clock is breached (002)
  | 'allocation' // a named R&A social worker takes the referral (004 ¶30)
  | 'assessment' // 2015: the single assessment, child seen (Working Together 2013: 45 working days)
  | 'initialAssessment' // 2013: the initial assessment (DOMAIN.md statutory clocks: 10 working days, the national measure)
  | 'coreAssessment' // 2013: the in-depth core assessment (DOMAIN.md statutory clocks: 35 working days)
  | 'initialConference' // convening and holding the initial child protection conference (DOMAIN.md: ICPC)
  | 'strategyDiscussion'
  | 'jointVisit' // 2013: waits on police availability (004 ¶39)
  | 'section47Enquiry'
  | 'earlyHelp'
  | 'emergencyResponse'; // out of hours: the emergency duty team's response to a child in immediate danger (004 ¶47)

export type AssessmentOutcome = 'plan' | 'stepDown' | 'close' | 'protection';
/** An allocated referral is closed with no further action before any assessment (DOMAIN.md: NFA); otherwise it is assessed (no outcome). */
export type ReferralOutcome = 'noFurtherAction';
/** A section 47 enquiry ends in an initial child protection conference, a child-in-need plan or closure. */
export type EnquiryOutcome = 'conference' | 'childInNeed' | 'close';
/** An initial child protection conference puts the child on a child protection plan, or not (DOMAIN.md: CP plans per ICPC). */
export type ConferenceOutcome = 'plan' | 'childInNeed' | 'close';
export type EarlyHelpOutcome = 'completed' | 'escalated';

export type SpaEvent =
  /**
   * The contact arrived while the SPA is closed (calendar.ts `isOutOfHours`): sent by the engine
   * the moment an out-of-hours contact arrives, to charts that answer it. The chart decides what
   * follows (an out-of-hours service, or nothing: the contact waits for the SPA to open).
   */
  | { type: 'contact.receivedOutOfHours' }
  | { type: 'emergency.responded' }
  | { type: 'screening.completed' }
  | { type: 'information.gathered' }
  | { type: 'parents.contacted' }
  /**
   * A manager overseeing the state has recognised child protection concerns in the case: sent by
   * the engine to a case in a state with meta `managerRecognises`, for a share of the children
   * whose true level is at least the meta's level (no false positives: see `managerRecognises`).
   */
  | { type: 'concerns.recognised' }
  | { type: 'camhs.assessed' }
  | { type: 'threshold.decided'; level: Level }
  | { type: 'clock.escalationDue' }
  | { type: 'clock.oneWorkingDayElapsed' }
  /**
   * A named social worker takes the referral; `outcome` 'noFurtherAction' when their first checks
   * close it with no further action, no assessment (the DfE's NFA), absent when an assessment follows.
   */
  | { type: 'case.allocated'; outcome?: ReferralOutcome }
  | { type: 'assessment.completed'; outcome: AssessmentOutcome }
  | { type: 'coreAssessment.completed' }
  | { type: 'strategy.held' }
  | { type: 'police.available' }
  | { type: 'enquiry.completed'; outcome: EnquiryOutcome }
  | { type: 'conference.held'; outcome: ConferenceOutcome }
  | { type: 'earlyHelp.escalated' }
  | { type: 'earlyHelp.completed' };

export type SpaEventType = SpaEvent['type'];

export const SPA_EVENT_TYPES: readonly SpaEventType[] = [
  'screening.completed', 'information.gathered', 'parents.contacted', 'concerns.recognised', 'camhs.assessed', 'threshold.decided',
  'clock.escalationDue', 'clock.oneWorkingDayElapsed', 'case.allocated', 'assessment.completed', 'coreAssessment.completed', 'strategy.held',
  'police.available', 'enquiry.completed', 'conference.held', 'earlyHelp.escalated', 'earlyHelp.completed', 'contact.receivedOutOfHours', 'emergency.responded',
];

/**
 * The red/amber/green rating a qualified screener gives a contact on first sight (DOMAIN.md,
 * continuum of need: "colours are the RAG ratings that many front doors use"; level 4 red, level 3
 * amber, level 2 green). How a contact is rated is a fact of the contact (src/core/arrivals.ts);
 * what a rating changes is the chart's: meta `priorityByRating` and the guards below.
 */
export type Rating = 'red' | 'amber' | 'green';

export const RATINGS: readonly Rating[] = ['red', 'amber', 'green'];

/**
 * The facts about the contact that the process can see, given when the journey starts. Which
 * contact it is stays with the engine: the chart is one journey, and its guards and actions read
 * only these facts and the events (so the engine can share snapshots between cases, engine.ts).
 */
export interface SpaInput {
  openCase: boolean;
  immediateDanger: boolean;
  levelClear: boolean;
  /**
   * Whether, at screening, the child's needs look potentially above what early help would take on
   * (004 ¶29: 2013 held unclear contacts "where concerns are not clear but needs are potentially
   * above that referred on to early help services").
   */
  aboveEarlyHelp: boolean;
  mentalHealth: boolean;
  formComplete: boolean;
  inEarlyHelp: boolean;
  /** The contact's RAG rating on first sight; a contact given none is treated as amber (see `Rating`). */
  rating?: Rating;
}

export interface SpaContext extends SpaInput {
  rating: Rating;
  decidedLevel: Level | null;
  /** The one-working-day decision clock ran out before a decision. */
  breached: boolean;
  escalated: boolean;
  /** A manager's rationale is on the case file (002: recorded in 2019; 2015 process). */
  rationaleRecorded: boolean;
  /** The decision rested on what parents said, the child unseen (004 ¶20, ¶29, ¶38). */
  decisionOnParentalAccount: boolean;
  parentContacts: number;
  steppedUp: boolean;
  steppedDown: boolean;
}

/** What the service's own weekly report shows for a case in a state (004 ¶38). */
export interface ReportView {
  /** The outcome or status the case record shows. */
  label: string;
  /** The report lists the contact as awaiting a decision. */
  pending: boolean;
  /** The report regards the contact as decided (an outcome is recorded). */
  decided: boolean;
}

/**
 * Which stage of the journey a state is: before the decision (screening, information gathering,
 * 2013's hold, the decision, an escalated decision) or the response after it. The engine, the
 * figures, the timeline and the training mode read this, never the state's name, so a designer
 * can rename or add states (DOMAIN.md, "The flow of one contact").
 */
export type Stage =
  | 'screening' // the contact is recorded and screened (flow steps 1-2)
  | 'informationGathering' // more information is gathered before the decision (flow step 3)
  | 'hold' // 2013: held inside the SPA, recorded as advice, invisible to managers (004 ¶20, ¶38)
  | 'decision' // a manager applies the threshold (flow step 4)
  | 'escalatedDecision' // the clock is nearly out: a manager decides now (002)
  | 'allocatedWorker' // an open case: the contact goes to the allocated worker (flow step 2)
  | 'advice' // level 1: advice or signposting, closed
  | 'earlyHelp' // level 2: early help (also where a step-down goes)
  | 'referral' // level 3: accepted, waiting for a named social worker (004 ¶30)
  | 'assessment' // a social work assessment, child seen (2013: initial, then core; 2015: single)
  | 'strategyDiscussion' // level 4: strategy discussion with the police
  | 'jointVisit' // waiting for the joint visit with the police (004 ¶39)
  | 'section47Enquiry' // section 47 child protection enquiry
  | 'conference' // initial child protection conference (DOMAIN.md: ICPC)
  | 'plan' // a child-in-need or child protection plan
  | 'closure' // the case is closed
  | 'emergencyResponse'; // out of hours: an emergency response to a child in immediate danger (004 ¶47)

export const STAGES: readonly Stage[] = [
  'screening', 'informationGathering', 'hold', 'decision', 'escalatedDecision', 'allocatedWorker', 'advice', 'earlyHelp', 'referral',
  'assessment', 'strategyDiscussion', 'jointVisit', 'section47Enquiry', 'conference', 'plan', 'closure', 'emergencyResponse',
];

/**
 * Which national timeliness measure a state's timescale is (DOMAIN.md statutory clocks): the
 * figures count each measure apart, so a claim can read "initial assessments within 10 working
 * days" without naming a state.
 */
export type TimescaleMeasure = 'initialAssessment' | 'coreAssessment' | 'singleAssessment' | 'initialConference';
export const TIMESCALE_MEASURES: readonly TimescaleMeasure[] = ['initialAssessment', 'coreAssessment', 'singleAssessment', 'initialConference'];

/**
 * Where a timescale's clock starts: at the referral (the threshold decision that accepted it:
 * the initial and the single assessment), when the case entered the state (the core assessment,
 * timed from its start), or at the case's strategy discussion (the initial conference).
 */
export type TimescaleStart = 'referral' | 'entry' | 'strategyDiscussion';
export const TIMESCALE_STARTS: readonly TimescaleStart[] = ['referral', 'entry', 'strategyDiscussion'];
/** The event that marks a timescale's start `strategyDiscussion` (the first strategy discussion held): the figures and the engine's bookings both time from it. */
export const STRATEGY_HELD: SpaEventType = 'strategy.held';

/** The statutory timescale of the work done in a state, judged when the case leaves the state. */
export interface TimescaleMeta {
  measure: TimescaleMeasure;
  workingDays: number;
  from: TimescaleStart;
  source: string;
}

/** The work done in a state: who does it and which event the engine sends when it ends. */
export interface WorkMeta {
  role: Role;
  activity: Activity;
  done: SpaEventType;
  /** An incomplete referral form lengthens this work (004 ¶37; by the scenario's `incompleteFormFactor`). */
  longerIfFormIncomplete?: boolean;
  /**
   * The role works around the clock, nights, weekends and bank holidays (an out-of-hours service
   * such as the emergency duty team: 004 ¶47): the work's hours are clock hours. Without it work
   * runs in the SPA's working hours only and pauses while the SPA is closed (calendar.ts). A role
   * works around the clock in every state that gives it work or in none (validate.ts).
   */
  aroundTheClock?: boolean;
  /**
   * The work ends sooner when the world's answer is this outcome: after `shareOfWork` (above 0, at
   * most 1) of its drawn duration, with its source. A section 47 enquiry that substantiates
   * concerns convenes the initial conference then, not after its write-up: what is left of the
   * enquiry goes on beside the conference's preparation (see `bookedWithinTimescale`). Only on
   * work whose event has drawn outcomes (`DRAWN_OUTCOMES`); the draws are the same as without it.
   */
  soonerFor?: { outcome: string; shareOfWork: number; source: string };
}

/**
 * The outcomes the world draws for the work events that have them (world.ts), so that a chart's
 * meta can name one (`WorkMeta.soonerFor`; validate.ts checks the name).
 */
export const DRAWN_OUTCOMES: Partial<Record<SpaEventType, readonly string[]>> = {
  'case.allocated': ['noFurtherAction'],
  'assessment.completed': ['plan', 'stepDown', 'close', 'protection'] satisfies readonly AssessmentOutcome[],
  'enquiry.completed': ['conference', 'childInNeed', 'close'] satisfies readonly EnquiryOutcome[],
  'conference.held': ['plan', 'childInNeed', 'close'] satisfies readonly ConferenceOutcome[],
};

/**
 * The timescale starts a meeting can be booked against (`bookedWithinTimescale`): those the engine
 * knows when the case enters the state.
 */
export const BOOKABLE_TIMESCALE_STARTS: readonly TimescaleStart[] = ['strategyDiscussion', 'entry'];

export interface StateMeta {
  /** File and paragraph the state comes from, e.g. '004 ¶38'. */
  source: string;
  /** A short plain-English name, for diagrams, timelines, chronologies and the training mode. */
  label?: string;
  /** Plain-English description for chronologies and diagrams. */
  description: string;
  /** Which stage of the journey this is (see `Stage`). */
  stage?: Stage;
  report: ReportView;
  /** Ground truth: no threshold decision has been made. */
  undecided: boolean;
  /** Ground truth: an accepted referral with no named social worker (004 ¶30). */
  unallocated?: boolean;
  /** The child has been seen by a social worker in this state. */
  childSeen?: boolean;
  /** Who works the case here, and which event ends the work (sent by the engine). */
  work?: WorkMeta;
  /**
   * 'urgent': work here goes to the front of its role's queue, before everything else (child
   * protection); 'routine' (the default) waits its turn, after escalated decisions.
   */
  priority?: 'urgent' | 'routine';
  /**
   * The priority of the work here for a contact of each RAG rating, where it differs from
   * `priority` (a rating not named takes `priority`), with its source: `{ red: 'urgent' }` puts
   * the screening or decision of a contact rated red before routine and escalated work, so a
   * clear child-protection contact never queues behind routine work.
   */
  priorityByRating?: { red?: 'urgent' | 'routine'; amber?: 'urgent' | 'routine'; green?: 'urgent' | 'routine'; source: string };
  /**
   * The level a decision that lands here records when no level was decided (a contact about a
   * child in immediate danger goes straight to a strategy discussion: level 4).
   */
  recordsLevel?: Level;
  /**
   * How long entering this state keeps the child's case open, so a later contact about the child
   * goes to the allocated worker (a plan), with its source.
   */
  keepsCaseOpen?: { days: number; source: string };
  /**
   * How the threshold decision made here errs, against the scenario's `decisionAccuracy`: the
   * chance of a wrong decision is the scenario's times `factor` (1 when absent), with its source.
   */
  decisionError?: { factor: number; source: string };
  /**
   * The longest a case waits in this state for its role's worker, in whole working days, before a
   * manager gives it to a worker over their caseload, with its source (the allocation practice of
   * 004 ¶30). The wait then has a ceiling: a team over capacity carries more cases rather than a
   * list that grows for as long as the run lasts, so a run settles to a steady state whatever its
   * warm-up. Only on a state with work; absent, a case waits for a free slot however long.
   */
  allocateOverCaseloadAfter?: { workingDays: number; source: string };
  /**
   * The case stays on a worker's caseload of this role for this many working days after entering
   * the state, with its source: a plan the team that assessed the child goes on carrying (2013:
   * child-in-need plans with the referral and assessment teams, 004 ¶13, ¶30). The worker who had
   * the case keeps it; a case that comes with no worker of the role is given one over their
   * caseload. While it holds the slot, cases waiting for the role's work wait longer: this is how
   * plans occupy workers' caseloads. Only on a state without work.
   */
  holdsCaseload?: { role: Role; workingDays: number; source: string };
  /**
   * The statutory timescale the work here is judged against (DOMAIN.md statutory clocks): which
   * measure, how many working days, from when; judged when the case leaves the state.
   */
  timescale?: TimescaleMeta;
  /**
   * The work here ends at a meeting booked, when the case enters the state, against its
   * `timescale` (the initial conference: within 15 working days of the strategy discussion): on the
   * last working day the timescale allows (at that day's opening), or, if the work's drawn
   * duration (the least time convening takes: invitations, the report shared before the meeting)
   * runs past that, when the work is done, late. The case stays with its worker until the
   * meeting. With its source. Only on a state with work and a timescale counted from one of
   * `BOOKABLE_TIMESCALE_STARTS`; a case whose timescale has no start (no strategy discussion
   * before it) is not booked: its work ends when done.
   */
  bookedWithinTimescale?: { source: string };
  /**
   * The child is on a plan of this kind from entering the state for `keepsCaseOpen.days` (the
   * figures count children on child protection plans at the end of a run: 004 ¶13, 000).
   */
  plan?: 'childInNeed' | 'childProtection';
  /**
   * A manager oversees every case in this state and recognises a child whose true level is at
   * least `trueLevelAtLeast` (child protection concerns) in a share `share` of such cases, from
   * what is already known: the engine then sends `concerns.recognised`, `afterWorkingHours`
   * working hours after the case entered the state (a look, taking none of the manager's working
   * time), unless the case has left by then. The chart says what follows (a strategy discussion).
   * The look answers by the child's true level, so it never recognises concerns that are not
   * there; the rest are missed. With its source. A state that does not answer `concerns.recognised`
   * ignores it (validate.ts checks the figures: share 0 to 1, 0 to 90 working hours).
   */
  managerRecognises?: { trueLevelAtLeast: Level; share: number; afterWorkingHours: number; source: string };
  /**
   * Where a mental-health need is assessed: when the work here ends (its `work.done` event), a
   * contact about the child's mental health has had that need assessed, by this state's role
   * (2015: the CAMHS worker in the SPA at the front door, 000 ¶10; 2013: no CAMHS in the SPA, so
   * the social worker's first assessment, the child seen, from which a child goes on to CAMHS,
   * 004 ¶24). The figures time a mental-health contact from receipt to the first such end
   * (`mentalHealthNeeds` in metrics.ts). With its source; only on a state with work (validate.ts).
   */
  assessesMentalHealth?: { source: string };
  /**
   * While the state's own work goes on, a worker of another role contacts the child's parents
   * (2013: the team manager makes contact with parents and carers and holds office visits with
   * families during the hold, 004 ¶38), and that contact is that role's work: on each working day
   * of the state's work the contact falls due with the scenario's chance `parentContactPerHoldDay`;
   * from the first day it falls due the case waits in `role`'s queue (at the contact's `priority`)
   * beside the work already there, a worker takes it for the scenario's duration of `activity`, in
   * working hours, and when it ends the engine sends `done` (unless the case has left the state
   * meanwhile: the time is spent all the same). The chart says what `done` does (2013: the hold
   * ends). With its source. Only on a state with work, whose transitions answer `done`.
   */
  contactsParents?: ContactsParentsMeta;
}

/** The parent contact alongside a state's work (StateMeta `contactsParents`): whose work, which activity, the event that ends it. */
export interface ContactsParentsMeta {
  role: Role;
  activity: Activity;
  done: SpaEventType;
  /**
   * Where the contact waits in the role's queue: 'routine' (the default) in turn with routine work,
   * by when it fell due; 'afterRoutine' behind every routine, escalated and urgent job, taken only
   * when none waits (work on the worker's own time between decisions).
   */
  priority?: 'routine' | 'afterRoutine';
  source: string;
}

/**
 * A chart's own clocks (the chart's root `meta.clocks`), in working hours from receipt (or from a
 * step-up, which starts a new decision). Each is optional: a figure not given is the standard's or
 * the scenario's. Bounds in bounds.ts `CHART_CLOCK_BOUNDS`; validate.ts checks them.
 */
export interface ChartClocks {
  /**
   * When the chart's own decision clock runs out: the engine sends `clock.oneWorkingDayElapsed`
   * this many working hours after receipt (each whole 9 hours one working day: calendar.ts
   * `dueAfterWorkingHours`), so the breach the chart notes (`markBreached`) and anything else it
   * hangs on that event move with it. Absent: one working day (`dueByOneWorkingDay`), the
   * statutory clock (DOMAIN.md). 1 to 45. The figures ("decided within one working day") stay
   * measured against the standard one working day: a longer clock notes fewer breaches on the
   * case files, while what happened to the children is the same.
   */
  decisionWithinWorkingHours?: number;
  /**
   * The escalation point for contacts rated red or amber, overriding the scenario's
   * `escalateAfterWorkingHours` for this chart. 0 up to the decision clock (9 when that is absent).
   */
  escalateAfterWorkingHours?: number;
  /** The same for contacts rated green, overriding the scenario's `escalateGreenAfterWorkingHours`. */
  escalateGreenAfterWorkingHours?: number;
  /** Where the figures come from (a document and paragraph, or "assumption"): required when any is given. */
  source?: string;
}

/** The figures of a chart's clocks (every field of `ChartClocks` but its source), in the order files keep them. */
export const CHART_CLOCK_FIELDS = ['decisionWithinWorkingHours', 'escalateAfterWorkingHours', 'escalateGreenAfterWorkingHours'] as const satisfies readonly (keyof ChartClocks)[];

/** What a chart says of the process as a whole: its root `meta` (the machine configuration's own `meta`). */
export interface ChartMeta {
  /** The chart's own decision clock and escalation points (see `ChartClocks`); absent, the standard's and the scenario's. */
  clocks?: ChartClocks;
}

/**
 * A copy of a context, field by field in initialContext's order. V8 keeps an object literal's
 * fields inside the object, while a spread copy of this many fields puts most of them in a second
 * array; the compiled stepper copies a context at every assign (src/core/compiled.ts).
 */
export function copyContext(c: SpaContext): SpaContext {
  return {
    openCase: c.openCase,
    immediateDanger: c.immediateDanger,
    levelClear: c.levelClear,
    aboveEarlyHelp: c.aboveEarlyHelp,
    mentalHealth: c.mentalHealth,
    formComplete: c.formComplete,
    inEarlyHelp: c.inEarlyHelp,
    rating: c.rating,
    decidedLevel: c.decidedLevel,
    breached: c.breached,
    escalated: c.escalated,
    rationaleRecorded: c.rationaleRecorded,
    decisionOnParentalAccount: c.decisionOnParentalAccount,
    parentContacts: c.parentContacts,
    steppedUp: c.steppedUp,
    steppedDown: c.steppedDown,
  };
}

export function initialContext(input: SpaInput): SpaContext {
  // Written out field by field: this runs once per contact in every simulation.
  return {
    openCase: input.openCase,
    immediateDanger: input.immediateDanger,
    levelClear: input.levelClear,
    aboveEarlyHelp: input.aboveEarlyHelp,
    mentalHealth: input.mentalHealth,
    formComplete: input.formComplete,
    inEarlyHelp: input.inEarlyHelp,
    rating: input.rating ?? 'amber',
    decidedLevel: null,
    breached: false,
    escalated: false,
    rationaleRecorded: false,
    decisionOnParentalAccount: false,
    parentContacts: 0,
    steppedUp: false,
    steppedDown: false,
  };
}

/**
 * The shared `setup()`: types, guards and actions. Each process builds its machine from it with
 * `spaSetup.createMachine(...)`, so the two processes differ only in their states.
 */
export const spaSetup = setup({
  types: {
    context: {} as SpaContext,
    events: {} as SpaEvent,
    input: {} as SpaInput,
  },
  guards: {
    hasOpenCase: ({ context }) => context.openCase,
    notYetBreached: ({ context }) => !context.breached,
    inImmediateDanger: ({ context }) => context.immediateDanger,
    levelClear: ({ context }) => context.levelClear,
    potentiallyAboveEarlyHelp: ({ context }) => context.aboveEarlyHelp,
    mentalHealthUnclear: ({ context }) => context.mentalHealth && !context.levelClear,
    decidedAdvice: ({ event }) => event.type === 'threshold.decided' && event.level === 1,
    decidedEarlyHelp: ({ event }) => event.type === 'threshold.decided' && event.level === 2,
    decidedChildInNeed: ({ event }) => event.type === 'threshold.decided' && event.level === 3,
    decidedChildProtection: ({ event }) => event.type === 'threshold.decided' && event.level === 4,
    allocatedNoFurtherAction: ({ event }) => event.type === 'case.allocated' && event.outcome === 'noFurtherAction',
    assessedPlan: ({ event }) => event.type === 'assessment.completed' && event.outcome === 'plan',
    assessedStepDown: ({ event }) => event.type === 'assessment.completed' && event.outcome === 'stepDown',
    assessedClose: ({ event }) => event.type === 'assessment.completed' && event.outcome === 'close',
    assessedProtection: ({ event }) => event.type === 'assessment.completed' && event.outcome === 'protection',
    enquiryConference: ({ event }) => event.type === 'enquiry.completed' && event.outcome === 'conference',
    enquiryChildInNeed: ({ event }) => event.type === 'enquiry.completed' && event.outcome === 'childInNeed',
    enquiryClose: ({ event }) => event.type === 'enquiry.completed' && event.outcome === 'close',
    conferencePlan: ({ event }) => event.type === 'conference.held' && event.outcome === 'plan',
    conferenceChildInNeed: ({ event }) => event.type === 'conference.held' && event.outcome === 'childInNeed',
    conferenceClose: ({ event }) => event.type === 'conference.held' && event.outcome === 'close',
  },
  actions: {
    recordDecision: assign({
      decidedLevel: ({ event }) => (event.type === 'threshold.decided' ? event.level : null),
    }),
    recordDecisionWithRationale: assign({
      decidedLevel: ({ event }) => (event.type === 'threshold.decided' ? event.level : null),
      rationaleRecorded: true,
    }),
    markBreached: assign({ breached: true }),
    markEscalated: assign({ escalated: true }),
    markParentalAccount: assign({ decisionOnParentalAccount: true }),
    countParentContact: assign({ parentContacts: ({ context }) => context.parentContacts + 1 }),
    // A step-up starts a new decision: the flags of the earlier one do not carry over.
    markSteppedUp: assign({ steppedUp: true, decidedLevel: null, breached: false, escalated: false, rationaleRecorded: false, decisionOnParentalAccount: false }),
    /** Immediate danger, or harm found in an assessment: the response is child protection (level 4). */
    recordChildProtection: assign({ decidedLevel: 4 as const }),
    markSteppedDown: assign({ steppedDown: true }),
  },
});

/**
 * The one-working-day clock ran out while the contact is undecided: note the breach. Only the
 * undecided states handle it, so a decided case can never be marked as breached.
 */
export const onClockElapsed = { 'clock.oneWorkingDayElapsed': { guard: 'notYetBreached' as const, actions: 'markBreached' as const } };

/**
 * Out of hours (the SPA is closed: DOMAIN.md, "the SPA ... is open roughly 08:00-17:15 ...; EDT
 * covers the rest"), a contact about a child in immediate danger goes to the emergency duty team
 * at once (004 ¶47: "Referrals made out of hours receive a service from the emergency duty team").
 * Every other out-of-hours contact waits for the SPA to open.
 */
export const onReceivedOutOfHours = { 'contact.receivedOutOfHours': { guard: 'inImmediateDanger' as const, target: 'emergencyDutyTeam' } };

/** Transitions every decision state shares: the decided level chooses the response. */
export function decisionTransitions(action: 'recordDecision' | 'recordDecisionWithRationale') {
  return [
    { guard: 'decidedAdvice' as const, target: 'adviceGiven', actions: action },
    { guard: 'decidedEarlyHelp' as const, target: 'earlyHelp', actions: action },
    { guard: 'decidedChildInNeed' as const, target: 'awaitingAllocation', actions: action },
    { guard: 'decidedChildProtection' as const, target: 'strategyDiscussion', actions: action },
  ];
}

/**
 * How an assessment that decides what follows ends (the world draws the outcome by the child's
 * true level: the scenario's `outcomes.assessment`): a plan (through `planTarget`: 2013 does a
 * core assessment first), a step-down to early help (004 ¶24), closure, or harm found: a strategy
 * discussion.
 */
export function assessmentOutcomes(planTarget: string) {
  return [
    { guard: 'assessedPlan' as const, target: planTarget },
    // Step-down: statutory need has passed; support continues in early help (004 ¶24).
    { guard: 'assessedStepDown' as const, target: 'earlyHelp', actions: 'markSteppedDown' as const },
    { guard: 'assessedClose' as const, target: 'closed' },
    { guard: 'assessedProtection' as const, target: 'strategyDiscussion', actions: 'recordChildProtection' as const },
  ];
}

/** Report labels used by both processes. */
export const REPORT = {
  awaitingScreening: { label: 'contact: awaiting screening', pending: true, decided: false },
  awaitingDecision: { label: 'contact: awaiting decision', pending: true, decided: false },
  advice: { label: 'contact closed: advice and signposting', pending: false, decided: true },
  earlyHelp: { label: 'early help', pending: false, decided: true },
  referral: { label: 'referral to referral and assessment team', pending: false, decided: true },
  assessment: { label: 'child-in-need assessment', pending: false, decided: true },
  conference: { label: 'initial child protection conference', pending: false, decided: true },
  childProtection: { label: 'strategy discussion and section 47 enquiry', pending: false, decided: true },
  childInNeedPlan: { label: 'child-in-need plan', pending: false, decided: true },
  childProtectionPlan: { label: 'child protection plan', pending: false, decided: true },
  closed: { label: 'closed', pending: false, decided: true },
  openCase: { label: 'passed to allocated worker', pending: false, decided: true },
  emergencyDutyTeam: { label: 'out of hours: with the emergency duty team', pending: true, decided: false },
} satisfies Record<string, ReportView>;

/**
 * A referral accepted by the referral and assessment team, waiting for a named social worker
 * (004 ¶30). Each process says how its team allocates (`allocateOverCaseloadAfter`, its own
 * practice and source), so the state is made per process.
 */
function awaitingAllocationState(allocateOverCaseloadAfter: NonNullable<StateMeta['allocateOverCaseloadAfter']>, firstAssessment: string) {
  return {
    meta: {
      source: '004 ¶30',
      label: 'Awaiting a social worker',
      description:
        'Level 3: referral accepted by the referral and assessment team, waiting for a named social worker, whose first checks either start the assessment or close the referral with no further action.',
      stage: 'referral',
      report: REPORT.referral,
      undecided: false,
      unallocated: true,
      work: { role: 'raSocialWorker', activity: 'allocation', done: 'case.allocated' },
      allocateOverCaseloadAfter,
    } satisfies StateMeta,
    // The allocated worker's first checks may close the referral with no further action, no
    // assessment (DOMAIN.md calibration figures: referrals closed with no further action, about
    // 10-14%; the world draws it by the child's true level: the scenario's `outcomes.referral`).
    // Otherwise each process says which assessment the referral starts with (`SharedStateChoices`).
    on: {
      'case.allocated': [
        { guard: 'allocatedNoFurtherAction' as const, target: 'closed' },
        { target: firstAssessment },
      ],
    },
  } as const;
}

/**
 * The states after the threshold decision that both processes share (DOMAIN.md, "The flow of
 * one contact", steps 5 and 6), with the process's own allocation practice on the state where a
 * referral waits for a named social worker. The strategy discussion differs and is defined per
 * process.
 */
export interface SharedStateChoices {
  /** How the process's team allocates a referral (meta `allocateOverCaseloadAfter`, with its source). */
  allocateOverCaseloadAfter: NonNullable<StateMeta['allocateOverCaseloadAfter']>;
  /** The state an allocated referral's assessment starts in (the process defines it). */
  firstAssessment: string;
  /** Whether the process's team goes on carrying a child-in-need plan on a caseload (meta `holdsCaseload`). */
  childInNeedPlanHolds?: NonNullable<StateMeta['holdsCaseload']>;
}

export function sharedStates(choices: SharedStateChoices) {
  return {
    ...statesBeforeAllocation,
    awaitingAllocation: awaitingAllocationState(choices.allocateOverCaseloadAfter, choices.firstAssessment),
    ...statesAfterAllocation,
    childInNeedPlan: childInNeedPlanState(choices.childInNeedPlanHolds),
    ...statesAfterChildInNeedPlan,
  } as const;
}

const statesBeforeAllocation = {
  emergencyDutyTeam: {
    meta: {
      source: '004 ¶47; DOMAIN.md (SPA opening hours: "EDT covers the rest")',
      label: 'Emergency duty team',
      description:
        'Out of hours: the emergency duty team, shared with neighbouring boroughs, responds to a child in immediate danger within hours, with the police; the case passes to the SPA for a strategy discussion when it opens.',
      stage: 'emergencyResponse',
      // Assumption: an emergency goes to the front of the EDT's queue.
      priority: 'urgent',
      // Visibly pending: the EDT's records reach daytime services (004 ¶47: "good links between
      // EDT and day time services"); the threshold decision is recorded when the EDT hands over.
      report: REPORT.emergencyDutyTeam,
      undecided: true,
      work: { role: 'edtSocialWorker', activity: 'emergencyResponse', done: 'emergency.responded', aroundTheClock: true },
    } satisfies StateMeta,
    // After the emergency response, the SPA's child protection path: a strategy discussion, in
    // working hours (004 ¶47: "timely communication between services").
    on: { ...onClockElapsed, 'emergency.responded': { target: 'strategyDiscussion', actions: 'recordChildProtection' } },
  },
  withAllocatedWorker: {
    type: 'final',
    meta: {
      source: 'DOMAIN.md flow step 2',
      label: 'Passed to allocated worker',
      description: 'The child has an open case: the contact goes to the allocated worker.',
      stage: 'allocatedWorker',
      report: REPORT.openCase,
      undecided: false,
    } satisfies StateMeta,
  },
  adviceGiven: {
    type: 'final',
    meta: {
      source: 'DOMAIN.md continuum of need, level 1',
      label: 'Advice or signposting',
      description: 'Level 1: advice or signposting to universal services; the contact is closed.',
      stage: 'advice',
      report: REPORT.advice,
      undecided: false,
    } satisfies StateMeta,
  },
  earlyHelp: {
    meta: {
      source: '004 ¶12, ¶24; DOMAIN.md level 2',
      label: 'Early help',
      description: 'Level 2: early help from a locality team; a case can step up if concerns increase.',
      stage: 'earlyHelp',
      report: REPORT.earlyHelp,
      undecided: false,
      work: { role: 'earlyHelpWorker', activity: 'earlyHelp', done: 'earlyHelp.completed' },
    } satisfies StateMeta,
    on: {
      'earlyHelp.completed': { target: 'closed' },
      // Step-up: the early help worker escalates to social care (002; 004 ¶24).
      'earlyHelp.escalated': { target: 'awaitingDecision', actions: 'markSteppedUp' },
    },
  },
} as const;

/**
 * A child-in-need plan under section 17 (a final state: the contact's journey ends there, the
 * child's case stays open). A process whose team goes on carrying the plan on a worker's caseload
 * says so with `holdsCaseload` (`SharedStateChoices.childInNeedPlanHolds`).
 */
function childInNeedPlanState(holdsCaseload?: NonNullable<StateMeta['holdsCaseload']>) {
  return {
    type: 'final',
    meta: {
      source: 'DOMAIN.md vocabulary: child in need',
      label: 'Child-in-need plan',
      description: 'A child-in-need plan under section 17.',
      stage: 'plan',
      report: REPORT.childInNeedPlan,
      undecided: false,
      keepsCaseOpen: { days: 180, source: 'assumption: a child-in-need plan stays open about six months' },
      plan: 'childInNeed',
      ...(holdsCaseload ? { holdsCaseload } : {}),
    } satisfies StateMeta,
  } as const;
}

/**
 * How a manager allocates child protection work (section 47 enquiry, initial conference): at
 * once, over the caseload if need be, never waiting for a free slot. DOMAIN.md flow step 5
 * ("Immediate danger skips the queue"); 004 ¶39 ("section 47 enquiries are timely"). Both
 * processes: no source says either team let child protection work wait for a slot.
 */
const CHILD_PROTECTION_ALLOCATION = {
  workingDays: 0,
  source: 'DOMAIN.md flow step 5 ("Immediate danger skips the queue"); 004 ¶39 ("section 47 enquiries are timely"); assumption: a manager allocates child protection work the same working day, over the caseload if need be',
} as const;

const statesAfterAllocation = {
  section47Enquiry: {
    meta: {
      source: '004 ¶39',
      label: 'Section 47 enquiry',
      description:
        'Section 47 child protection enquiry by an experienced social worker. An enquiry that substantiates concerns convenes an initial conference then; the rest of the enquiry goes on while the conference is prepared.',
      stage: 'section47Enquiry',
      // Assumption: child protection work goes to the front of its role's queue.
      priority: 'urgent',
      report: REPORT.childProtection,
      undecided: false,
      childSeen: true,
      work: {
        role: 'raSocialWorker',
        activity: 'section47Enquiry',
        done: 'enquiry.completed',
        // Working Together 2013 (DOMAIN.md statutory clocks): where concerns are substantiated the
        // social worker convenes an initial conference, within 15 working days of the strategy
        // discussion, so the enquiry's finding must come well before its write-up ends (the
        // enquiry's assessment may run to 45 working days; the conference may not). Assumption:
        // concerns are substantiated halfway through the enquiry's work. The claim
        // 2013-conferences-timely rests on it (10 runs of June 2013: 0.5 about 93% within 15
        // working days, 0.7 about 81%, 0.8 about 66%, 1, the whole enquiry first, about 45%).
        soonerFor: {
          outcome: 'conference',
          shareOfWork: 0.5,
          source: 'Working Together 2013 (DOMAIN.md statutory clocks: ICPC within 15 working days of the strategy discussion); assumption: concerns substantiated halfway through the enquiry',
        },
      },
      allocateOverCaseloadAfter: CHILD_PROTECTION_ALLOCATION,
    } satisfies StateMeta,
    on: {
      'enquiry.completed': [
        { guard: 'enquiryConference', target: 'initialConference' },
        { guard: 'enquiryChildInNeed', target: 'childInNeedPlan' },
        { guard: 'enquiryClose', target: 'closed' },
      ],
    },
  },
  initialConference: {
    meta: {
      source: 'DOMAIN.md vocabulary (ICPC) and statutory clocks (ICPC within 15 working days of the strategy discussion); 004 ¶17',
      label: 'Initial child protection conference',
      description:
        'An initial child protection conference is convened when the enquiry substantiates concerns, booked within 15 working days of the strategy discussion, and held; the social worker finishes the enquiry and the report meanwhile. It may put the child on a child protection plan.',
      stage: 'conference',
      // Assumption: child protection work goes to the front of its role's queue.
      priority: 'urgent',
      report: REPORT.conference,
      undecided: false,
      childSeen: true,
      // The social worker who made the enquiry writes the report and attends (the same worker carries on).
      work: { role: 'raSocialWorker', activity: 'initialConference', done: 'conference.held' },
      allocateOverCaseloadAfter: CHILD_PROTECTION_ALLOCATION,
      timescale: { measure: 'initialConference', workingDays: 15, from: 'strategyDiscussion', source: 'DOMAIN.md statutory clocks: ICPC within 15 working days of the strategy discussion' },
      // The conference is booked against the statutory clock when it is convened, not after the
      // enquiry is written up (Working Together 2013: the ICPC within 15 working days of the
      // strategy discussion at which section 47 enquiries were initiated). Assumption: booked for
      // the last working day the clock allows, which gives the social worker the most time to
      // finish the enquiry and the report; 004 ¶17, 003 ¶7 ("without loss of timeliness").
      bookedWithinTimescale: {
        source: 'Working Together 2013 (DOMAIN.md statutory clocks: ICPC within 15 working days of the strategy discussion); 004 ¶17; assumption: booked for the last working day allowed',
      },
    } satisfies StateMeta,
    on: {
      'conference.held': [
        { guard: 'conferencePlan', target: 'childProtectionPlan' },
        { guard: 'conferenceChildInNeed', target: 'childInNeedPlan' },
        { guard: 'conferenceClose', target: 'closed' },
      ],
    },
  },
} as const;

const statesAfterChildInNeedPlan = {
  childProtectionPlan: {
    type: 'final',
    meta: {
      source: 'DOMAIN.md vocabulary: ICPC',
      label: 'Child protection plan',
      description: 'An initial child protection conference put the child on a child protection plan.',
      stage: 'plan',
      report: REPORT.childProtectionPlan,
      undecided: false,
      keepsCaseOpen: { days: 270, source: 'assumption: a child protection plan stays open about nine months' },
      plan: 'childProtection',
    } satisfies StateMeta,
  },
  closed: {
    type: 'final',
    meta: { source: 'DOMAIN.md vocabulary: NFA', label: 'Closed', description: 'The case is closed.', stage: 'closure', report: REPORT.closed, undecided: false } satisfies StateMeta,
  },
} as const;
