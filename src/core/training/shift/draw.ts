/**
 * The seeded draw of a shift's vignettes from the library, by the trainer's choice of mix.
 *
 * A mix says which vignettes may be drawn (all, those whose reference level sits on one side or
 * the other of one threshold, or those teaching one hard boundary) and the draw then spreads the
 * shift over the levels and the boundaries: as many contacts of each level as the pool allows, in
 * turn, and within a level the contact that teaches a boundary the shift has not met yet. So a
 * class with the same seed, mix and count gets the same contacts, and no learner gets a shift of
 * five level-4 contacts or none.
 *
 * 'shuffle' is the draw before mixes existed (a plain seeded shuffle), kept so that a shift saved
 * or a results file written before mixes replays to the same contacts, and a trainer's old seeds
 * give the same shifts; a shift's config without a mix means 'shuffle'.
 */
import { createStreams } from '../../rng';
import { LEVELS, type Level } from '../../levels';
import { byId } from '../order';
import { BOUNDARIES, BOUNDARY_TEXT, type Boundary, type Vignette } from '../vignette';

export type LevelPair = 'levels-1-2' | 'levels-2-3' | 'levels-3-4';
export type ShiftMix = 'balanced' | 'shuffle' | LevelPair | `boundary:${Boundary}`;

const PAIRS: Record<LevelPair, { levels: readonly Level[]; text: string }> = {
  'levels-1-2': { levels: [1, 2], text: 'Level 1/2 boundary: universal services or early help' },
  'levels-2-3': { levels: [2, 3], text: 'Level 2/3 boundary: early help or child in need' },
  'levels-3-4': { levels: [3, 4], text: 'Level 3/4 boundary: child in need or child protection' },
};

/** Every mix a trainer can choose, with its words, in the order a form lists them. */
export const SHIFT_MIXES: readonly { id: ShiftMix; text: string }[] = [
  { id: 'balanced', text: 'Balanced: every level of need and every hard boundary' },
  ...(Object.keys(PAIRS) as LevelPair[]).map((id) => ({ id, text: PAIRS[id].text })),
  ...BOUNDARIES.map((b) => ({ id: `boundary:${b}` as ShiftMix, text: `Boundary: ${BOUNDARY_TEXT[b]}` })),
  { id: 'shuffle', text: 'Any contacts: a plain shuffle, not balanced' },
];

export function isShiftMix(x: unknown): x is ShiftMix {
  return SHIFT_MIXES.some((m) => m.id === x);
}

export function mixText(mix: ShiftMix): string {
  return SHIFT_MIXES.find((m) => m.id === mix)!.text;
}

/** The vignettes a mix may draw from. */
export function mixPool(library: readonly Vignette[], mix: ShiftMix): Vignette[] {
  if (mix === 'balanced' || mix === 'shuffle') return [...library];
  if (mix.startsWith('boundary:')) {
    const b = mix.slice('boundary:'.length) as Boundary;
    return library.filter((v) => v.boundaries.includes(b));
  }
  const levels = PAIRS[mix as LevelPair].levels;
  return library.filter((v) => levels.includes(v.reference.level));
}

/** A seeded Fisher-Yates shuffle of `items` sorted by id, on one stream. */
function shuffled(items: readonly Vignette[], u: () => number): Vignette[] {
  const pool = [...items].sort(byId);
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(u() * (i + 1));
    const tmp = pool[i];
    pool[i] = pool[j];
    pool[j] = tmp;
  }
  return pool;
}

/**
 * The shift's vignettes. `count` must not exceed the mix's pool (validateConfig says so first).
 * 'shuffle' takes the first `count` of a shuffle of the library ('training:draw' stream). Every
 * other mix draws on its own stream ('training:mix'): it shuffles its pool, shares the count
 * between the levels in turn from a seeded first level (so each level gets as many as the others,
 * or one fewer, until it runs out), chooses within those shares the contacts that meet as many
 * hard boundaries as can be met (a small search, rarest boundary first, trying contacts in the
 * shuffled order), and fills the rest of each level's share in the shuffled order.
 */
export function drawVignettes(library: readonly Vignette[], seed: string, count: number, mix: ShiftMix = 'shuffle'): Vignette[] {
  const streams = createStreams(seed);
  if (mix === 'shuffle') return shuffled(library, streams.stream('training:draw')).slice(0, count);
  const u = streams.stream('training:mix');
  const pool = shuffled(mixPool(library, mix), u);
  const levels = LEVELS.filter((l) => pool.some((v) => v.reference.level === l));
  const first = Math.floor(u() * levels.length);
  const order = [...levels.slice(first), ...levels.slice(0, first)];
  // Never more than the pool holds (validateConfig refuses that first; a direct call must still end).
  const share = sharesByLevel(pool, order, Math.min(count, pool.length));
  const chosen = coverBoundaries(pool, share);
  const out: Vignette[] = [];
  for (const l of order) {
    const mine = chosen.filter((v) => v.reference.level === l);
    for (const v of pool) if (v.reference.level === l && mine.length < share.get(l)! && !mine.includes(v)) mine.push(v);
    out.push(...mine);
  }
  return out;
}

/** The count shared between the levels in turn, each capped by what the pool has of it. */
function sharesByLevel(pool: readonly Vignette[], order: readonly Level[], count: number): Map<Level, number> {
  const available = new Map(order.map((l) => [l, pool.filter((v) => v.reference.level === l).length]));
  const share = new Map(order.map((l) => [l, 0]));
  for (let given = 0; given < count; ) {
    for (const l of order) {
      if (given < count && share.get(l)! < available.get(l)!) {
        share.set(l, share.get(l)! + 1);
        given++;
      }
    }
  }
  return share;
}

/**
 * Contacts, within each level's share, that between them meet as many of the pool's boundaries as
 * can be met: a depth-first search taking the rarest boundary first and trying contacts in the
 * pool's (shuffled) order, stopping at the first choice that meets them all. At most one contact a
 * boundary, so at most seven, and the bound prunes the rest.
 */
function coverBoundaries(pool: readonly Vignette[], share: ReadonlyMap<Level, number>): Vignette[] {
  const rarity = (b: Boundary) => pool.filter((v) => v.boundaries.includes(b)).length;
  const wanted = BOUNDARIES.filter((b) => rarity(b) > 0).sort((a, b) => rarity(a) - rarity(b));
  let best: Vignette[] = [];
  let bestMet = -1;
  const used = new Map<Level, number>();
  const chosen: Vignette[] = [];
  const metBy = (vs: readonly Vignette[]) => new Set(vs.flatMap((v) => v.boundaries));
  const search = (i: number): boolean => {
    const met = metBy(chosen);
    const metWanted = wanted.filter((b) => met.has(b)).length;
    if (metWanted > bestMet) {
      bestMet = metWanted;
      best = [...chosen];
      if (bestMet === wanted.length) return true;
    }
    if (i >= wanted.length || metWanted + wanted.slice(i).filter((b) => !met.has(b)).length <= bestMet) return false;
    const b = wanted[i];
    if (met.has(b)) return search(i + 1);
    for (const v of pool) {
      const l = v.reference.level;
      if (!v.boundaries.includes(b) || chosen.includes(v) || (used.get(l) ?? 0) >= (share.get(l) ?? 0)) continue;
      chosen.push(v);
      used.set(l, (used.get(l) ?? 0) + 1);
      if (search(i + 1)) return true;
      chosen.pop();
      used.set(l, used.get(l)! - 1);
    }
    return search(i + 1);
  };
  search(0);
  return best;
}
