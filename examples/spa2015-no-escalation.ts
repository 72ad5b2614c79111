/**
 * A process change to test (README, "Testing a process change"): a copy of
 * src/core/processes/spa2015.ts with the escalation before the one-working-day clock removed.
 * Every `'clock.escalationDue'` transition is gone, so no contact is ever escalated to a manager;
 * the `escalatedToManager` state is left in place but can no longer be reached.
 *
 * Check it with: npm run check-process -- examples/spa2015-no-escalation.ts
 *
 * The original's notes follow.
 */
/**
 * The 2015 Kingston single point of access: the process that replaced 2013's (re-inspected and
 * judged good; ../shared/seeds/000_862f43f6d926c077.txt, with the practices that 002 describes).
 *
 *  - a good assessment of the child's and family's needs at the first point of contact, by a
 *    qualified worker (000): an unclear contact is screened further by a qualified social worker,
 *    visibly pending in the report;
 *  - CAMHS sits inside the SPA team (000): a contact about a child's mental health that is unclear
 *    is screened by the CAMHS worker;
 *  - a one-working-day decision clock, "usually within 24 hours" (000), with escalation to a
 *    manager before it is breached (002: "a clear escalation process ... so that children who
 *    need urgent intervention do not wait");
 *  - management oversight with a recorded rationale (002);
 *  - prompt strategy discussions with the police (002);
 *  - out of hours, the emergency duty team for a child in immediate danger, as in 2013 (004 ¶47;
 *    DOMAIN.md: "EDT covers the rest").
 */
import { REPORT, decisionTransitions, initialContext, onClockElapsed, onReceivedOutOfHours, sharedStates, spaSetup, type StateMeta } from '../src/core/processes/common';

export const spa2015NoEscalation = spaSetup.createMachine({
  id: 'spa2015-no-escalation',
  context: ({ input }) => initialContext(input),
  initial: 'received',
  states: {
    received: {
      meta: {
        source: '000',
        label: 'Contact received',
        stage: 'screening',
        description: 'Contact received; a qualified worker assesses the child\u2019s and family\u2019s needs at the first point of contact.',
        report: REPORT.awaitingScreening,
        undecided: true,
        work: { role: 'spaSocialWorker', activity: 'screening', done: 'screening.completed' },
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
        work: { role: 'spaSocialWorker', activity: 'informationGathering', done: 'information.gathered', longerIfFormIncomplete: true },
      } satisfies StateMeta,
      on: {
        ...onClockElapsed,
        'information.gathered': { target: 'awaitingDecision' },
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
        work: { role: 'camhs', activity: 'camhsScreening', done: 'camhs.assessed', longerIfFormIncomplete: true },
      } satisfies StateMeta,
      on: {
        ...onClockElapsed,
        'camhs.assessed': { target: 'awaitingDecision' },
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
        report: REPORT.awaitingDecision,
        undecided: true,
        work: { role: 'teamManager', activity: 'thresholdDecision', done: 'threshold.decided' },
      } satisfies StateMeta,
      on: {
        ...onClockElapsed,
        'threshold.decided': decisionTransitions('recordDecisionWithRationale'),
      },
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
    ...sharedStates,
  },
});
