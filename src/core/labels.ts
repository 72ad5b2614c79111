/**
 * The vocabulary: plain-English words for every figure, state, event, role and activity, shared
 * by the command line, the browser, the training mode and the safeguards' messages, so that all
 * name things the same way (../shared/STYLE.md: "Words in one place"; "Plain English,
 * GOV.UK-style"; a reader from a children's services team should recognise every name). A
 * state's words are its chart's meta `label` and `description`.
 */
import type { Activity, Role } from './processes/common';

/** Plain-English labels for the figures of one run, in the order the run table prints them. */
export const LABELS: Record<string, string> = {
  contacts: 'Contacts received',
  'outcomes.advice': 'Decided: advice or signposting (level 1)',
  'outcomes.earlyHelp': 'Decided: early help (level 2)',
  'outcomes.childInNeed': 'Decided: child-in-need referral (level 3)',
  'outcomes.childProtection': 'Decided: child protection (level 4)',
  passedToAllocatedWorker: 'Passed to an allocated worker (open case)',
  undecidedAtEnd: 'Still undecided when the run ended',
  decidedWithinOneWorkingDay: 'Decided within one working day (what happened)',
  reportedWithinOneWorkingDay: 'Decided within one working day (what the report showed)',
  heldOverFiveWorkingDays: 'Held over 5 working days without a decision',
  maxHeldWorkingDays: 'Longest wait for a decision (working days)',
  meanHeldWorkingDays: 'Mean wait for a decision (working days)',
  hiddenFromReport: 'Undecided cases the report did not show as pending',
  peakUnallocatedOver48Hours: 'Referrals unallocated over 48 hours, at the worst moment',
  stepUps: 'Step-ups (early help to social care)',
  stepDowns: 'Step-downs (social care to early help)',
  repeatContacts: 'Repeat contacts about the same child',
  reReferrals: 'Re-referrals within 12 months',
  level4Contacts: 'Contacts whose true level was 4',
  medianHoursToStrategyDiscussion: 'Median working hours to strategy discussion (level 4)',
  maxHoursToStrategyDiscussion: 'Longest working hours to strategy discussion (level 4)',
  strategyDiscussionWithinOneWorkingDay: 'Level-4 strategy discussions within one working day',
  escalations: 'Contacts escalated to a manager before the deadline',
  escalatedWithinOneWorkingDay: 'Escalated contacts decided within one working day',
  underThresholded: 'Decisions below the true level',
  overThresholded: 'Decisions above the true level',
  assessmentsInTimescale: 'Assessments within their statutory timescale',
  section47Enquiries: 'Section 47 enquiries completed',
  initialConferences: 'Initial child protection conferences held',
  conferencePlans: 'Conferences that made a child protection plan',
  referralsNoFurtherAction: 'Referrals closed with no further action, no assessment',
  closedNoFurtherAction: 'Referrals closed with no further action after social work',
  childrenOnProtectionPlans: 'Children on a child protection plan at the end',
  'outOfHoursImmediateDanger.contacts': 'Out of hours: contacts about a child in immediate danger',
  'outOfHoursImmediateDanger.medianHoursToResponse': 'Out of hours, immediate danger: median clock hours to a protective response',
  'outOfHoursImmediateDanger.maxHoursToResponse': 'Out of hours, immediate danger: longest clock hours to a protective response',
  'outOfHoursImmediateDanger.respondedBeforeSpaOpens': 'Out of hours, immediate danger: protected before the SPA opened',
  'mentalHealthNeeds.contacts': 'Contacts about a child\u2019s mental health',
  'mentalHealthNeeds.assessed': 'Mental health: needs assessed by the end',
  'mentalHealthNeeds.medianWorkingHoursToAssessment': 'Mental health: median working hours to the assessment of the need',
};

