/** Assembles the use case from the process-wide clients. No Nest here, so scripts and tests can reuse it. */
import type { Redis } from 'ioredis';
import type { Producer } from 'kafkajs';
import type { Pool } from 'pg';
import type { AppConfig } from '../config/config.js';
import type { UserSnapshot } from '../domain/user-snapshot.js';
import type { SchemaRegistry } from '../infra/avro/schema-registry.js';
import { topicName } from '../infra/kafka/topics.js';
import type { Logger } from '../infra/logging/logger.js';
import { SlidingWindowRateLimiter } from '../infra/redis/rate-limiter.js';
import { RecommendationCache } from '../infra/redis/recommendation.cache.js';
import type { RedisKeys } from '../infra/redis/redis-keys.js';
import { SnapshotCache } from '../infra/redis/snapshot.cache.js';
import type { CatalogStore } from './catalog.store.js';
import { DecisionJournal } from './decision-journal.js';
import { DecisionProducer } from './decision.producer.js';
import { ListStore } from './list-store.js';
import { RecommendationService } from './recommendation.service.js';
import { RedisOutage } from './redis-outage.js';
import { SnapshotLoader } from './snapshot-loader.js';

export interface RecommenderClients {
  readonly config: AppConfig;
  readonly pool: Pool;
  readonly redis: Redis;
  readonly keys: RedisKeys;
  readonly registry: SchemaRegistry;
  /** Connected by the caller; decisions are sent with it (drain the service before disconnecting it). */
  readonly producer: Producer;
  readonly catalog: CatalogStore;
  readonly log: Logger;
}

export function createRecommendationService(c: RecommenderClients): RecommendationService {
  const { config, pool, redis, keys, log } = c;
  const outage = new RedisOutage(log);
  // Without a listener ioredis prints every failed reconnect attempt to stderr.
  redis.on('error', (error: unknown) => outage.connectionLost(error));
  // The snapshot TTL is the event path's concern; the recommender only reads snapshots.
  const snapshots = new SnapshotCache<UserSnapshot>(redis, keys, config.recommender.snapshotTtlSeconds);
  const ttlSeconds = config.recommender.cacheTtlSeconds;
  const lists = new ListStore({
    redis: new RecommendationCache(redis, keys, ttlSeconds),
    db: pool,
    outage,
    ttlSeconds,
    log,
  });
  const decisions = new DecisionProducer(
    c.producer,
    c.registry,
    topicName('decisions', { prefix: config.kafka.topicPrefix }),
  );
  return new RecommendationService({
    catalog: c.catalog,
    snapshots: new SnapshotLoader({ redis: snapshots, db: pool, outage }),
    lists,
    limiter: new SlidingWindowRateLimiter(redis, keys, {
      limit: config.recommender.userRateLimitPerMinute,
      windowMs: config.recommender.rateLimitWindowMs,
    }),
    journal: new DecisionJournal({ decisions, log: (rows) => lists.log(rows), logger: log }),
    outage,
    epsilon: config.learning.epsilon,
    log,
  });
}
