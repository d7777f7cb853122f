/**
 * The compact read model the recommender loads from Redis. Lists are capped and numbers
 * rounded to 4 decimals so a heavy user's snapshot stays under 4 KB of JSON.
 */
import { topBuckets, topGenres, type RankedPreference } from './genre-preferences.js';
import { topHistory } from './listening-history.js';
import { rlAdjustmentOf } from './q-table.js';
import { personalityKeyPart, trackKeyPart, type KeyedTrack } from './state-key.js';
import { topK } from './top-k.js';
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
function topQ(state: UserState, prefix: string, n: number): Array<[string, readonly [number, number]]> {
  const head = `${prefix}|`;
  const current: Array<[string, readonly [number, number]]> = [];
  for (const entry of state.q) if (entry[0].startsWith(head)) current.push(entry);
  const weight = (e: [string, readonly [number, number]]): number => Math.abs(e[1][0] - e[1][1]);
  // Every candidate key starts with `head`, so comparing whole keys orders them as their track parts.
  const ranked = topK(current, n, (a, b) => weight(b) - weight(a) || (a[0] < b[0] ? -1 : 1));
  return ranked.map(([key, [rec, not]]) => [key.slice(head.length), [r4(rec), r4(not)] as const]);
}

/**
 * Bytes of JSON a snapshot may take. Redis stores a value of up to ~3.5 KB in its 3,584-byte
 * allocation class, so with the key and object overhead a user costs under 4 KB of Redis memory.
 */
export const SNAPSHOT_MAX_JSON_BYTES = 3_500;

const serialised = new WeakMap<UserSnapshot, string>();

/**
 * The snapshot under the caps in `sizes` and within SNAPSHOT_MAX_JSON_BYTES: when long ids
 * or a heavy history push it over, the lowest-ranked history rows go first, then the
 * lowest-ranked Q entries (a tenth per step): Q entries carry what was learned, history rows
 * only seed candidates (in the simulation, trimming Q first cost 10 % of learning's regret
 * reduction; history first cost nothing measurable). Personality, genres, buckets and the
 * never-recommend list are always kept (so only a never-recommend list of ~30 ids of 100+
 * characters could still exceed it).
 */
export function snapshotOf(state: UserState, sizes: SnapshotSizes): UserSnapshot {
  const cap = (n: number, max: number): number => Math.max(0, Math.min(n, max));
  const prefix = personalityKeyPart(state.personality ?? BALANCED_BIG_FIVE);
  const q = topQ(state, prefix, cap(sizes.topQ, SNAPSHOT_LIMITS.topQ));
  const history = topHistory(state.history, cap(sizes.topHistory, SNAPSHOT_LIMITS.topHistory)).map(
    (h) => [h.trackId, h.playCount, h.lastPlayedAt] as const,
  );
  const base = {
    userId: state.userId,
    modelVersion: state.modelVersion,
    episodes: state.episodes,
    stateKeyPrefix: prefix,
    genres: topGenres(state.preferences, cap(sizes.topGenres, SNAPSHOT_LIMITS.topGenres)).map(row),
    buckets: topBuckets(state.preferences, Number.MAX_SAFE_INTEGER).map(row),
    personality: state.personality ? { ...state.personality } : null,
    negatives: [...state.recentNegatives],
  };
  let [nq, nh] = [q.length, history.length];
  for (;;) {
    const { userId, modelVersion, episodes, stateKeyPrefix, genres, buckets, personality, negatives } = base;
    const snapshot: UserSnapshot = {
      userId,
      modelVersion,
      episodes,
      stateKeyPrefix,
      q: Object.fromEntries(q.slice(0, nq)),
      genres,
      buckets,
      history: history.slice(0, nh),
      personality,
      negatives,
    };
    const json = JSON.stringify(snapshot);
    if (utf8Length(json) <= SNAPSHOT_MAX_JSON_BYTES || (nq === 0 && nh === 0)) {
      serialised.set(snapshot, json);
      return snapshot;
    }
    if (nh > 0) nh = Math.max(0, nh - Math.max(1, Math.round(nh / 10)));
    else nq = Math.max(0, nq - Math.max(1, Math.round(nq / 10)));
  }
}

/** The snapshot's JSON (computed once by snapshotOf, which measured it). */
export function snapshotJson(snapshot: UserSnapshot): string {
  return serialised.get(snapshot) ?? JSON.stringify(snapshot);
}

const NON_ASCII = /[^\u0000-\u007f]/;

function utf8Length(s: string): number {
  if (!NON_ASCII.test(s)) return s.length; // the usual case, scanned natively
  let bytes = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) bytes += 1;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 2; // a surrogate pair: 4 bytes for 2 UTF-16 units
      i++;
    } else bytes += 2;
  }
  return bytes;
}

/** The recommender's RL term for a candidate track, in (−1, 1); the scorer scales it to ±0.05. */
export function snapshotRlAdjustment(snapshot: UserSnapshot, track: KeyedTrack | null): number {
  return snapshotRlAdjustmentOfKey(snapshot, trackKeyPart(track));
}

/** The same for a track's key part (`trackKeyPart`), e.g. interned once per catalog track. */
export function snapshotRlAdjustmentOfKey(snapshot: UserSnapshot, trackKey: string): number {
  return rlAdjustmentOf(snapshot.q[trackKey]);
}
