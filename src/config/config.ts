/**
 * The one typed configuration of every process, read from the environment and
 * validated at boot. Every bad key is reported in a single ConfigError. This is the
 * only module that reads process.env.
 */
import { parseEnv, type EnvSpec } from './env-parser.js';

export interface AppConfig {
  readonly kafka: {
    readonly brokers: readonly string[];
    readonly clientId: string;
    /** Prefix for every topic name; lets tests and demos run side by side on one broker. */
    readonly topicPrefix: string;
    readonly eventPartitions: number;
    readonly partitionsConsumedConcurrently: number;
    readonly consumerGroup: string;
    readonly sessionTimeoutMs: number;
    readonly requestTimeoutMs: number;
  };
  readonly database: { readonly url: string; readonly schema: string; readonly poolMax: number };
  readonly redis: { readonly url: string; readonly keyPrefix: string; readonly maxConnections: number };
  readonly learning: {
    readonly alpha: number;
    readonly gamma: number;
    readonly epsilon: number;
    /** Users kept in memory by one event processor; the least recently used are reloaded from Postgres. */
    readonly actorCapacity: number;
  };
  readonly recommender: {
    readonly userRateLimitPerMinute: number;
    readonly cacheTtlSeconds: number;
    readonly snapshotTtlSeconds: number;
    /** Length of the sliding rate-limit window; `userRateLimitPerMinute` requests fit in one window. */
    readonly rateLimitWindowMs: number;
    /** How often the in-memory catalog index is rebuilt from Postgres; 0 = only at start. */
    readonly catalogReloadIntervalSeconds: number;
    /** Consumer group of the recommendation request consumers (all instances share it). */
    readonly consumerGroup: string;
  };
  readonly spotify: {
    readonly clientId: string | null;
    readonly clientSecret: string | null;
    readonly requestsPerMinute: number;
    readonly apiBaseUrl: string;
    readonly accountsBaseUrl: string;
  };
  readonly http: { readonly port: number };
  readonly gateway: {
    /** How long the HTTP gateway waits for a recommendation reply (or an event write) before 504/503. */
    readonly requestTimeoutMs: number;
  };
  readonly dataDir: string | null;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';
}

const spec = {
  KAFKA_BROKERS: { kind: 'list', default: '127.0.0.1:9092' },
  KAFKA_CLIENT_ID: { kind: 'string', default: 'music-rl' },
  KAFKA_TOPIC_PREFIX: { kind: 'string', default: '', allowEmpty: true, pattern: /^[A-Za-z0-9._-]*$/ },
  KAFKA_EVENT_PARTITIONS: { kind: 'int', default: '6', min: 1, max: 1000 },
  KAFKA_PARTITIONS_CONCURRENCY: { kind: 'int', default: '2', min: 1, max: 1000 },
  KAFKA_CONSUMER_GROUP: { kind: 'string', default: 'music-rl-learner' },
  KAFKA_SESSION_TIMEOUT_MS: { kind: 'int', default: '30000', min: 6000, max: 300_000 },
  KAFKA_REQUEST_TIMEOUT_MS: { kind: 'int', default: '10000', min: 100, max: 600_000 },
  DATABASE_URL: {
    kind: 'url',
    default: 'postgres://postgres@127.0.0.1:5432/test',
    protocols: ['postgres:', 'postgresql:'],
  },
  DATABASE_SCHEMA: { kind: 'string', default: 'public', pattern: /^[a-z_][a-z0-9_]*$/ },
  DATABASE_POOL_MAX: { kind: 'int', default: '10', min: 1, max: 1000 },
  REDIS_URL: { kind: 'url', default: 'redis://127.0.0.1:6379', protocols: ['redis:', 'rediss:'] },
  REDIS_KEY_PREFIX: { kind: 'string', default: 'music:', allowEmpty: true },
  REDIS_MAX_CONNECTIONS: { kind: 'int', default: '10', min: 1, max: 10_000 },
  RL_ALPHA: { kind: 'number', default: '0.1', min: 0, max: 1, minExclusive: true },
  RL_GAMMA: { kind: 'number', default: '0.95', min: 0, max: 1, maxExclusive: true },
  RL_EPSILON: { kind: 'number', default: '0.1', min: 0, max: 1 },
  LEARNER_ACTOR_CAPACITY: { kind: 'int', default: '100000', min: 1, max: 10_000_000 },
  USER_RATE_LIMIT: { kind: 'int', default: '100', min: 1, max: 1_000_000 },
  RECOMMENDATION_CACHE_TTL_SECONDS: { kind: 'int', default: '86400', min: 1, max: 30 * 86400 },
  USER_RATE_LIMIT_WINDOW_MS: { kind: 'int', default: '60000', min: 100, max: 3_600_000 },
  CATALOG_RELOAD_INTERVAL_SECONDS: { kind: 'int', default: '3600', min: 0, max: 7 * 86400 },
  RECOMMENDER_CONSUMER_GROUP: { kind: 'string', default: 'music-rl-recommender' },
  SNAPSHOT_TTL_SECONDS: { kind: 'int', default: '604800', min: 60, max: 365 * 86400 },
  SPOTIFY_CLIENT_ID: { kind: 'string', optional: true },
  SPOTIFY_CLIENT_SECRET: { kind: 'string', optional: true, secret: true },
  SPOTIFY_RPM: { kind: 'int', default: '120', min: 1, max: 100_000 },
  SPOTIFY_API_BASE_URL: { kind: 'url', default: 'https://api.spotify.com/v1', protocols: ['http:', 'https:'] },
  SPOTIFY_ACCOUNTS_BASE_URL: { kind: 'url', default: 'https://accounts.spotify.com', protocols: ['http:', 'https:'] },
  HTTP_PORT: { kind: 'int', default: '3000', min: 0, max: 65535 },
  GATEWAY_REQUEST_TIMEOUT_MS: { kind: 'int', default: '5000', min: 100, max: 120_000 },
  MUSIC_DATA_DIR: { kind: 'string', optional: true },
  LOG_LEVEL: { kind: 'enum', default: 'info', values: ['fatal', 'error', 'warn', 'info', 'debug', 'trace'] },
} as const satisfies Record<string, EnvSpec>;

