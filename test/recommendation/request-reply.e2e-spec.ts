/**
 * The recommender process end to end on the real services: requests sent the way the
 * gateway's ClientKafka sends them, answered over Kafka; lists checked against the pure
 * engine on the same catalog and snapshot, cache behaviour, decision records and logs.
 */
import type { RecommendationReply } from '../../src/contracts/records.js';
import { T0, feedbackEvent, syntheticEvents, syntheticTracks } from '../../src/domain/test-fixtures.js';
import type { Track } from '../../src/domain/types.js';
import type { UserEvent, UserSnapshot } from '../../src/domain/user-state.js';
import { ensureUsers } from '../../src/infra/postgres/users.repository.js';
import { redisKeys } from '../../src/infra/redis/redis-keys.js';
import type { EventProcessor } from '../../src/learner/event-processor.js';
import { createEventPathEnv, insertTracks, type EventPathEnv } from '../support/event-path.js';
import { decisionsFor, logRowCounts } from '../support/decision-log.js';
import { startProcessor } from '../support/processor.js';
import { emptySnapshot } from '../../src/recommender/snapshot-loader.js';
import type { Requester } from '../support/recommender-client.js';
import { expectedReplyTracks, insertProfile, loadCatalogIndex } from '../support/recommender-expected.js';
import { startServingRecommender, type RecommenderProcess } from '../support/recommender-process.js';
import { waitFor } from '../support/wait-for.js';

const DAY = 86_400_000;
const PROFILE = { openness: 85, conscientiousness: 30, extraversion: 70, agreeableness: 60, neuroticism: 20 };

