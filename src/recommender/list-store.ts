/**
 * Where served lists live: Redis (fast, per user, TTL) and Postgres (recommendations_cache
 * for Redis outages; music_recommendations, the per-request log). Reads go to Redis and
 * fall back to Postgres only when Redis fails, not on a plain miss: a miss in a working
 * Redis means the list expired or was never computed, and Postgres holds the same list.
 */
import type { Executor } from '../infra/postgres/pool.js';
import {
  findValidCachedList,
  insertRecommendationLog,
  upsertCachedList,
  type RecommendationLogRow,
} from '../infra/postgres/recommendation.repository.js';
import type { Logger } from '../infra/logging/logger.js';
import type { RedisOutage } from './redis-outage.js';
import { parseList, type RecommendationList } from './recommendation-list.js';

export interface ListCache {
  read(userId: string): Promise<string | null>;
  write(userId: string, json: string): Promise<void>;
}

export interface ListStoreDeps {
  readonly redis: ListCache;
  readonly db: Executor;
  readonly outage: RedisOutage;
  readonly ttlSeconds: number;
  readonly log: Logger;
}

/** Parsed lists kept per user (most recently read last), so a repeated read skips JSON.parse. */
const PARSED_LISTS_KEPT = 500;

export class ListStore {
  /** The last JSON read per user and its parse: served lists are never mutated, so one parse serves all. */
  private readonly parsed = new Map<string, { readonly json: string; readonly list: RecommendationList }>();

  constructor(private readonly deps: ListStoreDeps) {}

  async read(userId: string, now: number): Promise<RecommendationList | null> {
    const { redis, db, outage } = this.deps;
    const payload = await outage.orElse(
      'list.read',
      () => redis.read(userId),
      () => findValidCachedList(db, userId, now),
    );
    if (payload === null) return null;
    const list = this.parse(userId, payload);
    if (!list) this.deps.log.warn({ userId }, 'cached recommendation list unreadable; recomputing');
    return list;
  }

  /** parseList, remembering the parse of JSON text: the same text (string equality) gives the same list. */
  private parse(userId: string, payload: unknown): RecommendationList | null {
    if (typeof payload !== 'string') return parseList(payload);
    const kept = this.parsed.get(userId);
    this.parsed.delete(userId);
    const list = kept?.json === payload ? kept.list : parseList(payload);
    if (!list) return null;
    this.parsed.set(userId, { json: payload, list });
    if (this.parsed.size > PARSED_LISTS_KEPT) this.parsed.delete(this.parsed.keys().next().value as string);
    return list;
  }

  /** Both copies; a Redis failure is recorded and the Postgres copy still written. */
  async save(list: RecommendationList, now: number): Promise<void> {
    const { redis, db, outage, ttlSeconds } = this.deps;
    const json = JSON.stringify(list);
    await Promise.all([
      outage.orElse(
        'list.write',
        () => redis.write(list.user_id, json),
        () => undefined,
      ),
      upsertCachedList(db, {
        userId: list.user_id,
        payload: json,
        modelVersion: list.model_version,
        createdAt: now,
        expiresAt: now + ttlSeconds * 1000,
      }),
    ]);
  }

  async log(rows: readonly RecommendationLogRow[]): Promise<void> {
    await insertRecommendationLog(this.deps.db, rows);
  }
}