/** What each figure means, for help beside the figure (README "What the figures mean"). */
export const FIGURE_HELP: Record<string, string> = {
  contacts: 'Contacts received during the period (warm-up days before the period are not counted).',
  'outcomes.advice': 'Contacts whose first decision was advice or signposting to universal services.',
  'outcomes.earlyHelp': 'Contacts whose first decision was early help from a locality team.',
  'outcomes.childInNeed': 'Contacts accepted as referrals for a child-in-need assessment (section 17).',
  'outcomes.childProtection': 'Contacts that went to a strategy discussion and section 47 enquiry, including immediate danger.',
  passedToAllocatedWorker: 'Contacts about a child with an open case, passed straight to the allocated social worker.',
  undecidedAtEnd: 'Contacts with no threshold decision when the period ended.',
  decidedWithinOneWorkingDay:
    'Share of contacts whose threshold decision really was made within one working day of receipt. For a contact out of hours the clock starts when the SPA next opens.',
  reportedWithinOneWorkingDay:
    'The same share as the weekly performance report showed it. In 2013 a held case was recorded as "provision of advice and information" on the day it was held, so the report counted it as decided (2013 inspection report, paragraph 38).',
  heldOverFiveWorkingDays: 'Contacts that waited more than five working days for a threshold decision.',
  maxHeldWorkingDays: 'The longest wait for a threshold decision, in working days.',
  meanHeldWorkingDays: 'The average wait for a threshold decision, in working days.',
  hiddenFromReport: 'Contacts that were at some moment undecided while the weekly report did not list them as waiting for a decision.',
  peakUnallocatedOver48Hours:
    'The most accepted referrals that, at one moment, had waited over 48 hours for a named social worker (the inspectors found 25: 2013 report, paragraph 30).',
  stepUps: 'Cases in early help escalated to children\u2019s social care because concerns increased, and new contacts about children in early help decided at level 3 or 4.',
  stepDowns: 'Assessments that ended with the child\u2019s support continuing in early help.',
  repeatContacts: 'Contacts about a child already contacted about earlier in the run.',
  reReferrals: 'Referrals about a child referred within the 12 months before (referrals before the period count as history).',
  level4Contacts: 'Contacts whose true level of need was 4 (acute: child protection).',
  medianHoursToStrategyDiscussion: 'For level-4 contacts, the middle value of working hours from receipt to the strategy discussion.',
  maxHoursToStrategyDiscussion: 'For level-4 contacts, the longest time in working hours from receipt to the strategy discussion.',
  strategyDiscussionWithinOneWorkingDay: 'Share of level-4 contacts whose strategy discussion was held within one working day of receipt.',
  escalations: 'Contacts escalated to a team manager because their one-working-day clock was about to run out (2015: a clear escalation process, 2019 report). Meant to be the exception.',
  escalatedWithinOneWorkingDay: 'Share of escalated contacts whose threshold decision was still made within one working day of receipt.',
  underThresholded: 'Threshold decisions below the child\u2019s true level of need.',
  overThresholded: 'Threshold decisions above the child\u2019s true level of need.',
  assessmentsInTimescale:
    'Share of assessments finished within their statutory timescale: in 2013 the initial assessment (10 working days from the referral) and the core assessment (35 working days from its start); from 2015 the single assessment (45 working days from the referral).',
  section47Enquiries: 'Section 47 child protection enquiries completed during the period.',
  initialConferences: 'Initial child protection conferences held during the period.',
  conferencePlans: 'Initial child protection conferences that put the child on a child protection plan.',
  referralsNoFurtherAction:
    'Referrals closed with no further action at the referral stage, before any assessment or section 47 enquiry: what the DfE counts as referrals resulting in no further action.',
  closedNoFurtherAction: 'Referrals closed with no further action straight after an assessment, a section 47 enquiry or a conference (children assessed and found not to need a service).',
  childrenOnProtectionPlans: 'Children on a child protection plan when the period ended (a plan is taken to last about nine months).',
  'outOfHoursImmediateDanger.contacts': 'Contacts about a child in immediate danger that arrived while the SPA was closed (evenings, nights, weekends and bank holidays), when the emergency duty team covers (2013 report, paragraph 47).',
  'outOfHoursImmediateDanger.medianHoursToResponse':
    'For those contacts, the middle value of clock hours (day and night) from receipt to the first protective action: the emergency duty team\u2019s response, or the strategy discussion where there is none.',
  'outOfHoursImmediateDanger.maxHoursToResponse': 'For those contacts, the longest time in clock hours from receipt to the first protective action.',
  'outOfHoursImmediateDanger.respondedBeforeSpaOpens': 'Share of those contacts whose child was protected by the time the SPA next opened.',
  'mentalHealthNeeds.contacts': 'Contacts about a child\u2019s mental health (self-harm, or a parent\u2019s mental illness affecting the child, among others).',
  'mentalHealthNeeds.assessed':
    'Of those contacts, the ones whose mental-health need was assessed by the end of the run, where the process\'s chart says it is assessed (in the shipped charts: 2015 by the CAMHS worker in the SPA team at the front door, 2013 in the first social work assessment, the child seen).',
  'mentalHealthNeeds.medianWorkingHoursToAssessment':
    'For the contacts whose need was assessed, the middle value of working hours from receipt to the assessment. Where the assessment is a social work assessment, the wait for CAMHS after it is not included.',
};

/** Figures that are shares (shown as percentages). */
export const SHARE_FIGURES: ReadonlySet<string> = new Set(['decidedWithinOneWorkingDay', 'reportedWithinOneWorkingDay', 'strategyDiscussionWithinOneWorkingDay', 'escalatedWithinOneWorkingDay', 'assessmentsInTimescale', 'outOfHoursImmediateDanger.respondedBeforeSpaOpens']);

