/**
 * The 7-dimensional audio feature vector shared by every scoring component, and the
 * history-similarity component: cosine similarity between a candidate and the user's
 * recency- and play-count-weighted mean history vector. See docs/scoring.md.
 */
import { type AudioFeatures, DomainValidationError } from './types.js';

/** Order of the vector's components; every Float32Array of features uses this layout. */
export const FEATURE_KEYS = [
  'danceability',
  'energy',
  'valence',
  'tempo',
  'acousticness',
  'instrumentalness',
  'speechiness',
] as const;
export type FeatureKey = (typeof FEATURE_KEYS)[number];
export const FEATURE_DIM = FEATURE_KEYS.length;
export const TEMPO_INDEX = 3;

/** Tempo is mapped to [0,1] as bpm/250: 250 BPM is above virtually every catalog track (max ≈ 243). */
export const TEMPO_MAX_BPM = 250;
/** A play 14 days old weighs half as much as one today (taste drifts over weeks, not days). */
export const DEFAULT_HALF_LIFE_DAYS = 14;
/** Neutral similarity used when the user has no history: neither favours nor penalises a track. */
export const NO_HISTORY_SIMILARITY = 0.5;
export const MS_PER_DAY = 86_400_000;

const clamp01 = (x: number): number => (x < 0 ? 0 : x > 1 ? 1 : x);

/** Writes the normalised vector of `track` into `out` at `offset` (tempo/250, all clamped to [0,1]). */
export function writeFeatures(track: AudioFeatures, out: Float32Array | Float64Array, offset = 0): void {
  for (let k = 0; k < FEATURE_DIM; k++) {
    const raw = track[FEATURE_KEYS[k]];
    out[offset + k] = clamp01(k === TEMPO_INDEX ? raw / TEMPO_MAX_BPM : raw);
  }
}

export function featureVector(track: AudioFeatures): Float64Array {
  const v = new Float64Array(FEATURE_DIM);
  writeFeatures(track, v);
  return v;
}

/** Cosine of two vectors stored at offsets; 0 when either has zero length (no direction to compare). */
export function cosineAt(a: ArrayLike<number>, ao: number, b: ArrayLike<number>, bo: number): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let k = 0; k < FEATURE_DIM; k++) {
    const x = a[ao + k];
    const y = b[bo + k];
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

export interface HistoryEntry {
  readonly features: AudioFeatures;
  /** Number of plays; weight factor is 1 + ln(max(1, playCount)), so repeats count but do not dominate. */
  readonly playCount: number;
  /** Epoch ms of the most recent play. */
  readonly lastPlayedAt: number;
}

export interface HistoryProfile {
  /** Weighted mean of the history vectors (FEATURE_KEYS layout). */
  readonly vector: Float64Array;
  /** Sum of entry weights; kept so callers can tell a thin profile from a rich one. */
  readonly totalWeight: number;
}

export interface ProfileOptions {
  readonly entries: readonly HistoryEntry[];
  readonly now: number;
  readonly halfLifeDays?: number;
}

/** Weight of one history entry: play-count factor × 2^(−ageDays/halfLife); future plays count as age 0. */
export function historyEntryWeight(entry: HistoryEntry, now: number, halfLifeDays: number): number {
  const ageDays = Math.max(0, (now - entry.lastPlayedAt) / MS_PER_DAY);
  return (1 + Math.log(Math.max(1, entry.playCount))) * Math.pow(2, -ageDays / halfLifeDays);
}

/** The user's history profile, or null when there is no usable history. */
export function buildHistoryProfile(options: ProfileOptions): HistoryProfile | null {
  const { entries, now, halfLifeDays = DEFAULT_HALF_LIFE_DAYS } = options;
  validateProfileOptions(entries, now, halfLifeDays);
  const sum = new Float64Array(FEATURE_DIM);
  const v = new Float64Array(FEATURE_DIM);
  let total = 0;
  for (const entry of entries) {
    const w = historyEntryWeight(entry, now, halfLifeDays);
    writeFeatures(entry.features, v);
    for (let k = 0; k < FEATURE_DIM; k++) sum[k] += w * v[k];
    total += w;
  }
  if (total === 0) return null;
  for (let k = 0; k < FEATURE_DIM; k++) sum[k] /= total;
  return { vector: sum, totalWeight: total };
}

function validateProfileOptions(entries: readonly HistoryEntry[], now: number, halfLifeDays: number): void {
  const problems: string[] = [];
  if (!Number.isFinite(now)) problems.push(`now must be a finite epoch ms, got ${now}`);
  if (!(halfLifeDays > 0) || !Number.isFinite(halfLifeDays))
    problems.push(`halfLifeDays must be > 0, got ${halfLifeDays}`);
  entries.forEach((e, i) => {
    if (!(e.playCount >= 0) || !Number.isFinite(e.playCount)) problems.push(`entries[${i}].playCount must be >= 0`);
    if (!Number.isFinite(e.lastPlayedAt)) problems.push(`entries[${i}].lastPlayedAt must be a finite epoch ms`);
  });
  if (problems.length > 0) throw new DomainValidationError('invalid-history', problems.join('; '));
}

/**
 * Cosine similarity between a candidate vector (at `offset` of `features`) and the profile.
 * All features are non-negative, so the cosine already lies in [0,1]; the clamp only absorbs
 * float noise. No profile → exactly 0.5.
 */
export function historySimilarity(profile: HistoryProfile | null, features: ArrayLike<number>, offset = 0): number {
  if (profile === null) return NO_HISTORY_SIMILARITY;
  return clamp01(cosineAt(profile.vector, 0, features, offset));
}

/**
 * The features contributing most to the similarity (largest profile_k × candidate_k terms
 * of the dot product), used to explain a recommendation.
 */
export function topSharedFeatures(
  profile: HistoryProfile,
  features: ArrayLike<number>,
  offset: number,
  count: number,
): FeatureKey[] {
  const terms = FEATURE_KEYS.map((key, k) => ({ key, value: profile.vector[k] * features[offset + k] }));
  terms.sort((a, b) => b.value - a.value);
  return terms
    .slice(0, count)
    .filter((t) => t.value > 0)
    .map((t) => t.key);
}
