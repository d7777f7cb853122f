/**
 * An isolated event path on the real services: its own Postgres schema, topic prefix,
 * consumer group and Redis key prefix, torn down at the end.
 */
import type { Kafka, Producer } from 'kafkajs';
import { Redis } from 'ioredis';
import { upsertMany } from '../../src/catalog/track.repository.js';
import type { CatalogTrackRow } from '../../src/catalog/catalog-track.js';
import type { Track } from '../../src/domain/types.js';
import type { UserEvent } from '../../src/domain/user-state.js';
import { SchemaRegistry } from '../../src/infra/avro/schema-registry.js';
import { createKafka, createProducer } from '../../src/infra/kafka/kafka-client.js';
import { ensureTopics } from '../../src/infra/kafka/topic-bootstrap.js';
import { topicName, type TopicId } from '../../src/infra/kafka/topics.js';
import { createTestSchema, type TestSchema } from '../../src/infra/postgres/test-schema.js';
import { toEventMessage } from '../../src/learner/event-encoder.js';
import { uniqueName } from './wait-for.js';

export const BROKERS = ['127.0.0.1:9092'];
export const REDIS_URL = 'redis://127.0.0.1:6379';

export interface EventPathEnv {
  readonly name: string;
  readonly prefix: string;
  readonly group: string;
  readonly redisPrefix: string;
  readonly db: TestSchema;
  readonly kafka: Kafka;
  readonly producer: Producer;
  readonly registry: SchemaRegistry;
  readonly redis: Redis;
  topic(id: TopicId): string;
  produce(events: readonly UserEvent[]): Promise<void>;
  produceRaw(
    messages: ReadonlyArray<{ key: string | null; value: Buffer | null; headers?: Record<string, string> }>,
  ): Promise<void>;
  close(): Promise<void>;
}

export async function createEventPathEnv(label: string, options: { partitions?: number } = {}): Promise<EventPathEnv> {
  const name = uniqueName(label);
  const prefix = `${name}.`;
  const db = await createTestSchema(label);
  const kafka = createKafka({ brokers: BROKERS, clientId: name, level: 'error' });
  const admin = kafka.admin();
  await admin.connect();
  const created = await ensureTopics(admin, { prefix, eventPartitions: options.partitions ?? 4 });
  await admin.disconnect();
  const producer = createProducer(kafka, { idempotent: true });
  await producer.connect();
  const registry = SchemaRegistry.load();
  const redis = new Redis(REDIS_URL);
  const topic = (id: TopicId) => topicName(id, { prefix });
  const env: EventPathEnv = {
    name,
    prefix,
    group: `${name}-learner`,
    redisPrefix: `${name}:`,
    db,
    kafka,
    producer,
    registry,
    redis,
    topic,
    async produce(events) {
      for (let i = 0; i < events.length; i += 5000) {
        const messages = events.slice(i, i + 5000).map((e) => toEventMessage(registry, e));
        await producer.send({ topic: topic('userEvents'), acks: -1, messages });
      }
    },
    async produceRaw(messages) {
      await producer.send({ topic: topic('userEvents'), acks: -1, messages: [...messages] });
    },
    async close() {
      await producer.disconnect();
      const a = kafka.admin();
      await a.connect();
      await a.deleteTopics({ topics: created }).catch(() => undefined);
      await a.disconnect();
      const keys = await redis.keys(`${name}:*`);
      if (keys.length) await redis.del(...keys);
      redis.disconnect();
      await db.drop();
    },
  };
  return env;
}

export function catalogRow(t: Track): CatalogTrackRow {
  return {
    track_id: t.trackId,
    name: t.name,
    artists: [...t.artists],
    album: null,
    popularity: t.popularity,
    duration_ms: t.durationMs,
    explicit: false,
    danceability: t.danceability,
    energy: t.energy,
    key: 0,
    loudness: -6,
    mode: 1,
    speechiness: t.speechiness,
    acousticness: t.acousticness,
    instrumentalness: t.instrumentalness,
    liveness: 0.1,
    valence: t.valence,
    tempo: t.tempo,
    time_signature: 4,
    genres: [...t.genres],
    release_date: null,
    source: 'generated',
  };
}

export async function insertTracks(env: EventPathEnv, tracks: readonly Track[]): Promise<void> {
  for (let i = 0; i < tracks.length; i += 2000)
    await upsertMany(env.db.pool, tracks.slice(i, i + 2000).map(catalogRow));
}

/** Reads every record of a topic from the beginning until `until` says it has enough. */
export async function consumeAll<T>(
  env: EventPathEnv,
  topic: string,
  decode: (value: Buffer) => T,
  until: (items: readonly T[]) => boolean,
  timeoutMs = 60_000,
): Promise<T[]> {
  const items: T[] = [];
  const consumer = env.kafka.consumer({ groupId: uniqueName('reader'), maxWaitTimeInMs: 100 });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  let resolveDone!: () => void;
  const done = new Promise<void>((r) => (resolveDone = r));
  await consumer.run({
    eachBatch: async ({ batch }) => {
      for (const m of batch.messages) if (m.value) items.push(decode(m.value));
      if (until(items)) resolveDone();
    },
  });
  const timer = setTimeout(resolveDone, timeoutMs);
  await done;
  clearTimeout(timer);
  await consumer.disconnect();
  return items;
}

/** The distinct event ids on the reward topic, read until `expected` have been seen (or the timeout). */
export async function rewardEventIds(env: EventPathEnv, expected: number, timeoutMs = 120_000): Promise<Set<string>> {
  const ids = new Set<string>();
  await consumeAll(
    env,
    env.topic('rewards'),
    (v) => env.registry.decode(v, 'music.RewardRecord').event_id,
    (items) => {
      for (const id of items) ids.add(id);
      return ids.size >= expected;
    },
    timeoutMs,
  );
  return ids;
}
