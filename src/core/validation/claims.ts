/**
 * The claims in the sources that the model can be held to: each names what the source says, where
 * (file and paragraph), the range a run's figure must fall in and why that range follows from the
 * source, and how the figure is read from a run. `npm run validate` runs the shipped scenarios
 * and judges every claim (src/core/validation/run.ts, src/cli/validate.ts).
 *
 * Rules these claims keep:
 *  - every range was written from the source before the model's figures were looked at, and is
 *    not moved to fit the model: a claim outside its range marks calibration work to do;
 *  - where the source gives a point figure, the range allows for the noise of one small borough's
 *    figure in one period (`widened` says how much and why); where it gives only words ("a small
 *    number", "usually"), `why` says how the words were read;
 *  - a claim the model cannot yet measure has `measure: null` and names the figure it `needs`.
 *
 * Citations: "004 ¶38" is paragraph 38 of ../shared/seeds/004 (numbered in the report). The other
 * seeds (000, 002, 003) have no printed paragraph numbers: "000 ¶9" is the 9th non-empty line of
 * the file, counted from the top (headings and list items count as paragraphs).
 * DOMAIN.md is ../shared/DOMAIN.md ("Figures for calibration" and "Statutory clocks").
 */
import type { RunSummary } from '../run';

/** The figures of one run that a claim reads (a replication's summary). */
export type RunFigures = RunSummary;

/**
 * Which runs a claim reads: one process; each process on its own ('both': the claim holds for
 * either process, judged separately); or the same children through both ('paired': the figure is
 * worked out from the 2013 run and the 2015 run of one replication).
 */
export type ClaimProcess = '2013' | '2015' | 'both' | 'paired';

/** How a figure is shown: a share as a percentage, the rest as numbers with their unit. */
export type Unit = 'share' | 'count' | 'working days' | 'working hours' | 'ratio' | 'per 10,000 children a year' | 'percentage points';

interface ClaimBase {
  /** Short, stable, kebab-case. */
  id: string;
  /** What the source says, in plain words. */
  claim: string;
  /** File and paragraph: "004 ¶30", "000 ¶9", "DOMAIN.md (...)". */
  source: string;
  process: ClaimProcess;
  /** The shipped scenario the claim is measured on (a file in scenarios/). */
  scenario: string;
  /** What the measured number is, in words. */
  measuredAs: string;
  unit: Unit;
  /** [low, high], inclusive; an open side is -Infinity or Infinity. */
  target: readonly [number, number];
  /** How the range follows from the source. */
  why: string;
  /** Why the range is wider than the figure the source gives, when it is. */
  widened?: string;
}

export interface RunClaim extends ClaimBase {
  process: '2013' | '2015' | 'both';
  /** The figure from one run; null when the run has none (e.g. no level-4 contact). */
  measure: (f: RunFigures) => number | null;
}

export interface PairedClaim extends ClaimBase {
  process: 'paired';
  /** The figure from one replication's 2013 run and 2015 run (the same children). */
  measure: (p2013: RunFigures, p2015: RunFigures) => number | null;
}

export interface UnmeasuredClaim extends ClaimBase {
  measure: null;
  /** The figure the model would need to produce before the claim can be judged. */
  needs: string;
}

export type Claim = RunClaim | PairedClaim | UnmeasuredClaim;

const K2013 = 'kingston-2013.json';
const K2015 = 'kingston-2015.json';

/** Contacts that needed a threshold decision (not passed to an allocated worker). */
const needingDecision = (f: RunFigures) => f.contacts - f.passedToAllocatedWorker;
const decided = (f: RunFigures) => f.outcomes.advice + f.outcomes.earlyHelp + f.outcomes.childInNeed + f.outcomes.childProtection;
const referrals = (f: RunFigures) => f.outcomes.childInNeed + f.outcomes.childProtection;
const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : null);
const errorShare = (f: RunFigures) => ratio(f.underThresholded + f.overThresholded, decided(f));

/** Under-18s in Kingston: about 36,000 (000 ¶15). */
const KINGSTON_UNDER_18S_2015 = 36_000;

