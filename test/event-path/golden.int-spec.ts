/**
 * A fixed event sequence through the real pipeline (Kafka → processor → Postgres, Redis,
 * reward topic) ends in exactly the hand-computed values of docs/learning.md.
 */
import type { RewardRecord } from '../../src/contracts/records.js';
import { learningParams } from '../../src/domain/learning-params.js';
import { CHILL, feedbackEvent, HYPE, listenEvent, T0 } from '../../src/domain/test-fixtures.js';
import type { UserSnapshot } from '../../src/domain/user-state.js';
import { decodeUserState } from '../../src/domain/user-state-codec.js';
import type { EventProcessor } from '../../src/learner/event-processor.js';
import { consumeAll, createEventPathEnv, insertTracks, type EventPathEnv } from '../support/event-path.js';
import { startProcessor } from '../support/processor.js';
import { waitFor } from '../support/wait-for.js';

const EVENTS = [
  listenEvent('e1', 'T1', 0, 200_000, 200_000, 'workout'),
  listenEvent('e2', 'T1', 300_000, 100_000, 200_000),
  feedbackEvent('e3', 'T1', 600_000, { feedbackType: 'like', recommendationId: 'rec-1', recommendedAt: T0 + 585_000 }),
  listenEvent('e4', 'T2', 900_000, 10_000, 180_000, 'study'),
  feedbackEvent('e5', 'T2', 905_000, {
    feedbackType: 'dislike',
    msListened: 5_000,
    trackDurationMs: 180_000,
    context: 'relax',
    recommendationId: 'rec-2',
    recommendedAt: T0 + 900_000,
  }),
  feedbackEvent('e6', 'T2', 1_000_000, { feedbackType: 'save', context: 'sleep' }),
  feedbackEvent('e7', 'T404', 1_100_000, { feedbackType: 'skip', msListened: 3_000, trackDurationMs: 200_000 }),
  feedbackEvent('e8', 'T1', 1_200_000, {
    feedbackType: 'add_to_playlist',
    msListened: 200_000,
    trackDurationMs: 200_000,
    context: 'party',
    recommendationId: 'rec-3',
    recommendedAt: T0 + 1_199_000,
  }),
];
const K1 = 'O1C1E1A1N1|e2v1d2t2|Hype Beats';
const K2 = 'O1C1E1A1N1|e0v0d0t0|Lo-fi Chill';
const KX = 'O1C1E1A1N1|exvxdxtx|Other';
/** Worked by hand in src/domain/user-state.golden.spec.ts. */
const FINAL_REWARDS = [1.268, 1.05, 1.265, -0.5888888889, -1.4861111111, 1.68525, -0.597, 2.5];
const FEEDBACK = ['play', 'play', 'like', 'skip', 'dislike', 'save', 'skip', 'add_to_playlist'];

describe('event path, golden sequence', () => {
  let env: EventPathEnv;
  let processor: EventProcessor;

  beforeAll(async () => {
    env = await createEventPathEnv('golden');
    await insertTracks(env, [HYPE, CHILL]);
    processor = await startProcessor(env, learningParams({ replayEvery: 1000 }));
    await env.produce(EVENTS);
    await waitFor(async () => (await count(env, 'music_interactions')) === 8, { what: '8 interactions' });
  });

  afterAll(async () => {
    await processor?.stop();
    await env?.close();
  });

  it('persists the exact Q-table, preferences and history', async () => {
    const { rows } = await env.db.pool.query('SELECT model_version, state, q_entries, episodes FROM music_rl_models');
    expect(rows).toHaveLength(1);
    const state = decodeUserState(rows[0].state);
    expect(Number(rows[0].model_version)).toBe(8);
    expect([...state.q.keys()]).toEqual([K1, K2, KX]);
    expect(state.q.get(K1)?.[0]).toBeCloseTo(0.5413372, 12);
    expect(state.q.get(K2)?.[0]).toBeCloseTo(-0.012925, 12);
    expect(state.q.get(KX)?.[0]).toBeCloseTo(-0.0597, 12);

    const prefs = await env.db.pool.query(
      'SELECT genre, kind, score, interactions FROM music_genre_preferences ORDER BY genre',
    );
    const byName = Object.fromEntries(prefs.rows.map((r) => [r.genre, r]));
    expect(Object.keys(byName)).toEqual(['Hype Beats', 'Lo-fi Chill', 'ambient', 'edm', 'house']);
    expect(byName.edm.score).toBeCloseTo(0.5413372, 12);
    expect(byName.edm.interactions).toBe(4);
    expect(byName['Lo-fi Chill']).toMatchObject({ kind: 'bucket', interactions: 3 });
    expect(byName.ambient.score).toBeCloseTo(-0.012925, 12);

    const history = await env.db.pool.query(
      `SELECT track_id, play_count, total_listen_time_ms::int AS ms, (extract(epoch from played_at) * 1000)::bigint::text AS last
         FROM get_user_top_50_tracks('u1')`,
    );
    expect(history.rows).toEqual([
      { track_id: 'T1', play_count: 2, ms: 300_000, last: String(T0 + 300_000) },
      { track_id: 'T2', play_count: 1, ms: 10_000, last: String(T0 + 900_000) },
    ]);
  });

  it('writes one interaction per event with the exact rewards', async () => {
    const { rows } = await env.db.pool.query(
      'SELECT event_id, feedback_type, final_reward FROM music_interactions ORDER BY source_offset',
    );
    expect(rows.map((r) => r.event_id)).toEqual(EVENTS.map((e) => e.eventId));
    expect(rows.map((r) => r.feedback_type)).toEqual(FEEDBACK);
    rows.forEach((r, i) => expect(r.final_reward).toBeCloseTo(FINAL_REWARDS[i], 9));
  });

  it('emits one reward record per event, in order, on the reward topic', async () => {
    const rewards = await consumeAll<RewardRecord>(
      env,
      env.topic('rewards'),
      (v) => env.registry.decode(v, 'music.RewardRecord'),
      (items) => items.length >= 8,
    );
    expect(rewards.map((r) => r.event_id)).toEqual(EVENTS.map((e) => e.eventId));
    rewards.forEach((r, i) => {
      expect(r.final_reward).toBeCloseTo(FINAL_REWARDS[i], 9);
      expect(r.model_version).toBe(i + 1);
      expect(r.source_topic).toBe(env.topic('userEvents'));
    });
    expect(rewards[7]).toMatchObject({
      state_key: K1,
      q_before: expect.closeTo(0.323708, 9),
      q_after: expect.closeTo(0.5413372, 9),
    });
  });

  it('publishes the snapshot to Redis', async () => {
    const raw = await waitFor(() => env.redis.get(`${env.redisPrefix}snapshot:{u1}`).then((v) => v ?? undefined), {
      what: 'snapshot',
    });
    const snapshot = JSON.parse(raw) as UserSnapshot;
    expect(snapshot).toMatchObject({ userId: 'u1', modelVersion: 8, stateKeyPrefix: 'O1C1E1A1N1' });
    expect(snapshot.q['e2v1d2t2|Hype Beats'][0]).toBe(0.5413);
  });
});

async function count(env: EventPathEnv, table: string): Promise<number> {
  const { rows } = await env.db.pool.query(`SELECT count(*)::int AS n FROM ${table}`);
  return rows[0].n;
}
