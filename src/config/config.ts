/**
 * The one typed configuration of every process, read from the environment and
 * validated at boot. Every bad key is reported in a single ConfigError. This is the
 * only module that reads process.env.
 */
import { ConfigError, parseEnv, type EnvSpec } from './env-parser.js';

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
    /** `requestsPerMinute` requests fit in any window of this length (60 s in production; shorter in tests). */
    readonly rateWindowMs: number;
    /** Per-endpoint requests per `rateWindowMs`, on top of the global limit. */
    readonly endpointLimits: Readonly<Record<SpotifyEndpoint, number>>;
    /** Longest a caller waits for a rate-limit slot before SpotifyRateLimitWaitError. */
    readonly maxQueueWaitMs: number;
    readonly requestTimeoutMs: number;
    /** Attempts per request, first included (5xx, network errors, timeouts, 429). */
    readonly maxAttempts: number;
    readonly backoffBaseMs: number;
    readonly backoffMaxMs: number;
    /** A 429 asking to wait longer than this fails at once (retriable) instead of blocking. */
    readonly maxRetryAfterSeconds: number;
    readonly cacheTtlSeconds: {
      readonly responses: number;
      readonly audioFeatures: number;
      readonly userData: number;
    };
  };
  readonly http: { readonly port: number };
  readonly gateway: {
    /** How long the HTTP gateway waits for a recommendation reply (or an event write) before 504/503. */
    readonly requestTimeoutMs: number;
  };
  readonly session: {
    /** A Spotify history older than this is fetched again at session start. */
    readonly syncMaxAgeHours: number;
    /** Budget for all Spotify calls of one sync; past it the session goes on without syncing. */
    readonly spotifyTimeoutMs: number;
    /** How long a session waits for the learner to apply the synced plays before recommending anyway. */
    readonly learnerWaitMs: number;
  };
  readonly dataDir: string | null;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';
  readonly observability: {
    /** Port of the /metrics and /health server of the learner and recommender; null = no server, 0 = any free port. */
    readonly metricsPort: number | null;
    /** How often consumer lag and Redis INFO are sampled (each sample costs broker and Redis round trips). */
    readonly sampleIntervalMs: number;
    /** Other processes' /metrics endpoints the gateway's dashboard reads, by name. */
    readonly dashboardSources: readonly DashboardSource[];
    /** How often the dashboard samples its sources while someone is watching. */
    readonly dashboardPollMs: number;
  };
}

export interface DashboardSource {
  readonly name: string;
  readonly url: string;
}

/** Spotify endpoints with their own rate limit (see docs/spotify.md). */
export const SPOTIFY_ENDPOINTS = [
  'top-tracks',
  'top-artists',
  'recently-played',
  'audio-features',
  'recommendations',
  'new-releases',
  'search',
  'tracks',
  'artists',
] as const;
export type SpotifyEndpoint = (typeof SPOTIFY_ENDPOINTS)[number];

/**
 * Requests per window of each endpoint unless SPOTIFY_ENDPOINT_LIMITS overrides it. User-driven,
 * expensive endpoints get a quarter of the default global 120 so they cannot starve the rest.
 */
export const SPOTIFY_ENDPOINT_LIMIT_DEFAULTS: Readonly<Record<SpotifyEndpoint, number>> = Object.freeze({
  'top-tracks': 60,
  'top-artists': 60,
  'recently-played': 60,
  'audio-features': 60,
  recommendations: 30,
  'new-releases': 30,
  search: 30,
  tracks: 60,
  artists: 60,
});

/** `name=url` pairs separated by commas, e.g. `learner=http://127.0.0.1:9464/metrics`; empty = none. */
const SOURCE = '[a-z][a-z0-9_-]{0,31}=https?://[^\\s,]+';
const DASHBOARD_SOURCES_PATTERN = new RegExp(`^(?:${SOURCE}(?:,\\s*${SOURCE})*)?$`);

