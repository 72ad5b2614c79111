/** Plain-English names for roles, events and instants, for messages and chronologies. */
import { toLondon, formatLondon, type Instant } from '../calendar';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** 'Tue 2013-06-04 10:30', London local time. */
export function when(t: Instant): string {
  return `${WEEKDAYS[toLondon(t).weekday]} ${formatLondon(t)}`;
}

export const ROLE_NAMES: Readonly<Record<string, string>> = {
  spaSocialWorker: 'SPA social worker',
  teamManager: 'team manager',
  caseCoordinator: 'case coordinator',
  camhs: 'CAMHS worker',
  raSocialWorker: 'R&A social worker',
  police: 'police',
  earlyHelpWorker: 'early help worker',
  clock: 'the clock',
};

export function roleName(actor: string): string {
  return ROLE_NAMES[actor] ?? actor;
}

/** 'a team manager', 'an SPA social worker', 'the police'. */
export function aRole(actor: string): string {
  const name = roleName(actor);
  if (actor === 'police' || actor === 'clock') return name.startsWith('the ') ? name : `the ${name}`;
  return /^(SPA|R&A|[aeiou])/i.test(name) ? `an ${name}` : `a ${name}`;
}

const ACTIVITY_NAMES: Readonly<Record<string, string>> = {
  screening: 'screening',
  heldInformationGathering: 'information gathering, held in the SPA',
  informationGathering: 'information gathering',
  camhsScreening: 'CAMHS screening',
  thresholdDecision: 'threshold decision',
  escalatedDecision: 'escalated decision',
  allocation: 'allocation',
  assessment: 'assessment',
  strategyDiscussion: 'strategy discussion',
  jointVisit: 'joint visit',
  section47Enquiry: 'section 47 enquiry',
  earlyHelp: 'early help',
};

export function activityName(activity: string): string {
  return ACTIVITY_NAMES[activity] ?? activity;
}

const EVENT_PHRASES: Readonly<Record<string, string>> = {
  'contact.received': 'contact received',
  'screening.completed': 'screening completed',
  'information.gathered': 'information gathered',
  'parents.contacted': 'parents contacted',
  'camhs.assessed': 'CAMHS screening completed',
  'threshold.decided': 'threshold decided',
  'clock.escalationDue': 'escalation due (the one-working-day clock is close to running out)',
  'clock.oneWorkingDayElapsed': 'one working day has passed since the contact',
  'case.allocated': 'allocated to a named social worker',
  'assessment.completed': 'assessment completed',
  'strategy.held': 'strategy discussion held',
  'police.available': 'police available for the joint visit',
  'enquiry.completed': 'section 47 enquiry completed',
  'earlyHelp.escalated': 'early help stepped the case up',
  'earlyHelp.completed': 'early help completed',
};

export function eventPhrase(event: string, detail?: string): string {
  const base = EVENT_PHRASES[event] ?? event;
  return detail ? `${base}: ${detail}` : base;
}

/** Working days, to two decimals, for messages. */
export function days(x: number): string {
  const r = Math.round(x * 100) / 100;
  return `${r} working day${r === 1 ? '' : 's'}`;
}
