import {
  insertInteractions,
  insertOutbox,
  lockUnpublished,
  markPublished,
  type InteractionRow,
} from './event-log.repository.js';
import { withTransaction } from './pool.js';
import { createTestSchema, type TestSchema } from './test-schema.js';

let db: TestSchema;

beforeAll(async () => {
  db = await createTestSchema('eventlog');
});

afterAll(async () => {
  await db.drop();
});

const row = (over: Partial<InteractionRow>): InteractionRow => ({
  eventId: 'e1',
  userId: 'u1',
  trackId: 't1',
  eventKind: 'listening',
  feedbackType: 'play',
  msListened: 180_000,
  trackDurationMs: 200_000,
  context: null,
  recommendationId: null,
  baseReward: 0.1,
  finalReward: 0.1,
  stateKey: 'o2c2e2a2n2|d1e1v1|rock',
  action: 'recommend',
  qBefore: 0,
  qAfter: 0.01,
  occurredAt: Date.UTC(2024, 4, 1, 10, 0, 0, 123),
  sourceTopic: 'music.user-events.v1',
  sourcePartition: 2,
  sourceOffset: 41,
  ...over,
});

describe('insertInteractions (COPY)', () => {
  it('stores every value exactly: escapes, nulls, float8 round trips, millisecond timestamps', async () => {
    const rows = [
      row({
        eventId: 'e1',
        context: 'tab\there, newline\nthere, cr\r, back\\slash and \\N',
        recommendationId: 'rec-1',
      }),
      row({
        eventId: 'e2',
        userId: 'ünïcødé 用户',
        eventKind: 'feedback',
        feedbackType: 'dislike',
        msListened: null,
        trackDurationMs: null,
        baseReward: -0.30000000000000004,
        finalReward: 1e-17,
        qBefore: 123456.78901234567,
        qAfter: -0,
        occurredAt: 1,
        sourceOffset: 2 ** 53 - 1,
      }),
    ];
    await withTransaction(db.pool, (tx) => insertInteractions(tx, rows));

    const { rows: stored } = await db.pool.query(
      `SELECT event_id, user_id, event_kind, feedback_type, ms_listened, track_duration_ms, context, recommendation_id,
              base_reward, final_reward, q_before, q_after, (extract(epoch FROM occurred_at) * 1000)::bigint AS at_ms,
              source_topic, source_partition, source_offset
         FROM music_interactions ORDER BY event_id`,
    );
    expect(stored).toEqual([
      expect.objectContaining({
        event_id: 'e1',
        context: 'tab\there, newline\nthere, cr\r, back\\slash and \\N',
        recommendation_id: 'rec-1',
        ms_listened: '180000',
        base_reward: 0.1,
        at_ms: String(Date.UTC(2024, 4, 1, 10, 0, 0, 123)),
        source_topic: 'music.user-events.v1',
        source_partition: 2,
        source_offset: '41',
      }),
      expect.objectContaining({
        event_id: 'e2',
        user_id: 'ünïcødé 用户',
        feedback_type: 'dislike',
        ms_listened: null,
        track_duration_ms: null,
        context: null,
        recommendation_id: null,
        base_reward: -0.30000000000000004,
        final_reward: 1e-17,
        q_before: 123456.78901234567,
        q_after: 0,
        at_ms: '1',
        source_offset: String(2 ** 53 - 1),
      }),
    ]);
  });

  it('rolls back with the transaction and rejects a duplicate event id', async () => {
    await expect(withTransaction(db.pool, (tx) => insertInteractions(tx, [row({ eventId: 'e1' })]))).rejects.toThrow(
      /music_interactions_event_id_key/,
    );
    await expect(
      withTransaction(db.pool, async (tx) => {
        await insertInteractions(tx, [row({ eventId: 'e3' })]);
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    const { rows } = await db.pool.query("SELECT count(*)::int AS n FROM music_interactions WHERE event_id = 'e3'");
    expect(rows[0].n).toBe(0);
  });
});

describe('reward outbox (one row per chunk)', () => {
  it('returns each chunk with its records in order, and skips published chunks', async () => {
    const payload = (s: string): Buffer => Buffer.from(s, 'utf8');
    await withTransaction(db.pool, async (tx) => {
      await insertOutbox(tx, [
        { eventId: 'a', userId: 'u1', payload: payload('first') },
        { eventId: 'b', userId: 'u2', payload: payload('') },
        { eventId: 'c', userId: 'u1', payload: Buffer.from([0, 255, 92, 10]) },
      ]);
      await insertOutbox(tx, []);
      await insertOutbox(tx, [{ eventId: 'd', userId: 'u3', payload: payload('second chunk') }]);
    });
    const chunks = await withTransaction(db.pool, (tx) => lockUnpublished(tx, 10));
    expect(chunks.map((c) => c.rows.map((r) => [r.eventId, r.userId, Buffer.from(r.payload).toString('hex')]))).toEqual(
      [
        [
          ['a', 'u1', payload('first').toString('hex')],
          ['b', 'u2', ''],
          ['c', 'u1', '00ff5c0a'],
        ],
        [['d', 'u3', payload('second chunk').toString('hex')]],
      ],
    );
    await withTransaction(db.pool, (tx) => markPublished(tx, [chunks[0].id]));
    const left = await withTransaction(db.pool, (tx) => lockUnpublished(tx, 10));
    expect(left.map((c) => c.rows.map((r) => r.eventId))).toEqual([['d']]);
  });
});
