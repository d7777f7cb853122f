/**
 * The compact read model the recommender loads from Redis. Lists are capped and numbers
 * rounded to 4 decimals so a heavy user's snapshot stays under 4 KB of JSON.
 */
import { topBuckets, topGenres, type RankedPreference } from './genre-preferences.js';
import { topHistory } from './listening-history.js';
import { rlAdjustmentOf } from './q-table.js';
import { personalityKeyPart, trackKeyPart, type KeyedTrack } from './state-key.js';
import { BALANCED_BIG_FIVE, type BigFive } from './types.js';
import type { UserState } from './user-state.js';

/** Upper bounds on list sizes; larger requests are capped (sized for the 4 KB budget). */
export const SNAPSHOT_LIMITS = Object.freeze({ topQ: 40, topGenres: 12, topHistory: 20 });

export type PreferenceRow = readonly [name: string, score: number, interactions: number];
export type HistoryRow = readonly [trackId: string, playCount: number, lastPlayedAt: number];

export interface UserSnapshot {
  readonly userId: string;
  readonly modelVersion: number;
  readonly episodes: number;
  /** Personality part of every state key, e.g. 'O2C1E1A1N0' (shared, so stored once). */
  readonly stateKeyPrefix: string;
  /** Track part of the state key ('e2v1d2t1|Hype Beats') → [Q(recommend), Q(not_recommend)]. */
  readonly q: Readonly<Record<string, readonly [number, number]>>;
  readonly genres: readonly PreferenceRow[];
  /** All learned buckets except 'Other', best first. */
  readonly buckets: readonly PreferenceRow[];
  readonly history: readonly HistoryRow[];
  /** Big Five on 0..100, or null when the user has no profile (scorers use balanced defaults). */
  readonly personality: BigFive | null;
  /** Recently skipped or disliked track ids, newest first: never recommend these. */
  readonly negatives: readonly string[];
}

export interface SnapshotSizes {
  readonly topQ: number;
  readonly topGenres: number;
  readonly topHistory: number;
}

const r4 = (x: number): number => Math.round(x * 1e4) / 1e4 + 0; // + 0 turns −0 into 0
const row = (p: RankedPreference): PreferenceRow => [p.name, r4(p.score), p.count];

/**
 * Q entries under the current personality only (keys learned under an older profile can
 * never be looked up again), ranked by |rlAdjustment| so the entries that move a score most
 * survive the cap; an absent entry reads as adjustment 0.
 */
function topQ(state: UserState, prefix: string, n: number): Record<string, readonly [number, number]> {
  const head = `${prefix}|`;
  const rows: Array<[string, number, number]> = [];
  for (const [key, [rec, not]] of state.q) if (key.startsWith(head)) rows.push([key.slice(head.length), rec, not]);
  const weight = (r: [string, number, number]): number => Math.abs(r[1] - r[2]);
  rows.sort((a, b) => weight(b) - weight(a) || (a[0] < b[0] ? -1 : 1));
  return Object.fromEntries(rows.slice(0, n).map(([k, rec, not]) => [k, [r4(rec), r4(not)] as const]));
}

export function snapshotOf(state: UserState, sizes: SnapshotSizes): UserSnapshot {
  const cap = (n: number, max: number): number => Math.max(0, Math.min(n, max));
  const prefix = personalityKeyPart(state.personality ?? BALANCED_BIG_FIVE);
  return {
    userId: state.userId,
    modelVersion: state.modelVersion,
    episodes: state.episodes,
    stateKeyPrefix: prefix,
    q: topQ(state, prefix, cap(sizes.topQ, SNAPSHOT_LIMITS.topQ)),
    genres: topGenres(state.preferences, cap(sizes.topGenres, SNAPSHOT_LIMITS.topGenres)).map(row),
    buckets: topBuckets(state.preferences, Number.MAX_SAFE_INTEGER).map(row),
    history: topHistory(state.history, cap(sizes.topHistory, SNAPSHOT_LIMITS.topHistory)).map(
      (h) => [h.trackId, h.playCount, h.lastPlayedAt] as const,
    ),
    personality: state.personality ? { ...state.personality } : null,
    negatives: [...state.recentNegatives],
  };
}

/** The recommender's RL term for a candidate track, in (−1, 1); the scorer scales it to ±0.05. */
export function snapshotRlAdjustment(snapshot: UserSnapshot, track: KeyedTrack | null): number {
  return snapshotRlAdjustmentOfKey(snapshot, trackKeyPart(track));
}

/** The same for a track's key part (`trackKeyPart`), e.g. interned once per catalog track. */
export function snapshotRlAdjustmentOfKey(snapshot: UserSnapshot, trackKey: string): number {
  return rlAdjustmentOf(snapshot.q[trackKey]);
}
