/**
 * The world's answers: how long a piece of work takes and how it ends. The charts decide where a
 * case goes; the world decides what a manager decides, what an assessment or enquiry finds, and
 * whether early help steps a child up. Every draw comes from the case's own streams (cases.ts),
 * so each child's durations and outcomes are the same whichever process meets them (common
 * random numbers); the shares come from the scenario.
 */
import { HOUR } from '../calendar';
import type { Level } from '../levels';
import type { SpaContext, SpaEvent, SpaEventType } from '../processes/common';
import { MULBERRY32_STEP, bernoulli, lognormalDraw, mulberry32Value, type Uniform } from '../rng';
import type { Scenario } from '../scenario';
import type { CaseTable } from './cases';
import { DECIDED, EVENTS, eventOf } from './events';
import type { WorkRt } from './states';

/** The working hours of a day on the hold's clock (a day of 2013's hold: 004 ¶38). */
export const WORKING_DAY_HOURS = 9;
/** An allocated referral: assessed (no outcome), or closed with no further action by the worker's first checks. */
const ALLOCATED = eventOf('case.allocated');
const ALLOCATED_NO_FURTHER_ACTION = eventOf('case.allocated', 'noFurtherAction');
/** Every piece of work takes at least a minute. */
const SHORTEST_WORK_MS = 60_000;

/**
 * An outcome drawn from shares: the first whose running total exceeds the uniform draw x, in the
 * order listed (so [0.5, 0.3, 0.2] is "x < 0.5 ? first : x < 0.8 ? second : third").
 */
export class OutcomeDraw {
  private readonly upTo: number[] = [];
  private readonly events: SpaEvent[] = [];
  constructor(type: SpaEventType, shares: Readonly<Record<string, number>>) {
    let total = 0;
    for (const [outcome, p] of Object.entries(shares)) {
      if (p <= 0) continue;
      total += p;
      this.upTo.push(total);
      this.events.push(eventOf(type, outcome));
    }
  }
  pick(x: number): SpaEvent {
    const last = this.events.length - 1;
    for (let k = 0; k < last; k++) if (x < this.upTo[k]) return this.events[k];
    return this.events[last];
  }
}

export class World {
  /** How long the work `answer` last answered took, in working milliseconds. */
  workMs = 0;
  /** The outcome draws of assessments, section 47 enquiries and initial conferences for each true level (index 1-4). */
  private readonly assessment: OutcomeDraw[] = [];
  private readonly enquiry: OutcomeDraw[] = [];
  private readonly conference: OutcomeDraw[] = [];
  /** The case whose streams the draws come from (set by `answer`). */
  private drawing = 0;
  private readonly uDuration: Uniform = () => this.cases.drawDuration(this.drawing);
  private readonly uWorld: Uniform = () => this.cases.drawWorld(this.drawing);

  /**
   * @param trueLevel each contact's true level (the arrivals' column)
   * @param formComplete whether each contact's referral form is complete, 1 or 0 (the arrivals' column)
   * @param referralSeed the seed of the referral-stage draws (`referralClosedDraw`), from a stream of its own
   */
  constructor(
    private readonly scenario: Scenario,
    private readonly cases: CaseTable,
    private readonly trueLevel: Uint8Array,
    private readonly formComplete: Uint8Array,
    private readonly referralSeed: number,
  ) {
    for (const level of [1, 2, 3, 4] as const) {
      this.assessment[level] = new OutcomeDraw('assessment.completed', scenario.outcomes.assessment[level]);
      this.enquiry[level] = new OutcomeDraw('enquiry.completed', scenario.outcomes.enquiry[level]);
      this.conference[level] = new OutcomeDraw('conference.held', scenario.outcomes.conference[level]);
    }
  }

  /**
   * How a case's piece of work ends, as the event to send when it does (returned), and how long it
   * takes (`workMs`). The next draws of `parentsContactedOnHeldDay` are the same case's.
   */
  answer(caseIndex: number, work: WorkRt): SpaEvent {
    const event = this.drawAnswer(caseIndex, work);
    // The work ends sooner for this outcome (meta `work.soonerFor`): a section 47 enquiry that
    // substantiates concerns convenes the conference then. No draw moves.
    if (event === work.soonerEvent) this.workMs = Math.max(SHORTEST_WORK_MS, Math.round(this.workMs * work.soonerShare));
    return event;
  }

