/** The learner's forms checked field by field, in GOV.UK-style words: a shift's settings and a decision. */
import { parseLondon } from '../../calendar';
import { LEVELS, type Level } from '../../levels';
import { responseInfo, type FieldIssue, type ResponseId, type Vignette } from '../vignette';
import { isShiftMix, mixPool, mixText } from './draw';
import { SHIFT_LIMITS, type ShiftConfig } from './settings';

/** Check a shift's settings against the library; issues name the field. */
export function validateConfig(config: ShiftConfig, library: readonly Vignette[]): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (typeof config.seed !== 'string' || config.seed.trim() === '') issues.push({ field: 'seed', rule: 'Enter a seed: any word or number. Everyone with the same seed gets the same contacts.' });
  else if (config.seed.length > 40) issues.push({ field: 'seed', rule: 'The seed must be 40 characters or fewer.' });
  if (config.rules !== '2013' && config.rules !== '2015') issues.push({ field: 'rules', rule: 'Select the 2013 or the 2015 rules.' });
  const mixKnown = config.mix === undefined || isShiftMix(config.mix);
  if (!mixKnown) issues.push({ field: 'mix', rule: 'Select one of the mixes listed.' });
  const poolSize = mixKnown ? mixPool(library, config.mix ?? 'shuffle').length : library.length;
  if (poolSize === 0 && mixKnown) {
    issues.push({ field: 'mix', rule: `The library has no contacts for "${mixText(config.mix!)}". Choose another mix.` });
  } else if (!Number.isInteger(config.count) || config.count < 1 || config.count > poolSize) {
    const which = poolSize < library.length ? ` (the library has ${poolSize} for the mix chosen)` : '';
    issues.push({ field: 'count', rule: `The number of contacts must be a whole number from 1 to ${poolSize}${which}.` });
  }
  const limit = config.timeLimitMinutes;
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 1 || limit > SHIFT_LIMITS.timeLimitMinutes)) {
    issues.push({ field: 'timeLimitMinutes', rule: `The time limit must be a whole number of minutes from 1 to ${SHIFT_LIMITS.timeLimitMinutes}, or left empty for no limit.` });
  }
  if (config.start !== undefined) {
    try {
      parseLondon(config.start);
      if (!/T\d{2}:\d{2}$/.test(config.start)) throw new Error('no time');
    } catch {
      issues.push({ field: 'start', rule: 'The start must be a London date and time written YYYY-MM-DDTHH:MM.' });
    }
  }
  return issues;
}

/** Check a decision's fields; GOV.UK-style messages naming each field. */
export function validateDecision(d: { level: Level | null | undefined; response: ResponseId | null | undefined; rationale: string | null | undefined }): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (d.level == null || !LEVELS.includes(d.level)) issues.push({ field: 'level', rule: 'Select the level of need' });
  if (d.response == null) issues.push({ field: 'response', rule: 'Select the response' });
  else {
    let level: Level | null = null;
    try {
      level = responseInfo(d.response).level;
    } catch {
      issues.push({ field: 'response', rule: 'Select one of the responses listed' });
    }
    if (level !== null && d.level != null && level !== d.level) issues.push({ field: 'response', rule: `Select a response for level ${d.level}` });
  }
  const text = (d.rationale ?? '').trim();
  if (text.length === 0) issues.push({ field: 'rationale', rule: 'Enter your rationale' });
  else if (text.length < 15) issues.push({ field: 'rationale', rule: 'Write at least a sentence on why (15 characters or more)' });
  else if (text.length > 1000) issues.push({ field: 'rationale', rule: 'The rationale must be 1,000 characters or fewer' });
  return issues;
}
