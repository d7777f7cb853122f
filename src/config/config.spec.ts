import { loadConfig } from './config.js';
import { ConfigError } from './env-parser.js';

describe('loadConfig', () => {
  it('gives working defaults for local use', () => {
    const c = loadConfig({});
    expect(c.kafka.brokers).toEqual(['127.0.0.1:9092']);
    expect(c.database.url).toBe('postgres://postgres@127.0.0.1:5432/test');
    expect(c.database.schema).toBe('public');
    expect(c.redis.url).toBe('redis://127.0.0.1:6379');
    expect(c.learning).toEqual({ alpha: 0.1, gamma: 0.95, epsilon: 0.1, actorCapacity: 100_000 });
    expect(c.recommender.userRateLimitPerMinute).toBe(100);
    expect(c.spotify.clientId).toBeNull();
    expect(c.dataDir).toBeNull();
  });

  it('reads and converts values', () => {
    const c = loadConfig({
      KAFKA_BROKERS: 'a:1, b:2',
      REDIS_MAX_CONNECTIONS: '25',
      RL_EPSILON: '0',
      SPOTIFY_CLIENT_ID: 'id',
      MUSIC_DATA_DIR: '/data',
      KAFKA_TOPIC_PREFIX: 't1.',
    });
    expect(c.kafka.brokers).toEqual(['a:1', 'b:2']);
    expect(c.redis.maxConnections).toBe(25);
    expect(c.learning.epsilon).toBe(0);
    expect(c.spotify.clientId).toBe('id');
    expect(c.dataDir).toBe('/data');
    expect(c.kafka.topicPrefix).toBe('t1.');
  });

  it('names every bad key in one error', () => {
    const env = {
      KAFKA_BROKERS: 'nohostport',
      DATABASE_URL: 'mysql://x',
      REDIS_MAX_CONNECTIONS: '2.5',
      RL_ALPHA: '0',
      RL_GAMMA: '1',
      USER_RATE_LIMIT: 'lots',
      LOG_LEVEL: 'loud',
      DATABASE_SCHEMA: 'Bad-Schema',
    };
    let error: unknown;
    try {
      loadConfig(env);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems.map((p) => p.split('=')[0])).toEqual([
      'KAFKA_BROKERS',
      'DATABASE_URL',
      'DATABASE_SCHEMA',
      'REDIS_MAX_CONNECTIONS',
      'RL_ALPHA',
      'RL_GAMMA',
      'USER_RATE_LIMIT',
      'LOG_LEVEL',
    ]);
    expect((error as ConfigError).message).toContain('8 problems');
    expect((error as ConfigError).retriable).toBe(false);
  });

  it('configures the recommender: rate-limit window, catalog reload interval, consumer group', () => {
    const defaults = loadConfig({}).recommender;
    expect(defaults).toMatchObject({
      rateLimitWindowMs: 60_000,
      catalogReloadIntervalSeconds: 3600,
      consumerGroup: 'music-rl-recommender',
    });
    const set = loadConfig({
      USER_RATE_LIMIT_WINDOW_MS: '2000',
      CATALOG_RELOAD_INTERVAL_SECONDS: '0',
      RECOMMENDER_CONSUMER_GROUP: 'recs-a',
    }).recommender;
    expect(set).toMatchObject({ rateLimitWindowMs: 2000, catalogReloadIntervalSeconds: 0, consumerGroup: 'recs-a' });
    expect(() => loadConfig({ USER_RATE_LIMIT_WINDOW_MS: '99', CATALOG_RELOAD_INTERVAL_SECONDS: '-1' })).toThrow(
      /USER_RATE_LIMIT_WINDOW_MS="99" must be in \[100, 3600000\][\s\S]*CATALOG_RELOAD_INTERVAL_SECONDS="-1" must be in \[0, 604800\]/,
    );
  });

  it('bounds the gateway request timeout', () => {
    expect(loadConfig({}).gateway.requestTimeoutMs).toBe(5000);
    expect(loadConfig({ GATEWAY_REQUEST_TIMEOUT_MS: '250' }).gateway.requestTimeoutMs).toBe(250);
    expect(() => loadConfig({ GATEWAY_REQUEST_TIMEOUT_MS: '99' })).toThrow(
      /GATEWAY_REQUEST_TIMEOUT_MS="99" must be in \[100, 120000\]/,
    );
  });

  it('configures session start: Spotify history max age, Spotify budget, learner wait', () => {
    expect(loadConfig({}).session).toEqual({ syncMaxAgeHours: 6, spotifyTimeoutMs: 15_000, learnerWaitMs: 5000 });
    const set = loadConfig({
      SESSION_SYNC_MAX_AGE_HOURS: '0.5',
      SESSION_SPOTIFY_TIMEOUT_MS: '2000',
      SESSION_LEARNER_WAIT_MS: '0',
    }).session;
    expect(set).toEqual({ syncMaxAgeHours: 0.5, spotifyTimeoutMs: 2000, learnerWaitMs: 0 });
    expect(() => loadConfig({ SESSION_SYNC_MAX_AGE_HOURS: '-1', SESSION_SPOTIFY_TIMEOUT_MS: '50' })).toThrow(
      /SESSION_SYNC_MAX_AGE_HOURS="-1" must be in \[0, 8760\][\s\S]*SESSION_SPOTIFY_TIMEOUT_MS="50" must be in \[100, 300000\]/,
    );
  });

  it('configures the Spotify client: limits, retries, timeouts, cache TTLs', () => {
    const d = loadConfig({}).spotify;
    expect(d).toMatchObject({
      requestsPerMinute: 120,
      rateWindowMs: 60_000,
      maxQueueWaitMs: 30_000,
      requestTimeoutMs: 10_000,
      maxAttempts: 4,
      backoffBaseMs: 250,
      backoffMaxMs: 8000,
      maxRetryAfterSeconds: 60,
      cacheTtlSeconds: { responses: 21_600, audioFeatures: 604_800, userData: 1800 },
    });
    expect(d.endpointLimits).toEqual({
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
    const set = loadConfig({
      SPOTIFY_ENDPOINT_LIMITS: 'search=5, audio-features=100000',
      SPOTIFY_RATE_WINDOW_MS: '1000',
      SPOTIFY_USER_CACHE_TTL_SECONDS: '60',
    }).spotify;
    expect(set.endpointLimits).toMatchObject({ search: 5, 'audio-features': 100_000, tracks: 60 });
    expect(set.rateWindowMs).toBe(1000);
    expect(set.cacheTtlSeconds.userData).toBe(60);
  });

  it('rejects unknown Spotify endpoints and bad Spotify bounds in one error', () => {
    const bad = { SPOTIFY_ENDPOINT_LIMITS: 'serch=5', SPOTIFY_MAX_ATTEMPTS: '0', SPOTIFY_REQUEST_TIMEOUT_MS: '50' };
    expect(() => loadConfig(bad)).toThrow(
      /SPOTIFY_ENDPOINT_LIMITS="serch=5" must match[\s\S]*SPOTIFY_REQUEST_TIMEOUT_MS="50" must be in \[100, 120000\][\s\S]*SPOTIFY_MAX_ATTEMPTS="0" must be in \[1, 10\]/,
    );
    expect(() => loadConfig({ SPOTIFY_ENDPOINT_LIMITS: 'search=0' })).toThrow(/SPOTIFY_ENDPOINT_LIMITS/);
    expect(() => loadConfig({ SPOTIFY_ENDPOINT_LIMITS: 'search=5,' })).toThrow(/SPOTIFY_ENDPOINT_LIMITS/);
  });

  it('treats an empty value as unset, except where empty is meaningful', () => {
    expect(loadConfig({ HTTP_PORT: '' }).http.port).toBe(3000);
    expect(loadConfig({ REDIS_KEY_PREFIX: '' }).redis.keyPrefix).toBe('');
  });
});
