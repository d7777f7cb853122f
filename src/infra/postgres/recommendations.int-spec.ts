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
    `INSERT INTO music_recommendations (request_id, user_id, track_id, rank, history_similarity,
       personality_match, diversity, novelty, rl_adjustment, final_score, cold_start_stage, model_version, created_at)
     SELECT 'r-' || age, 'u1', 't1', 1, 0, 0, 0, 0, 0, 0, 'warm', 'v1', now() - age * interval '1 day'
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
