/**
 * The use case in-process on the real Postgres, Redis and Kafka, where time is an
 * argument: counters, the empty catalog, reloading, a snapshot rebuilt from Postgres
 * ranking exactly like the Redis one, and a Redis that is not there at all.
 */
import { learningParams } from '../../src/domain/learning-params.js';
import { T0, syntheticEvents, syntheticTracks } from '../../src/domain/test-fixtures.js';
import type { UserState } from '../../src/domain/user-state.js';
import { snapshotOf, SNAPSHOT_LIMITS } from '../../src/domain/user-snapshot.js';
import { encodeUserState } from '../../src/domain/user-state-codec.js';
import { upsertModels } from '../../src/infra/postgres/user-model.repository.js';
import { createRedis } from '../../src/infra/redis/redis-client.js';
import { redisKeys } from '../../src/infra/redis/redis-keys.js';
import { createEventPathEnv, insertTracks, type EventPathEnv } from '../support/event-path.js';
import { referenceStates } from '../support/reference.js';
import { fullRequest } from '../support/recommender-client.js';
import { closeRedisClient, freePort } from '../support/recommender-redis.js';
import { startInProcessRecommender, type InProcessRecommender } from '../support/recommender-service.js';

const NOW = Date.UTC(2026, 0, 15, 12);
const tracks = syntheticTracks(400, 'service-catalog');

describe('RecommendationService in-process', () => {
  let env: EventPathEnv;
  let rec: InProcessRecommender;

  beforeAll(async () => {
    env = await createEventPathEnv('recs_service');
    rec = await startInProcessRecommender(env);
  });

  afterAll(async () => {
    await rec?.close();
    await env?.close();
  });

  it('answers ERROR while the catalog is empty, and serves once it is reloaded', async () => {
    const empty = await rec.service.recommend(fullRequest({ user_id: 'early' }), NOW);
    expect(empty).toMatchObject({ status: 'ERROR', error: 'catalog is empty: no tracks to recommend', tracks: [] });

    await insertTracks(env, tracks);
    expect(await rec.catalog.reload()).toMatchObject({ tracks: 400 });
    const ok = await rec.service.recommend(fullRequest({ user_id: 'early' }), NOW);
    expect(ok).toMatchObject({ status: 'OK', cold_start_stage: 'week_1' });
    expect(ok.tracks).toHaveLength(20);
  });

  it('counts misses, hits, forced refreshes and bad requests', async () => {
    const before = rec.service.counters();
    const user = 'counted';
    const statuses = [
      await rec.service.recommend(fullRequest({ user_id: user }), NOW),
      await rec.service.recommend(fullRequest({ user_id: user, max_results: 5 }), NOW),
      await rec.service.recommend(fullRequest({ user_id: user, force_refresh: true }), NOW),
      await rec.service.recommend(fullRequest({ user_id: user, max_results: 500 }), NOW),
    ].map((r) => [r.status, r.from_cache]);
    expect(statuses).toEqual([
      ['OK', false],
      ['OK', true],
      ['OK', false],
      ['BAD_REQUEST', false],
    ]);
    const after = rec.service.counters();
    const delta = Object.fromEntries(Object.entries(after).map(([k, v]) => [k, v - before[k as keyof typeof before]]));
    expect(delta).toEqual({
      requests: 4,
      ok: 3,
      cacheHits: 1,
      cacheMisses: 1,
      forcedRefreshes: 1,
      rateLimited: 0,
      badRequests: 1,
      errors: 0,
      rateLimitFailOpen: 0,
      sideEffectFailures: 0,
      redisFailures: 0,
    });
  });

  it('ranks a snapshot rebuilt from Postgres exactly like the one in Redis', async () => {
    const state = await persistModel(env, 'rebuilt');
    await env.redis.set(
      redisKeys(env.redisPrefix).userSnapshot('rebuilt'),
      JSON.stringify(snapshotOf(state, SNAPSHOT_LIMITS)),
    );
    const request = fullRequest({ user_id: 'rebuilt', request_id: 'same-request', force_refresh: true });
    const fromRedis = await rec.service.recommend(request, NOW);
    await env.redis.del(redisKeys(env.redisPrefix).userSnapshot('rebuilt'));
    const fromPostgres = await rec.service.recommend(request, NOW);

    expect(fromRedis).toMatchObject({ status: 'OK', model_version: String(state.modelVersion) });
    expect(fromPostgres.tracks).toEqual(fromRedis.tracks);
    // A retried request id keeps the log rows of its first answer (written behind the replies).
    await rec.service.drain();
    const { rows } = await env.db.pool.query(
      "SELECT count(*)::int AS n FROM music_recommendations WHERE request_id = 'same-request'",
    );
    expect(rows[0].n).toBe(20);
  });

  it('without any Redis: answers from Postgres, rate limiter open, failures counted and logged once', async () => {
    // A client whose Redis is gone for good: every command fails at once, as with failFast while
    // disconnected (the e2e test kills a real server; closing first leaves no reconnect timers here).
    const dead = createRedis({ url: `redis://127.0.0.1:${await freePort()}`, name: 'dead', failFast: true });
    await closeRedisClient(dead);
    const offline = await startInProcessRecommender(env, { redis: dead });
    try {
      const cachedElsewhere = await offline.service.recommend(fullRequest({ user_id: 'counted' }), NOW);
      const fresh = await offline.service.recommend(fullRequest({ user_id: 'newcomer' }), NOW);
      expect(cachedElsewhere).toMatchObject({ status: 'OK', from_cache: true });
      expect(fresh).toMatchObject({ status: 'OK', from_cache: false, cold_start_stage: 'week_1' });
      const counters = offline.service.counters();
      expect(counters).toMatchObject({ ok: 2, rateLimitFailOpen: 2, cacheHits: 1, cacheMisses: 1, errors: 0 });
      // Per request: rate limit, snapshot read, list read; the miss also tries the list write.
      expect(counters.redisFailures).toBe(7);
      const warnings = offline.log.lines.filter((l) => l.level === 'warn');
      expect(warnings.map((l) => l.message)).toEqual([
        'redis unavailable: snapshots and cached lists come from Postgres, rate limiting is OFF (fails open)',
      ]);
    } finally {
      await offline.close();
    }
  });
});

async function persistModel(env: EventPathEnv, userId: string): Promise<UserState> {
  const events = syntheticEvents(userId, tracks, 150, `${userId}-events`).map(([e]) => ({
    ...e,
    occurredAt: e.occurredAt - T0 + NOW - 20 * 86_400_000,
    recommendedAt: e.recommendedAt === null ? null : e.recommendedAt - T0 + NOW - 20 * 86_400_000,
  }));
  const state = referenceStates(events, new Map(tracks.map((t) => [t.trackId, t])), learningParams()).get(userId);
  if (!state) throw new Error('no state');
  const model = { userId, modelVersion: state.modelVersion, state: Buffer.from(encodeUserState(state)) };
  await upsertModels(env.db.pool, [{ ...model, qEntries: state.q.size, episodes: state.episodes }]);
  return state;
}
