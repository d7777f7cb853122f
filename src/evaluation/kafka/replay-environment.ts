/**
 * An isolated corner of the shared services for one replay through the deployed path: its
 * own Postgres schema, topic prefix, consumer groups and Redis key prefix, all derived from
 * one random name and removed again by close(). The child processes get the caller's
 * environment with these names (and the replay's settings) on top; `config` is the same
 * environment parsed, so this process's clients agree with the children's.
 */
import { randomBytes } from 'node:crypto';
import type { Admin, Kafka, Producer } from 'kafkajs';
import type { Pool } from 'pg';
import { loadConfig, type AppConfig } from '../../config/config.js';
import { SchemaRegistry } from '../../infra/avro/schema-registry.js';
import { createKafka, createProducer } from '../../infra/kafka/kafka-client.js';
import { ensureTopics } from '../../infra/kafka/topic-bootstrap.js';
import { createTestSchema } from '../../infra/postgres/test-schema.js';
import { createRedis } from '../../infra/redis/redis-client.js';

export type ProcessEnv = Readonly<Record<string, string | undefined>>;

export interface ReplayEnvironment {
  readonly name: string;
  readonly config: AppConfig;
  readonly env: ProcessEnv;
  readonly pool: Pool;
  readonly kafka: Kafka;
  readonly producer: Producer;
  readonly registry: SchemaRegistry;
  close(): Promise<void>;
}

/** Settings of the replay on top of the isolated names. */
function replaySettings(epsilon: number): Record<string, string> {
  return {
    RL_EPSILON: String(epsilon),
    // A replay asks for every evaluated play of a user within seconds; the limiter would refuse most.
    USER_RATE_LIMIT: '1000000',
    GATEWAY_REQUEST_TIMEOUT_MS: '10000',
    // The catalog does not change during a replay; a reload would only cost time.
    CATALOG_RELOAD_INTERVAL_SECONDS: '0',
    KAFKA_SESSION_TIMEOUT_MS: '10000',
    LOG_LEVEL: 'info',
  };
}

export async function openReplayEnvironment(o: { base: ProcessEnv; epsilon: number }): Promise<ReplayEnvironment> {
  const name = `eval_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const base = loadConfig(o.base);
  const db = await createTestSchema(name, { connectionString: base.database.url });
  const { METRICS_PORT: _ownPort, ...inherited } = o.base;
  const env: ProcessEnv = {
    ...inherited,
    DATABASE_SCHEMA: db.schema,
    KAFKA_TOPIC_PREFIX: `${name}.`,
    KAFKA_CONSUMER_GROUP: `${name}-learner`,
    RECOMMENDER_CONSUMER_GROUP: `${name}-recommender`,
    KAFKA_CLIENT_ID: name,
    REDIS_KEY_PREFIX: `${name}:`,
    ...replaySettings(o.epsilon),
  };
  const config = loadConfig(env);
  const kafka = createKafka({ brokers: config.kafka.brokers, clientId: name, level: 'error' });
  const producer = createProducer(kafka, { idempotent: true });
  const close = (): Promise<void> => cleanUp({ name, config, kafka, producer, dropSchema: db.drop });
  try {
    const admin = kafka.admin();
    await admin.connect();
    const naming = { prefix: config.kafka.topicPrefix, eventPartitions: config.kafka.eventPartitions };
    await ensureTopics(admin, naming).finally(() => admin.disconnect());
    await producer.connect();
  } catch (error) {
    await close();
    throw error;
  }
  return { name, config, env, pool: db.pool, kafka, producer, registry: SchemaRegistry.load(), close };
}

/** Best effort for each part, so one failure does not leave the others behind; the first error is rethrown. */
async function cleanUp(o: {
  name: string;
  config: AppConfig;
  kafka: Kafka;
  producer: Producer;
  dropSchema: () => Promise<void>;
}): Promise<void> {
  const results = await Promise.allSettled([
    o.producer.disconnect(),
    deleteKafkaResources(o.kafka, o.name),
    deleteRedisKeys(o.config, o.name),
    o.dropSchema(),
  ]);
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
}

async function deleteKafkaResources(kafka: Kafka, name: string): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const topics = (await admin.listTopics()).filter((t) => t.startsWith(`${name}.`));
    if (topics.length > 0) await admin.deleteTopics({ topics });
    const groups = (await admin.listGroups()).groups.map((g) => g.groupId).filter((g) => g.startsWith(name));
    if (groups.length > 0) await deleteGroupsWhenEmpty(admin, groups);
  } finally {
    await admin.disconnect();
  }
}

/**
 * A group whose members are still leaving refuses deletion (NON_EMPTY_GROUP) for a moment:
 * retried for a few seconds. A group that outlives that only holds offsets of topics
 * already deleted, so it is reported, not fatal to the run it cleans up after.
 */
async function deleteGroupsWhenEmpty(admin: Admin, groups: string[]): Promise<void> {
  const deadline = Date.now() + 15_000;
  let pending = groups;
  while (pending.length > 0) {
    try {
      await admin.deleteGroups(pending);
      return;
    } catch (error) {
      const failed = (error as { groups?: Array<{ groupId: string; error?: { type?: string } }> }).groups ?? [];
      pending = failed.filter((g) => g.error && g.error.type !== 'GROUP_ID_NOT_FOUND').map((g) => g.groupId);
      if (pending.length === 0) return;
      if (Date.now() > deadline) {
        process.stderr.write(`[replay] consumer groups left behind (still not empty): ${pending.join(', ')}\n`);
        return;
      }
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}

async function deleteRedisKeys(config: AppConfig, name: string): Promise<void> {
  const redis = createRedis({ url: config.redis.url, name: `${name}-cleanup` });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${name}:*`, 'COUNT', 1000);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
