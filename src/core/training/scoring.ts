/**
 * Scoring a learner's shift. Pure functions of the calls made; no state.
 *
 * What is counted (the training issue): agreement with the reference level; over-thresholding
 * and under-thresholding apart; timeliness against one working day; contacts left undecided.
 *
 * Penalty points per contact (lower is better), and why (../shared/DOMAIN.md):
 *
 * | what | points | why |
 * | --- | --- | --- |
 * | agreement | 0 | |
 * | over-thresholding, per level too high | 1 | intrusive for the family and it uses social work time (004 ¶20, ¶30: referrals waiting unallocated), but a level too high is found out: an assessment steps the case down (004 ¶24) |
 * | under-thresholding, per level too low | 2 | the child does not get the help or protection they need and nobody comes back to check: 2013's unclear cases waited weeks unseen (004 ¶20, ¶29, ¶38) |
 * | under-thresholding a level-4 child, per level too low | 3 | significant harm goes unchecked: no strategy discussion, no section 47 enquiry, no one sees the child (DOMAIN.md level 4; 004 ¶29, ¶39). It weighs most |
 * | decision after the one-working-day deadline | 1 | Working Together: a decision within one working day of receipt (DOMAIN.md statutory clocks) |
 * | left undecided at the end of the shift | scored as a late level-1 call | until someone decides, the child receives nothing, and in 2013 the report already said "provision of advice and information" (004 ¶38) |
 *
 * The score out of 100 is 100 x (1 - points / the most points the same contacts could cost),
 * where a contact's most is its worst possible call, made late.
 */
import type { Level } from '../levels';

export const WEIGHTS = Object.freeze({
  /** Per level above the reference. */
  over: 1,
  /** Per level below the reference, reference level 1-3. */
  under: 2,
  /** Per level below the reference when the reference is level 4 (child protection). */
  underLevel4: 3,
  /** A decision after the one-working-day deadline, or none at all. */
  late: 1,
});

export type Call = 'agree' | 'over' | 'under' | 'undecided';

export interface CallInput {
  referenceLevel: Level;
  /** null: left undecided at the end of the shift. */
  decidedLevel: Level | null;
  /** Decided by the one-working-day deadline (false when undecided). */
  timely: boolean;
}

export interface CasePenalty {
  call: Call;
  /** Levels between the call and the reference (the undecided count as level 1). */
  distance: number;
  threshold: number;
  late: number;
  total: number;
}

export function classifyCall(referenceLevel: Level, decidedLevel: Level | null): Call {
  if (decidedLevel === null) return 'undecided';
  if (decidedLevel === referenceLevel) return 'agree';
  return decidedLevel > referenceLevel ? 'over' : 'under';
}

/** Points for calling `decided` when the reference is `reference` (timeliness aside). */
export function thresholdPenalty(reference: Level, decided: Level): number {
  if (decided > reference) return WEIGHTS.over * (decided - reference);
  if (decided < reference) return (reference === 4 ? WEIGHTS.underLevel4 : WEIGHTS.under) * (reference - decided);
  return 0;
}

export function casePenalty(c: CallInput): CasePenalty {
  const call = classifyCall(c.referenceLevel, c.decidedLevel);
  const effective: Level = c.decidedLevel ?? 1;
  const threshold = thresholdPenalty(c.referenceLevel, effective);
  const late = call === 'undecided' || !c.timely ? WEIGHTS.late : 0;
  return { call, distance: Math.abs(effective - c.referenceLevel), threshold, late, total: threshold + late };
}

/** The most points one contact could cost: its worst call, made late. */
export function maxCasePenalty(reference: Level): number {
  return Math.max(thresholdPenalty(reference, 1), thresholdPenalty(reference, 4)) + WEIGHTS.late;
}

export interface ScoreInput extends CallInput {
  /** The response chosen matches the reference response. */
  responseAgrees?: boolean;
}

export interface ShiftScore {
  contacts: number;
  agree: number;
  over: number;
  under: number;
  /** Under-thresholded contacts whose reference is level 4. */
  underLevel4: number;
  undecided: number;
  /** Decided within one working day. */
  timely: number;
  /** Decided after the deadline (undecided contacts are counted in `undecided`, not here). */
  late: number;
  responseAgree: number;
  points: number;
  /** Points from calls too high, too low, undecided; and from lateness. */
  pointsOver: number;
  pointsUnder: number;
  pointsUndecided: number;
  pointsLate: number;
  maxPoints: number;
  /** 0-100, whole number; 100 with no contacts. */
  score: number;
}

export function scoreShift(cases: readonly ScoreInput[]): ShiftScore {
  const s: ShiftScore = {
    contacts: cases.length,
    agree: 0,
    over: 0,
    under: 0,
    underLevel4: 0,
    undecided: 0,
    timely: 0,
    late: 0,
    responseAgree: 0,
    points: 0,
    pointsOver: 0,
    pointsUnder: 0,
    pointsUndecided: 0,
    pointsLate: 0,
    maxPoints: 0,
    score: 100,
  };
  for (const c of cases) {
    const p = casePenalty(c);
    s[p.call]++;
    if (p.call === 'under' && c.referenceLevel === 4) s.underLevel4++;
    if (p.call !== 'undecided') {
      if (c.timely) s.timely++;
      else s.late++;
      s.pointsLate += p.late;
    }
    if (p.call === 'over') s.pointsOver += p.threshold;
    if (p.call === 'under') s.pointsUnder += p.threshold;
    if (p.call === 'undecided') s.pointsUndecided += p.total;
    if (c.responseAgrees) s.responseAgree++;
    s.points += p.total;
    s.maxPoints += maxCasePenalty(c.referenceLevel);
  }
  s.score = s.maxPoints === 0 ? 100 : Math.round(100 * (1 - s.points / s.maxPoints));
  return s;
}
