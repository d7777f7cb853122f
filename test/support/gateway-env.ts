/**
 * An isolated gateway environment on the real Kafka: its own topic prefix (every topic of
 * the registry created with `partitions` partitions), gateway apps started in this process
 * on port 0, and helpers to look at the topics. Topics are deleted at the end.
 */
import type { Kafka, KafkaMessage } from 'kafkajs';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SchemaRegistry } from '../../src/infra/avro/schema-registry.js';
import { createKafka } from '../../src/infra/kafka/kafka-client.js';
import { ensureTopics } from '../../src/infra/kafka/topic-bootstrap.js';
import { topicName, type TopicId } from '../../src/infra/kafka/topics.js';
import { createGatewayApp } from '../../src/gateway/gateway-app.js';
import { BROKERS } from './event-path.js';
import { uniqueName, waitFor } from './wait-for.js';

/** A JSON reply body, typed as the route documents it. */
export async function readJson<T>(res: Response): Promise<T> {
  return (await res.json()) as T;
}

export interface GatewayInstance {
  readonly app: NestExpressApplication;
  /** e.g. http://127.0.0.1:41234 */
  readonly url: string;
  get(path: string): Promise<Response>;
  post(path: string, body: unknown): Promise<Response>;
  close(): Promise<void>;
}

export interface GatewayEnv {
  readonly name: string;
  readonly prefix: string;
  readonly kafka: Kafka;
  readonly registry: SchemaRegistry;
  topic(id: TopicId): string;
  /** Sum over partitions of the topic's end offsets: grows by one per record written. */
  endOffset(id: TopicId): Promise<number>;
  /** Reads a topic from the beginning until `count` records are in. */
  readRecords(id: TopicId, count: number): Promise<Array<KafkaMessage & { partition: number }>>;
  startGateway(options?: { requestTimeoutMs?: number }): Promise<GatewayInstance>;
  close(): Promise<void>;
}

export async function createGatewayEnv(label: string, options: { partitions?: number } = {}): Promise<GatewayEnv> {
  const name = uniqueName(label);
  const prefix = `${name}.`;
  const partitions = options.partitions ?? 3;
  const kafka = createKafka({ brokers: BROKERS, clientId: name, level: 'error' });
  const admin = kafka.admin();
  await admin.connect();
  const created = await ensureTopics(admin, { prefix, eventPartitions: partitions });
  const apps = new Set<GatewayInstance>();
  const topic = (id: TopicId): string => topicName(id, { prefix });
  return {
    name,
    prefix,
    kafka,
    registry: SchemaRegistry.load(),
    topic,
    async endOffset(id) {
      const offsets = await admin.fetchTopicOffsets(topic(id));
      return offsets.reduce((sum, p) => sum + Number(p.high), 0);
    },
    readRecords: (id, count) => readRecords(kafka, topic(id), count),
    async startGateway(gatewayOptions = {}) {
      const instance = await startGateway({ name, prefix, partitions, ...gatewayOptions });
      apps.add(instance);
      return instance;
    },
    async close() {
      for (const app of apps) await app.close();
      await admin.deleteTopics({ topics: created }).catch(() => undefined);
      await admin.disconnect();
    },
  };
}

/** Starts a gateway app in this process on topics named `<prefix>…`, listening on a free port. */
export async function startGateway(options: {
  name: string;
  prefix: string;
  partitions: number;
  requestTimeoutMs?: number;
}): Promise<GatewayInstance> {
  const gateway = await listenGateway({
    KAFKA_TOPIC_PREFIX: options.prefix,
    KAFKA_CLIENT_ID: options.name,
    KAFKA_EVENT_PARTITIONS: String(options.partitions),
    KAFKA_SESSION_TIMEOUT_MS: '6000',
    GATEWAY_REQUEST_TIMEOUT_MS: String(options.requestTimeoutMs ?? 5000),
    LOG_LEVEL: 'error',
  });
  return {
    ...gateway,
    get: (path) => fetch(`${gateway.url}${path}`),
    post: (path, body) => sendJson(gateway.url, 'POST', path, body),
  };
}

export interface ListeningGateway {
  readonly app: NestExpressApplication;
  readonly url: string;
  /** Closes the app; a second call does nothing. */
  close(): Promise<void>;
}

/**
 * The gateway app in this process, listening on a free port. It reads its one validated
 * config from the environment at creation, as in production: `vars` are set for that moment
 * and restored after.
 */
export async function listenGateway(vars: Record<string, string>): Promise<ListeningGateway> {
  const app = await withEnv(vars, () => createGatewayApp());
  await app.listen(0, '127.0.0.1');
  const url = await app.getUrl();
  let closed = false;
  return {
    app,
    url,
    async close() {
      if (closed) return;
      closed = true;
      await app.close();
    },
  };
}

/**
 * Waits until a recommendation request through the gateway is answered: the recommender's
 * new consumer group starts at the log end once joined, so earlier requests time out.
 */
export async function waitUntilRecommending(get: (path: string) => Promise<Response>, user = 'probe'): Promise<void> {
  await waitFor(async () => (await get(`/v1/users/${user}/recommendations?limit=1`)).status === 200, {
    timeoutMs: 90_000,
    intervalMs: 200,
    what: 'the recommender to answer through the gateway',
  });
}

/** A request with a JSON body (a string is sent as it is, for malformed-body tests). */
export function sendJson(url: string, method: string, path: string, body: unknown): Promise<Response> {
  return fetch(`${url}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
}

async function withEnv<T>(vars: Record<string, string>, run: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  Object.assign(process.env, vars);
  try {
    return await run();
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

async function readRecords(
  kafka: Kafka,
  topic: string,
  count: number,
): Promise<Array<KafkaMessage & { partition: number }>> {
  const records: Array<KafkaMessage & { partition: number }> = [];
  const consumer = kafka.consumer({ groupId: uniqueName('gw-reader'), maxWaitTimeInMs: 100 });
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({ eachMessage: async ({ message, partition }) => void records.push({ ...message, partition }) });
    await waitFor(() => records.length >= count, { what: `${count} records on ${topic}`, timeoutMs: 20_000 });
    return records;
  } finally {
    await consumer.disconnect();
  }
}
