/**
 * Candidate generation: a deduplicated pool of min..max catalog indices drawn from
 * feature-space neighbours of the user's top history tracks, the user's top genres and
 * GenZ buckets, recent releases and popular tracks. Each source gets a share of `max`
 * (SOURCE_SHARES); a missing source's share is not redistributed, except that without
 * history seeds the neighbour share goes to popular tracks (cold start). If the pool is
 * still below `min`, it is topped up with the most popular remaining tracks.
 * Excluded tracks never appear. See docs/scoring.md.
 */
import { type CatalogIndex, nearestNeighbours } from './catalog-index.js';
import type { GenZBucket } from './genre.js';
import { normaliseGenre } from './genre.js';
import { MS_PER_DAY } from './history-similarity.js';
import { IndexFlags } from './index-flags.js';
import type { Rng } from './rng.js';
import { DomainValidationError } from './types.js';

/** Bit flags of CandidateSet.sources. */
export const SOURCE = Object.freeze({ similar: 1, genre: 2, bucket: 4, newRelease: 8, popular: 16 });
export type CandidateSource = keyof typeof SOURCE;
const EXCLUDED = 128;

/** Shares of `max` per source; sum to 1. */
export const SOURCE_SHARES: Readonly<Record<CandidateSource, number>> = Object.freeze({
  similar: 0.4,
  genre: 0.2,
  bucket: 0.15,
  newRelease: 0.1,
  popular: 0.15,
});
export const DEFAULT_SEED_TRACKS = 5;
export const DEFAULT_NEW_RELEASE_DAYS = 30;
/** Popular picks are sampled from this many most popular tracks, so users do not all see the same top. */
export const POPULAR_POOL = 2000;
/** Neighbours fetched per seed beyond its share before the full over-fetch is needed (see addNeighbours). */
const NEIGHBOUR_MARGIN = 8;

export interface CandidateSet {
  /** Catalog indices, in insertion order. */
  readonly indices: Int32Array;
  /** SOURCE bit mask per candidate (aligned with indices). */
  readonly sources: Uint8Array;
}

export interface CandidateOptions {
  readonly index: CatalogIndex;
  /** Most important first (e.g. by weighted play count); the first `seedTracks` seed the neighbour search. */
  readonly historyTrackIds: readonly string[];
  readonly topGenres: readonly string[];
  readonly topBuckets: readonly GenZBucket[];
  readonly excludeTrackIds: Iterable<string>;
  readonly now: number;
  readonly rng: Rng;
  readonly min?: number;
  readonly max?: number;
  readonly seedTracks?: number;
  readonly newReleaseDays?: number;
}

/** Source names of every 5-bit mask, built once: the ranker asks for every pick. */
const SOURCES_OF_MASK: readonly (readonly CandidateSource[])[] = Array.from({ length: 32 }, (_, mask) =>
  (Object.keys(SOURCE) as CandidateSource[]).filter((s) => (mask & SOURCE[s]) !== 0),
);

export function sourcesOf(mask: number): CandidateSource[] {
  return SOURCES_OF_MASK[mask & 31].slice();
}

/** Floyd's algorithm: `k` distinct positions of [0, n) in O(k), order fixed by the rng. */
function samplePositions(n: number, k: number, rng: Rng): number[] {
  if (k >= n) return Array.from({ length: n }, (_, i) => i);
  const chosen = new Set<number>();
  for (let j = n - k; j < n; j++) {
    const t = rng.int(j + 1);
    chosen.add(chosen.has(t) ? j : t);
  }
  return [...chosen];
}

class Pool {
  readonly order: number[] = [];
  private readonly flags: IndexFlags;
  constructor(
    excluded: readonly number[],
    readonly max: number,
  ) {
    this.flags = new IndexFlags(excluded.length + max);
    for (const i of excluded) this.flags.set(i, EXCLUDED);
  }
  get full(): boolean {
    return this.order.length >= this.max;
  }
  blocked(i: number): boolean {
    return (this.flags.get(i) & EXCLUDED) !== 0;
  }
  /** SOURCE bit mask of pool member i. */
  sourcesOf(i: number): number {
    return this.flags.get(i);
  }
  /** Adds i with `source`; returns true when i is a new member of the pool. */
  add(i: number, source: number): boolean {
    const m = this.flags.get(i);
    if ((m & EXCLUDED) !== 0) return false;
    if (m !== 0) {
      this.flags.set(i, m | source);
      return false;
    }
    if (this.full) return false;
    this.flags.set(i, source);
    this.order.push(i);
    return true;
  }
  /** Adds from `list` until `quota` new members were added. */
  addFrom(list: ArrayLike<number>, source: number, quota: number): number {
    let added = 0;
    for (let p = 0; p < list.length && added < quota && !this.full; p++) if (this.add(list[p], source)) added++;
    return added;
  }
}

