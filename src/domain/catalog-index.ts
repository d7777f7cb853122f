/**
 * In-memory catalog index laid out for scanning: all feature vectors in one Float32Array
 * (n × 7, FEATURE_KEYS order, tempo/250), their unit-length copies (dot product = cosine),
 * popularity as bytes, artists as integer ids in CSR form, and lookup maps.
 * Built once per catalog load; read-only afterwards.
 */
import { buildFeatureTree, type FeatureTree, nearestInTree } from './feature-tree.js';
import { bucketOfGenres, type GenZBucket, normaliseGenre } from './genre.js';
import { FEATURE_DIM, FEATURE_KEYS, writeFeatures } from './history-similarity.js';
import { genreMask } from './personality-match.js';
import { buildTrackKeyParts, type TrackKeyParts } from './track-key-parts.js';
import { DomainValidationError, type Track } from './types.js';

export interface CatalogIndex {
  readonly size: number;
  readonly tracks: readonly Track[];
  /** n × FEATURE_DIM normalised features. */
  readonly features: Float32Array;
  /** n × FEATURE_DIM unit-length vectors (zero vector stays zero). */
  readonly unit: Float32Array;
  readonly popularity: Uint8Array;
  readonly idToIndex: ReadonlyMap<string, number>;
  /** Normalised genre label → track indices (ascending). */
  readonly byGenre: ReadonlyMap<string, Int32Array>;
  readonly byBucket: ReadonlyMap<GenZBucket, Int32Array>;
  readonly byArtist: ReadonlyMap<string, Int32Array>;
  /** Artist ids of track i: artistIds[artistStart[i] .. artistStart[i+1]). */
  readonly artistStart: Int32Array;
  readonly artistIds: Int32Array;
  /** Artist name → the id used in artistIds. */
  readonly artistIdOf: ReadonlyMap<string, number>;
  /** Personality genre like/avoid bits of each track (`genreMask(track.genres)`). */
  readonly genreMasks: Uint16Array;
  /** Interned RL state-key part of each track. */
  readonly keyParts: TrackKeyParts;
  /** Track indices by popularity descending, ties by index ascending. */
  readonly byPopularity: Int32Array;
  /** Release time in epoch ms, NaN when unknown. */
  readonly releasedAt: Float64Array;
  /** Indices of tracks with a known release time, newest first. */
  readonly byRelease: Int32Array;
  /** k-d tree over `features` for exact nearest-neighbour queries. */
  readonly tree: FeatureTree;
}

const MAX_REPORTED_PROBLEMS = 20;

function validateTracks(tracks: readonly Track[]): void {
  const problems: string[] = [];
  const seen = new Set<string>();
  tracks.forEach((t, i) => {
    if (seen.has(t.trackId)) problems.push(`tracks[${i}]: duplicate trackId ${t.trackId}`);
    seen.add(t.trackId);
    for (const key of FEATURE_KEYS) {
      const v = t[key];
      const max = key === 'tempo' ? Infinity : 1;
      if (typeof v !== 'number' || !(v >= 0 && v <= max))
        problems.push(`tracks[${i}].${key} out of range: ${String(v)}`);
    }
    if (!(t.popularity >= 0 && t.popularity <= 100))
      problems.push(`tracks[${i}].popularity out of 0..100: ${t.popularity}`);
  });
  if (problems.length > 0) {
    const shown = problems.slice(0, MAX_REPORTED_PROBLEMS).join('; ');
    const more = problems.length > MAX_REPORTED_PROBLEMS ? ` (+${problems.length - MAX_REPORTED_PROBLEMS} more)` : '';
    throw new DomainValidationError('invalid-catalog', `Invalid catalog: ${shown}${more}`);
  }
}

function pushTo<K>(map: Map<K, number[]>, key: K, i: number): void {
  const list = map.get(key);
  if (list) list.push(i);
  else map.set(key, [i]);
}

function freeze<K>(map: Map<K, number[]>): Map<K, Int32Array> {
  return new Map([...map].map(([k, v]) => [k, Int32Array.from(v)] as const));
}

