/**
 * The 2013 Kingston single point of access: one contact's journey, as the inspectors found it
 * in June 2013 (../shared/seeds/004_a7e8b0753e3aebdd.txt, ¶20, ¶29, ¶30, ¶37-39).
 *
 * What goes wrong here is structural, not a parameter:
 *  - a contact whose level is unclear is "assigned" inside the SPA to an unqualified case
 *    coordinator, who gathers information by phone; the team manager contacts parents; the child
 *    is not seen (¶20, ¶29, ¶38);
 *  - meanwhile the contact's outcome is recorded as "provision of advice and information", so the
 *    case is not in the weekly performance report and has no formal risk assessment (¶20, ¶38);
 *  - the one-working-day clock still runs, but nothing in the process reacts to it: no
 *    escalation exists (the clock event is recorded in the context only);
 *  - accepted referrals can wait unallocated (¶30) and joint visits wait on police availability
 *    (¶39); incomplete referral forms lengthen the hold (¶37: durations, in the engine);
 *  - an accepted referral gets an initial assessment, timed from the referral against 10 working
 *    days, and a child who needs a plan then a core assessment, timed from its start against 35
 *    working days (¶42 reports both measures for 2012/13 and April 2013: Kingston still ran the
 *    two assessments that the single assessment of Working Together 2013 replaced from 15 April
 *    2013; DOMAIN.md statutory clocks).
 * Clear cases go well: prompt decisions by a qualified team manager (¶29, ¶38, ¶39).
 * Out of hours, a child in immediate danger gets the emergency duty team's response (¶47; the
 * shared `emergencyDutyTeam` state), then the SPA's strategy discussion when it opens.
 */
import { REPORT, assessmentOutcomes, decisionTransitions, initialContext, onClockElapsed, onReceivedOutOfHours, sharedStates, spaSetup, type StateMeta } from './common';

/**
 * How the 2013 referral and assessment teams allocated (004 ¶30): 25 children in need were
 * "unallocated to a social worker for a 48 hour period", held by the duty teams meanwhile with no
 * formal risk management. Read as: a referral still waiting on the third working day is allocated
 * by the team manager, over a worker's caseload if need be (assumption: the words "a 48 hour
 * period" read as waits of about two working days, not weeks).
 */
const ALLOC2013 = { workingDays: 3, source: '004 ¶30 ("unallocated to a social worker for a 48 hour period"); assumption: allocated on the third working day, over the caseload if need be' };

/**
 * Who carried a child-in-need plan in 2013 (004 ¶13): the services for "children ... requiring a
 * child in need plan" were delivered by two referral and assessment teams, three child protection
 * teams and the looked-after and leaving-care teams: no team of its own for children in need, so
 * the referral and assessment social worker who assessed the child went on carrying the plan, on
 * the caseload that new referrals wait for (¶30: the child-in-need protocol, "assessment and
 * planning", was expected of the same social workers, and 25 children in need waited unallocated).
 * Assumption: the plan stays on the assessing worker's caseload as a full case (one slot) for 6
 * working days, until it is set up and transferred on; the rest of the plan's life is with a team
 * not modelled. The hold is calibrated, not sourced: it has to keep the team near its capacity
 * rather than far over it, so that both 004 ¶30 (25 children in need unallocated over 48 hours)
 * and ¶42 (66% of initial assessments within 10 working days in April 2013) hold. Measured (20
 * replications): 3 days give 14.4 unallocated (too few), 5 give 16.3 and 61.0%, 6 give 17.7 and
 * 58.4%, 8 give 20.4 and 52.9% (too slow), 20 give 22.7 and 45.9%.
 */
const PLAN2013 = {
  role: 'raSocialWorker',
  workingDays: 6,
  source: '004 ¶13 (no children-in-need team: the referral and assessment teams deliver child-in-need plans), ¶30; assumption: carried by the assessing social worker as a full case for 6 working days (calibrated so that ¶30 and ¶42 both hold)',
} as const;

