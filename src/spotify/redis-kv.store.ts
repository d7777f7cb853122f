/**
 * The cache port on an ioredis client. A type-only import: the client itself is built in
 * src/infra/redis (with fail-fast commands, so a Redis outage costs a rejected promise, not a hang).
 */
import type { Redis } from 'ioredis';
import type { KeyValueStore } from './spotify.cache.js';

export function redisKeyValueStore(redis: Redis): KeyValueStore {
  return {
    getMany: (keys) => redis.mget(...keys),
    async setMany(entries) {
      const pipeline = redis.pipeline();
      for (const e of entries) pipeline.set(e.key, e.value, 'EX', e.ttlSeconds);
      const results = await pipeline.exec();
      const failed = (results ?? []).find(([error]) => error);
      if (failed) throw failed[0];
    },
  };
}
