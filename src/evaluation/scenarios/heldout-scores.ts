/**
 * Artist-level scores of one recommended list against a user's held-out artists, and their
 * aggregation by cold-start depth. A list position covers the artists of its track; each
 * held-out artist counts once, at the first track that features it (ranking-metrics.ts).
 */
import type { CatalogIndex } from '../../domain/catalog-index.js';
import { countInto, shannonEntropyBits } from '../metrics/entropy.js';
import { ndcgAtK, recallAtK } from '../metrics/ranking-metrics.js';
import { meanWithError, type MeanWithError } from '../metrics/reward-curves.js';
import type { ArtistCatalog } from './artist-catalog.js';

/**
 * Known (matched training) artists per user, fixed before any run: none (pure cold start),
 * a handful, a moderate profile, and a rich one (a HetRec user has ≤ 50 artists, so ≤ 40
 * in training, of which about 59 % match the catalog → 15+ is the upper third).
 */
export const DEPTH_BUCKETS = [
  { name: '0', min: 0, max: 0 },
  { name: '1-4', min: 1, max: 4 },
  { name: '5-14', min: 5, max: 14 },
  { name: '15+', min: 15, max: Infinity },
] as const;
export type DepthBucket = (typeof DEPTH_BUCKETS)[number]['name'];

export function depthBucket(knownArtists: number): DepthBucket {
  const bucket = DEPTH_BUCKETS.find((b) => knownArtists >= b.min && knownArtists <= b.max);
  if (!bucket) throw new RangeError(`no depth bucket for ${knownArtists}`);
  return bucket.name;
}

export interface ListScore {
  readonly recallAt10: number;
  readonly recallAt50: number;
  readonly ndcgAt50: number;
  /** Entropy of the list's genres (a track's weight split over its genres), bits. */
  readonly genreEntropyBits: number;
  /** Share of the list by artists the user already knows (never relevant by construction). */
  readonly knownArtistShare: number;
}

export function scoreList(o: {
  list: readonly number[];
  relevant: ReadonlySet<string>;
  knownKeys: ReadonlySet<string>;
  index: CatalogIndex;
  artists: ArtistCatalog;
}): ListScore {
  const items = o.list.map((i) => o.artists.keysOf(i));
  const genres = new Map<string, number>();
  for (const i of o.list) {
    const g = o.index.tracks[i].genres;
    for (const name of g) countInto(genres, name, 1 / g.length);
  }
  const known = items.filter((keys) => keys.some((k) => o.knownKeys.has(k))).length;
  return {
    recallAt10: recallAtK(items, o.relevant, 10),
    recallAt50: recallAtK(items, o.relevant, 50),
    ndcgAt50: ndcgAtK(items, o.relevant, 50),
    genreEntropyBits: shannonEntropyBits(genres.values()),
    knownArtistShare: o.list.length === 0 ? 0 : known / o.list.length,
  };
}

export type ScoreSummary = { readonly users: number } & { readonly [K in keyof ListScore]: MeanWithError };

const FIELDS = ['recallAt10', 'recallAt50', 'ndcgAt50', 'genreEntropyBits', 'knownArtistShare'] as const;

export function summariseScores(scores: readonly ListScore[]): ScoreSummary {
  const pick = (f: keyof ListScore): MeanWithError => meanWithError(scores.map((s) => s[f]));
  const [recallAt10, recallAt50, ndcgAt50, genreEntropyBits, knownArtistShare] = FIELDS.map(pick);
  return { users: scores.length, recallAt10, recallAt50, ndcgAt50, genreEntropyBits, knownArtistShare };
}