export const spa2013 = spaSetup.createMachine({
  id: 'spa2013',
  context: ({ input }) => initialContext(input),
  initial: 'received',
  states: {
    received: {
      meta: {
        source: '004 ¶17, ¶20',
        label: 'Contact received',
        stage: 'screening',
        description: 'Contact received and recorded; social work scrutiny at the point of contact; a team manager oversees all contacts.',
        report: REPORT.awaitingScreening,
        undecided: true,
        work: { role: 'spaSocialWorker', activity: 'screening', done: 'screening.completed' },
      } satisfies StateMeta,
      on: {
        ...onClockElapsed,
        ...onReceivedOutOfHours,
        'screening.completed': [
          // Immediate danger skips the queue (DOMAIN.md flow step 5; 004 ¶29, ¶38).
          { guard: 'inImmediateDanger', target: 'strategyDiscussion', actions: 'recordChildProtection' },
          { guard: 'hasOpenCase', target: 'withAllocatedWorker' },
          { guard: 'levelClear', target: 'awaitingDecision' },
          // Unclear, with needs potentially above early help: "assigned" inside the SPA for
          // further information gathering (¶29, ¶38).
          { guard: 'potentiallyAboveEarlyHelp', target: 'heldByCaseCoordinator', actions: 'markParentalAccount' },
          // Unclear but no more than early help: the team manager decides on what is known (¶17: a
          // team manager oversees all contacts).
          { target: 'awaitingDecision' },
        ],
      },
    },
    heldByCaseCoordinator: {
      meta: {
        source: '004 ¶20, ¶29, ¶38',
        label: 'Held by case coordinator',
        stage: 'hold',
        description:
          'Held in the SPA: assigned to an unqualified case coordinator who gathers information by phone; the team manager contacts parents. The child is not seen and there is no risk assessment. Recorded as "provision of advice and information".',
        // ¶38: "not tracked in the weekly performance report due to the outcome of the contact
        // being completed as 'provision of advice and information'".
        report: { label: 'contact closed: provision of advice and information', pending: false, decided: true },
        undecided: true,
        childSeen: false,
        work: { role: 'caseCoordinator', activity: 'heldInformationGathering', done: 'information.gathered', longerIfFormIncomplete: true },
        // ¶17: "a social work team manager now oversees all contacts coming in to children's
        // services"; ¶38: "The team manager oversees this" (the hold); ¶20: "The SPA has improved
        // service responsiveness for children at immediate risk of significant harm, as there is
        // now social work scrutiny at the point of contact"; ¶39: strategy discussions timely.
        // The held cases the inspectors found were children needing a social work assessment
        // (¶20, ¶29: needs "potentially above" early help), not child protection. Read as: the
        // team manager who oversees every contact looks over each newly held case the same
        // working day and recognises a child protection concern that is there (true level 4);
        // the hold ends and the team manager decides the threshold at once (on what is known,
        // which includes the parental account: the decision can still err below threshold, ¶38).
        // share 1 reads ¶17's "all contacts"; it is also what claim 2013-strategy-in-a-day needs
        // (measured, 100 replications: share 0.75 after 2 hours gives 77.0%, share 1 after 1 hour 81.4%). Going
        // straight to a strategy discussion instead (no decision error) gave 86.3% but pushed
        // national-section-47-share 2013 out of its range (31.4% -> 33.4%). The hour is an
        // assumption (the same day's oversight).
        // ¶38: "The team manager oversees this and makes contact with parents/carers and conducts
        // office visits with families": the team manager's time with the parents is team-manager
        // work, in the same queue as threshold decisions and strategy discussions. When the
        // contact ends, the chart ends the hold (below). How often it falls due is the scenario's
        // `parentContactPerHoldDay` (calibrated); how long it takes, the `parentContact` duration
        // (an assumption: no source gives it). Assumption: the contact waits behind the day's
        // threshold decisions and strategy discussions ('afterRoutine'): a held contact is
        // recorded as advice and nothing reacts to its clock (¶38), while every other contact is
        // on the one-working-day clock and a manager oversees all of them (¶17). Measured (100
        // replications, parentContactPerHoldDay 0.07, 1.5 hours): in turn with the decisions
        // ('routine') it pushed 2013-strategy-in-a-day to 79.5% (from 81.5%) and
        // 2013-report-decided-in-a-day to 94.3% (from 96.1%), both out of their ranges;
        // 'afterRoutine' gives 81.5% and 96.2%.
        contactsParents: {
          role: 'teamManager',
          activity: 'parentContact',
          done: 'parents.contacted',
          priority: 'afterRoutine',
          source: '004 ¶38 ("The team manager oversees this and makes contact with parents/carers and conducts office visits with families"); its duration (scenario durations.parentContact) and its place behind the threshold decisions and strategy discussions are assumptions',
        },
        managerRecognises: {
          trueLevelAtLeast: 4,
          share: 1,
          afterWorkingHours: 1,
          source: '004 ¶17 ("a social work team manager now oversees all contacts"), ¶20, ¶38 ("The team manager oversees this"), ¶39; share 1 from ¶17 "all" (and needed by claim 2013-strategy-in-a-day); 1 working hour an assumption',
        },
      } satisfies StateMeta,
      on: {
        ...onClockElapsed,
        // The team manager overseeing the hold has recognised child protection concerns (meta
        // `managerRecognises`): the hold ends and the team manager makes the threshold decision
        // now (¶38: "prompt decision making by a qualified team manager"), on what is known,
        // which includes the parental account already taken (the same decision as after any hold).
        'concerns.recognised': { target: 'awaitingDecision' },
        // ¶38: "The team manager oversees this and makes contact with parents/carers and conducts
        // office visits with families ... resulting in decisions being based on parental
        // response": the team manager's contact with the parents (meta `contactsParents`, the
        // team manager's work) ends the hold, and the threshold
        // decision follows on what the parents said (the case already carries the parental
        // account), whether or not the case coordinator's calls are finished.
        'parents.contacted': { target: 'awaitingDecision', actions: 'countParentContact' },
        'information.gathered': { target: 'awaitingDecision' },
      },
    },
    awaitingDecision: {
      meta: {
        source: '004 ¶38',
        label: 'Awaiting threshold decision',
        description: 'A qualified team manager applies the threshold and decides the response.',
        stage: 'decision',
        // ¶37: "some agencies report an inconsistent response from the SPA to the application of
        // thresholds": the scenario's decisionAccuracy as it is.
        decisionError: { factor: 1, source: '004 ¶37' },
        report: REPORT.awaitingDecision,
        undecided: true,
        work: { role: 'teamManager', activity: 'thresholdDecision', done: 'threshold.decided' },
      } satisfies StateMeta,
      on: { ...onClockElapsed, 'threshold.decided': decisionTransitions('recordDecision') },
    },
    strategyDiscussion: {
      meta: {
        source: '004 ¶39',
        label: 'Strategy discussion',
        description: 'Strategy discussion held by the team manager and the police; other professionals not routinely included.',
        stage: 'strategyDiscussion',
        // Assumption: child protection work goes to the front of its role's queue.
        priority: 'urgent',
        recordsLevel: 4,
        report: REPORT.childProtection,
        undecided: false,
        work: { role: 'teamManager', activity: 'strategyDiscussion', done: 'strategy.held' },
      } satisfies StateMeta,
      on: { 'strategy.held': { target: 'awaitingJointVisit' } },
    },
    awaitingJointVisit: {
      meta: {
        source: '004 ¶39',
        label: 'Awaiting joint police visit',
        description: 'Joint section 47 enquiry agreed; the joint visit to the child waits on police availability.',
        stage: 'jointVisit',
        priority: 'urgent',
        report: REPORT.childProtection,
        undecided: false,
        work: { role: 'police', activity: 'jointVisit', done: 'police.available' },
      } satisfies StateMeta,
      on: { 'police.available': { target: 'section47Enquiry' } },
    },
    ...sharedStates({ allocateOverCaseloadAfter: ALLOC2013, firstAssessment: 'initialAssessment', childInNeedPlanHolds: PLAN2013 }),
    initialAssessment: {
      meta: {
        source: '004 ¶42; DOMAIN.md statutory clocks (initial assessment: the national measure used 10 working days; Framework for Assessment 2000, Working Together 2010)',
        label: 'Initial assessment',
        description: 'The initial assessment by the allocated social worker, timed from the referral against 10 working days; the child is seen. A child who needs a plan goes on to a core assessment.',
        stage: 'assessment',
        report: { label: 'initial assessment', pending: false, decided: true },
        undecided: false,
        childSeen: true,
        work: { role: 'raSocialWorker', activity: 'initialAssessment', done: 'assessment.completed' },
        // No CAMHS in the 2013 SPA (it joined the SPA team later: 000 ¶10), so the front door does
        // not assess a mental-health need: the first assessment with the child seen does, and the
        // child goes on to CAMHS from there (004 ¶24: the locality teams "can access dedicated
        // support from ... Child and Adolescent Mental Health"; assumption: the need is assessed
        // when this assessment ends). CAMHS's own wait after that is not in the sources and is
        // not added, so 2013's time to a mental-health assessment is a lower bound.
        assessesMentalHealth: { source: '000 ¶10 (CAMHS joined the SPA later); 004 ¶24 (CAMHS reached through other teams); assumption: assessed when the initial assessment ends, CAMHS\u2019s own wait not added' },
        timescale: { measure: 'initialAssessment', workingDays: 10, from: 'referral', source: 'DOMAIN.md statutory clocks: initial assessment, the national measure 10 working days (from referral); 004 ¶42' },
      } satisfies StateMeta,
      // Assumption: a child the initial assessment finds in need of a plan has the in-depth core
      // assessment before the plan (Framework for Assessment 2000); the other outcomes as 2015's.
      on: { 'assessment.completed': assessmentOutcomes('coreAssessment') },
    },
    coreAssessment: {
      meta: {
        source: '004 ¶42; DOMAIN.md statutory clocks (core assessment within 35 working days; Framework for Assessment 2000)',
        label: 'Core assessment',
        description: 'The in-depth core assessment by the same social worker, timed from its start against 35 working days; a child-in-need plan follows.',
        stage: 'assessment',
        report: { label: 'core assessment', pending: false, decided: true },
        undecided: false,
        childSeen: true,
        work: { role: 'raSocialWorker', activity: 'coreAssessment', done: 'coreAssessment.completed' },
        timescale: { measure: 'coreAssessment', workingDays: 35, from: 'entry', source: 'DOMAIN.md statutory clocks: core assessment within 35 working days (of its start); 004 ¶42' },
      } satisfies StateMeta,
      on: { 'coreAssessment.completed': { target: 'childInNeedPlan' } },
    },
  },
});
