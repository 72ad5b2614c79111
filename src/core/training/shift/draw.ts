/** The seeded draw of a shift's vignettes from the library. */
import { createStreams } from '../../rng';
import { byId } from '../order';
import type { Vignette } from '../vignette';

/**
 * The shift's vignettes: a seeded shuffle (Fisher-Yates on the 'training:draw' stream) of the
 * library sorted by id, first `count` taken. The same library, seed and count give the same
 * vignettes for everyone; adding vignettes to the library changes the draw.
 */
export function drawVignettes(library: readonly Vignette[], seed: string, count: number): Vignette[] {
  const u = createStreams(seed).stream('training:draw');
  const pool = [...library].sort(byId);
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(u() * (i + 1));
    const tmp = pool[i];
    pool[i] = pool[j];
    pool[j] = tmp;
  }
  return pool.slice(0, count);
}
