/** Storage per user: Redis snapshot bytes and Postgres bytes of the per-user tables. */
import type { Redis } from 'ioredis';
import type { Pool } from 'pg';
import { redisKeys } from '../../src/infra/redis/redis-keys.js';
import { percentile, round } from '../lib/stats.js';

export interface SnapshotFootprint {
  readonly sampled: number;
  /** MEMORY USAGE: what Redis allocates for the key, value and overhead. */
  readonly meanBytes: number;
  readonly p99Bytes: number;
  readonly maxBytes: number;
  /** STRLEN: the JSON alone. */
  readonly meanJsonBytes: number;
}

export interface PostgresFootprint {
  readonly users: number;
  /** users + music_rl_models + music_genre_preferences + listening_history, all indexes and TOAST included. */
  readonly bytesPerUser: number;
  readonly bytesPerUserByTable: Record<string, number>;
  /** music_interactions + reward_outbox (the per-event log), per event. */
  readonly logBytesPerEvent: number;
}

const PER_USER_TABLES = ['users', 'music_rl_models', 'music_genre_preferences', 'listening_history'];
const PER_EVENT_TABLES = ['music_interactions', 'reward_outbox'];

/** Samples up to `sample` users spread evenly over the id range. */
export async function snapshotFootprint(o: {
  redis: Redis;
  prefix: string;
  userIds: readonly string[];
  sample?: number;
}): Promise<SnapshotFootprint> {
  const keys = redisKeys(o.prefix);
  const step = Math.max(1, Math.floor(o.userIds.length / (o.sample ?? 1000)));
  const picked = o.userIds.filter((_, i) => i % step === 0).map((u) => keys.userSnapshot(u));
  const pipeline = o.redis.pipeline();
  for (const key of picked) pipeline.call('MEMORY', 'USAGE', key, 'SAMPLES', '0').strlen(key);
  const results = (await pipeline.exec()) ?? [];
  const memory: number[] = [];
  let json = 0;
  for (let i = 0; i < results.length; i += 2) {
    const [error, bytes] = results[i];
    if (error || bytes === null) continue; // a missing key (expired) is not a snapshot
    memory.push(Number(bytes));
    json += Number(results[i + 1][1]);
  }
  memory.sort((a, b) => a - b);
  const mean = memory.reduce((s, v) => s + v, 0) / Math.max(1, memory.length);
  return {
    sampled: memory.length,
    meanBytes: Math.round(mean),
    p99Bytes: percentile(memory, 99),
    maxBytes: memory[memory.length - 1] ?? NaN,
    meanJsonBytes: Math.round(json / Math.max(1, memory.length)),
  };
}

export async function postgresFootprint(o: { pool: Pool; schema: string; events: number }): Promise<PostgresFootprint> {
  const { rows } = await o.pool.query<{ relname: string; bytes: string }>(
    `SELECT c.relname, pg_total_relation_size(c.oid)::bigint AS bytes
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relkind = 'r' AND c.relname = ANY($2)`,
    [o.schema, [...PER_USER_TABLES, ...PER_EVENT_TABLES]],
  );
  const size = new Map(rows.map((r) => [r.relname, Number(r.bytes)]));
  const { rows: count } = await o.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM users');
  const users = count[0].n;
  const byTable = Object.fromEntries(
    PER_USER_TABLES.map((t) => [t, Math.round((size.get(t) ?? 0) / Math.max(1, users))]),
  );
  const perEvent = PER_EVENT_TABLES.reduce((s, t) => s + (size.get(t) ?? 0), 0) / Math.max(1, o.events);
  return {
    users,
    bytesPerUser: Object.values(byTable).reduce((s, v) => s + v, 0),
    bytesPerUserByTable: byTable,
    logBytesPerEvent: round(perEvent, 0),
  };
}
