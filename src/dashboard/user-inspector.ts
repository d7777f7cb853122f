/**
 * One user as the learner and the recommender see them: the snapshot the recommender
 * ranks with (Redis, else rebuilt from Postgres — the recommender's own SnapshotLoader,
 * so the inspector shows exactly what ranking uses), its Big Five, learned genre
 * preferences and strongest Q-values, and the latest list served with its scores.
 */
import { parseStateKey } from '../domain/state-key.js';
import type { BigFive } from '../domain/types.js';
import type { UserSnapshot } from '../domain/user-snapshot.js';
import type { Executor } from '../infra/postgres/pool.js';
import type { SnapshotSource } from '../recommender/snapshot-loader.js';
import { findLatestServedList, type ServedList } from './recent-recommendations.repository.js';

export interface Preference {
  readonly name: string;
  readonly score: number;
  readonly interactions: number;
}

export interface QValue {
  /** The track part of the state key, e.g. 'e2v1d2t1|Hype Beats'. */
  readonly state: string;
  /** Readable bins of that part: energy, valence, danceability, tempo and the genre bucket. */
  readonly labels: Readonly<Record<string, string>>;
  readonly recommend: number;
  readonly notRecommend: number;
}

export interface UserView {
  readonly userId: string;
  readonly snapshotSource: SnapshotSource;
  readonly modelVersion: number;
  readonly episodes: number;
  readonly personality: BigFive | null;
  readonly personalityKey: string;
  readonly genres: readonly Preference[];
  readonly buckets: readonly Preference[];
  readonly topQ: readonly QValue[];
  readonly recommendations: ServedList | null;
}

export interface InspectorDeps {
  readonly snapshots: {
    load(userId: string): Promise<{ snapshot: UserSnapshot; source: SnapshotSource }>;
    /** The active profile in Postgres wins over the snapshot's copy, which lags until the actor applies it. */
    withActiveProfile(snapshot: UserSnapshot): Promise<UserSnapshot>;
  };
  readonly db: Executor;
}

export const TOP_Q = 10;
export const SHOWN_TRACKS = 20;

export async function inspectUser(deps: InspectorDeps, userId: string): Promise<UserView> {
  const [{ snapshot, source }, recommendations] = await Promise.all([
    deps.snapshots.load(userId),
    findLatestServedList(deps.db, userId, SHOWN_TRACKS),
  ]);
  const { personality } = await deps.snapshots.withActiveProfile(snapshot);
  const preference = ([name, score, interactions]: readonly [string, number, number]): Preference => ({
    name,
    score,
    interactions,
  });
  return {
    userId,
    snapshotSource: source,
    modelVersion: snapshot.modelVersion,
    episodes: snapshot.episodes,
    personality,
    personalityKey: snapshot.stateKeyPrefix,
    genres: snapshot.genres.map(preference),
    buckets: snapshot.buckets.map(preference),
    topQ: topQ(snapshot, TOP_Q),
    recommendations,
  };
}

/** The states where recommending is valued most (Q(recommend), highest first). */
export function topQ(snapshot: UserSnapshot, n: number): QValue[] {
  return Object.entries(snapshot.q)
    .sort(([ka, [a]], [kb, [b]]) => b - a || (ka < kb ? -1 : 1))
    .slice(0, n)
    .map(([state, [recommend, notRecommend]]) => ({
      state,
      labels: labelsOf(snapshot, state),
      recommend,
      notRecommend,
    }));
}

function labelsOf(snapshot: UserSnapshot, state: string): Record<string, string> {
  try {
    const { features, bucket } = parseStateKey(`${snapshot.stateKeyPrefix}|${state}`);
    return { ...features, bucket };
  } catch {
    // A key from a newer key format: show it raw rather than fail the whole view.
    return {};
  }
}
