import { createTestSchema, type TestSchema } from './test-schema.js';

let db: TestSchema;

beforeAll(async () => {
  db = await createTestSchema('personality');
});

afterAll(async () => {
  await db.drop();
});

async function insertProfile(userId: string, openness: number, assessedAt: string, active: boolean): Promise<string> {
  const { rows } = await db.pool.query<{ id: string }>(
    `INSERT INTO personality_scores (user_id, openness, conscientiousness, extraversion, agreeableness,
       neuroticism, confidence, method, assessment_date, answered_questions, is_active)
     VALUES ($1, $2, 50, 50, 50, 50, 0.8, 'bfi44', $3, 44, $4) RETURNING id`,
    [userId, openness, assessedAt, active],
  );
  return rows[0]!.id;
}

async function activeProfile(userId: string): Promise<Array<{ id: string; openness: string }>> {
  const { rows } = await db.pool.query<{ id: string; openness: string }>(
    `SELECT id, openness FROM get_active_personality_profile($1)`,
    [userId],
  );
  return rows;
}

describe('get_active_personality_profile', () => {
  it('returns the newest active row and ignores inactive ones', async () => {
    await insertProfile('p1', 10, '2024-01-01T00:00:00Z', true);
    const newestActive = await insertProfile('p1', 20.5, '2024-03-01T00:00:00Z', true);
    await insertProfile('p1', 30, '2024-06-01T00:00:00Z', false);
    await insertProfile('p2', 40, '2024-09-01T00:00:00Z', true);

    expect(await activeProfile('p1')).toEqual([{ id: newestActive, openness: '20.50' }]);
  });

  it('breaks an assessment_date tie by the higher id', async () => {
    await insertProfile('p3', 11, '2024-02-01T00:00:00Z', true);
    const later = await insertProfile('p3', 12, '2024-02-01T00:00:00Z', true);
    expect(await activeProfile('p3')).toEqual([{ id: later, openness: '12.00' }]);
  });

  it('returns no row when the user has only inactive profiles or none', async () => {
    await insertProfile('p4', 10, '2024-01-01T00:00:00Z', false);
    expect(await activeProfile('p4')).toEqual([]);
    expect(await activeProfile('nobody')).toEqual([]);
  });
});
