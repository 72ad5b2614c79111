/**
 * The 2015 Kingston single point of access: the process that replaced 2013's (re-inspected and
 * judged good; ../shared/seeds/000_862f43f6d926c077.txt, with the practices that 002 describes).
 *
 *  - a good assessment of the child's and family's needs at the first point of contact, by a
 *    qualified worker (000): an unclear contact is screened further by a qualified social worker,
 *    visibly pending in the report;
 *  - CAMHS sits inside the SPA team (000 ¶10): a contact about a child's mental health that is
 *    unclear is screened by the CAMHS worker, at the front door, and the manager decides it on
 *    CAMHS's assessment, which errs less often than the ordinary decision;
 *  - a one-working-day decision clock, "usually within 24 hours" (000), with escalation to a
 *    manager before it is breached (002: "a clear escalation process ... so that children who
 *    need urgent intervention do not wait");
 *  - management oversight with a recorded rationale (002);
 *  - prompt strategy discussions with the police (002);
 *  - out of hours, the emergency duty team for a child in immediate danger, as in 2013 (004 ¶47;
 *    DOMAIN.md: "EDT covers the rest").
 */
import { REPORT, assessmentOutcomes, decisionTransitions, initialContext, onClockElapsed, onReceivedOutOfHours, sharedStates, spaSetup, type StateMeta } from './common';

/**
 * Escalation as the exception (002 ¶8: escalation "identifies children ... who require more
 * urgent intervention"): a contact still undecided at its escalation point goes to a manager, who
 * decides on what is known. The point depends on the contact's RAG rating (the scenario's
 * `escalateAfterWorkingHours` for red and amber, `escalateGreenAfterWorkingHours` for green): a
 * green contact's target is the 24 hours itself (DOMAIN.md: a neighbouring MASH's RAG targets red
 * 2 hours, amber 6 hours, green 24 hours; 000 ¶9 "usually within 24 hours"), so its information
 * gathering runs on to the last hour of the one working day.
 *
 * What keeps it the exception and lets the manager decide in time: an incomplete referral form is
 * made good at the first point of contact, in the screening (000 ¶10; see `received`), so it does
 * not carry the information gathering past the escalation point; and the SPA has a duty manager,
 * a fourth manager in the 2015 workforce (the scenario's `staff.teamManager`, an assumption with
 * its reasons in kingston-2015.json), so an escalated decision, at the front of the managers'
 * queue, finds a manager free before the clock runs out even when the others are in strategy
 * discussions (the safeguard with-a-manager-by-the-deadline).
 */
const ESCALATE = { target: 'escalatedToManager', actions: 'markEscalated' } as const;

/**
 * Red/amber/green at the decision: a contact rated red (clear child protection) is decided first,
 * so it never queues behind routine or escalated work (DOMAIN.md: RAG ratings, a neighbouring
 * MASH's red target 2 hours; 002 ¶8: children who need urgent intervention "do not wait unduly").
 */
const DECISION_PRIORITY = { red: 'urgent', source: 'DOMAIN.md (continuum of need: RAG ratings; Merton MASH RAG targets: red 2 hours); 002 ¶8' } as const;

/**
 * How the 2015 teams allocated: no source gives a different practice from 2013's, so the same
 * ceiling (assumption). What the sources credit for the better allocation is the workforce: a
 * stable one (000 ¶13, ¶15) with caseloads reduced by investment (002 ¶41), which is the
 * scenario's staffing (`staffingByProcess`), not the chart.
 */
/** The ways out of a state where a team manager makes the threshold decision: decided (with the rationale recorded), or escalated at its escalation point. */
const DECIDE_OR_ESCALATE = {
  ...onClockElapsed,
  'threshold.decided': decisionTransitions('recordDecisionWithRationale'),
  'clock.escalationDue': ESCALATE,
} as const;

const ALLOC2015 = { workingDays: 3, source: 'assumption: the same practice as 2013 (004 ¶30); no source gives 2015 a different one' };