function validate(min: number, max: number, now: number, newReleaseDays: number): void {
  const problems: string[] = [];
  if (!Number.isInteger(min) || min < 0) problems.push(`min must be an integer >= 0, got ${min}`);
  if (!Number.isInteger(max) || max < 1 || max < min)
    problems.push(`max must be an integer >= max(1, min), got ${max}`);
  if (!Number.isFinite(now)) problems.push(`now must be a finite epoch ms, got ${now}`);
  if (!(newReleaseDays > 0)) problems.push(`newReleaseDays must be > 0, got ${newReleaseDays}`);
  if (problems.length > 0) throw new DomainValidationError('invalid-candidate-options', problems.join('; '));
}

/**
 * Round-robin over the seeds' neighbour lists (rank 0 of every seed, then rank 1, …), each
 * up to twice its share deep, so overlaps between seeds' neighbourhoods still fill the share.
 * A list is first fetched only a little deeper than its share, which usually suffices, and
 * fetched to full depth only if the round-robin reaches its end: a k-nearest list is a prefix
 * of the (k+m)-nearest one, so the result is the same as fetching full depth up front.
 */
function addNeighbours(pool: Pool, index: CatalogIndex, seeds: number[], quota: number): void {
  if (seeds.length === 0) return;
  const perSeed = Math.ceil(quota / seeds.length);
  const depth = perSeed * 2;
  const skip = (i: number): boolean => pool.blocked(i);
  const shallow = Math.min(depth, perSeed + NEIGHBOUR_MARGIN);
  const lists = seeds.map((s) => nearestNeighbours(index, s, shallow, skip));
  let added = 0;
  for (let rank = 0; rank < depth && added < quota; rank++) {
    for (let s = 0; s < seeds.length && added < quota; s++) {
      // The end of a full shallow list is not the catalog's end: fetch the full depth.
      if (rank === shallow && lists[s].length === shallow) lists[s] = nearestNeighbours(index, seeds[s], depth, skip);
      if (rank < lists[s].length && pool.add(lists[s][rank], SOURCE.similar)) added++;
    }
  }
}

function addSampled(pool: Pool, lists: ArrayLike<number>[], source: number, quota: number, rng: Rng): void {
  if (lists.length === 0) return;
  const per = Math.ceil(quota / lists.length);
  for (const list of lists) {
    const sample = samplePositions(list.length, per * 2, rng).map((p) => list[p]);
    pool.addFrom(sample, source, per);
  }
}

function recentReleases(index: CatalogIndex, now: number, days: number): number[] {
  const out: number[] = [];
  const since = now - days * MS_PER_DAY;
  for (const i of index.byRelease) {
    const t = index.releasedAt[i];
    if (t < since) break;
    if (t <= now) out.push(i);
  }
  return out;
}

export function generateCandidates(options: CandidateOptions): CandidateSet {
  const { index, rng, now, min = 200, max = 500 } = options;
  const { seedTracks = DEFAULT_SEED_TRACKS, newReleaseDays = DEFAULT_NEW_RELEASE_DAYS } = options;
  validate(min, max, now, newReleaseDays);
  const known = (ids: Iterable<string>): number[] =>
    [...ids].map((id) => index.idToIndex.get(id)).filter((i): i is number => i !== undefined);
  const pool = new Pool(known(options.excludeTrackIds), max);
  const seeds = known(options.historyTrackIds).slice(0, seedTracks);
  const quota = (s: CandidateSource): number => Math.round(SOURCE_SHARES[s] * max);

  addNeighbours(pool, index, seeds, quota('similar'));
  const genreLists = options.topGenres.map((g) => index.byGenre.get(normaliseGenre(g))).filter((l) => l !== undefined);
  addSampled(pool, genreLists, SOURCE.genre, quota('genre'), rng);
  const bucketLists = options.topBuckets.map((b) => index.byBucket.get(b)).filter((l) => l !== undefined);
  addSampled(pool, bucketLists, SOURCE.bucket, quota('bucket'), rng);
  pool.addFrom(recentReleases(index, now, newReleaseDays), SOURCE.newRelease, quota('newRelease'));
  const popularQuota = quota('popular') + (seeds.length === 0 ? quota('similar') : 0);
  const popularPool = index.byPopularity.subarray(0, Math.min(index.size, Math.max(POPULAR_POOL, popularQuota)));
  addSampled(pool, [popularPool], SOURCE.popular, popularQuota, rng);
  if (pool.order.length < min) pool.addFrom(index.byPopularity, SOURCE.popular, min - pool.order.length);

  const indices = Int32Array.from(pool.order);
  return { indices, sources: Uint8Array.from(indices, (i) => pool.sourcesOf(i)) };
}
