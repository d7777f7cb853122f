/**
 * The last recommendation list per user, as JSON with a TTL. A cache only: the same
 * list is kept in Postgres (recommendations_cache) and served from there when Redis
 * is down. The recommender decides whether a cached list is still usable.
 */
import type { Redis } from 'ioredis';
import { RedisUnavailableError } from './redis-client.js';
import type { RedisKeys } from './redis-keys.js';

export class RecommendationCache {
  constructor(
    private readonly redis: Redis,
    private readonly keys: RedisKeys,
    private readonly ttlSeconds: number,
  ) {}

  async read(userId: string): Promise<string | null> {
    return this.guard(() => this.redis.get(this.keys.recommendations(userId)));
  }

  async write(userId: string, json: string): Promise<void> {
    await this.guard(() => this.redis.set(this.keys.recommendations(userId), json, 'EX', this.ttlSeconds));
  }

  async invalidate(userId: string): Promise<void> {
    await this.guard(() => this.redis.unlink(this.keys.recommendations(userId)));
  }

  private async guard<R>(op: () => Promise<R>): Promise<R> {
    try {
      return await op();
    } catch (error) {
      throw new RedisUnavailableError(error);
    }
  }
}
