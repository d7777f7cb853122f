/**
 * Redis is a cache, never a dependency: with the recommender pointed at a PRIVATE
 * redis-server that is SIGKILLed mid-test, requests are still answered — snapshots are
 * rebuilt from Postgres, cached lists come from recommendations_cache, and the rate
 * limiter fails open. When Redis returns, the recommender uses it again.
 */
import { readFileSync } from 'node:fs';
import { learningParams } from '../../src/domain/learning-params.js';
import { T0, feedbackEvent, syntheticEvents, syntheticTracks } from '../../src/domain/test-fixtures.js';
import type { UserEvent, UserState } from '../../src/domain/user-state.js';
import { snapshotOf, SNAPSHOT_LIMITS } from '../../src/domain/user-snapshot.js';
import { encodeUserState } from '../../src/domain/user-state-codec.js';
import { upsertModels } from '../../src/infra/postgres/user-model.repository.js';
import { ensureUsers } from '../../src/infra/postgres/users.repository.js';
import { redisKeys } from '../../src/infra/redis/redis-keys.js';
import { createEventPathEnv, insertTracks, type EventPathEnv } from '../support/event-path.js';
import { referenceStates } from '../support/reference.js';
import type { Requester } from '../support/recommender-client.js';
import { expectedReplyTracks, loadCatalogIndex } from '../support/recommender-expected.js';
import { startServingRecommender, type RecommenderProcess } from '../support/recommender-process.js';
import { startPrivateRedis, type PrivateRedis } from '../support/recommender-redis.js';
import { waitFor } from '../support/wait-for.js';

const DAY = 86_400_000;
const USER = 'modeled';

describe('recommender with Redis stopped mid-test', () => {
  let env: EventPathEnv;
  let redis: PrivateRedis;
  let recommender: RecommenderProcess;
  let requester: Requester;
  let state: UserState;
  const createdAt = Date.now() - 40 * DAY;

  beforeAll(async () => {
    env = await createEventPathEnv('recs_redis_down');
    const tracks = syntheticTracks(600, 'redis-down-catalog');
    await insertTracks(env, tracks);
    state = await persistModel(env, tracks, createdAt);
    redis = await startPrivateRedis();
    ({ recommender, requester } = await startServingRecommender(env, { REDIS_URL: redis.url }));
  });

  afterAll(async () => {
    await requester?.close();
    await recommender?.stop();
    await redis?.kill();
    await env?.close();
  });

  it('keeps answering: snapshot from Postgres, cached list from recommendations_cache, rate limiter open', async () => {
    const computed = await requester.request({ user_id: USER });
    expect(computed).toMatchObject({ status: 'OK', from_cache: false, model_version: String(state.modelVersion) });
    const index = await loadCatalogIndex(env.db.pool);
    const snapshot = snapshotOf(state, SNAPSHOT_LIMITS);
    const input = { snapshot, createdAt, now: computed.generated_at, maxResults: 20, seed: computed.request_id };
    expect(computed.tracks).toEqual(expectedReplyTracks(index, input));
    expect(computed.tracks.map((t) => t.track_id)).not.toContain(state.recentNegatives[0]);
    const inspect = redis.client();
    const prefix = redisKeys(env.redisPrefix);
    expect(await inspect.exists(prefix.recommendations(USER), prefix.rateLimit(USER))).toBe(2);
    expect((await requester.request({ user_id: USER })).from_cache).toBe(true);

    await redis.kill();

    const fromPostgres = await requester.request({ user_id: USER });
    expect(fromPostgres).toMatchObject({ status: 'OK', from_cache: true, generated_at: computed.generated_at });
    expect(fromPostgres.tracks).toEqual(computed.tracks);
    // Commands fail fast while disconnected: no request waits for a Redis timeout.
    expect(fromPostgres.response_time_ms).toBeLessThan(1000);

    const refreshed = await requester.request({ user_id: USER, force_refresh: true });
    expect(refreshed).toMatchObject({ status: 'OK', from_cache: false, model_version: String(state.modelVersion) });
    const stranger = await requester.request({ user_id: 'stranger' });
    expect(stranger).toMatchObject({ status: 'OK', cold_start_stage: 'week_1', model_version: '0' });

    const log = readFileSync(recommender.logFile, 'utf8');
    expect(log).toContain('rate limiting is OFF (fails open)');
  });

  it('uses Redis again once it is back', async () => {
    redis = await startPrivateRedis(redis.port);
    const inspect = redis.client();
    const key = redisKeys(env.redisPrefix).rateLimit(USER);
    await waitFor(
      async () => {
        const reply = await requester.request({ user_id: USER });
        return reply.status === 'OK' && (await inspect.exists(key)) === 1;
      },
      { timeoutMs: 20_000, intervalMs: 200, what: 'the recommender to use the restarted Redis' },
    );
    // The restarted server has no scripts cached: the limiter fell back from EVALSHA to EVAL.
    expect(await inspect.zcard(key)).toBeGreaterThanOrEqual(1);
    expect(readFileSync(recommender.logFile, 'utf8')).toContain('redis available again');
  });
});

/** Writes a learned model straight to Postgres (no Redis snapshot exists for the user). */
async function persistModel(env: EventPathEnv, tracks: ReturnType<typeof syntheticTracks>, createdAt: number) {
  const shift = (t: number): number => t - T0 + createdAt;
  const events: UserEvent[] = syntheticEvents(USER, tracks, 200, 'modeled-events').map(([e]) => ({
    ...e,
    occurredAt: shift(e.occurredAt),
    recommendedAt: e.recommendedAt === null ? null : shift(e.recommendedAt),
  }));
  const dislike = feedbackEvent('modeled-dislike', tracks[7].trackId, 0, { userId: USER, feedbackType: 'dislike' });
  events.push({ ...dislike, occurredAt: Date.now() - DAY });
  const byId = new Map(tracks.map((t) => [t.trackId, t]));
  const state = referenceStates(events, byId, learningParams()).get(USER) as UserState;
  await upsertModels(env.db.pool, [
    {
      userId: USER,
      modelVersion: state.modelVersion,
      state: Buffer.from(encodeUserState(state)),
      qEntries: state.q.size,
      episodes: state.episodes,
    },
  ]);
  await ensureUsers(env.db.pool, [{ userId: USER, createdAt }]);
  return state;
}
