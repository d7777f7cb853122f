/**
 * Uncached latency as the catalog grows. Each point: a catalog of that size, users seeded
 * over it, then the pure engine's latency in this process and — where asked — the
 * uncached round trip through Kafka at concurrency 1 against a recommender loaded with
 * that catalog. The full Spotify catalog's point comes from the recommendation-path
 * scenario (same measurement); the others are generated catalogs (noted).
 */
import { toDomainTrack } from '../../src/catalog/domain-track.js';
import { generatedRows } from '../../src/catalog/generated-catalog.js';
import { buildCatalogIndex } from '../../src/domain/catalog-index.js';
import { openBenchEnv } from '../lib/bench-env.js';
import { closedLoop } from '../lib/closed-loop.js';
import { loadAverage } from '../lib/machine.js';
import type { LatencySummary } from '../lib/stats.js';
import { importGenerated } from './catalog.js';
import { kafkaCall } from './load-drivers.js';
import { readTracks } from './rec-path.scenario.js';
import { engineLatency } from './scoring.micro.js';
import { startRecommender } from './services.js';
import { buildUsers, storeUsers } from './users.js';

export interface CatalogSizePoint {
  readonly tracks: number;
  readonly source: 'spotify-dataset' | 'generated';
  readonly engineMs: LatencySummary;
  /** Uncached, concurrency 1, ClientKafka round trip; absent when not measured at this size. */
  readonly kafkaMs?: LatencySummary;
  readonly recommenderStartSeconds?: number;
  readonly load: readonly number[];
}

export async function runCatalogSizePoint(o: {
  count: number;
  viaKafka: boolean;
  users: number;
  seconds: number;
  partitions: number;
}): Promise<CatalogSizePoint> {
  const load = loadAverage();
  const now = Date.now();
  if (!o.viaKafka) {
    const index = buildCatalogIndex(
      [...generatedRows({ count: o.count, seed: `bench-${o.count}` })].map(toDomainTrack),
    );
    const users = buildUsers({ tracks: index.tracks, users: o.users, eventsPerUser: 60, now });
    return {
      tracks: index.size,
      source: 'generated',
      engineMs: engineLatency({ index, users, requests: 200, now }),
      load,
    };
  }
  const env = await openBenchEnv('bench_cat', o.partitions);
  try {
    await importGenerated(env.db.pool, o.count);
    const index = buildCatalogIndex(await readTracks(env));
    const users = buildUsers({ tracks: index.tracks, users: o.users, eventsPerUser: 60, now });
    await storeUsers({ users, pool: env.db.pool, redis: env.redis, redisPrefix: env.redisPrefix });
    const recommender = await startRecommender(env, o.partitions);
    let kafkaMs: LatencySummary;
    try {
      const call = kafkaCall(recommender.requester, users.ids, 'uncached');
      await closedLoop({ concurrency: 1, seconds: 1, call }); // warm-up
      kafkaMs = (await closedLoop({ concurrency: 1, seconds: o.seconds, call })).latencyMs;
    } finally {
      await recommender.stop();
    }
    return {
      tracks: index.size,
      source: 'generated',
      engineMs: engineLatency({ index, users, requests: 200, now }),
      kafkaMs,
      recommenderStartSeconds: Math.round(recommender.startSeconds * 10) / 10,
      load,
    };
  } finally {
    await env.close();
  }
}