export function loadConfig(env: Readonly<Record<string, string | undefined>> = process.env): AppConfig {
  const v = parseEnv(spec, env);
  return Object.freeze({
    kafka: {
      brokers: v.KAFKA_BROKERS,
      clientId: v.KAFKA_CLIENT_ID,
      topicPrefix: v.KAFKA_TOPIC_PREFIX,
      eventPartitions: v.KAFKA_EVENT_PARTITIONS,
      partitionsConsumedConcurrently: v.KAFKA_PARTITIONS_CONCURRENCY,
      consumerGroup: v.KAFKA_CONSUMER_GROUP,
      sessionTimeoutMs: v.KAFKA_SESSION_TIMEOUT_MS,
      requestTimeoutMs: v.KAFKA_REQUEST_TIMEOUT_MS,
    },
    database: { url: v.DATABASE_URL, schema: v.DATABASE_SCHEMA, poolMax: v.DATABASE_POOL_MAX },
    redis: { url: v.REDIS_URL, keyPrefix: v.REDIS_KEY_PREFIX, maxConnections: v.REDIS_MAX_CONNECTIONS },
    learning: { alpha: v.RL_ALPHA, gamma: v.RL_GAMMA, epsilon: v.RL_EPSILON, actorCapacity: v.LEARNER_ACTOR_CAPACITY },
    recommender: {
      userRateLimitPerMinute: v.USER_RATE_LIMIT,
      cacheTtlSeconds: v.RECOMMENDATION_CACHE_TTL_SECONDS,
      rateLimitWindowMs: v.USER_RATE_LIMIT_WINDOW_MS,
      catalogReloadIntervalSeconds: v.CATALOG_RELOAD_INTERVAL_SECONDS,
      consumerGroup: v.RECOMMENDER_CONSUMER_GROUP,
      snapshotTtlSeconds: v.SNAPSHOT_TTL_SECONDS,
    },
    spotify: {
      clientId: v.SPOTIFY_CLIENT_ID,
      clientSecret: v.SPOTIFY_CLIENT_SECRET,
      requestsPerMinute: v.SPOTIFY_RPM,
      apiBaseUrl: v.SPOTIFY_API_BASE_URL,
      accountsBaseUrl: v.SPOTIFY_ACCOUNTS_BASE_URL,
    },
    http: { port: v.HTTP_PORT },
    gateway: { requestTimeoutMs: v.GATEWAY_REQUEST_TIMEOUT_MS },
    dataDir: v.MUSIC_DATA_DIR,
    logLevel: v.LOG_LEVEL,
  });
}
