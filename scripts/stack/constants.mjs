// Single source of truth for the local stack: scripts/stack/*.mjs and
// docker-compose.yml must agree with these (test/stack/compose.spec.ts checks it).

export const KAFKA_VERSION = '3.9.1';
export const SCALA_BINARY_VERSION = '2.13';
// Shipped in the libs/ folder of the official kafka_2.13-3.9.1 distribution.
export const RELOAD4J_VERSION = '1.2.25';
export const SLF4J_VERSION = '1.7.36';

export const KAFKA_HOST = '127.0.0.1';
export const KAFKA_PORT = 9092;
export const KAFKA_CONTROLLER_PORT = 9093;
export const KAFKA_NODE_ID = 1;
export const KAFKA_HEAP_OPTS = '-Xms256m -Xmx768m';

export const POSTGRES_MAJOR = 15;
export const POSTGRES_PORT = 5432;
export const POSTGRES_USER = 'postgres';
export const POSTGRES_DB = 'test';

export const REDIS_MAJOR = 7;
export const REDIS_PORT = 6379;

export const DEFAULT_KAFKA_BROKERS = `${KAFKA_HOST}:${KAFKA_PORT}`;
export const DEFAULT_DATABASE_URL = `postgres://${POSTGRES_USER}@127.0.0.1:${POSTGRES_PORT}/${POSTGRES_DB}`;
export const DEFAULT_REDIS_URL = `redis://127.0.0.1:${REDIS_PORT}`;

/**
 * Broker settings for a one-node test broker, written to server.properties and
 * mirrored as KAFKA_* variables in docker-compose.yml. Keys must not contain '_'
 * or '-': the apache/kafka image maps KAFKA_A_B to a.b.
 */
export const BROKER_SETTINGS = Object.freeze({
  'num.partitions': '1',
  'default.replication.factor': '1',
  'min.insync.replicas': '1',
  'offsets.topic.replication.factor': '1',
  // Few partitions: __consumer_offsets is created on the first group join and
  // every partition costs startup time on a 2-core machine.
  'offsets.topic.num.partitions': '10',
  'transaction.state.log.replication.factor': '1',
  'transaction.state.log.min.isr': '1',
  'transaction.state.log.num.partitions': '10',
  'group.initial.rebalance.delay.ms': '0',
  // Our code creates every topic explicitly; a typo must fail, not create a topic.
  'auto.create.topics.enable': 'false',
  'log.retention.hours': '24',
  'log.segment.bytes': '67108864',
});

/** Client-side bootstrap list; KAFKA_BROKERS only redirects clients, never the local broker. */
export function kafkaBrokers(env) {
  const raw = env.KAFKA_BROKERS ?? DEFAULT_KAFKA_BROKERS;
  return raw
    .split(',')
    .map((b) => b.trim())
    .filter((b) => b.length > 0);
}
