/** The clients one demo run uses, opened from the demo's config and closed together. */
import type { Admin, Producer } from 'kafkajs';
import type { Pool } from 'pg';
import type { AppConfig } from '../config/config.js';
import type { UserSnapshot } from '../domain/user-state.js';
import { SchemaRegistry } from '../infra/avro/schema-registry.js';
import { createKafka, createProducer } from '../infra/kafka/kafka-client.js';
import { topicName, type TopicId } from '../infra/kafka/topics.js';
import { createPool } from '../infra/postgres/pool.js';
import { createRedis } from '../infra/redis/redis-client.js';
import { redisKeys } from '../infra/redis/redis-keys.js';
import { SnapshotCache } from '../infra/redis/snapshot.cache.js';

export interface DemoResources {
  readonly pool: Pool;
  readonly admin: Admin;
  readonly producer: Producer;
  readonly registry: SchemaRegistry;
  readonly snapshots: SnapshotCache<UserSnapshot>;
  topic(id: TopicId): string;
  close(): Promise<void>;
}

export async function openResources(config: AppConfig): Promise<DemoResources> {
  const pool = createPool({
    connectionString: config.database.url,
    schema: config.database.schema,
    max: 4,
    applicationName: `${config.kafka.clientId}-demo`,
  });
  const kafka = createKafka({
    brokers: config.kafka.brokers,
    clientId: `${config.kafka.clientId}-demo`,
    level: 'error',
  });
  const admin = kafka.admin();
  const producer = createProducer(kafka, { idempotent: true });
  const redis = createRedis({ url: config.redis.url, name: `${config.kafka.clientId}-demo`, failFast: true });
  const close = async (): Promise<void> => {
    await Promise.allSettled([admin.disconnect(), producer.disconnect()]);
    redis.disconnect();
    await pool.end();
  };
  try {
    await Promise.all([admin.connect(), producer.connect()]);
  } catch (error) {
    await close();
    throw error;
  }
  return {
    pool,
    admin,
    producer,
    registry: SchemaRegistry.load(),
    snapshots: new SnapshotCache<UserSnapshot>(
      redis,
      redisKeys(config.redis.keyPrefix),
      config.recommender.snapshotTtlSeconds,
    ),
    topic: (id) => topicName(id, { prefix: config.kafka.topicPrefix }),
    close,
  };
}