function writeUnit(features: Float32Array, unit: Float32Array, i: number): void {
  const o = i * FEATURE_DIM;
  let norm = 0;
  for (let k = 0; k < FEATURE_DIM; k++) norm += features[o + k] * features[o + k];
  const inv = norm === 0 ? 0 : 1 / Math.sqrt(norm);
  for (let k = 0; k < FEATURE_DIM; k++) unit[o + k] = features[o + k] * inv;
}

function buildArtists(tracks: readonly Track[]): {
  artistStart: Int32Array;
  artistIds: Int32Array;
  artistIdOf: Map<string, number>;
  byArtist: Map<string, number[]>;
} {
  const artistStart = new Int32Array(tracks.length + 1);
  const ids: number[] = [];
  const idOf = new Map<string, number>();
  const byArtist = new Map<string, number[]>();
  tracks.forEach((t, i) => {
    for (const a of new Set(t.artists)) {
      if (!idOf.has(a)) idOf.set(a, idOf.size);
      ids.push(idOf.get(a) as number);
      pushTo(byArtist, a, i);
    }
    artistStart[i + 1] = ids.length;
  });
  return { artistStart, artistIds: Int32Array.from(ids), artistIdOf: idOf, byArtist };
}

function sortedIndices(n: number, keep: (i: number) => boolean, compare: (a: number, b: number) => number): Int32Array {
  const out: number[] = [];
  for (let i = 0; i < n; i++) if (keep(i)) out.push(i);
  return Int32Array.from(out.sort(compare));
}

export function buildCatalogIndex(tracks: readonly Track[]): CatalogIndex {
  validateTracks(tracks);
  const n = tracks.length;
  const features = new Float32Array(n * FEATURE_DIM);
  const unit = new Float32Array(n * FEATURE_DIM);
  const popularity = new Uint8Array(n);
  const releasedAt = new Float64Array(n);
  const idToIndex = new Map<string, number>();
  const byGenre = new Map<string, number[]>();
  const byBucket = new Map<GenZBucket, number[]>();
  const buckets: GenZBucket[] = new Array<GenZBucket>(n);
  const genreMasks = new Uint16Array(n);
  tracks.forEach((t, i) => {
    writeFeatures(t, features, i * FEATURE_DIM);
    writeUnit(features, unit, i);
    popularity[i] = Math.round(t.popularity);
    releasedAt[i] = t.releaseDate ? Date.parse(t.releaseDate) : NaN;
    idToIndex.set(t.trackId, i);
    for (const g of new Set(t.genres.map(normaliseGenre))) pushTo(byGenre, g, i);
    buckets[i] = bucketOfGenres(t.genres);
    pushTo(byBucket, buckets[i], i);
    genreMasks[i] = genreMask(t.genres);
  });
  const artists = buildArtists(tracks);
  return {
    size: n,
    tracks,
    features,
    unit,
    popularity,
    idToIndex,
    byGenre: freeze(byGenre),
    byBucket: freeze(byBucket),
    byArtist: freeze(artists.byArtist),
    artistStart: artists.artistStart,
    artistIds: artists.artistIds,
    artistIdOf: artists.artistIdOf,
    genreMasks,
    keyParts: buildTrackKeyParts(tracks, buckets),
    byPopularity: sortedIndices(
      n,
      () => true,
      (a, b) => popularity[b] - popularity[a] || a - b,
    ),
    releasedAt,
    byRelease: sortedIndices(
      n,
      (i) => !Number.isNaN(releasedAt[i]),
      (a, b) => releasedAt[b] - releasedAt[a] || a - b,
    ),
    tree: buildFeatureTree(features, n),
  };
}

/**
 * The k tracks nearest to track `seed` by squared Euclidean distance on the normalised
 * features (Euclidean, not cosine: cosine ignores magnitude, and non-negative audio
 * features all point roughly the same way); tracks where `skip(i)` is true are ignored.
 * Exact, via the index's k-d tree (the same result as a scan of all tracks, ties included).
 * Result is nearest first, ties by index.
 */
export function nearestNeighbours(
  index: CatalogIndex,
  seed: number,
  k: number,
  skip: (i: number) => boolean,
): Int32Array {
  return nearestInTree(index.tree, index.features, seed, k, skip);
}
