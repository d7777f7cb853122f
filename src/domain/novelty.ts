/**
 * Novelty factor in [0,1]:
 *   0.4·[track not in history] + 0.3·[no artist of the track known to the user] + 0.3·(1 − popularity/100)
 * Not-in-history weighs most because replaying a known track is the least novel outcome;
 * artist novelty and obscurity share the rest equally. Product seed constants.
 */
export const NOVELTY_WEIGHTS = Object.freeze({ notInHistory: 0.4, newArtist: 0.3, obscurity: 0.3 });

export interface NoveltyInput {
  readonly inHistory: boolean;
  /** True when none of the track's artists is among the user's known artists. */
  readonly newArtist: boolean;
  /** Spotify popularity 0..100 (clamped). */
  readonly popularity: number;
}

export function noveltyFactor(input: NoveltyInput): number {
  const pop = Math.min(100, Math.max(0, input.popularity));
  return (
    NOVELTY_WEIGHTS.notInHistory * (input.inHistory ? 0 : 1) +
    NOVELTY_WEIGHTS.newArtist * (input.newArtist ? 1 : 0) +
    NOVELTY_WEIGHTS.obscurity * (1 - pop / 100)
  );
}

/** True when no artist of the track is in `knownArtists` (a track without artists counts as new). */
export function isNewArtist(artists: readonly string[], knownArtists: ReadonlySet<string>): boolean {
  for (const a of artists) if (knownArtists.has(a)) return false;
  return true;
}
