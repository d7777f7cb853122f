/**
 * PUT/GET /v1/users/:userId/personality on the real Kafka, Postgres and Redis: BFI-44
 * answer sets scored by hand, direct scores, the newest assessment winning, malformed
 * bodies, both topics carrying the update, and the user's cached lists dropped.
 */
import type { PersonalityProfileUpdate } from '../../src/contracts/records.js';
import type { ErrorResponse } from '../../src/gateway/api/common.dto.js';
import type { PersonalityProfileDto } from '../../src/gateway/api/personality.dto.js';
import { redisKeys } from '../../src/infra/redis/redis-keys.js';
import { readJson } from '../support/gateway-env.js';
import { consumeAll, createEventPathEnv, type EventPathEnv } from '../support/event-path.js';
import { startUserApi, type UserApi } from './api-env.js';

const ONES = Array<number>(44).fill(1);
const FIVES = Array<number>(44).fill(5);
/** Item i (1-based) answered (i mod 5) + 1; items 41 (O, reversed) and 44 (O) left out. */
const MIXED = Array.from({ length: 44 }, (_, k) => (k + 1 === 41 || k + 1 === 44 ? null : ((k + 1) % 5) + 1));

describe('personality routes', () => {
  let env: EventPathEnv;
  let api: UserApi;

  const put = (userId: string, body: unknown) => api.request('PUT', `/v1/users/${userId}/personality`, body);
  const get = (userId: string) => api.request('GET', `/v1/users/${userId}/personality`);
  const rowCount = async (userId: string) =>
    Number(
      (await env.db.pool.query('SELECT count(*) FROM personality_scores WHERE user_id = $1', [userId])).rows[0].count,
    );

  beforeAll(async () => {
    env = await createEventPathEnv('persona_api');
    api = await startUserApi(env);
  });

  afterAll(async () => {
    await api?.close();
    await env?.close();
  });

  it.each([
    // Reverse-keyed items score 6 − x. All 1s: E (5·1 + 3·5)/8 = 2.5 → 37.5; A and C (5·1 + 4·5)/9 = 2.777…
    // → 44.44; N as E; O (8·1 + 2·5)/10 = 1.8 → 20. All 5s mirror them: 62.5, 55.56, 55.56, 62.5, 80.
    [
      'all 1s',
      ONES,
      { openness: 20, conscientiousness: 44.44, extraversion: 37.5, agreeableness: 44.44, neuroticism: 37.5 },
    ],
    [
      'all 5s',
      FIVES,
      { openness: 80, conscientiousness: 55.56, extraversion: 62.5, agreeableness: 55.56, neuroticism: 62.5 },
    ],
    // MIXED: E 2,4,2,2,4,2,4,2 → 2.75 → 43.75; A all 3 → 50; C 4,2,4,2,2,4,4,4,2 → 28/9 → 52.78;
    // N 5,1,5,5,1,5,1,5 → 3.5 → 62.5; O 1×7 and 35R → 5: 12/8 = 1.5 → 12.5.
    [
      'mixed',
      MIXED,
      { openness: 12.5, conscientiousness: 52.78, extraversion: 43.75, agreeableness: 50, neuroticism: 62.5 },
    ],
  ])('scores %s through the endpoint and stores it as the active profile', async (label, answers, traits) => {
    const userId = `bfi-${label.replace(/\W/g, '')}`;
    const res = await put(userId, { answers });
    expect(res.status).toBe(200);
    const body = await readJson<PersonalityProfileDto>(res);
    const answered = answers.filter((a) => a !== null).length;
    expect(body).toMatchObject({ userId, traits, method: 'bfi44', totalQuestions: 44, answeredQuestions: answered });
    expect(body.confidence).toBeCloseTo(answered / 44, 12);
    expect(body.traitConfidence.openness).toBeCloseTo(label === 'mixed' ? 0.8 : 1, 12);
    expect(await readJson<PersonalityProfileDto>(await get(userId))).toEqual(body);
    const { rows } = await env.db.pool.query(
      `SELECT openness::float8 AS o, neuroticism::float8 AS n, method, total_questions, answered_questions,
              raw_responses, is_active FROM get_active_personality_profile($1)`,
      [userId],
    );
    expect(rows).toEqual([
      {
        o: traits.openness,
        n: traits.neuroticism,
        method: 'bfi44',
        total_questions: 44,
        answered_questions: answered,
        raw_responses: { answers },
        is_active: true,
      },
    ]);
  });

  it('takes direct scores, and the newest assessment wins', async () => {
    await put('carol', { answers: ONES });
    const direct = { openness: 91.234, conscientiousness: 12, extraversion: 70, agreeableness: 0, neuroticism: 100 };
    const res = await put('carol', { traits: direct });
    expect(res.status).toBe(200);
    const expected = { ...direct, openness: 91.23 };
    expect(await readJson<PersonalityProfileDto>(res)).toMatchObject({
      traits: expected,
      method: 'direct',
      confidence: 1,
    });
    expect(await readJson<PersonalityProfileDto>(await get('carol'))).toMatchObject({
      traits: expected,
      method: 'direct',
    });
    expect(await rowCount('carol')).toBe(2);
  });

  it('answers balanced defaults for a user without a profile', async () => {
    const res = await get('nobody');
    expect(res.status).toBe(200);
    expect(await readJson<PersonalityProfileDto>(res)).toEqual({
      userId: 'nobody',
      traits: { openness: 50, conscientiousness: 50, extraversion: 50, agreeableness: 50, neuroticism: 50 },
      confidence: 0,
      traitConfidence: { openness: 0, conscientiousness: 0, extraversion: 0, agreeableness: 0, neuroticism: 0 },
      method: 'default',
      assessedAt: null,
      totalQuestions: 0,
      answeredQuestions: 0,
    });
  });

  it.each([
    ['wrong count', { answers: ONES.slice(1) }, /expected 44 answers, got 43/],
    [
      'out of range',
      { answers: [0, 6, ...ONES.slice(2)] },
      /item 1: out of range 1..5 \(0\); item 2: out of range 1..5 \(6\)/,
    ],
    ['non-numbers', { answers: ['1', true, ...ONES.slice(2)] }, /item 1: not a number.*item 2: not a number/],
    ['both', { answers: ONES, traits: { openness: 1 } }, /not both/],
    ['neither', {}, /send "answers"/],
    [
      'bad traits',
      { traits: { openness: 120, extraversion: 'high' } },
      /openness: out of range.*conscientiousness: not a finite number.*extraversion: not a finite number/,
    ],
  ])('rejects a malformed body (%s) with 400, storing and publishing nothing', async (_label, body, message) => {
    const before = await rowCount('mallory');
    const res = await put('mallory', body);
    expect(res.status).toBe(400);
    expect((await readJson<ErrorResponse>(res)).message).toMatch(message);
    expect(await rowCount('mallory')).toBe(before);
  });

  it('rejects a bad user id', async () => {
    expect((await put('a b', { answers: ONES })).status).toBe(400);
  });

  it('publishes the stored profile to the compacted profile topic and to the user-events topic', async () => {
    await put('dave', { answers: MIXED });
    const decode = (v: Buffer) => env.registry.decode(v, 'music.PersonalityProfileUpdate') as PersonalityProfileUpdate;
    const isDave = (u: PersonalityProfileUpdate) => u.user_id === 'dave';
    const expected = {
      user_id: 'dave',
      openness: 12.5,
      conscientiousness: 52.78,
      extraversion: 43.75,
      agreeableness: 50,
      neuroticism: 62.5,
      method: 'bfi44',
      total_questions: 44,
      answered_questions: 42,
    };
    for (const topic of [env.topic('personalityProfiles'), env.topic('userEvents')]) {
      const updates = await consumeAll(env, topic, decode, (all) => all.some(isDave), 20_000);
      expect(updates.filter(isDave)).toEqual([expect.objectContaining(expected)]);
    }
  });

  it("drops the user's cached recommendation lists in Redis and Postgres", async () => {
    const key = redisKeys(env.redisPrefix).recommendations('erin');
    await env.redis.set(key, '{"tracks":[]}', 'EX', 600);
    await env.db.pool.query(
      `INSERT INTO recommendations_cache (user_id, payload, model_version, expires_at)
       VALUES ('erin', '{}', '1', now() + interval '1 day')`,
    );
    expect((await put('erin', { answers: FIVES })).status).toBe(200);
    expect(await env.redis.exists(key)).toBe(0);
    const { rows } = await env.db.pool.query("SELECT is_valid FROM recommendations_cache WHERE user_id = 'erin'");
    expect(rows).toEqual([{ is_valid: false }]);
  });
});
