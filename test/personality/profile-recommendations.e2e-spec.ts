/**
 * A personality update changes the very next recommendation, through the gateway, the real
 * recommender process and the event processor: the cached list is dropped, the recommender
 * takes the profile from Postgres even while the user's snapshot (written by the actor)
 * still holds the old one, and the actor applies the update once it runs.
 */
import { syntheticEvents, syntheticTracks } from '../../src/domain/test-fixtures.js';
import { TRAITS, type BigFive, type Track } from '../../src/domain/types.js';
import type { UserSnapshot } from '../../src/domain/user-snapshot.js';
import type { RecommendationsResponse } from '../../src/gateway/api/recommendation.dto.js';
import { findCreatedAt } from '../../src/infra/postgres/users.repository.js';
import { redisKeys } from '../../src/infra/redis/redis-keys.js';
import type { EventProcessor } from '../../src/learner/event-processor.js';
import { createEventPathEnv, insertTracks, type EventPathEnv } from '../support/event-path.js';
import { readJson, waitUntilRecommending } from '../support/gateway-env.js';
import { startProcessor } from '../support/processor.js';
import { expectedReplyTracks, loadCatalogIndex } from '../support/recommender-expected.js';
import { spawnRecommender, type RecommenderProcess } from '../support/recommender-process.js';
import { waitFor } from '../support/wait-for.js';
import { startUserApi, type UserApi } from './api-env.js';

const OUTGOING: BigFive = { openness: 90, conscientiousness: 20, extraversion: 85, agreeableness: 30, neuroticism: 10 };
const CAREFUL: BigFive = { openness: 10, conscientiousness: 90, extraversion: 10, agreeableness: 90, neuroticism: 80 };
const USER = 'pat';

const sameTraits = (a: BigFive | null | undefined, b: BigFive): boolean => !!a && TRAITS.every((t) => a[t] === b[t]);

describe('a personality update and the next recommendations', () => {
  let env: EventPathEnv;
  let tracks: Track[];
  let processor: EventProcessor | undefined;
  let recommender: RecommenderProcess;
  let api: UserApi;

  const recommend = async (userId: string, query = '?limit=20'): Promise<RecommendationsResponse> => {
    const res = await api.request('GET', `/v1/users/${userId}/recommendations${query}`);
    expect(res.status).toBe(200);
    return readJson<RecommendationsResponse>(res);
  };
  const snapshotOf = async (userId: string): Promise<UserSnapshot | null> => {
    const raw = await env.redis.get(redisKeys(env.redisPrefix).userSnapshot(userId));
    return raw ? (JSON.parse(raw) as UserSnapshot) : null;
  };
  /** The engine's list for this reply's request id and time, on the given snapshot. */
  const expectedFor = async (reply: RecommendationsResponse, snapshot: UserSnapshot) =>
    expectedReplyTracks(await loadCatalogIndex(env.db.pool), {
      snapshot,
      // The learner created the user at its first event's time.
      createdAt: (await findCreatedAt(env.db.pool, USER)) as number,
      now: reply.generatedAt,
      maxResults: 20,
      seed: reply.requestId,
    }).map((t) => [t.track_id, t.scores.personality_match]);
  const served = (reply: RecommendationsResponse) => reply.tracks.map((t) => [t.trackId, t.scores.personalityMatch]);

  beforeAll(async () => {
    env = await createEventPathEnv('persona_e2e');
    tracks = syntheticTracks(400, 'persona-catalog');
    await insertTracks(env, tracks);
    processor = await startProcessor(env);
    recommender = spawnRecommender(env);
    api = await startUserApi(env);
    await waitUntilRecommending((path) => api.request('GET', path));
  });

  afterAll(async () => {
    await api?.close();
    await recommender?.stop();
    await processor?.stop();
    await env?.close();
  });

  it('ranks with the new profile from the next request on, before the actor has applied it', async () => {
    await env.produce(syntheticEvents(USER, tracks, 40, 'pat-events').map(([e]) => e));
    expect((await api.request('PUT', `/v1/users/${USER}/personality`, { traits: OUTGOING })).status).toBe(200);
    await waitFor(async () => sameTraits((await snapshotOf(USER))?.personality, OUTGOING), {
      what: 'the actor to apply the first profile',
    });
    const first = await recommend(USER);
    const snapshot = (await snapshotOf(USER)) as UserSnapshot;
    expect(first.fromCache).toBe(false);
    expect(served(first)).toEqual(await expectedFor(first, snapshot));
    expect((await recommend(USER)).fromCache).toBe(true);

    // With the processor stopped the actor cannot apply the update: the snapshot keeps the old profile.
    await processor?.stop();
    processor = undefined;
    expect((await api.request('PUT', `/v1/users/${USER}/personality`, { traits: CAREFUL })).status).toBe(200);
    const next = await recommend(USER);

    expect(next.fromCache).toBe(false);
    expect((await snapshotOf(USER))?.personality).toEqual(OUTGOING);
    expect(served(next)).toEqual(await expectedFor(next, { ...snapshot, personality: CAREFUL }));
    expect(served(next)).not.toEqual(await expectedFor(next, snapshot));
  });

  it('lets the actor apply the update in order once it runs again', async () => {
    processor = await startProcessor(env);
    await waitFor(async () => sameTraits((await snapshotOf(USER))?.personality, CAREFUL), {
      what: 'the actor to apply the second profile',
    });
    const { rows } = await env.db.pool.query('SELECT model_version FROM music_rl_models WHERE user_id = $1', [USER]);
    expect(Number(rows[0].model_version)).toBe(42); // 40 events and two profile changes
  });
});