export const spa2015 = spaSetup.createMachine({
  id: 'spa2015',
  context: ({ input }) => initialContext(input),
  initial: 'received',
  states: {
    received: {
      meta: {
        source: '000',
        label: 'Contact received',
        stage: 'screening',
        description: 'Contact received; a qualified worker assesses the child\u2019s and family\u2019s needs at the first point of contact.',
        // Red/amber/green at the front door: a contact rated red (clear child protection) is
        // screened and decided first, so it never queues behind routine or escalated work
        // (DOMAIN.md: RAG ratings, a neighbouring MASH's red target 2 hours; 002 ¶8: children who
        // need urgent intervention "do not wait unduly").
        priorityByRating: { red: 'urgent', source: 'DOMAIN.md (continuum of need: RAG ratings; Merton MASH RAG targets: red 2 hours); 002 ¶8' },
        report: REPORT.awaitingScreening,
        undecided: true,
        // An incomplete referral form (004 ¶37) lengthens the screening, not the information
        // gathering after it: the qualified worker gets what the form lacks from the referrer at
        // the first point of contact (000 ¶10: "a really good assessment of the child's and
        // family's needs at the earliest point of contact"; that it moves the delay to the
        // screening, by the scenario's `incompleteFormFactor`, is an assumption). So an incomplete
        // form no longer carries a contact's information gathering past its escalation point.
        work: { role: 'spaSocialWorker', activity: 'screening', done: 'screening.completed', longerIfFormIncomplete: true },
      } satisfies StateMeta,
      on: {
        ...onClockElapsed,
        ...onReceivedOutOfHours,
        'screening.completed': [
          { guard: 'inImmediateDanger', target: 'strategyDiscussion', actions: 'recordChildProtection' },
          { guard: 'hasOpenCase', target: 'withAllocatedWorker' },
          { guard: 'levelClear', target: 'awaitingDecision' },
          { guard: 'mentalHealthUnclear', target: 'camhsScreening' },
          { target: 'informationGathering' },
        ],
        // Still unscreened as the clock nears its end: a manager decides on what is known (002).
        'clock.escalationDue': ESCALATE,
      },
    },
    informationGathering: {
      meta: {
        source: '000; 002',
        label: 'Information gathering',
        stage: 'informationGathering',
        description: 'A qualified social worker gathers information from partner agencies, on the one-working-day clock; the case shows as awaiting a decision.',
        report: REPORT.awaitingDecision,
        undecided: true,
        // Not longer for an incomplete form: the screening got what it lacked (see `received`; 000 ¶10).
        work: { role: 'spaSocialWorker', activity: 'informationGathering', done: 'information.gathered' },
      } satisfies StateMeta,
      on: {
        ...onClockElapsed,
        'information.gathered': { target: 'awaitingDecision' },
        'clock.escalationDue': ESCALATE,
      },
    },
    camhsScreening: {
      meta: {
        source: '000',
        label: 'CAMHS screening',
        stage: 'informationGathering',
        description: 'The CAMHS worker in the SPA team screens a contact about the child\u2019s mental health.',
        report: REPORT.awaitingDecision,
        undecided: true,
        // Not longer for an incomplete form: the screening got what it lacked (see `received`; 000 ¶10).
        work: { role: 'camhs', activity: 'camhsScreening', done: 'camhs.assessed' },
        // The mental-health need is assessed here, at the front door, by the CAMHS worker in the
        // SPA team (000 ¶10: CAMHS "is also part of the SPA team", with "improved timeliness of
        // mental health assessments").
        assessesMentalHealth: { source: '000 ¶10 (CAMHS part of the SPA team: "improved timeliness of mental health assessments")' },
      } satisfies StateMeta,
      on: {
        ...onClockElapsed,
        'camhs.assessed': { target: 'awaitingDecisionOnCamhsAssessment' },
        'clock.escalationDue': ESCALATE,
      },
    },
    awaitingDecision: {
      meta: {
        source: '000; 002',
        label: 'Awaiting threshold decision',
        stage: 'decision',
        // 002: thresholds "clearly understood by staff and partner agencies and applied
        // consistently", with the rationale recorded: half the wrong decisions (the half is an assumption).
        decisionError: { factor: 0.5, source: '002 (thresholds applied consistently); factor: assumption' },
        description: 'A team manager applies the threshold, decides and records the rationale.',
        priorityByRating: DECISION_PRIORITY,
        report: REPORT.awaitingDecision,
        undecided: true,
        work: { role: 'teamManager', activity: 'thresholdDecision', done: 'threshold.decided' },
      } satisfies StateMeta,
      on: DECIDE_OR_ESCALATE,
    },
    // CAMHS's effect of its own (000 ¶10: "It has speeded up the movement through to CAMHS because
    // we get a really good assessment of the child's and family's needs at the earliest point of
    // contact"): the manager decides a contact CAMHS has screened on a specialist's assessment of
    // the child's mental health, so the decision errs less often than the ordinary decision.
    awaitingDecisionOnCamhsAssessment: {
      meta: {
        source: '000 ¶10; 002',
        label: 'Awaiting threshold decision, with CAMHS\u2019s assessment',
        stage: 'decision',
        // Half the ordinary 2015 decision's wrong decisions, so a quarter of the scenario's
        // (000 ¶10: "a really good assessment of the child's and family's needs"; the half is an
        // assumption, as the ordinary decision's half is).
        decisionError: { factor: 0.25, source: '000 ¶10 (CAMHS in the SPA: "a really good assessment of the child\u2019s and family\u2019s needs"); factor: assumption, half the ordinary 2015 decision\u2019s 0.5' },
        description: 'A team manager applies the threshold to a contact the CAMHS worker has screened, with CAMHS\u2019s assessment of the child\u2019s mental health, and records the rationale.',
        priorityByRating: DECISION_PRIORITY,
        report: REPORT.awaitingDecision,
        undecided: true,
        work: { role: 'teamManager', activity: 'thresholdDecision', done: 'threshold.decided' },
      } satisfies StateMeta,
      on: DECIDE_OR_ESCALATE,
    },
    escalatedToManager: {
      meta: {
        source: '002',
        label: 'Escalated to manager',
        stage: 'escalatedDecision',
        description: 'Escalated: the one-working-day clock is close to running out, so a manager decides now on what is known.',
        // Decided on what is known by the escalation point, not on gathered information: as
        // accurate as the scenario says, not better (assumption).
        decisionError: { factor: 1, source: 'assumption: a decision on what is known at escalation' },
        // An escalated decision goes to the front of the managers' queue, with red decisions and
        // strategy discussions: the escalation exists so that the child does not wait past the
        // one working day (002 ¶8: "a clear escalation process ... do not wait unduly").
        priority: 'urgent',
        report: REPORT.awaitingDecision,
        undecided: true,
        work: { role: 'teamManager', activity: 'escalatedDecision', done: 'threshold.decided' },
      } satisfies StateMeta,
      on: { ...onClockElapsed, 'threshold.decided': decisionTransitions('recordDecisionWithRationale') },
    },
    strategyDiscussion: {
      meta: {
        source: '002',
        label: 'Strategy discussion',
        stage: 'strategyDiscussion',
        // Assumption: child protection work goes to the front of its role's queue.
        priority: 'urgent',
        recordsLevel: 4,
        description: 'Prompt strategy discussion with the police and partners; the joint visit is arranged in it.',
        report: REPORT.childProtection,
        undecided: false,
        work: { role: 'teamManager', activity: 'strategyDiscussion', done: 'strategy.held' },
      } satisfies StateMeta,
      on: { 'strategy.held': { target: 'section47Enquiry' } },
    },
    ...sharedStates({ allocateOverCaseloadAfter: ALLOC2015, firstAssessment: 'assessment' }),
    assessment: {
      meta: {
        source: 'DOMAIN.md statutory clocks (single assessment, 45 working days from referral: Working Together 2013, 2015); 002 ¶9; 004 ¶41',
        label: 'Single assessment',
        description: 'The single assessment of the child\u2019s needs by the allocated social worker, within 45 working days of the referral; the child is seen.',
        stage: 'assessment',
        report: REPORT.assessment,
        undecided: false,
        childSeen: true,
        work: { role: 'raSocialWorker', activity: 'assessment', done: 'assessment.completed' },
        // A mental-health contact that CAMHS did not screen at the front door (its level was clear)
        // has its need assessed here, with the child seen, as in 2013's first assessment (assumption:
        // the same reading as spa2013's `initialAssessment`, so the two processes are timed alike).
        assessesMentalHealth: { source: 'assumption: the social work assessment, the child seen, assesses a mental-health need CAMHS did not screen (as spa2013 initialAssessment; 004 ¶24)' },
        timescale: { measure: 'singleAssessment', workingDays: 45, from: 'referral', source: 'DOMAIN.md statutory clocks: at most 45 working days from referral (Working Together 2013, 2015)' },
      } satisfies StateMeta,
      on: { 'assessment.completed': assessmentOutcomes('childInNeedPlan') },
    },
  },
});
