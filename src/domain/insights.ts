/**
 * Listening insights from history aggregates.
 *   - Genre distribution: a track's plays are split equally among its (normalised, distinct)
 *     genres, so each play counts once; tracks without genres are left out. Entropy is the
 *     Shannon entropy H = −Σ p·log2 p in bits; normalised entropy is H / log2(#genres) (0 for ≤ 1 genre).
 *   - Top buckets: each track's plays go to its GenZ bucket; 'Other' is never a top bucket.
 *   - Top artists: each artist of a track is credited all of its plays (a feature counts for
 *     both artists), so artist shares may sum above 1.
 *   - By hour (24 bins) and by context count individual plays where known.
 * Ordering: plays descending, then name ascending, so results are deterministic.
 */
import { bucketOfGenres, normaliseGenre } from './genre.js';
import { DomainValidationError, isListeningContext, LISTENING_CONTEXTS, type ListeningContext } from './types.js';

export interface HistoryTrackAggregate {
  readonly trackId: string;
  readonly genres: readonly string[];
  readonly artists: readonly string[];
  readonly playCount: number;
}

export interface PlayMoment {
  /** Local hour of day 0..23, null when unknown. */
  readonly hour: number | null;
  readonly context: string | null;
}

export interface InsightsInput {
  readonly tracks: readonly HistoryTrackAggregate[];
  readonly plays?: readonly PlayMoment[];
  readonly topN?: number;
}

export interface Share {
  readonly name: string;
  readonly plays: number;
  /** plays / total plays (for genres: total plays of tracks that have genres). */
  readonly share: number;
}

export interface Insights {
  readonly totalPlays: number;
  readonly genreDistribution: readonly Share[];
  readonly genreEntropyBits: number;
  readonly genreEntropyNormalised: number;
  readonly topBuckets: readonly Share[];
  readonly topArtists: readonly Share[];
  readonly byHour: readonly number[];
  readonly byContext: Readonly<Record<ListeningContext, number>>;
  readonly unknownContextPlays: number;
}

export const DEFAULT_TOP_N = 5;

function validate(input: InsightsInput): void {
  const problems: string[] = [];
  input.tracks.forEach((t, i) => {
    if (!Number.isInteger(t.playCount) || t.playCount < 0)
      problems.push(`tracks[${i}].playCount must be an integer >= 0`);
  });
  (input.plays ?? []).forEach((p, i) => {
    if (p.hour !== null && !(Number.isInteger(p.hour) && p.hour >= 0 && p.hour <= 23))
      problems.push(`plays[${i}].hour must be 0..23`);
    if (p.context !== null && !isListeningContext(p.context))
      problems.push(`plays[${i}].context unknown: ${p.context}`);
  });
  if (problems.length > 0)
    throw new DomainValidationError('invalid-history', `Invalid insights input: ${problems.join('; ')}`);
}

function add(map: Map<string, number>, key: string, plays: number): void {
  map.set(key, (map.get(key) ?? 0) + plays);
}

function shares(map: Map<string, number>, total: number): Share[] {
  return [...map]
    .filter(([, plays]) => plays > 0)
    .map(([name, plays]) => ({ name, plays, share: total === 0 ? 0 : plays / total }))
    .sort((a, b) => b.plays - a.plays || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Shannon entropy in bits of a distribution given by its shares (zero shares contribute 0). */
export function entropyBits(distribution: readonly number[]): number {
  let h = 0;
  for (const p of distribution) if (p > 0) h -= p * Math.log2(p);
  return h;
}

function genreStats(tracks: readonly HistoryTrackAggregate[]) {
  const genres = new Map<string, number>();
  let total = 0;
  for (const t of tracks) {
    const distinct = [...new Set(t.genres.map(normaliseGenre))];
    if (distinct.length === 0 || t.playCount === 0) continue;
    for (const g of distinct) add(genres, g, t.playCount / distinct.length);
    total += t.playCount;
  }
  const distribution = shares(genres, total);
  const bits = entropyBits(distribution.map((s) => s.share));
  const normalised = distribution.length > 1 ? bits / Math.log2(distribution.length) : 0;
  return { distribution, bits, normalised };
}

function momentStats(plays: readonly PlayMoment[]) {
  const byHour = new Array<number>(24).fill(0);
  const byContext = Object.fromEntries(LISTENING_CONTEXTS.map((c) => [c, 0])) as Record<ListeningContext, number>;
  let unknownContextPlays = 0;
  for (const p of plays) {
    if (p.hour !== null) byHour[p.hour]++;
    if (p.context !== null && isListeningContext(p.context)) byContext[p.context]++;
    else unknownContextPlays++;
  }
  return { byHour, byContext, unknownContextPlays };
}

export function computeInsights(input: InsightsInput): Insights {
  validate(input);
  const topN = input.topN ?? DEFAULT_TOP_N;
  const totalPlays = input.tracks.reduce((sum, t) => sum + t.playCount, 0);
  const buckets = new Map<string, number>();
  const artists = new Map<string, number>();
  for (const t of input.tracks) {
    const bucket = bucketOfGenres(t.genres);
    if (bucket !== 'Other') add(buckets, bucket, t.playCount);
    for (const a of new Set(t.artists)) add(artists, a, t.playCount);
  }
  const genres = genreStats(input.tracks);
  return {
    totalPlays,
    genreDistribution: genres.distribution,
    genreEntropyBits: genres.bits,
    genreEntropyNormalised: genres.normalised,
    topBuckets: shares(buckets, totalPlays).slice(0, topN),
    topArtists: shares(artists, totalPlays).slice(0, topN),
    ...momentStats(input.plays ?? []),
  };
}
