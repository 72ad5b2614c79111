/**
 * The continuum of need: four levels, their responses and typical indicators.
 *
 * Source: ../shared/DOMAIN.md, "The continuum of need (thresholds)". The indicators are the
 * illustrations written for this project in DOMAIN.md, not a published threshold document.
 * Thresholds are a judgement on the whole picture, not a checklist: `suggestLevel` encodes the
 * two rules DOMAIN.md states (several level-2 indicators together can make level 3; a baby or a
 * disabled child raises concern) and nothing more.
 */

export type Level = 1 | 2 | 3 | 4;
export const LEVELS: readonly Level[] = [1, 2, 3, 4];

export type Response = 'advice' | 'earlyHelp' | 'childInNeed' | 'childProtection';

export interface LevelInfo {
  readonly level: Level;
  readonly name: string;
  readonly colour: 'blue' | 'green' | 'amber' | 'red';
  readonly response: Response;
  readonly responseText: string;
}

export const LEVEL_INFO: Record<Level, LevelInfo> = {
  1: { level: 1, name: 'universal', colour: 'blue', response: 'advice', responseText: 'needs met by schools, GPs, health visitors; advice or signposting' },
  2: { level: 2, name: 'additional needs', colour: 'green', response: 'earlyHelp', responseText: 'early help assessment, a lead professional, team around the family' },
  3: { level: 3, name: 'complex needs (child in need)', colour: 'amber', response: 'childInNeed', responseText: 'social work assessment under section 17' },
  4: { level: 4, name: 'acute (child protection)', colour: 'red', response: 'childProtection', responseText: 'strategy discussion and section 47 enquiry' },
};

export function responseFor(level: Level): Response {
  return LEVEL_INFO[level].response;
}

export interface Indicator {
  readonly id: string;
  readonly level: Level;
  readonly text: string;
}

/** Typical indicators per level (DOMAIN.md, continuum of need table). */
export const INDICATORS: readonly Indicator[] = [
  { id: 'development-on-track', level: 1, text: 'development on track' },
  { id: 'good-attendance', level: 1, text: 'good school attendance' },
  { id: 'warm-consistent-care', level: 1, text: 'warm, consistent care' },
  { id: 'no-adult-issues', level: 1, text: 'no domestic abuse or parental ill-health affecting the child' },
  { id: 'patchy-care', level: 2, text: 'patchy care or hygiene' },
  { id: 'attendance-under-90', level: 2, text: 'school attendance under about 90%' },
  { id: 'early-behaviour', level: 2, text: 'early behaviour problems' },
  { id: 'young-carer', level: 2, text: 'young carer' },
  { id: 'low-level-conflict', level: 2, text: 'low-level parental conflict starting to affect the child' },
  { id: 'parental-mental-health-starting', level: 2, text: 'parental mental ill-health starting to affect the child' },
  { id: 'single-missing-episode', level: 2, text: 'a single short missing episode' },
  { id: 'recurring-domestic-abuse', level: 3, text: 'recurring domestic abuse' },
  { id: 'parental-illness-impairing-care', level: 3, text: 'parental mental illness or substance misuse impairing care' },
  { id: 'persistent-neglect', level: 3, text: 'persistent neglect' },
  { id: 'repeated-self-harm', level: 3, text: 'repeated self-harm' },
  { id: 'pregnancy-under-18', level: 3, text: 'pregnancy under 18' },
  { id: 'disabled-needs-unmet', level: 3, text: 'a disabled child whose needs the parents cannot meet' },
  { id: 'early-help-not-worked', level: 3, text: 'an early help plan that has not worked' },
  { id: 'suspected-abuse', level: 4, text: 'suspected physical, sexual or emotional abuse or an unexplained injury' },
  { id: 'gross-neglect', level: 4, text: 'gross neglect' },
  { id: 'high-risk-domestic-abuse', level: 4, text: 'high-risk domestic abuse' },
  { id: 'risky-person-joins', level: 4, text: 'a person posing a risk joins the household' },
  { id: 'exploitation-risk', level: 4, text: 'risk of sexual exploitation, trafficking or going missing often' },
  { id: 'fgm-forced-marriage', level: 4, text: 'FGM or forced marriage risk' },
];

const BY_ID = new Map(INDICATORS.map((i) => [i.id, i]));

export function indicator(id: string): Indicator {
  const found = BY_ID.get(id);
  if (!found) throw new Error(`unknown indicator "${id}"`);
  return found;
}

export function indicatorsAt(level: Level): Indicator[] {
  return INDICATORS.filter((i) => i.level === level);
}

export type AgeBand = 'unborn' | 'under1' | '1-4' | '5-11' | '12-15' | '16-17';
export const AGE_BANDS: readonly AgeBand[] = ['unborn', 'under1', '1-4', '5-11', '12-15', '16-17'];

export interface LevelSuggestion {
  readonly level: Level;
  readonly reasons: string[];
}

/**
 * The level a set of indicators points to, with reasons. The highest indicator sets the level;
 * three or more level-2 indicators together point to level 3; a baby (unborn or under one) or a
 * disabled child raises a level-2 picture to level 3 (DOMAIN.md, after the continuum table).
 * This is a teaching aid and a generator rule, not a decision: the threshold is a judgement.
 */
