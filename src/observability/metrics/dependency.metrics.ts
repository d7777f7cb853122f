/** Connection use of Postgres and Redis, for every process (they all hold both clients). */
import type { Registry } from 'prom-client';
import { METRIC } from './metric-names.js';
import { readGauge } from './metrics-registry.js';
import type { RedisInfoSampler } from './redis-info.sampler.js';

/** The counters pg's Pool keeps. */
export interface PoolUse {
  readonly totalCount: number;
  readonly idleCount: number;
  readonly waitingCount: number;
}

/** ioredis: one multiplexed connection per client; `status` is 'ready' while it serves commands. */
export interface RedisConnection {
  readonly status: string;
}

export function registerDependencyMetrics(
  registry: Registry,
  deps: { pool: PoolUse; redis: RedisConnection; redisInfo: RedisInfoSampler },
): void {
  const { pool, redis, redisInfo } = deps;
  readGauge(registry, {
    name: METRIC.postgresPool,
    help: "Clients of this process's Postgres pool by state (total open, idle; in use = total − idle).",
    labelNames: ['state'],
    read: () => [
      [{ state: 'total' }, pool.totalCount],
      [{ state: 'idle' }, pool.idleCount],
    ],
  });
  readGauge(registry, {
    name: METRIC.postgresPoolWaiting,
    help: 'Queries waiting for a free Postgres client (the pool is exhausted while > 0).',
    read: () => [[{}, pool.waitingCount]],
  });
  readGauge(registry, {
    name: METRIC.redisConnected,
    help: "1 while this process's Redis connection is ready, else 0.",
    read: () => [[{}, redis.status === 'ready' ? 1 : 0]],
  });
  readGauge(registry, {
    name: METRIC.redisMemory,
    help: 'Redis server memory from INFO memory, sampled (used, rss, max; max 0 = no limit).',
    labelNames: ['kind'],
    read: () => {
      const info = redisInfo.info;
      if (!info) return [];
      return [
        [{ kind: 'used' }, info.usedMemory],
        [{ kind: 'rss' }, info.usedMemoryRss],
        [{ kind: 'max' }, info.maxMemory],
      ];
    },
  });
  readGauge(registry, {
    name: METRIC.redisClients,
    help: 'Clients connected to the Redis server (all processes), from INFO clients, sampled.',
    read: () => (redisInfo.info ? [[{}, redisInfo.info.connectedClients]] : []),
  });
}
