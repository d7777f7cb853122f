/**
 * Drops a user's cached recommendation list from both copies (Redis `recs:{user}` and
 * recommendations_cache, marked is_valid = false), for writers that change what the
 * recommender would answer — a new personality profile, a synced listening history.
 * Both copies go: the Postgres one is what the recommender serves while Redis is down.
 */
import type { Executor } from '../infra/postgres/pool.js';
import { invalidateCachedList } from '../infra/postgres/recommendation.repository.js';

export interface ListCacheInvalidation {
  invalidate(userId: string): Promise<void>;
}

export class ListInvalidator {
  constructor(private readonly deps: { readonly redis: ListCacheInvalidation; readonly db: Executor }) {}

  /**
   * Rejects (RedisUnavailableError, a database error) when either copy could not be dropped:
   * a list left behind would be served for up to its TTL, so the caller must not report success.
   */
  async invalidate(userId: string): Promise<void> {
    await Promise.all([this.deps.redis.invalidate(userId), invalidateCachedList(this.deps.db, userId)]);
  }
}