  private drawAnswer(caseIndex: number, work: WorkRt): SpaEvent {
    this.drawing = caseIndex;
    const level = this.trueLevel[caseIndex];
    const ms = this.duration(caseIndex, work);
    this.workMs = ms;
    switch (work.done) {
      case 'threshold.decided':
        return DECIDED[this.decideLevel(caseIndex, work.errorFactor)];
      case 'case.allocated':
        return this.referralClosedDraw(caseIndex) < this.scenario.outcomes.referralNoFurtherAction[level as Level] ? ALLOCATED_NO_FURTHER_ACTION : ALLOCATED;
      case 'assessment.completed':
        return this.assessment[level].pick(this.uWorld());
      case 'enquiry.completed':
        return this.enquiry[level].pick(this.uWorld());
      case 'conference.held':
        return this.conference[level].pick(this.uWorld());
      case 'earlyHelp.completed':
        // A child whose true need is statutory, placed in early help, is escalated (step-up).
        if (level >= 3 && bernoulli(this.uWorld, this.scenario.earlyHelpEscalationShare)) {
          this.workMs = Math.max(SHORTEST_WORK_MS, Math.round(ms * this.scenario.outcomes.stepUpAfterShareOfEarlyHelp));
          return EVENTS.earlyHelpEscalated;
        }
        return EVENTS.earlyHelpCompleted;
      default:
        return work.event!;
    }
  }

  /**
   * The uniform draw that says whether case i's referral is closed with no further action when
   * allocated: the (i + 1)th draw of a mulberry32 stream seeded from its own named stream, so that
   * it moves no other draw (the case's own streams stay as they were) and each contact gets the
   * same draw whichever process meets it, in whatever order (common random numbers).
   */
  private referralClosedDraw(caseIndex: number): number {
    return mulberry32Value((this.referralSeed + Math.imul(caseIndex + 1, MULBERRY32_STEP)) | 0);
  }

  /** Working days of a hold that lasts `ms` on which the team manager may contact parents (004 ¶38). */
  heldDays(ms: number): number {
    return this.scenario.parentContactPerHoldDay > 0 ? Math.floor(ms / (WORKING_DAY_HOURS * HOUR)) : 0;
  }

  /** Whether the parent contact alongside a hold (meta `contactsParents`) falls due on one day of it (a draw of the case `answer` last answered). */
  parentsContactedOnHeldDay(): boolean {
    return bernoulli(this.uWorld, this.scenario.parentContactPerHoldDay);
  }

  /** The working milliseconds from the start of a hold to the parent contact on its `day`th day (an hour before the day's end). */
  parentContactAfter(day: number): number {
    return day * WORKING_DAY_HOURS * HOUR - HOUR;
  }

  /** How long the work takes: a lognormal draw, longer if the referral form is incomplete (004 ¶37). */
  private duration(caseIndex: number, work: WorkRt): number {
    let hours = lognormalDraw(this.uDuration, work.hours);
    if (work.longerIfFormIncomplete && this.formComplete[caseIndex] === 0) {
      hours *= this.scenario.incompleteFormFactor; // 004 ¶37
    }
    return Math.max(SHORTEST_WORK_MS, Math.round(hours * HOUR));
  }

  /**
   * The level a manager decides: the true level, or one off it by the decision error (the
   * scenario's, times the deciding state's `errorFactor`: how consistently the process applies
   * the threshold).
   */
  private decideLevel(caseIndex: number, errorFactor: number): Level {
    const scenario = this.scenario;
    const truth = this.trueLevel[caseIndex] as Level;
    const context = this.cases.snapshot[caseIndex].context as SpaContext;
    const wrong = Math.min(1, (1 - scenario.decisionAccuracy) * errorFactor);
    let under = wrong * scenario.underThresholdShare;
    const over = wrong * (1 - scenario.underThresholdShare);
    // 004 ¶20, ¶29, ¶38: decisions based on parental response rather than seeing the child.
    if (context.decisionOnParentalAccount) under += scenario.parentalAccountUnderThreshold;
    const x = this.uWorld();
    if (x < under && truth > 1) return (truth - 1) as Level;
    if (x >= under && x < under + over && truth < 4) return (truth + 1) as Level;
    return truth;
  }
}