describe('recommender over Kafka request/reply', () => {
  let env: EventPathEnv;
  let tracks: Track[];
  let processor: EventProcessor;
  let recommender: RecommenderProcess;
  let requester: Requester;
  const answered: RecommendationReply[] = [];

  const ask = async (...args: Parameters<Requester['request']>): Promise<RecommendationReply> => {
    const reply = await requester.request(...args);
    answered.push(reply);
    return reply;
  };
  const snapshotOf = async (userId: string): Promise<UserSnapshot | null> => {
    const raw = await env.redis.get(redisKeys(env.redisPrefix).userSnapshot(userId));
    return raw ? (JSON.parse(raw) as UserSnapshot) : null;
  };

  beforeAll(async () => {
    env = await createEventPathEnv('recs');
    tracks = syntheticTracks(600, 'recs-catalog');
    await insertTracks(env, tracks);
    processor = await startProcessor(env);
    ({ recommender, requester } = await startServingRecommender(env));
  });

  afterAll(async () => {
    await requester?.close();
    await recommender?.stop();
    await processor?.stop();
    await env?.close();
  });

  it('answers a brand-new user in week_1 from personality and popularity, exactly as the engine ranks', async () => {
    await insertProfile(env.db.pool, 'newbie', PROFILE);
    const reply = await ask({ user_id: 'newbie', max_results: 25 });

    expect(reply).toMatchObject({ status: 'OK', error: null, cold_start_stage: 'week_1', from_cache: false });
    expect(reply.model_version).toBe('0');
    expect(reply.total_candidates).toBeGreaterThanOrEqual(200);
    expect(reply.total_candidates).toBeLessThanOrEqual(500);
    const index = await loadCatalogIndex(env.db.pool);
    const expected = expectedReplyTracks(index, {
      snapshot: { ...emptySnapshot('newbie'), personality: PROFILE },
      createdAt: reply.generated_at,
      now: reply.generated_at,
      maxResults: 25,
      seed: reply.request_id,
    });
    expect(reply.tracks).toEqual(expected);
    expect(reply.tracks.every((t) => t.scores.history_similarity === 0.5)).toBe(true);
  });

  it('takes the stage from users.created_at', async () => {
    await ensureUsers(env.db.pool, [{ userId: 'ten-days', createdAt: Date.now() - 10 * DAY }]);
    const reply = await ask({ user_id: 'ten-days' });
    expect(reply).toMatchObject({ status: 'OK', cold_start_stage: 'weeks_2_4' });
  });

  describe('an established user (events through the real event processor)', () => {
    const user = 'fan';
    const start = Date.now() - 40 * DAY;
    let events: UserEvent[];

    beforeAll(async () => {
      events = syntheticEvents(user, tracks, 300, 'fan-events').map(([e]) => ({
        ...e,
        occurredAt: e.occurredAt - T0 + start,
        recommendedAt: e.recommendedAt === null ? null : e.recommendedAt - T0 + start,
      }));
      await env.produce(events);
      await waitFor(async () => (await snapshotOf(user))?.modelVersion === 300, { what: 'the fan snapshot' });
    });

    it('ranks with history, personality, diversity, novelty and the RL term (month_2_plus)', async () => {
      const reply = await ask({ user_id: user, max_results: 20 });
      const snapshot = (await snapshotOf(user)) as UserSnapshot;

      expect(reply).toMatchObject({ status: 'OK', cold_start_stage: 'month_2_plus', model_version: '300' });
      const index = await loadCatalogIndex(env.db.pool);
      const expected = expectedReplyTracks(index, {
        snapshot,
        createdAt: start,
        now: reply.generated_at,
        maxResults: 20,
        seed: reply.request_id,
      });
      expect(reply.tracks).toEqual(expected);
      expect(snapshot.negatives.length).toBeGreaterThan(0);
      expect(reply.tracks.filter((t) => snapshot.negatives.includes(t.track_id))).toEqual([]);
      expect(reply.tracks.some((t) => t.scores.history_similarity !== 0.5)).toBe(true);
      expect(reply.tracks.some((t) => t.scores.rl_adjustment !== 0)).toBe(true);
    });

    it('serves the cached list, then recomputes on force_refresh', async () => {
      const first = await ask({ user_id: user, max_results: 20 });
      const cached = await ask({ user_id: user, max_results: 20 });
      expect(first.from_cache).toBe(true); // the previous test's list
      expect(cached).toMatchObject({ status: 'OK', from_cache: true, generated_at: first.generated_at });
      expect(cached.tracks).toEqual(first.tracks);

      const fresh = await ask({ user_id: user, max_results: 20, force_refresh: true });
      expect(fresh).toMatchObject({ status: 'OK', from_cache: false });
      expect(fresh.generated_at).toBeGreaterThan(first.generated_at);
      const again = await ask({ user_id: user, max_results: 20 });
      expect(again).toMatchObject({ from_cache: true, generated_at: fresh.generated_at });
    });

    it('drops a track disliked after caching; recomputes when too few remain', async () => {
      const before = await ask({ user_id: user, max_results: 20 });
      expect(before.from_cache).toBe(true);
      const disliked = before.tracks[0].track_id;
      await env.produce([
        feedbackEvent('fan-dislike', disliked, Date.now() - T0, { userId: user, feedbackType: 'dislike' }),
      ]);
      await waitFor(async () => (await snapshotOf(user))?.negatives[0] === disliked, { what: 'the dislike' });

      const filtered = await ask({ user_id: user, max_results: 10 });
      expect(filtered).toMatchObject({ status: 'OK', from_cache: true, generated_at: before.generated_at });
      expect(filtered.tracks.map((t) => t.track_id)).toEqual(before.tracks.slice(1, 11).map((t) => t.track_id));
      expect(filtered.tracks.map((t) => t.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);

      const recomputed = await ask({ user_id: user, max_results: 20 });
      expect(recomputed).toMatchObject({ status: 'OK', from_cache: false, model_version: '301' });
      expect(recomputed.tracks).toHaveLength(20);
      expect(recomputed.tracks.map((t) => t.track_id)).not.toContain(disliked);
    });
  });

  it('answers malformed requests with BAD_REQUEST', async () => {
    const zero = await ask({ user_id: 'newbie', max_results: 0 });
    expect(zero).toMatchObject({ status: 'BAD_REQUEST', tracks: [], retry_after_ms: null });
    expect(zero.error).toBe('invalid request: max_results must be an integer in 1..100, got 0');
    const tooMany = await ask({ user_id: '', max_results: 101 });
    expect(tooMany.error).toBe(
      'invalid request: user_id must not be empty; max_results must be an integer in 1..100, got 101',
    );

    const garbage = env.registry.decode(
      await requester.send('someone', Buffer.from('not avro at all')),
      'music.RecommendationReply',
    );
    expect(garbage).toMatchObject({ status: 'BAD_REQUEST', user_id: 'someone', request_id: '', tracks: [] });
    expect(garbage.error).toMatch(/^undecodable music\.RecommendationRequest: /);
  });

  it('logs one decision per OK reply (none for refused requests) and one log row per served track', async () => {
    const ok = answered.filter((r) => r.status === 'OK');
    const ids = new Set(ok.map((r) => r.request_id));
    const decisions = await decisionsFor(env, ids);
    const byRequest = new Map(decisions.map((d) => [d.request_id, d]));
    for (const reply of ok) {
      expect(byRequest.get(reply.request_id)).toEqual({
        request_id: reply.request_id,
        user_id: reply.user_id,
        decided_at: expect.any(Number),
        candidates_considered: reply.total_candidates,
        epsilon: 0.1,
        cold_start_stage: reply.cold_start_stage,
        model_version: reply.model_version,
        chosen: reply.tracks.map((t) => ({
          track_id: t.track_id,
          rank: t.rank,
          final_score: t.scores.final,
          exploration: t.exploration,
          selection_probability: t.selection_probability,
        })),
      });
    }
    const refused = answered.filter((r) => r.status !== 'OK').map((r) => r.request_id);
    expect(decisions.filter((d) => refused.includes(d.request_id))).toEqual([]);

    // The log rows are written behind the reply (batched): wait until every request has its rows.
    const counts = await waitFor(
      async () => {
        const found = await logRowCounts(env, ids);
        return Object.keys(found).length === ids.size && found;
      },
      { what: 'the log rows of every OK reply' },
    );
    expect(counts).toEqual(Object.fromEntries(ok.map((r) => [r.request_id, r.tracks.length])));
  });
});
