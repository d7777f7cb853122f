/**
 * Recommendation path under closed-loop load: the full catalog in the scenario's schema,
 * seeded users, the real recommender and gateway processes; for each mode (cached lists,
 * uncached = force_refresh) and concurrency, requests/s and latency through Kafka
 * request/reply and through HTTP. Then, with the services stopped so the core is free,
 * the scoring micro-benchmark and the pure engine's latency on the same catalog.
 */
import { toDomainTrack } from '../../src/catalog/domain-track.js';
import { loadAll } from '../../src/catalog/track.repository.js';
import { buildCatalogIndex } from '../../src/domain/catalog-index.js';
import type { Track } from '../../src/domain/types.js';
import type { Requester } from '../../test/support/recommender-client.js';
import { openBenchEnv, type BenchEnv } from '../lib/bench-env.js';
import { closedLoop, type LoadResult } from '../lib/closed-loop.js';
import { cpuWindow, type CpuGroups } from '../lib/cpu.js';
import { loadAverage } from '../lib/machine.js';
import type { LatencySummary } from '../lib/stats.js';
import { importFullCatalog, type CatalogImport } from './catalog.js';
import { httpCall, kafkaCall, type Call, type Mode } from './load-drivers.js';
import { engineLatency, runScoring, type ScoringResult } from './scoring.micro.js';
import { startGateway, startRecommender } from './services.js';
import { buildUsers, storeUsers, type SeededUsers } from './users.js';

export interface LoadCell extends LoadResult {
  readonly path: 'kafka' | 'http';
  readonly mode: Mode;
  readonly cpuCores: CpuGroups;
  readonly load: readonly number[];
}

export interface RecPathOptions {
  readonly users: number;
  readonly concurrency: readonly number[];
  readonly seconds: number;
  readonly warmupSeconds: number;
  readonly partitions: number;
  readonly scoringSeconds: number;
}

export interface RecPathResult {
  readonly catalog: CatalogImport;
  readonly users: number;
  readonly recommenderStartSeconds: number;
  readonly cells: readonly LoadCell[];
  readonly scoring: ScoringResult;
  readonly engineMs: LatencySummary;
  /** Why the HTTP half is missing, when the gateway could not be run (the Kafka half still is). */
  readonly httpError?: string;
}

export async function runRecPath(o: RecPathOptions): Promise<RecPathResult> {
  const env = await openBenchEnv('bench_rec', o.partitions);
  try {
    const catalog = await importFullCatalog(env.db.pool);
    const index = buildCatalogIndex(await readTracks(env));
    const now = Date.now();
    const users = buildUsers({ tracks: index.tracks, users: o.users, eventsPerUser: 60, now });
    await storeUsers({ users, pool: env.db.pool, redis: env.redis, redisPrefix: env.redisPrefix });
    const { cells, startSeconds, httpError } = await runLoads(env, users, o);
    return {
      catalog,
      users: o.users,
      recommenderStartSeconds: Math.round(startSeconds * 10) / 10,
      cells,
      scoring: runScoring({ index, users, seconds: o.scoringSeconds, now }),
      engineMs: engineLatency({ index, users, requests: 200, now }),
      ...(httpError ? { httpError } : {}),
    };
  } finally {
    await env.close();
  }
}

export async function readTracks(env: BenchEnv): Promise<Track[]> {
  const tracks: Track[] = [];
  for await (const row of loadAll(env.db.pool)) tracks.push(toDomainTrack(row));
  return tracks;
}

async function runLoads(env: BenchEnv, users: SeededUsers, o: RecPathOptions) {
  const recommender = await startRecommender(env, o.partitions);
  const cells: LoadCell[] = [];
  const pids = { recommender: recommender.process.child.pid };
  try {
    // Every user's list computed once (which also warms the recommender up), so the cached runs find one.
    await fillCaches(recommender.requester, users);
    for (const mode of ['cached', 'uncached'] as const) {
      const call = kafkaCall(recommender.requester, users.ids, mode);
      for (const c of o.concurrency)
        cells.push(await cell({ path: 'kafka', mode, concurrency: c, seconds: o.seconds, call, pids }));
    }
    const httpError = await httpLoads(env, users, o, { cells, pids }).catch((error: unknown) => String(error));
    return { cells, startSeconds: recommender.startSeconds, httpError };
  } finally {
    await recommender.stop();
  }
}

/** The same cells through the HTTP gateway; resolves undefined, or rejects if the gateway cannot run. */
async function httpLoads(
  env: BenchEnv,
  users: SeededUsers,
  o: RecPathOptions,
  into: { cells: LoadCell[]; pids: Record<string, number | undefined> },
): Promise<undefined> {
  const gateway = await startGateway(env, o.partitions);
  const pids = { ...into.pids, gateway: gateway.pid };
  try {
    const warm = httpCall(gateway.url, users.ids, 'cached', 16);
    await closedLoop({ concurrency: 16, seconds: o.warmupSeconds, call: warm.call });
    warm.close();
    for (const mode of ['cached', 'uncached'] as const) {
      for (const c of o.concurrency) {
        const http = httpCall(gateway.url, users.ids, mode, c);
        into.cells.push(await cell({ path: 'http', mode, concurrency: c, seconds: o.seconds, call: http.call, pids }));
        http.close();
      }
    }
    return undefined;
  } finally {
    await gateway.stop();
  }
}

async function fillCaches(requester: Requester, users: SeededUsers): Promise<void> {
  const perWorker = Math.ceil(users.ids.length / 16);
  await Promise.all(
    Array.from({ length: 16 }, async (_, w) => {
      for (let i = w * perWorker; i < Math.min(users.ids.length, (w + 1) * perWorker); i++) {
        await requester.request({ user_id: users.ids[i], max_results: 50, force_refresh: true }, 10_000);
      }
    }),
  );
}

async function cell(o: {
  path: LoadCell['path'];
  mode: Mode;
  concurrency: number;
  seconds: number;
  call: Call;
  pids: Record<string, number | undefined>;
}): Promise<LoadCell> {
  const load = loadAverage();
  const cpu = cpuWindow(o.pids);
  const result = await closedLoop({ concurrency: o.concurrency, seconds: o.seconds, call: o.call });
  return { ...result, path: o.path, mode: o.mode, cpuCores: cpu.stop(), load };
}
