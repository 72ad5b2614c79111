/**
 * What a seed can be, read the same way by every command line option, the browser's seed box and
 * its links: a whole number of at most 15 digits, or a word of up to 60 letters, digits and
 * - _ . : characters. Text that looks like a number but is not a whole one ("1.5", "1e3") is
 * refused rather than read as a word, since it was surely meant as a number; a word cannot carry
 * spaces or control characters, so it prints safely wherever it is echoed.
 */

/** The longest word a seed can be. */
export const SEED_WORD_LENGTH = 60;

/** The rule, in plain words (after "must be" / "Seed must be"). */
export const SEED_RULE = `a whole number of at most 15 digits, or a word of letters, digits and - _ . : (at most ${SEED_WORD_LENGTH} characters)`;

export type SeedReading = { seed: string | number; problem: null } | { seed: null; problem: string };

/** Read a typed seed; `problem` says what is wrong with it in words (after the rule). */
export function readSeed(text: string): SeedReading {
  const v = text.trim();
  if (v === '') return { seed: null, problem: 'nothing was given' };
  if (/^[-+]?\d+$/.test(v)) {
    const n = Number(v);
    return Number.isSafeInteger(n) ? { seed: n, problem: null } : { seed: null, problem: `${v.length} digits is too many` };
  }
  if (/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(v)) return { seed: null, problem: `${v} is a number but not a whole one` };
  if (v.length > SEED_WORD_LENGTH) return { seed: null, problem: `it is ${v.length} characters long` };
  if (!/^[\p{L}\p{N}_.:-]+$/u.test(v)) return { seed: null, problem: 'it has a space or a character other than letters, digits and - _ . :' };
  return { seed: v, problem: null };
}

/**
 * A seed as a 32-bit whole number, for fast-check (check-process and the lab's check): a whole number that fits is
 * itself; any other seed (a word, a larger number) is hashed (FNV-1a), so the same seed always
 * gives the same number and the report prints that number to replay it.
 */
export function seedAsInt32(seed: string | number): number {
  if (typeof seed === 'number' && seed >= -2_147_483_648 && seed <= 2_147_483_647) return seed;
  let h = 0x811c9dc5;
  for (const ch of String(seed)) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}
