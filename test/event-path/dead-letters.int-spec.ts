/**
 * Bad input never stops the stream and is never silently dropped: each kind goes to the
 * dead-letter topic with its original bytes, reason and source coordinates, and the good
 * events after it are still applied.
 */
import type { DeadLetter } from '../../src/contracts/records.js';
import { HYPE, listenEvent } from '../../src/domain/test-fixtures.js';
import { toEventRecord } from '../../src/learner/event-encoder.js';
import type { EventProcessor } from '../../src/learner/event-processor.js';
import { consumeAll, createEventPathEnv, insertTracks, type EventPathEnv } from '../support/event-path.js';
import { startProcessor } from '../support/processor.js';
import { waitFor } from '../support/wait-for.js';

describe('event path, dead letters', () => {
  let env: EventPathEnv;
  let processor: EventProcessor;
  const good = [0, 1, 2].map((i) => ({
    ...listenEvent(`ok-${i}`, 'T1', i * 1000, 200_000, 200_000),
    userId: 'good-user',
  }));

  beforeAll(async () => {
    env = await createEventPathEnv('dlq', { partitions: 1 });
    await insertTracks(env, [HYPE]);
    processor = await startProcessor(env);
  });

  afterAll(async () => {
    await processor?.stop();
    await env?.close();
  });

  function listening(over: Record<string, unknown>): Buffer {
    const base = toEventRecord({ ...listenEvent('x', 'T1', 0, 1000, 200_000), userId: 'bad-user' });
    return env.registry.encode('music.ListeningEvent', { ...(base.value as object), ...over } as never);
  }

  it('dead-letters every bad kind and keeps processing good events', async () => {
    const valid = listening({ event_id: 'valid-shape' });
    const feedback = env.registry.encode('music.FeedbackEvent', {
      event_id: 'fb-1',
      user_id: 'bad-user',
      track_id: 'T1',
      occurred_at: 1_700_000_000_000,
      feedback_type: 'meh',
      ms_listened: null,
      track_duration_ms: null,
      context: null,
      recommendation_id: null,
      recommended_at: null,
    });
    const cases: Array<{ code: string; key: string | null; value: Buffer | null }> = [
      { code: 'undecodable', key: 'bad-user', value: Buffer.from('not avro at all') },
      {
        code: 'unknown-fingerprint',
        key: 'bad-user',
        value: Buffer.concat([Buffer.from([0xc3, 0x01, 1, 2, 3, 4, 5, 6, 7, 8]), valid.subarray(10)]),
      },
      { code: 'undecodable', key: 'bad-user', value: valid.subarray(0, valid.length - 3) },
      { code: 'undecodable', key: 'bad-user', value: null },
      { code: 'missing-user-id', key: null, value: listening({ event_id: 'm1', user_id: '' }) },
      { code: 'unknown-feedback-type', key: 'bad-user', value: feedback },
      { code: 'invalid-duration', key: 'bad-user', value: listening({ event_id: 'neg', ms_listened: -5 }) },
      {
        code: 'invalid-duration',
        key: 'bad-user',
        value: listening({ event_id: 'absurd', ms_listened: 10 * 3_600_000 }),
      },
      { code: 'key-mismatch', key: 'someone-else', value: listening({ event_id: 'km' }) },
    ];
    await env.produceRaw(cases.map((c) => ({ key: c.key, value: c.value, headers: { source: 'test' } })));
    await env.produce(good);

    const letters = await consumeAll<DeadLetter>(
      env,
      env.topic('deadLetters'),
      (v) => env.registry.decode(v, 'music.DeadLetter'),
      (items) => items.length >= cases.length,
    );
    expect(letters.map((l) => l.reason_code)).toEqual(cases.map((c) => c.code));
    letters.forEach((l, i) => {
      expect(l.value).toEqual(cases[i].value);
      expect(l.key?.toString() ?? null).toBe(cases[i].key);
      expect(l.headers.source.toString()).toBe('test');
      expect(l).toMatchObject({
        source_topic: env.topic('userEvents'),
        source_partition: 0,
        source_offset: i,
        error_retriable: false,
      });
      expect(l.reason.length).toBeGreaterThan(5);
    });

    await waitFor(
      async () => {
        const { rows } = await env.db.pool.query('SELECT event_id FROM music_interactions ORDER BY source_offset');
        return rows.length === 3 && rows.map((r) => r.event_id);
      },
      { what: 'good events applied' },
    );
    // The counter moves just after the commit the query above observes.
    await waitFor(() => processor.counters.deadLettered === cases.length, { what: 'dead-letter counter' });
    const { rows } = await env.db.pool.query(
      'SELECT next_offset::int AS n FROM processor_offsets WHERE consumer_group = $1',
      [env.group],
    );
    expect(rows).toEqual([{ n: cases.length + good.length }]);
  });
});
