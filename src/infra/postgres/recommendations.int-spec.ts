import { insertRecommendationLog, type RecommendationLogRow } from './recommendation.repository.js';
import { createTestSchema, type TestSchema } from './test-schema.js';

let db: TestSchema;

beforeAll(async () => {
  db = await createTestSchema('recs');
});

afterAll(async () => {
  await db.drop();
});

async function seed(): Promise<void> {
  await db.pool.query(
    `INSERT INTO recommendations_cache (user_id, payload, model_version, created_at, expires_at, is_valid) VALUES
       ('fresh',   '[]', 'v1', now() - interval '1 minute', now() + interval '1 hour',   true),
       ('expired', '[]', 'v1', now() - interval '2 hours',  now() - interval '1 minute', true),
       ('invalid', '[]', 'v1', now() - interval '1 minute', now() + interval '1 hour',   false)`,
  );
  await db.pool.query(
    `INSERT INTO music_recommendation_lists (request_id, user_id, track_ids, ranks, history_similarity,
       personality_match, diversity, novelty, rl_adjustment, final_score, reasons, exploration, selection_probability,
       cold_start_stage, model_version, created_at)
     SELECT 'r-' || age, 'u1', '{t1}', '{1}', '{0}', '{0}', '{0}', '{0}', '{0}', '{0}', '{null}', '{false}', '{1}',
            'warm', 'v1', now() - age * interval '1 day'
     FROM unnest(ARRAY[0, 29, 31, 45]) AS age`,
  );
}

describe('clean_expired_recommendations', () => {
  it('removes exactly the expired or invalid cache rows and log rows older than 30 days', async () => {
    await seed();

    const { rows } = await db.pool.query<{ removed: string }>('SELECT clean_expired_recommendations() AS removed');
    expect(rows).toEqual([{ removed: '4' }]);

    const cache = await db.pool.query('SELECT user_id FROM recommendations_cache ORDER BY user_id');
    expect(cache.rows).toEqual([{ user_id: 'fresh' }]);
    const log = await db.pool.query('SELECT request_id FROM music_recommendations ORDER BY request_id');
    expect(log.rows).toEqual([{ request_id: 'r-0' }, { request_id: 'r-29' }]);

    const again = await db.pool.query<{ removed: string }>('SELECT clean_expired_recommendations() AS removed');
    expect(again.rows).toEqual([{ removed: '0' }]);
  });
});

describe('insertRecommendationLog', () => {
  const row = (requestId: string, rank: number, over: Partial<RecommendationLogRow> = {}): RecommendationLogRow => ({
    requestId,
    userId: 'u-log',
    trackId: `${requestId}-t${rank}`,
    rank,
    historySimilarity: 0.1 * rank,
    personalityMatch: 1 / 3,
    diversity: 0.30000000000000004,
    novelty: 1e-17,
    rlAdjustment: -0.05,
    finalScore: 0.987654321012345,
    reason: `because ${rank}`,
    exploration: rank === 2,
    selectionProbability: 0.25,
    coldStartStage: 'warm',
    modelVersion: '42',
    createdAt: Date.UTC(2026, 10, 1, 12, 0, 0, 123),
    ...over,
  });

  it('stores one row per request and reads back per track, exactly, keeping the first list of a repeated id', async () => {
    await insertRecommendationLog(db.pool, [row('log-a', 1), row('log-a', 2), row('log-a', 3), row('log-b', 1)]);
    await insertRecommendationLog(db.pool, [row('log-a', 1, { trackId: 'retried' }), row('log-c', 1)]);

    const lists = await db.pool.query(
      "SELECT request_id, cardinality(track_ids) AS n FROM music_recommendation_lists WHERE user_id = 'u-log' ORDER BY id",
    );
    expect(lists.rows).toEqual([
      { request_id: 'log-a', n: 3 },
      { request_id: 'log-b', n: 1 },
      { request_id: 'log-c', n: 1 },
    ]);
    const { rows } = await db.pool.query(
      `SELECT request_id, track_id, rank, history_similarity, personality_match, diversity, novelty, rl_adjustment,
              final_score, reason, exploration, selection_probability, cold_start_stage, model_version,
              (extract(epoch FROM created_at) * 1000)::bigint AS at
         FROM music_recommendations WHERE request_id = 'log-a' ORDER BY rank`,
    );
    expect(rows.map((r) => r.track_id)).toEqual(['log-a-t1', 'log-a-t2', 'log-a-t3']);
    expect(rows[1]).toEqual({
      request_id: 'log-a',
      track_id: 'log-a-t2',
      rank: 2,
      history_similarity: 0.2,
      personality_match: 1 / 3,
      diversity: 0.30000000000000004,
      novelty: 1e-17,
      rl_adjustment: -0.05,
      final_score: 0.987654321012345,
      reason: 'because 2',
      exploration: true,
      selection_probability: 0.25,
      cold_start_stage: 'warm',
      model_version: '42',
      at: String(Date.UTC(2026, 10, 1, 12, 0, 0, 123)),
    });
  });

  it('refuses a list with a missing score rather than storing a hole', async () => {
    await expect(insertRecommendationLog(db.pool, [row('log-nan', 1, { finalScore: Number.NaN })])).rejects.toThrow(
      /check constraint/,
    );
  });
});