const ENDPOINT_LIMIT = `(?:${SPOTIFY_ENDPOINTS.join('|')})=[1-9]\\d{0,5}`;
/** `name=n` pairs separated by commas, e.g. `search=10,tracks=100`; empty keeps the defaults. */
const ENDPOINT_LIMITS_PATTERN = new RegExp(`^(?:${ENDPOINT_LIMIT}(?:,\\s*${ENDPOINT_LIMIT})*)?$`);

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
  SPOTIFY_RATE_WINDOW_MS: { kind: 'int', default: '60000', min: 100, max: 3_600_000 },
  SPOTIFY_ENDPOINT_LIMITS: { kind: 'string', default: '', allowEmpty: true, pattern: ENDPOINT_LIMITS_PATTERN },
  SPOTIFY_MAX_QUEUE_WAIT_MS: { kind: 'int', default: '30000', min: 0, max: 600_000 },
  SPOTIFY_REQUEST_TIMEOUT_MS: { kind: 'int', default: '10000', min: 100, max: 120_000 },
  SPOTIFY_MAX_ATTEMPTS: { kind: 'int', default: '4', min: 1, max: 10 },
  SPOTIFY_BACKOFF_BASE_MS: { kind: 'int', default: '250', min: 1, max: 60_000 },
  SPOTIFY_BACKOFF_MAX_MS: { kind: 'int', default: '8000', min: 1, max: 300_000 },
  SPOTIFY_MAX_RETRY_AFTER_SECONDS: { kind: 'int', default: '60', min: 1, max: 3600 },
  SPOTIFY_CACHE_TTL_SECONDS: { kind: 'int', default: '21600', min: 1, max: 30 * 86400 },
  SPOTIFY_FEATURES_CACHE_TTL_SECONDS: { kind: 'int', default: '604800', min: 1, max: 90 * 86400 },
  SPOTIFY_USER_CACHE_TTL_SECONDS: { kind: 'int', default: '1800', min: 1, max: 86400 },
  HTTP_PORT: { kind: 'int', default: '3000', min: 0, max: 65535 },
  GATEWAY_REQUEST_TIMEOUT_MS: { kind: 'int', default: '5000', min: 100, max: 120_000 },
  SESSION_SYNC_MAX_AGE_HOURS: { kind: 'number', default: '6', min: 0, max: 24 * 365 },
  SESSION_SPOTIFY_TIMEOUT_MS: { kind: 'int', default: '15000', min: 100, max: 300_000 },
  SESSION_LEARNER_WAIT_MS: { kind: 'int', default: '5000', min: 0, max: 120_000 },
  MUSIC_DATA_DIR: { kind: 'string', optional: true },
  LOG_LEVEL: { kind: 'enum', default: 'info', values: ['fatal', 'error', 'warn', 'info', 'debug', 'trace'] },
  METRICS_PORT: { kind: 'int', optional: true, min: 0, max: 65535 },
  METRICS_SAMPLE_INTERVAL_MS: { kind: 'int', default: '5000', min: 100, max: 600_000 },
  DASHBOARD_METRICS_URLS: { kind: 'string', default: '', allowEmpty: true, pattern: DASHBOARD_SOURCES_PATTERN },
  DASHBOARD_POLL_INTERVAL_MS: { kind: 'int', default: '2000', min: 100, max: 60_000 },
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
      rateWindowMs: v.SPOTIFY_RATE_WINDOW_MS,
      endpointLimits: parseEndpointLimits(v.SPOTIFY_ENDPOINT_LIMITS),
      maxQueueWaitMs: v.SPOTIFY_MAX_QUEUE_WAIT_MS,
      requestTimeoutMs: v.SPOTIFY_REQUEST_TIMEOUT_MS,
      maxAttempts: v.SPOTIFY_MAX_ATTEMPTS,
      backoffBaseMs: v.SPOTIFY_BACKOFF_BASE_MS,
      backoffMaxMs: v.SPOTIFY_BACKOFF_MAX_MS,
      maxRetryAfterSeconds: v.SPOTIFY_MAX_RETRY_AFTER_SECONDS,
      cacheTtlSeconds: {
        responses: v.SPOTIFY_CACHE_TTL_SECONDS,
        audioFeatures: v.SPOTIFY_FEATURES_CACHE_TTL_SECONDS,
        userData: v.SPOTIFY_USER_CACHE_TTL_SECONDS,
      },
    },
    http: { port: v.HTTP_PORT },
    gateway: { requestTimeoutMs: v.GATEWAY_REQUEST_TIMEOUT_MS },
    session: {
      syncMaxAgeHours: v.SESSION_SYNC_MAX_AGE_HOURS,
      spotifyTimeoutMs: v.SESSION_SPOTIFY_TIMEOUT_MS,
      learnerWaitMs: v.SESSION_LEARNER_WAIT_MS,
    },
    dataDir: v.MUSIC_DATA_DIR,
    logLevel: v.LOG_LEVEL,
    observability: {
      metricsPort: v.METRICS_PORT,
      sampleIntervalMs: v.METRICS_SAMPLE_INTERVAL_MS,
      dashboardSources: parseDashboardSources(v.DASHBOARD_METRICS_URLS),
      dashboardPollMs: v.DASHBOARD_POLL_INTERVAL_MS,
    },
  });
}

/** Already pattern-checked by parseEnv; a name given twice is a mistake worth stopping for. */
function parseDashboardSources(raw: string): readonly DashboardSource[] {
  const sources = raw
    .split(',')
    .filter((p) => p.trim() !== '')
    .map((pair) => {
      const at = pair.indexOf('=');
      return Object.freeze({ name: pair.slice(0, at).trim(), url: pair.slice(at + 1).trim() });
    });
  const names = sources.map((s) => s.name);
  const repeated = names.find((n, i) => names.indexOf(n) !== i);
  if (repeated) throw new ConfigError([`DASHBOARD_METRICS_URLS names ${repeated} twice`]);
  return Object.freeze(sources);
}

/** Already pattern-checked by parseEnv: only known endpoints and positive integers reach here. */
function parseEndpointLimits(raw: string): Readonly<Record<SpotifyEndpoint, number>> {
  const limits: Record<SpotifyEndpoint, number> = { ...SPOTIFY_ENDPOINT_LIMIT_DEFAULTS };
  for (const pair of raw.split(',').filter((p) => p.trim() !== '')) {
    const [name, value] = pair.trim().split('=');
    limits[name as SpotifyEndpoint] = Number(value);
  }
  return Object.freeze(limits);
}