export function suggestLevel(indicatorIds: readonly string[], opts: { ageBand?: AgeBand; disabled?: boolean } = {}): LevelSuggestion {
  const found = indicatorIds.map(indicator);
  const reasons: string[] = [];
  let level: Level = 1;
  for (const i of found) if (i.level > level) level = i.level;
  if (found.length > 0) reasons.push(`highest indicator is level ${level}`);
  const twos = found.filter((i) => i.level === 2).length;
  if (level === 2 && twos >= 3) {
    level = 3;
    reasons.push(`${twos} level-2 indicators together point to complex needs`);
  }
  const vulnerable = opts.ageBand === 'unborn' || opts.ageBand === 'under1' || opts.disabled === true;
  if (level === 2 && vulnerable) {
    level = 3;
    reasons.push(opts.disabled ? 'a disabled child raises concern' : 'a baby raises concern');
  }
  if (found.length === 0) reasons.push('no indicators of need beyond universal services');
  return { level, reasons };
}

/** Indicators that cannot both describe one child, and why (the explorer points them out). */
const CONTRADICTIONS: readonly { a: string; b: readonly string[]; why: string }[] = [
  { a: 'good-attendance', b: ['attendance-under-90'], why: 'attendance cannot be both good and under about 90%' },
  { a: 'warm-consistent-care', b: ['patchy-care', 'persistent-neglect', 'gross-neglect'], why: 'care cannot be both warm and consistent and neglectful' },
  {
    a: 'no-adult-issues',
    b: ['low-level-conflict', 'parental-mental-health-starting', 'recurring-domestic-abuse', 'parental-illness-impairing-care', 'high-risk-domestic-abuse'],
    why: 'the adults cannot both have no issues affecting the child and this one',
  },
];

/** One concern at different strengths: tick the one that fits; the strongest sets the level. */
const SAME_CONCERN: readonly { ids: readonly string[]; what: string }[] = [
  { ids: ['patchy-care', 'persistent-neglect', 'gross-neglect'], what: 'neglect' },
  { ids: ['low-level-conflict', 'recurring-domestic-abuse', 'high-risk-domestic-abuse'], what: 'conflict or abuse between the adults' },
  { ids: ['parental-mental-health-starting', 'parental-illness-impairing-care'], what: "a parent's ill-health" },
  { ids: ['single-missing-episode', 'exploitation-risk'], what: 'going missing' },
];

/** Indicators that cannot apply to a child of this age band. */
const NOT_AT_AGE: readonly { id: string; bands: readonly AgeBand[]; why: string }[] = [
  { id: 'pregnancy-under-18', bands: ['unborn', 'under1', '1-4', '5-11'], why: 'a pregnancy under 18 concerns a young person, not a child this young' },
  { id: 'good-attendance', bands: ['unborn', 'under1', '1-4'], why: 'a child this young is not of school age' },
  { id: 'attendance-under-90', bands: ['unborn', 'under1', '1-4'], why: 'a child this young is not of school age' },
  { id: 'young-carer', bands: ['unborn', 'under1'], why: 'a baby cannot be a young carer' },
  { id: 'repeated-self-harm', bands: ['unborn', 'under1'], why: 'self-harm is not a concern about a baby' },
];

export interface IndicatorConflict {
  readonly kind: 'contradiction' | 'same-concern' | 'age';
  readonly ids: readonly string[];
  /** In plain words, naming the indicators. */
  readonly text: string;
}

/**
 * Where ticked indicators contradict each other or the child's age, or tick one concern at two
 * strengths. A teaching aid: the level is still the highest indicator's (`suggestLevel`).
 */
export function indicatorConflicts(indicatorIds: readonly string[], opts: { ageBand?: AgeBand } = {}): IndicatorConflict[] {
  const has = new Set(indicatorIds);
  const name = (id: string) => `"${indicator(id).text}"`;
  const out: IndicatorConflict[] = [];
  for (const c of CONTRADICTIONS) {
    if (!has.has(c.a)) continue;
    const clash = c.b.filter((id) => has.has(id));
    if (clash.length) out.push({ kind: 'contradiction', ids: [c.a, ...clash], text: `${name(c.a)} contradicts ${clash.map(name).join(' and ')}: ${c.why}.` });
  }
  for (const s of SAME_CONCERN) {
    const ticked = s.ids.filter((id) => has.has(id));
    if (ticked.length > 1) {
      out.push({
        kind: 'same-concern',
        ids: ticked,
        text: `${ticked.map(name).join(' and ')} describe ${s.what} at different strengths: tick the one that fits; the strongest, ${name(ticked[ticked.length - 1])}, sets the level.`,
      });
    }
  }
  if (opts.ageBand) {
    for (const a of NOT_AT_AGE) if (has.has(a.id) && a.bands.includes(opts.ageBand)) out.push({ kind: 'age', ids: [a.id], text: `${name(a.id)} does not fit the age given: ${a.why}.` });
  }
  return out;
}
