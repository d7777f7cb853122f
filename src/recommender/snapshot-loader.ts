/**
 * The user's snapshot for ranking: Redis first (written by the event path), else
 * rebuilt from the persisted model in Postgres, else an empty snapshot for a new user.
 * A rebuilt snapshot is NOT written back: the event path deletes the key before it
 * commits new state, and a write-back racing that commit could resurrect stale state.
 * For ranking, the personality comes from the active profile in Postgres when there is one
 * (`withActiveProfile`); a cached list needs only the snapshot's negatives, so a cache hit
 * skips that query.
 */
import { snapshotOf, SNAPSHOT_LIMITS, type UserSnapshot } from '../domain/user-snapshot.js';
import { decodeUserState } from '../domain/user-state-codec.js';
import { personalityKeyPart } from '../domain/state-key.js';
import { BALANCED_BIG_FIVE, type BigFive } from '../domain/types.js';
import type { Executor } from '../infra/postgres/pool.js';
import { findActiveProfiles, findModelsByUserIds } from '../infra/postgres/user-model.repository.js';
import { findCreatedAt } from '../infra/postgres/users.repository.js';
import type { RedisOutage } from './redis-outage.js';

export interface SnapshotReader {
  read(userId: string): Promise<UserSnapshot | null>;
}

export type SnapshotSource = 'redis' | 'postgres' | 'new-user';

export interface LoadedSnapshot {
  readonly snapshot: UserSnapshot;
  readonly source: SnapshotSource;
}

export class SnapshotLoader {
  constructor(
    private readonly deps: { readonly redis: SnapshotReader; readonly db: Executor; readonly outage: RedisOutage },
  ) {}

  async load(userId: string): Promise<LoadedSnapshot> {
    const cached = await this.deps.outage.orElse(
      'snapshot.read',
      () => this.deps.redis.read(userId),
      () => null,
    );
    return cached ? { snapshot: cached, source: 'redis' } : this.rebuild(userId);
  }

  /**
   * The snapshot with the user's active personality profile, for ranking. personality_scores is
   * the profile's source of truth and is committed before an update is published, so it wins over
   * the snapshot's copy, which lags until the actor applies the update. The Q-values stay the
   * actor's (its state keys switch when it applies the update).
   */
  async withActiveProfile(snapshot: UserSnapshot): Promise<UserSnapshot> {
    const personality = await this.activeProfile(snapshot.userId);
    return personality ? { ...snapshot, personality } : snapshot;
  }

  /** Account creation (epoch ms); a user Postgres does not know yet is new, i.e. created `now`. */
  async createdAt(userId: string, now: number): Promise<number> {
    return (await findCreatedAt(this.deps.db, userId)) ?? now;
  }

  private async rebuild(userId: string): Promise<LoadedSnapshot> {
    const [model] = await findModelsByUserIds(this.deps.db, [userId]);
    if (!model) return { snapshot: emptySnapshot(userId), source: 'new-user' };
    return { snapshot: snapshotOf(decodeUserState(model.state), SNAPSHOT_LIMITS), source: 'postgres' };
  }

  private async activeProfile(userId: string): Promise<BigFive | null> {
    const [profile] = await findActiveProfiles(this.deps.db, [userId]);
    if (!profile) return null;
    const { openness, conscientiousness, extraversion, agreeableness, neuroticism } = profile;
    return { openness, conscientiousness, extraversion, agreeableness, neuroticism };
  }
}

/** A user with no learned state: no Q-values, preferences, history or negatives; model version 0. */
export function emptySnapshot(userId: string): UserSnapshot {
  return {
    userId,
    modelVersion: 0,
    episodes: 0,
    stateKeyPrefix: personalityKeyPart(BALANCED_BIG_FIVE),
    q: {},
    genres: [],
    buckets: [],
    history: [],
    personality: null,
    negatives: [],
  };
}
