/**
 * The recommender's read model of each user, in Redis. It is a cache: Postgres holds
 * the truth, and a missing snapshot is rebuilt from there. The event path deletes a
 * user's snapshot before committing new state and writes the fresh one after, so a
 * crash in between leaves it missing (rebuilt) rather than stale.
 */
import type { Redis } from 'ioredis';
import { RedisUnavailableError } from './redis-client.js';
import type { RedisKeys } from './redis-keys.js';

export class SnapshotCache<T> {
  constructor(
    private readonly redis: Redis,
    private readonly keys: RedisKeys,
    private readonly ttlSeconds: number,
    /** How a value is stored (the learner passes snapshotJson, which reuses the JSON snapshotOf measured). */
    private readonly serialise: (value: T) => string = JSON.stringify,
  ) {}

  async invalidate(userIds: readonly string[]): Promise<void> {
    if (userIds.length === 0) return;
    await this.guard(() => this.redis.unlink(...userIds.map((u) => this.keys.userSnapshot(u))));
  }

  /** One pipelined round trip for the whole batch. */
  async writeMany(snapshots: ReadonlyArray<{ userId: string; snapshot: T }>): Promise<void> {
    if (snapshots.length === 0) return;
    const pipeline = this.redis.pipeline();
    for (const { userId, snapshot } of snapshots) {
      pipeline.set(this.keys.userSnapshot(userId), this.serialise(snapshot), 'EX', this.ttlSeconds);
    }
    const results = await this.guard(() => pipeline.exec());
    const failed = (results ?? []).find(([error]) => error);
    if (failed) throw new RedisUnavailableError(failed[0]);
  }

  async read(userId: string): Promise<T | null> {
    const raw = await this.guard(() => this.redis.get(this.keys.userSnapshot(userId)));
    return raw === null ? null : (JSON.parse(raw) as T);
  }

  private async guard<R>(op: () => Promise<R>): Promise<R> {
    try {
      return await op();
    } catch (error) {
      throw new RedisUnavailableError(error);
    }
  }
}
