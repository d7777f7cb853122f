/**
 * The gateway in front of the real recommender process (dist/), on the real Kafka,
 * Postgres and Redis: HTTP → Avro request → recommender → Avro reply → JSON, including the
 * cache flag, force refresh and the per-user rate limit surfacing as 429 + Retry-After.
 */
import { syntheticTracks } from '../../src/domain/test-fixtures.js';
import type { ErrorResponse } from '../../src/gateway/api/common.dto.js';
import type { RecommendationsResponse } from '../../src/gateway/api/recommendation.dto.js';
import { createEventPathEnv, insertTracks, type EventPathEnv } from '../support/event-path.js';
import { readJson, startGateway, waitUntilRecommending, type GatewayInstance } from '../support/gateway-env.js';
import { spawnRecommender, type RecommenderProcess } from '../support/recommender-process.js';

const RATE_LIMIT = 3;
const PARTITIONS = 4; // what spawnRecommender configures

describe('gateway → real recommender', () => {
  let env: EventPathEnv;
  let recommender: RecommenderProcess;
  let gateway: GatewayInstance;
  let catalog: Set<string>;

  const recommend = (userId: string, query = ''): Promise<Response> =>
    gateway.get(`/v1/users/${userId}/recommendations${query}`);

  beforeAll(async () => {
    env = await createEventPathEnv('gw_e2e', { partitions: PARTITIONS });
    const tracks = syntheticTracks(300, 'gw-e2e-catalog');
    catalog = new Set(tracks.map((t) => t.trackId));
    await insertTracks(env, tracks);
    recommender = spawnRecommender(env, { USER_RATE_LIMIT: String(RATE_LIMIT) });
    gateway = await startGateway({
      name: env.name,
      prefix: env.prefix,
      partitions: PARTITIONS,
      requestTimeoutMs: 3000,
    });
    await waitUntilRecommending((path) => gateway.get(path), 'probe-user');
  });

  afterAll(async () => {
    await gateway?.close();
    await recommender?.stop();
    await env?.close();
  });

  it('returns a ranked list from the catalog with component scores and exploration data', async () => {
    const res = await recommend('gw-alice', '?limit=10&context=focus');
    expect(res.status).toBe(200);
    const body = await readJson<RecommendationsResponse>(res);
    expect(body).toMatchObject({ userId: 'gw-alice', fromCache: false, coldStartStage: expect.any(String) });
    expect(body.tracks.map((t) => t.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(body.totalCandidates).toBeGreaterThanOrEqual(10);
    for (const track of body.tracks) {
      expect(catalog.has(track.trackId)).toBe(true);
      expect(Object.keys(track.scores).sort()).toEqual(
        ['diversity', 'final', 'historySimilarity', 'novelty', 'personalityMatch', 'rlAdjustment'].sort(),
      );
      expect(track.reason).not.toBe('');
      expect(track.selectionProbability).toBeGreaterThan(0);
      expect(track.selectionProbability).toBeLessThanOrEqual(1);
    }
  });

  it('serves the cached list, and recomputes with refresh=true', async () => {
    const cached = await readJson<RecommendationsResponse>(await recommend('gw-alice', '?limit=10'));
    expect(cached.fromCache).toBe(true);
    const fresh = await readJson<RecommendationsResponse>(await recommend('gw-alice', '?limit=10&refresh=true'));
    expect(fresh.fromCache).toBe(false);
  });

  it('turns the recommender rate limit into 429 with Retry-After', async () => {
    for (let i = 0; i < RATE_LIMIT; i++) expect((await recommend('gw-busy', '?limit=1')).status).toBe(200);
    const res = await recommend('gw-busy', '?limit=1');
    expect(res.status).toBe(429);
    const seconds = Number(res.headers.get('retry-after'));
    expect(Number.isInteger(seconds)).toBe(true);
    expect(seconds).toBeGreaterThanOrEqual(1);
    expect(seconds).toBeLessThanOrEqual(60);
    expect(await readJson<ErrorResponse>(res)).toMatchObject({ statusCode: 429, retryAfterSeconds: seconds });
  });
});
