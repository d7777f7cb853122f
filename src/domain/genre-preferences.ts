/**
 * Learned taste per genre label and per GenZ bucket. Score is an exponential moving
 * average of final rewards starting at 0: s ← s + α·(r − s). Starting at 0 shrinks a
 * genre seen once or twice towards neutral, and the EMA follows taste drift; the score
 * always stays within the reward bounds.
 */
import { bucketOfGenres, distinctNormalisedGenres, type GenZBucket } from './genre.js';

export interface Preference {
  score: number;
  count: number;
}

export interface GenrePreferences {
  /** Keyed by normalised genre label (kebab-case, lower case). */
  readonly genres: Map<string, Preference>;
  readonly buckets: Map<GenZBucket, Preference>;
}

export interface RankedPreference {
  readonly name: string;
  readonly score: number;
  readonly count: number;
}

export function createGenrePreferences(): GenrePreferences {
  return { genres: new Map(), buckets: new Map() };
}

function bump<K>(map: Map<K, Preference>, key: K, reward: number, alpha: number): void {
  const p = map.get(key);
  if (p) {
    p.score += alpha * (reward - p.score);
    p.count += 1;
  } else {
    map.set(key, { score: alpha * reward, count: 1 });
  }
}

/** In place: one update per distinct genre of the track and one for its bucket. */
export function updateGenrePreferences(
  prefs: GenrePreferences,
  genres: readonly string[],
  options: { reward: number; alpha: number },
): void {
  for (const g of distinctNormalisedGenres(genres)) bump(prefs.genres, g, options.reward, options.alpha);
  bump(prefs.buckets, bucketOfGenres(genres), options.reward, options.alpha);
}

/** Highest score first; ties by more interactions, then name, so the order is deterministic. */
function ranked<K extends string>(map: ReadonlyMap<K, Preference>, n: number, skip?: K): RankedPreference[] {
  const rows: RankedPreference[] = [];
  for (const [name, p] of map) if (name !== skip) rows.push({ name, score: p.score, count: p.count });
  rows.sort((a, b) => b.score - a.score || b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return rows.slice(0, Math.max(0, n));
}

export function topGenres(prefs: GenrePreferences, n: number): RankedPreference[] {
  return ranked(prefs.genres, n);
}

/** 'Other' is learned but never shown as a top bucket (src/domain/genre.ts). */
export function topBuckets(prefs: GenrePreferences, n: number): RankedPreference[] {
  return ranked(prefs.buckets, n, 'Other');
}

export function cloneGenrePreferences(prefs: GenrePreferences): GenrePreferences {
  const copy = <K>(m: Map<K, Preference>) => new Map(Array.from(m, ([k, p]) => [k, { ...p }]));
  return { genres: copy(prefs.genres), buckets: copy(prefs.buckets) };
}