/** A figure as people read it: shares as percentages, other numbers as they are. */
export function formatFigure(key: string, v: number | null | undefined): string {
  if (v === null || v === undefined || Number.isNaN(v)) return '-';
  if (SHARE_FIGURES.has(key)) return `${(v * 100).toFixed(1)}%`;
  return Number.isInteger(v) ? String(v) : v.toFixed(2);
}

/** A state's short plain-English name: its meta `label` (processes/facts.ts). */
export { stateLabel } from './processes/facts';

/** Plain-English names for the events in a trace. */
export const EVENT_LABELS: Record<string, string> = {
  'contact.received': 'Contact received',
  'contact.receivedOutOfHours': 'Received out of hours, while the SPA is closed',
  'emergency.responded': 'Emergency duty team responded',
  'screening.completed': 'Screening completed',
  'information.gathered': 'Information gathered',
  'parents.contacted': 'Team manager contacted the parents',
  'concerns.recognised': 'Team manager recognised child protection concerns',
  'camhs.assessed': 'CAMHS screening completed',
  'threshold.decided': 'Threshold decided',
  'clock.escalationDue': 'One-working-day clock nearly out: escalated',
  'clock.oneWorkingDayElapsed': 'One working day passed with no decision',
  'case.allocated': 'Allocated to a named social worker',
  'assessment.completed': 'Assessment completed',
  'coreAssessment.completed': 'Core assessment completed',
  'conference.held': 'Initial child protection conference held',
  'strategy.held': 'Strategy discussion held',
  'police.available': 'Police available for the joint visit',
  'enquiry.completed': 'Section 47 enquiry completed',
  'earlyHelp.escalated': 'Step-up: early help escalated to social care',
  'earlyHelp.completed': 'Early help completed',
};

export function eventLabel(event: string): string {
  return EVENT_LABELS[event] ?? event;
}

/** An event's label inside a sentence: 'screening completed', 'CAMHS screening completed'. */
export function eventPhrase(event: string, detail?: string): string {
  const label = eventLabel(event);
  const base = /^[A-Z][a-z]/.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label;
  return detail ? `${base}: ${detail}` : base;
}

/** Outcomes carried in a trace record's `detail`. */
export const DETAIL_LABELS: Record<string, string> = {
  'level 1': 'level 1: advice or signposting',
  'level 2': 'level 2: early help',
  'level 3': 'level 3: child in need',
  'level 4': 'level 4: child protection',
  plan: 'a plan',
  stepDown: 'step-down to early help',
  close: 'closed',
  protection: 'child protection concerns: strategy discussion',
  childInNeed: 'child-in-need plan',
};

export function detailLabel(detail: string | undefined): string | undefined {
  if (detail === undefined) return undefined;
  return DETAIL_LABELS[detail] ?? detail;
}

/** Who works a case, in plain English. */
export const ROLE_LABELS: Record<Role, string> = {
  spaSocialWorker: 'SPA social worker',
  teamManager: 'team manager',
  caseCoordinator: 'case coordinator',
  camhs: 'CAMHS worker',
  raSocialWorker: 'referral and assessment social worker',
  police: 'police',
  earlyHelpWorker: 'early help worker',
  edtSocialWorker: 'emergency duty team social worker',
};

/** Who acted in a trace record: a role, the clock, or the source of a contact. */
export function actorLabel(actor: string): string {
  if (actor in ROLE_LABELS) return ROLE_LABELS[actor as Role];
  if (actor === 'clock') return 'the clock';
  return actor;
}

/** 'a team manager', 'an SPA social worker', 'the police', 'the clock'. */
export function aRole(actor: string): string {
  const name = actorLabel(actor);
  if (actor === 'police' || actor === 'clock') return name.startsWith('the ') ? name : `the ${name}`;
  return /^(SPA|[aeiou])/i.test(name) ? `an ${name}` : `a ${name}`;
}

/** The named activities (processes/common.ts `Activity`) in words, as durations and messages name them. */
export const ACTIVITY_LABELS: Readonly<Record<Activity, string>> = {
  screening: 'screening',
  heldInformationGathering: 'information gathering, held in the SPA',
  parentContact: 'contact with the parents and office visits',
  informationGathering: 'information gathering',
  camhsScreening: 'CAMHS screening',
  thresholdDecision: 'threshold decision',
  escalatedDecision: 'escalated decision',
  allocation: 'allocation',
  assessment: 'assessment',
  initialAssessment: 'initial assessment',
  coreAssessment: 'core assessment',
  initialConference: 'initial child protection conference',
  strategyDiscussion: 'strategy discussion',
  jointVisit: 'joint visit',
  section47Enquiry: 'section 47 enquiry',
  earlyHelp: 'early help',
  emergencyResponse: 'emergency response out of hours',
};

export function activityLabel(activity: string): string {
  return ACTIVITY_LABELS[activity as Activity] ?? activity;
}
