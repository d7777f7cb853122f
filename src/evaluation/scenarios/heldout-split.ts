/**
 * Per-user seeded 80/20 split of a user's artists. The split is over all of the user's
 * artists, matched to the catalog or not, so it does not depend on the matching rule;
 * matching decides afterwards what becomes history and what counts as relevant.
 */
import { createRng } from '../../domain/rng.js';
import type { UserArtist } from './hetrec-reader.js';

export const HELDOUT_FRACTION = 0.2;

/** round(20 % of n), at least 1 once there are two artists; a single artist stays in training. */
export function heldOutCount(n: number): number {
  return n < 2 ? 0 : Math.max(1, Math.round(HELDOUT_FRACTION * n));
}

export interface ArtistSplit {
  readonly train: readonly UserArtist[];
  readonly test: readonly UserArtist[];
}

export function splitArtists(rows: readonly UserArtist[], o: { seed: string; userId: number }): ArtistSplit {
  // Sorted first, so the split does not depend on the file's row order.
  const items = [...rows].sort((a, b) => a.artistId - b.artistId);
  const rng = createRng(`${o.seed}:split:${o.userId}`);
  for (let i = items.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [items[i], items[j]] = [items[j], items[i]];
  }
  const k = heldOutCount(items.length);
  return { test: items.slice(0, k), train: items.slice(k) };
}
