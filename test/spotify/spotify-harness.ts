/**
 * Builds a real client against the fake Spotify server and the shared Redis, under a
 * key prefix unique to the test, with every log line captured for secret checks.
 */
import type { Redis } from 'ioredis';
import { type AppConfig, loadConfig } from '../../src/config/config.js';
import { createLogger, type Logger } from '../../src/infra/logging/logger.js';
import { createRedis } from '../../src/infra/redis/redis-client.js';
import { redisKeys } from '../../src/infra/redis/redis-keys.js';
import { redisKeyValueStore } from '../../src/spotify/redis-kv.store.js';
import type { KeyValueStore } from '../../src/spotify/spotify.cache.js';
import type { SpotifyClient } from '../../src/spotify/spotify.client.js';
import { createSpotifyClient } from '../../src/spotify/spotify.factory.js';
import { FAKE_CLIENT_ID, FAKE_CLIENT_SECRET, FakeSpotify } from '../support/fake-spotify.js';
import { uniqueName, waitFor } from '../support/wait-for.js';

export interface Harness {
  readonly fake: FakeSpotify;
  readonly client: SpotifyClient;
  readonly redis: Redis;
  readonly prefix: string;
  readonly config: AppConfig['spotify'];
  readonly log: Logger;
  /** Every JSON log line the client wrote. */
  readonly logs: string[];
  /** Keys and values this test left in Redis. */
  redisContents(): Promise<Array<{ key: string; value: string | null }>>;
  close(): Promise<void>;
}

/** Test defaults: fast backoff, short timeout, generous limits (tests tighten what they check). */
const TEST_ENV = {
  SPOTIFY_CLIENT_ID: FAKE_CLIENT_ID,
  SPOTIFY_CLIENT_SECRET: FAKE_CLIENT_SECRET,
  SPOTIFY_RPM: '10000',
  SPOTIFY_BACKOFF_BASE_MS: '20',
  SPOTIFY_BACKOFF_MAX_MS: '100',
  SPOTIFY_REQUEST_TIMEOUT_MS: '2000',
  SPOTIFY_ENDPOINT_LIMITS: 'audio-features=10000,new-releases=10000,search=10000,tracks=10000',
};

export async function createHarness(
  env: Record<string, string> = {},
  options: { store?: (redis: Redis) => KeyValueStore } = {},
): Promise<Harness> {
  const fake = await FakeSpotify.start();
  const config = loadConfig({
    ...TEST_ENV,
    SPOTIFY_API_BASE_URL: fake.apiBaseUrl,
    SPOTIFY_ACCOUNTS_BASE_URL: fake.accountsBaseUrl,
    ...env,
  }).spotify;
  const redis = createRedis({ url: 'redis://127.0.0.1:6379', name: 'spotify-test', failFast: true });
  // Fail-fast clients reject commands until connected; counters in tests assume a ready Redis.
  await waitFor(() => redis.status === 'ready', { timeoutMs: 5000, what: 'redis ready' });
  const prefix = `${uniqueName('spotify')}:`;
  const logs = captureLogs();
  const log = createLogger({ level: 'debug', name: 'spotify-test' });
  const store = (options.store ?? redisKeyValueStore)(redis);
  const client = createSpotifyClient({ config, store, keys: redisKeys(prefix), log });
  const keysOf = () => scanKeys(redis, `${prefix}*`);
  return {
    fake,
    client,
    redis,
    prefix,
    config,
    log,
    logs: logs.lines,
    async redisContents() {
      const keys = await keysOf();
      const values = keys.length === 0 ? [] : await redis.mget(...keys);
      return keys.map((key, i) => ({ key, value: values[i] }));
    },
    async close() {
      logs.restore();
      const keys = await keysOf();
      if (keys.length > 0) await redis.del(...keys);
      redis.disconnect();
      await fake.close();
    },
  };
}

/** Takes our JSON log lines off stderr (they stay out of the test output); everything else passes through. */
function captureLogs(): { lines: string[]; restore(): void } {
  const lines: string[] = [];
  const original = process.stderr.write.bind(process.stderr);
  const capture = (chunk: string | Uint8Array, ...rest: unknown[]): boolean => {
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    if (text.includes('"name":"spotify-test"')) {
      lines.push(...text.split('\n').filter(Boolean));
      return true;
    }
    return (original as (c: string | Uint8Array, ...r: unknown[]) => boolean)(chunk, ...rest);
  };
  process.stderr.write = capture as typeof process.stderr.write;
  return { lines, restore: () => void (process.stderr.write = original) };
}

/** SCAN, not KEYS: the Redis is shared and KEYS would block it. */
async function scanKeys(redis: Redis, pattern: string): Promise<string[]> {
  const keys: string[] = [];
  let cursor = '0';
  do {
    const [next, batch] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
    keys.push(...batch);
    cursor = next;
  } while (cursor !== '0');
  return keys;
}