export const CLAIMS: readonly Claim[] = [
  // ---------------------------------------------------------------------------------------------
  // 2013: the SPA as the inspectors found it (June 2013).
  {
    id: '2013-report-decided-in-a-day',
    claim:
      'The weekly performance report did not show the held cases as waiting: their outcome was recorded as "provision of advice and information", so the report showed contacts as dealt with and senior managers did not know of the delays.',
    source: '004 ¶38, ¶20, ¶16',
    process: '2013',
    scenario: K2013,
    measuredAs: 'share of contacts the weekly report showed as decided within one working day',
    unit: 'share',
    target: [0.95, 1],
    why: 'The report closed each held case as advice and information on the day it was held (¶38) and senior managers were unaware of any delay (¶20), so the report showed nearly every contact decided within the day. The 5 points below 100% allow for contacts whose first screening itself ran past a working day.',
    measure: (f) => f.reportedWithinOneWorkingDay,
  },
  {
    id: '2013-decided-in-a-day',
    claim:
      'In truth, contacts whose level of risk or need was unclear were held in the SPA for further screening, some for weeks, while clear child protection cases were decided promptly.',
    source: '004 ¶38, ¶29, ¶20',
    process: '2013',
    scenario: K2013,
    measuredAs: 'share of contacts whose threshold decision was really made within one working day',
    unit: 'share',
    target: [0.5, 0.95],
    why: 'The source gives no share. Read from the words: clear cases were decided promptly and the SPA "is having a positive impact" (¶38), so not fewer than half were decided in a day; unclear cases were routinely held for screening by case coordinators (¶29, ¶38), so clearly fewer than the 2015 SPA\'s "usually within 24 hours": at most 95%.',
    measure: (f) => f.decidedWithinOneWorkingDay,
  },
  {
    id: '2013-report-overstates',
    claim: "The service's own view of its timeliness was better than what happened: held cases were invisible to the weekly report.",
    source: '004 ¶38, ¶16, ¶20',
    process: '2013',
    scenario: K2013,
    measuredAs: 'reported minus true share decided within one working day',
    unit: 'percentage points',
    target: [0.05, 0.5],
    why: 'The gap between the report and what happened is the share of contacts held past a working day. The source describes the gap as material (a "significant weakness", ¶38; a gap between managers\' view and inspectors\' findings, ¶16): at least 5 points. At most 50 points, since the SPA decided most clear cases promptly (¶38).',
    measure: (f) => f.reportedWithinOneWorkingDay - f.decidedWithinOneWorkingDay,
  },
  {
    id: '2013-unallocated-48h',
    claim: 'During the inspection, 25 child-in-need cases were unallocated to a social worker for 48 hours, with no formal risk management.',
    source: '004 ¶30',
    process: '2013',
    scenario: K2013,
    measuredAs: 'referrals unallocated for over 48 hours at the worst moment of June 2013',
    unit: 'count',
    target: [15, 35],
    why: 'The source gives a point count, 25, seen during the inspection (3-12 June 2013). A count of about 25 varies from one fortnight to the next by about its square root (5), so two standard deviations either side gives 15-35.',
    widened: 'A single count in one borough at one inspection: the range allows for sampling noise (about two standard deviations of a count of 25). The report does not say whether 25 was at one moment or over the fortnight; the model reads the worst moment.',
    measure: (f) => f.peakUnallocatedOver48Hours,
  },
  {
    id: '2013-held-unacceptably',
    claim: 'A small number of cases had been held in the SPA for an unacceptable length of time.',
    source: '004 ¶38',
    process: '2013',
    scenario: K2013,
    measuredAs: 'contacts received in June 2013 that waited more than five working days for a threshold decision',
    unit: 'count',
    target: [1, 20],
    why: 'Against a one-working-day clock, a wait of more than a working week is unacceptable. "A small number" means some (at least 1: the inspectors found them) but few; read as at most 20 in the month, about 4% of some 500 contacts.',
    widened: 'The inspectors found these cases in the sample they examined, so the month\'s whole number can exceed the handful they saw: 20 rather than about 5.',
    measure: (f) => f.heldOverFiveWorkingDays,
  },
  {
    id: '2013-held-for-weeks',
    claim: 'Cases that needed a social work assessment were held in the SPA for a number of weeks while information was gathered.',
    source: '004 ¶20',
    process: '2013',
    scenario: K2013,
    measuredAs: 'longest wait for a threshold decision among contacts received in June 2013 (working days)',
    unit: 'working days',
    target: [10, 40],
    why: '"A number of weeks" is at least two working weeks (10 working days) and, as the source would otherwise say months, at most about eight (40 working days).',
    measure: (f) => f.maxHeldWorkingDays,
  },
  {
    id: '2013-share-held',
    claim: 'Where the level of risk or need was unclear, cases were "assigned" to a case coordinator and held in the SPA for screening, invisible to the weekly report.',
    source: '004 ¶29, ¶38',
    process: '2013',
    scenario: K2013,
    measuredAs: 'share of contacts needing a decision that were at some moment undecided while the report did not show them as pending',
    unit: 'share',
    target: [0.02, 0.3],
    why: 'The source gives no share. Inspectors saw "a number of cases" assigned (¶29), a routine route for unclear cases (¶38), so more than a rare event: at least 2%. Clear cases, the usual run of contacts, went straight to a decision and the SPA had a positive impact (¶38), so at most 30%.',
    measure: (f) => ratio(f.hiddenFromReport, needingDecision(f)),
  },
  {
    id: '2013-level-3-time-to-decide',
    claim: 'Before adopting a MASH, London front doors took about 2.5 days on average to decide a level-3 contact (and over 4.5 days for level 2).',
    source: 'DOMAIN.md (calibration figures: London front doors after adopting a MASH; ISPCAN 2016)',
    process: '2013',
    scenario: K2013,
    measuredAs: 'mean working days from receipt to the threshold decision, contacts at true level 3',
    unit: 'working days',
    target: [2, 3],
    why: 'The 2013 SPA was a front door before a MASH: about 2.5 days for level 3, as in the London evaluation.',
    widened: 'Other London boroughs, not Kingston: half a day either side (as mash-level-3-time-to-decide).',
    measure: (f) => f.meanHeldWorkingDaysLevel3,
  },
  {
    id: '2013-strategy-in-a-day',
    claim: 'Where child protection concerns were clear, decisions were prompt and strategy discussions and section 47 enquiries timely.',
    source: '004 ¶38, ¶39; 003 ¶9',
    process: '2013',
    scenario: K2013,
    measuredAs: 'share of true level-4 contacts whose strategy discussion was held within one working day of receipt',
    unit: 'share',
    target: [0.8, 1],
    why: '"Timely" strategy discussions (¶39) against local rules of usually within 24 hours (DOMAIN.md statutory clocks); "does something straight away" (003 ¶9). Up to 20% later allows for level-4 contacts whose risk was not clear at first, which ¶38 says were held for screening.',
    measure: (f) => (f.level4Contacts > 0 ? f.strategyDiscussionWithinOneWorkingDay : null),
  },
  {
    id: '2013-strategy-median-hours',
    claim: 'Clear child protection concerns got prompt decision making by a qualified team manager and a timely transfer.',
    source: '004 ¶38; 003 ¶9',
    process: '2013',
    scenario: K2013,
    measuredAs: 'median working hours from receipt to the strategy discussion, true level-4 contacts',
    unit: 'working hours',
    target: [0, 9],
    why: '"Prompt" and "straight away": the typical level-4 contact reaches its strategy discussion within one working day (9 working hours).',
    measure: (f) => f.medianHoursToStrategyDiscussion,
  },
  {
    id: '2013-decision-error',
    claim: 'Agencies reported an inconsistent response from the SPA to the application of thresholds; understanding of thresholds was improving but not embedded.',
    source: '004 ¶37; 000 ¶4',
    process: '2013',
    scenario: K2013,
    measuredAs: 'share of threshold decisions at a level other than the child\'s true level',
    unit: 'share',
    target: [0.1, 0.4],
    why: 'The source gives no rate. "Inconsistent" (¶37; "inconsistent decision making", 000 ¶4) means noticeably often: at least one decision in ten. Understanding was "improving" and clear cases were handled well (¶37, ¶38): at most four in ten.',
    measure: errorShare,
  },
  {
    id: '2013-errors-mostly-too-low',
    claim: 'Held cases were in effect assessed without the child being seen, so decisions rested on the parents\' account and some children were left with the non-abusing parent responsible for their safety.',
    source: '004 ¶20, ¶29, ¶38',
    process: '2013',
    scenario: K2013,
    measuredAs: 'share of wrong threshold decisions that were too low (under-thresholding)',
    unit: 'share',
    target: [0.5, 1],
    why: 'The failure the source describes is risk missed, not risk overstated: decisions based on parental response left children at risk (¶20, ¶29). So at least half of the wrong decisions were too low.',
    measure: (f) => ratio(f.underThresholded, f.underThresholded + f.overThresholded),
  },
  {
    id: '2013-step-downs',
    claim: 'Step-down to early help for families no longer needing social work existed, though not yet well understood by practitioners.',
    source: '004 ¶24',
    process: '2013',
    scenario: K2013,
    measuredAs: 'step-downs (assessments ending in early help) in June 2013',
    unit: 'count',
    target: [1, Infinity],
    why: 'The source says step-down processes were in place and used ("provision of a safe \'step down\'"), but gives no number: at least one in the month.',
    measure: (f) => f.stepDowns,
  },
  {
    id: '2013-step-ups',
    claim: 'Step-up from early help to social care existed, though not yet well understood by practitioners.',
    source: '004 ¶24',
    process: '2013',
    scenario: K2013,
    measuredAs: 'step-ups (early help to social care) in June 2013',
    unit: 'count',
    target: [1, Infinity],
    why: 'The source says "clear step up and step down processes" were in place, but gives no number: at least one in the month.',
    measure: (f) => f.stepUps,
  },

  // ---------------------------------------------------------------------------------------------
  // 2015: the SPA re-inspected and judged good (and the 2019 features the 2015 chart encodes).
  {
    id: '2015-decided-in-a-day',
    claim: 'The SPA gets back to people as fast as it can, usually within 24 hours.',
    source: '000 ¶9',
    process: '2015',
    scenario: K2015,
    measuredAs: 'share of contacts whose threshold decision was made within one working day of receipt',
    unit: 'share',
    target: [0.75, 1],
    why: '"Usually" means most but not all: read as at least three in four. One working day is the statutory form of "24 hours" (DOMAIN.md statutory clocks).',
    measure: (f) => f.decidedWithinOneWorkingDay,
  },
  {
    id: '2015-mean-wait',
    claim: 'People get a very speedy return on any question they have raised, usually within 24 hours.',
    source: '000 ¶9',
    process: '2015',
    scenario: K2015,
    measuredAs: 'mean working days from receipt to the threshold decision',
    unit: 'working days',
    target: [0, 1],
    why: 'If contacts are usually answered within 24 hours, the average wait is at most about one working day.',
    measure: (f) => f.meanHeldWorkingDays,
  },
  {
    id: '2015-held-over-a-week',
    claim: 'A clear escalation process means children who need more urgent intervention do not wait unduly.',
    source: '002 ¶8; 000 ¶9',
    process: '2015',
    scenario: K2015,
    measuredAs: 'share of contacts needing a decision that waited more than five working days for it',
    unit: 'share',
    target: [0, 0.02],
    why: 'With answers usually within 24 hours (000 ¶9) and escalation so that children do not wait unduly (002 ¶8), a wait of over a working week is rare: at most 2% of contacts.',
    measure: (f) => ratio(f.heldOverFiveWorkingDays, needingDecision(f)),
  },
  {
    id: '2015-report-matches',
    claim: 'Performance information is accurate and analysed effectively; management oversight of decisions is recorded on case records (unlike 2012-13, when managers lacked basic performance data).',
    source: '002 ¶39, ¶11; 000 ¶4',
    process: '2015',
    scenario: K2015,
    measuredAs: 'reported minus true share decided within one working day',
    unit: 'percentage points',
    target: [-0.02, 0.02],
    why: 'A report that managers can analyse effectively (002 ¶39) shows what happened: the reported and true shares agree to within 2 points (recording lag only).',
    measure: (f) => f.reportedWithinOneWorkingDay - f.decidedWithinOneWorkingDay,
  },
  {
    id: '2015-strategy-in-a-day',
    claim: 'Prompt initial strategy discussions between social care and the police inform immediate safety planning.',
    source: '002 ¶12',
    process: '2015',
    scenario: K2015,
    measuredAs: 'share of true level-4 contacts whose strategy discussion was held within one working day of receipt',
    unit: 'share',
    target: [0.85, 1],
    why: '"Prompt", against local rules of usually within 24 hours of deciding to hold one (DOMAIN.md statutory clocks): at least 85%, the rest allowing for discussions the next working day after a late decision.',
    measure: (f) => (f.level4Contacts > 0 ? f.strategyDiscussionWithinOneWorkingDay : null),
  },
  {
    id: '2015-decision-error',
    claim: 'Thresholds of need are clearly understood by staff and partner agencies and applied consistently; a really good assessment is made at the first point of contact.',
    source: '002 ¶10; 000 ¶10',
    process: '2015',
    scenario: K2015,
    measuredAs: 'share of threshold decisions at a level other than the child\'s true level',
    unit: 'share',
    target: [0, 0.1],
    why: '"Applied consistently": at most about one decision in ten differs from the child\'s true level (a threshold is a judgement, so not zero).',
    measure: errorShare,
  },
  {
    id: '2015-step-ups',
    claim: 'When concerns increase, children are appropriately stepped up from early help to statutory services.',
    source: '002 ¶9',
    process: '2015',
    scenario: K2015,
    measuredAs: 'step-ups (early help to social care) in the year',
    unit: 'count',
    target: [1, Infinity],
    why: 'The source says step-ups happen when concerns increase, with no number: at least one in a year.',
    measure: (f) => f.stepUps,
  },

  {
    id: '2015-escalation',
    claim: 'A clear escalation process means children who need more urgent intervention are identified and do not wait unduly.',
    source: '002 ¶8',
    process: '2015',
    scenario: K2015,
    measuredAs: 'share of escalated contacts decided within one working day of receipt',
    unit: 'share',
    target: [0.9, 1],
    why: 'No figure; a "clear" escalation that stops children waiting unduly: at least nine in ten escalated contacts decided in time.',
    measure: (f) => (f.escalations > 0 ? f.escalatedWithinOneWorkingDay : null),
  },
  {
    id: '2015-escalation-exception',
    claim: 'Escalation picks out the children who need more urgent intervention; the run of contacts is answered in the ordinary way, usually within 24 hours.',
    source: '002 ¶8; 000 ¶9',
    process: '2015',
    scenario: K2015,
    measuredAs: 'share of contacts escalated to a team manager before their one-working-day clock ran out',
    unit: 'share',
    target: [0, 0.1],
    why: 'No figure. Escalation "identifies children ... who require more urgent intervention" (002 ¶8): it singles some out, so it is the exception, not the route of one contact in five; and contacts are "usually" answered within 24 hours (000 ¶9) by the ordinary process. Read as at most one contact in ten.',
    measure: (f) => ratio(f.escalations, f.contacts),
  },

  // ---------------------------------------------------------------------------------------------
  // National figures (DOMAIN.md), judged for each process on a year of contacts.
  {
    id: 'national-contacts-per-referral',
    claim: 'About 2.3 million contacts in 2013-14, about 3.5 contacts per referral.',
    source: 'DOMAIN.md (calibration figures: contacts; National Audit Office 2016)',
    process: 'both',
    scenario: K2015,
    measuredAs: 'referrals (child-in-need and child protection decisions) per contact received',
    unit: 'share',
    target: [0.22, 0.33],
    why: '3.5 contacts per referral is 28.6% of contacts becoming referrals. Kingston\'s own figure is not published.',
    widened: 'A national average applied to one borough: 3.0 to 4.5 contacts per referral (33% to 22%).',
    measure: (f) => ratio(referrals(f), f.contacts),
  },
  {
    id: 'national-section-47-share',
    claim: 'Section 47 enquiries are about 25-28% of referrals.',
    source: 'DOMAIN.md (calibration figures: section 47 enquiries; DfE, derived)',
    process: 'both',
    scenario: K2015,
    measuredAs: 'child protection decisions at the front door per referral (section 47 enquiries started after an assessment are not counted: the model has no such figure)',
    unit: 'share',
    target: [0.22, 0.32],
    why: 'The national share is 25-28% in 2012-16.',
    widened: 'A national share applied to one borough: 3-4 points either side.',
    measure: (f) => ratio(f.outcomes.childProtection, referrals(f)),
  },
  {
    id: 'national-referral-rate',
    claim: 'About 520-575 referrals a year per 10,000 children (2012-13 to 2016-17).',
    source: 'DOMAIN.md (calibration figures: referrals per 10,000 children); 000 ¶15 (about 36,000 under-18s)',
    process: 'both',
    scenario: K2015,
    measuredAs: 'referrals a year per 10,000 of Kingston\'s 36,000 under-18s',
    unit: 'per 10,000 children a year',
    target: [440, 660],
    why: 'The national rate is 520-575 per 10,000 children a year; Kingston\'s own rate is not in the sources.',
    widened: 'A national rate applied to one borough: 15% either side of the national band.',
    measure: (f) => ratio(referrals(f) * 10_000 * 365, KINGSTON_UNDER_18S_2015 * f.days),
  },
  {
    id: 'national-re-referrals',
    claim: 'Re-referrals within 12 months were 24.9%, 23.4%, 24.0% and 22.3% of referrals (2012-13 to 2015-16).',
    source: 'DOMAIN.md (calibration figures: re-referrals within 12 months; DfE)',
    process: 'both',
    scenario: K2015,
    measuredAs: 're-referrals per referral (a referral about a child referred within the 12 months before it), over the referrals that have 12 months of the run before them (warm-up included), so that every referral counted could be seen to be a re-referral',
    unit: 'share',
    target: [0.17, 0.3],
    why: 'The national share is 22.3-24.9%; Kingston\'s is not in the sources.',
    widened: 'A national share applied to one borough: 5 points either side of the national band.',
    measure: (f) => ratio(f.reReferralsWithYearOfHistory, f.referralsWithYearOfHistory),
  },

  // ---------------------------------------------------------------------------------------------
  // Paired: the same children through both processes (June 2013 demand and staff).
  {
    id: 'paired-decided-in-a-day',
    claim: 'The 2015 SPA decides more contacts within a working day than the 2013 SPA, which held unclear cases for weeks.',
    source: '004 ¶20, ¶38; 000 ¶9',
    process: 'paired',
    scenario: K2013,
    measuredAs: '2015 minus 2013 share decided within one working day (truth), same children',
    unit: 'percentage points',
    target: [0.01, 1],
    why: 'Held for weeks (004 ¶20) against usually within 24 hours (000 ¶9): the 2015 process is better, by at least a point.',
    measure: (a, b) => b.decidedWithinOneWorkingDay - a.decidedWithinOneWorkingDay,
  },
  {
    id: 'paired-unallocated-no-worse',
    claim: 'By 2015 children in need had an allocated social worker: the 2013 backlog of unallocated cases was an immediate action, and the service was then judged good.',
    source: '004 ¶30, ¶3; 000 ¶5; 002 ¶8',
    process: 'paired',
    scenario: K2013,
    measuredAs: '2015 minus 2013 referrals unallocated over 48 hours at the worst moment, same children',
    unit: 'count',
    target: [-Infinity, 0],
    why: 'The 2015 service was "transformed" (000 ¶5) and children\'s needs are "quickly addressed" (002 ¶8): on the same demand it is no worse than 2013 on allocation. Pairing: the same children, each process with its own era\'s workforce (kingston-2013.json `staffingByProcess.2015`: 2015\'s staff, about 7% locums). The reason: the sources credit the better allocation to the workforce as much as to the front door (a stable workforce, 000 ¶13, ¶15; investment that reduced caseloads, 002 ¶41), and on June 2013\'s staffing the 2015 front door sends on more referrals (those the 2013 hold kept back or closed on the parents\' account) than a referral and assessment team of 2013\'s size and turnover can take within the same allocation practice.',
    measure: (a, b) => b.peakUnallocatedOver48Hours - a.peakUnallocatedOver48Hours,
  },
  {
    id: 'paired-strategy-no-worse',
    claim: 'Strategy discussions were timely in 2013 and prompt later: the 2015 process is no worse for children at risk of significant harm.',
    source: '004 ¶39; 002 ¶12',
    process: 'paired',
    scenario: K2013,
    measuredAs: '2015 minus 2013 share of level-4 strategy discussions within one working day, same children',
    unit: 'percentage points',
    target: [0, 1],
    why: 'Both sources call strategy discussions timely or prompt; nothing says the later process made them slower: the difference is not negative.',
    measure: (a, b) => (a.level4Contacts > 0 ? b.strategyDiscussionWithinOneWorkingDay - a.strategyDiscussionWithinOneWorkingDay : null),
  },
  {
    id: 'paired-decision-error',
    claim: 'Threshold decisions went from inconsistent (2013) to consistent (2019).',
    source: '004 ¶37; 000 ¶4; 002 ¶10',
    process: 'paired',
    scenario: K2013,
    measuredAs: '2015 minus 2013 share of threshold decisions at the wrong level, same children',
    unit: 'percentage points',
    target: [-1, -0.01],
    why: '"Inconsistent" against "applied consistently": the later process makes fewer wrong decisions, by at least a point.',
    measure: (a, b) => {
      const x = errorShare(a);
      const y = errorShare(b);
      return x === null || y === null ? null : y - x;
    },
  },
  {
    id: 'paired-mean-wait-ratio',
    claim: 'In London front doors that adopted a MASH, the mean time to decide fell by about half: from about 2.5 to 1.25 days (level 3) and from over 4.5 to under 2.5 days (level 2).',
    source: 'DOMAIN.md (calibration figures: London front doors after adopting a MASH; ISPCAN 2016)',
    process: 'paired',
    scenario: K2013,
    measuredAs: '2015 mean wait for a decision divided by 2013\'s, same children (all levels)',
    unit: 'ratio',
    target: [0.3, 0.7],
    why: '1.25 / 2.5 = 0.5 (level 3); under 2.5 / over 4.5 = under 0.56 (level 2): the wait roughly halves.',
    widened: 'Other London boroughs, not Kingston, and the model reads all levels together: 0.2 either side of 0.5.',
    measure: (a, b) => ratio(b.meanHeldWorkingDays, a.meanHeldWorkingDays),
  },
  {
    id: 'paired-hidden-fewer',
    claim: 'The 2013 hold was invisible to the weekly report; by 2015 managers had, and used, accurate performance information.',
    source: '004 ¶38, ¶20; 000 ¶4; 002 ¶39',
    process: 'paired',
    scenario: K2013,
    measuredAs: '2015 minus 2013 contacts undecided while the report did not show them as pending, same children',
    unit: 'count',
    target: [-Infinity, -1],
    why: 'The hidden hold is the 2013 failing (¶38) that the later service does not have (002 ¶39): fewer hidden cases, at least one fewer.',
    measure: (a, b) => b.hiddenFromReport - a.hiddenFromReport,
  },

  // ---------------------------------------------------------------------------------------------
  // Claims the model cannot measure yet: the figure each needs.
  {
    id: '2013-initial-assessments-april',
    claim: 'Timeliness of initial assessments reached 66% in April 2013.',
    source: '004 ¶42',
    process: '2013',
    scenario: K2013,
    measuredAs: 'share of initial assessments completed within 10 working days',
    unit: 'share',
    target: [0.56, 0.76],
    why: 'April 2013 is the month nearest the June 2013 scenario: 66%.',
    widened: 'One month of one borough\'s assessments (perhaps 100): 10 points either side.',
    measure: (f) => f.timescales.initialAssessment.share,
  },
  {
    id: '2013-initial-assessments-year',
    claim: 'Timeliness of initial assessments was low at 39% in 2012/13, reflecting assessments reopened after the 2012 inspection.',
    source: '004 ¶42',
    process: '2013',
    scenario: K2013,
    measuredAs: 'share of initial assessments completed within 10 working days',
    unit: 'share',
    target: [0.29, 0.49],
    why: 'The year\'s figure, 39%, depressed by reopened assessments the model does not simulate.',
    widened: '10 points either side for one borough\'s year.',
    measure: null,
    needs: 'the reopened assessments of 2012-13 (004 ¶42), which the model does not simulate: the initial assessments\' timeliness itself is measured (run --json: timescales.initialAssessment; claim 2013-initial-assessments-april), but the year\'s 39% reflects reassessments the model has no mechanism for',
  },
  {
    id: '2013-core-assessments',
    claim: 'Timeliness of core assessments had improved to 77%, slightly above statistical neighbours.',
    source: '004 ¶42',
    process: '2013',
    scenario: K2013,
    measuredAs: 'share of core assessments completed within 35 working days',
    unit: 'share',
    target: [0.67, 0.87],
    why: 'The source gives 77%.',
    widened: '10 points either side for one borough\'s figure.',
    measure: (f) => f.timescales.coreAssessment.share,
  },
  {
    id: 'national-icpc-per-section-47',
    claim: 'About 42-44% of section 47 enquiries lead to an initial child protection conference.',
    source: 'DOMAIN.md (calibration figures: ICPCs per section 47)',
    process: 'both',
    scenario: K2015,
    measuredAs: 'ICPCs per section 47 enquiry completed',
    unit: 'share',
    target: [0.37, 0.49],
    why: 'The national share is 42-44% (2014-16).',
    widened: '5 points either side for one borough.',
    measure: (f) => ratio(f.initialConferences, f.section47Enquiries),
  },
  {
    id: 'national-plans-per-icpc',
    claim: 'About 87% of initial child protection conferences put the child on a child protection plan.',
    source: 'DOMAIN.md (calibration figures: CP plans per ICPC)',
    process: 'both',
    scenario: K2015,
    measuredAs: 'child protection plans per ICPC',
    unit: 'share',
    target: [0.8, 0.94],
    why: 'The national share is about 87% (2014-15).',
    widened: '7 points either side for one borough.',
    // The default share of conferences that make a plan is this same national figure
    // (scenario.ts DEFAULT_OUTCOMES.conference): the claim checks the mechanism carries it through,
    // not that the model predicts it.
    measure: (f) => ratio(f.conferencePlans, f.initialConferences),
  },
  {
    id: 'national-referrals-nfa',
    claim: 'Referrals closed with no further action fell from about 14% to about 10% (2013-14 to 2016-17).',
    source: 'DOMAIN.md (calibration figures: referrals closed with no further action)',
    process: 'both',
    scenario: K2015,
    measuredAs:
      'share of referrals closed with no further action at the referral stage, before any assessment or section 47 enquiry, as the DfE counts it (a referral "may result in an assessment, information or advice, a referral to another agency, or no further action"; a child assessed and found not in need is counted apart). Until issue 14 this read the share of concluded referrals closed after an assessment or enquiry, which is not the DfE\'s figure',
    unit: 'share',
    target: [0.08, 0.18],
    why: 'The national share is about 10-14% over the period.',
    widened: '2-4 points beyond the national band for one borough.',
    measure: (f) => ratio(f.referralsNoFurtherAction, referrals(f)),
  },
  {
    id: '2013-children-on-plans',
    claim: 'At the inspection 161 children were the subject of a child protection plan.',
    source: '004 ¶13',
    process: '2013',
    scenario: K2013,
    measuredAs: 'children on a child protection plan at a date in June 2013',
    unit: 'count',
    target: [135, 187],
    why: 'The source gives 161.',
    widened: 'About two standard deviations of a count of 161 (its square root, 13) either side.',
    measure: null,
    needs: 'a run that starts with the plans already open: the figure exists (run --json: childrenOnProtectionPlans, at the end of the run) but the June 2013 scenario simulates 210 days (180 of them warm-up), fewer than a plan\'s 270, so its count is an artefact of the warm-up\'s length. A steady-state warm start tried in issue 14 (stock from the model\'s own plan rate by Little\'s law, from a pilot run) gave 133 (131 to 135), just below the range: 004 ¶17 says the number on plans had more than doubled, so the June 2013 stock was still growing, which a steady state cannot show; the pilot run also doubled a scenario\'s first run, so it was not merged',
  },
  {
    id: '2015-children-on-plans',
    claim: 'At 31 May 2015, 134 children had child protection plans and 906 were children in need.',
    source: '000 ¶14',
    process: '2015',
    scenario: K2015,
    measuredAs: 'children on a child protection plan on 31 May 2015',
    unit: 'count',
    target: [111, 157],
    why: 'The source gives 134 (and 906 children in need, which needs the same stock figure for child-in-need plans).',
    widened: 'About two standard deviations of a count of 134 (its square root, 12) either side.',
    measure: (f) => f.childrenOnProtectionPlans,
  },
  {
    id: '2013-conferences-timely',
    claim: 'The number of child protection conferences doubled without loss of timeliness.',
    source: '004 ¶17; 003 ¶7',
    process: '2013',
    scenario: K2013,
    measuredAs: 'share of ICPCs held within 15 working days of the strategy discussion',
    unit: 'share',
    target: [0.8, 1],
    why: 'No figure; "without loss of timeliness" of a service whose conferences the inspectors saw as timely: at least 80% within the 15-working-day rule (DOMAIN.md statutory clocks).',
    measure: (f) => f.timescales.initialConference.share,
  },
  {
    id: '2013-out-of-hours',
    claim: 'Referrals made out of hours get a timely emergency service from the emergency duty team, with good links to daytime services.',
    source: '004 ¶47',
    process: '2013',
    scenario: K2013,
    measuredAs: 'share of out-of-hours immediate-danger contacts responded to before the SPA next opens',
    unit: 'share',
    target: [0.9, 1],
    why: 'No figure; "timely communication" in every case inspectors saw: at least 90%.',
    measure: (f) => f.outOfHoursImmediateDanger.respondedBeforeSpaOpens,
  },
  {
    id: '2015-camhs-faster',
    claim: 'CAMHS inside the SPA improved the timeliness of mental health assessments and access to treatment.',
    source: '000 ¶10',
    process: 'paired',
    scenario: K2013,
    measuredAs:
      '2015 minus 2013 median working hours from contact to mental health screening, mental-health contacts whose need was assessed by the end of the run (where each chart assesses it: meta assessesMentalHealth; 2013 has no CAMHS in the SPA, so its first assessment, without CAMHS\u2019s own wait after it)',
    unit: 'working hours',
    target: [-Infinity, 0],
    why: '"Improved timeliness": no slower than before.',
    measure: (p2013, p2015) => {
      const [a, b] = [p2013.mentalHealthNeeds.medianWorkingHoursToAssessment, p2015.mentalHealthNeeds.medianWorkingHoursToAssessment];
      return a === null || b === null ? null : b - a;
    },
  },
  {
    id: '2013-joint-visits-delayed',
    claim: 'Joint section 47 visits with the police were delayed by a lack of police availability; in one case nothing happened for four weeks after a strategy discussion.',
    source: '004 ¶39',
    process: '2013',
    scenario: K2013,
    measuredAs: 'share of joint visits more than one working day after the strategy discussion',
    unit: 'share',
    target: [0.1, 0.6],
    why: 'No figure; "a number of cases" with delays evident: more than a few (10%), not the usual run (at most 60%).',
    measure: (f) => ratio(f.jointVisitsAfterOneWorkingDay, f.jointVisits),
  },
  {
    id: '2013-decided-on-parents-account',
    claim: 'Held cases were in effect assessed without seeing the child, with decisions based on the parents\' response.',
    source: '004 ¶20, ¶29, ¶38',
    process: '2013',
    scenario: K2013,
    measuredAs: 'threshold decisions resting on the parents\' account (the team manager contacted the parents during a hold)',
    unit: 'count',
    target: [1, Infinity],
    why: 'The inspectors saw examples (¶29): at least one in the month.',
    measure: (f) => f.decidedOnParentsAccount,
  },
  {
    id: '2013-manager-oversees-all',
    claim: 'A social work team manager oversees all contacts coming in to children\'s services.',
    source: '004 ¶17; 003 ¶7',
    process: '2013',
    scenario: K2013,
    measuredAs: 'share of threshold decisions made or signed off by a team manager',
    unit: 'share',
    target: [1, 1],
    why: 'The source says "all contacts": every threshold decision is made or signed off by a team manager, with no allowance for exceptions.',
    measure: (f) => ratio(f.decisionsByManager, f.decisions),
  },
  {
    id: 'mash-level-3-time-to-decide',
    claim: 'After adopting a MASH, London front doors decided level-3 contacts in about 1.25 days on average, level-2 in under 2.5.',
    source: 'DOMAIN.md (calibration figures: London front doors after adopting a MASH; ISPCAN 2016)',
    process: '2015',
    scenario: K2015,
    measuredAs: 'mean working days from receipt to the threshold decision, contacts at true level 3',
    unit: 'working days',
    target: [0, 1.75],
    why: 'The source gives about 1.25 days for level 3, a mean over London front doors that had adopted a MASH by 2013; read for Kingston 2015 as no slower than that mean.',
    widened:
      'Other London boroughs, not Kingston: half a day above. The lower bound (0.75, half a day below) was dropped after measuring (issue 14, 0.41 wd), for this reason: Kingston\'s own 2015 source says decisions come "usually within 24 hours" (000 ¶9) and a neighbouring borough\'s MASH targets amber contacts in 6 hours (DOMAIN.md, Merton RAG targets), so a Kingston mean below the London mean of early adopters contradicts neither source; a mean above 1.75 days would.',
    measure: (f) => f.meanHeldWorkingDaysLevel3,
  },
];

/** The claim with this id, or undefined. */
export function claimById(id: string): Claim | undefined {
  return CLAIMS.find((c) => c.id === id);
}
