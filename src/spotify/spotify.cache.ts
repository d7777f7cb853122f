/**
 * Redis cache of Spotify data with hit/miss counters per cache. It is only a cache: a
 * Redis failure is logged and the call goes to the API. Values are the decoded shapes we
 * use (never tokens); they are decoded again on read, so a stale or foreign value is a miss.
 */
import { createHash } from 'node:crypto';
import type { Logger } from '../infra/logging/logger.js';
import type { RedisKeys } from '../infra/redis/redis-keys.js';
import { decode, type Decoder } from './decode.js';

/** Port over the key-value store (Redis in production, see redis-kv.store.ts). */
export interface KeyValueStore {
  getMany(keys: readonly string[]): Promise<readonly (string | null)[]>;
  setMany(entries: readonly { key: string; value: string; ttlSeconds: number }[]): Promise<void>;
}

export const CACHE_NAMES = ['responses', 'audioFeatures', 'userData'] as const;
export type CacheName = (typeof CACHE_NAMES)[number];

export interface CacheCounters {
  hits: number;
  misses: number;
  /** Redis failures (each also counted as misses for the keys involved). */
  errors: number;
}

export type CacheStats = Readonly<Record<CacheName, Readonly<CacheCounters>>>;

/** Distinguishes "cached null" (Spotify said: nothing for this id) from a miss. */
const MISS = Symbol('miss');
export type Cached<T> = T | typeof MISS;
export const isMiss = <T>(value: Cached<T>): value is typeof MISS => value === MISS;

/**
 * Key ids for user data and free-text requests: user ids appear in keys only hashed, so a key
 * listing reveals no user (tokens never reach keys at all), and search text keeps keys short.
 */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export interface SpotifyCacheOptions {
  readonly store: KeyValueStore;
  readonly keys: RedisKeys;
  readonly ttlSeconds: Readonly<Record<CacheName, number>>;
  readonly log: Logger;
}

export class SpotifyCache {
  private readonly counters = Object.fromEntries(
    CACHE_NAMES.map((n) => [n, { hits: 0, misses: 0, errors: 0 }]),
  ) as Record<CacheName, CacheCounters>;

  constructor(private readonly options: SpotifyCacheOptions) {}

  key(kind: string, id: string): string {
    return this.options.keys.spotify(kind, id);
  }

  stats(): CacheStats {
    return Object.fromEntries(CACHE_NAMES.map((n) => [n, { ...this.counters[n] }])) as CacheStats;
  }

  async getMany<T>(cache: CacheName, keys: readonly string[], decoder: Decoder<T>): Promise<Cached<T>[]> {
    const raw = await this.read(cache, keys);
    const values = raw.map((text, i) => this.parse(cache, keys[i], text, decoder));
    const hits = values.filter((v) => !isMiss(v)).length;
    this.counters[cache].hits += hits;
    this.counters[cache].misses += values.length - hits;
    return values;
  }

  async setMany(cache: CacheName, entries: readonly { key: string; value: unknown }[]): Promise<void> {
    if (entries.length === 0) return;
    const ttlSeconds = this.options.ttlSeconds[cache];
    const rows = entries.map((e) => ({ key: e.key, value: JSON.stringify(e.value), ttlSeconds }));
    try {
      await this.options.store.setMany(rows);
    } catch (error) {
      this.counters[cache].errors += 1;
      this.options.log.warn({ cache, keys: entries.length, err: error }, 'spotify cache write failed; continuing');
    }
  }

  /** Single value: cached, or loaded and stored. */
  async getOrLoad<T>(cache: CacheName, key: string, decoder: Decoder<T>, load: () => Promise<T>): Promise<T> {
    const [hit] = await this.getMany(cache, [key], decoder);
    if (!isMiss(hit)) return hit;
    const value = await load();
    await this.setMany(cache, [{ key, value }]);
    return value;
  }

  private async read(cache: CacheName, keys: readonly string[]): Promise<readonly (string | null)[]> {
    if (keys.length === 0) return [];
    try {
      return await this.options.store.getMany(keys);
    } catch (error) {
      this.counters[cache].errors += 1;
      this.options.log.warn({ cache, keys: keys.length, err: error }, 'spotify cache read failed; using the API');
      return keys.map(() => null);
    }
  }

  private parse<T>(cache: CacheName, key: string, text: string | null, decoder: Decoder<T>): Cached<T> {
    if (text === null) return MISS;
    try {
      return decode(decoder, JSON.parse(text));
    } catch (error) {
      this.options.log.warn({ cache, key, err: error }, 'unreadable spotify cache entry; treated as a miss');
      return MISS;
    }
  }
}
