/**
 * What the event processor writes per batch besides the user models: one interaction
 * row per applied event (unique by event id), reward outbox rows, and the consumed
 * offsets, fenced so that a processor which lost its partition cannot commit.
 */
import { packBytea } from './packed-bytea.js';
import type { Executor } from './pool.js';

export interface InteractionRow {
  readonly eventId: string;
  readonly userId: string;
  readonly trackId: string;
  readonly eventKind: 'listening' | 'feedback';
  readonly feedbackType: string;
  readonly msListened: number | null;
  readonly trackDurationMs: number | null;
  readonly context: string | null;
  readonly recommendationId: string | null;
  readonly baseReward: number;
  readonly finalReward: number;
  readonly stateKey: string;
  readonly action: string;
  readonly qBefore: number;
  readonly qAfter: number;
  readonly occurredAt: number;
  readonly sourceTopic: string;
  readonly sourcePartition: number;
  readonly sourceOffset: number;
}

export interface OutboxRow {
  readonly eventId: string;
  readonly userId: string;
  readonly payload: Buffer;
}

export interface PartitionPosition {
  readonly group: string;
  readonly topic: string;
  readonly partition: number;
}

/** The partition's committed position moved under us: another processor owns it now. */
export class OffsetFenceError extends Error {
  readonly retriable = false;
  constructor(position: PartitionPosition, expected: bigint | null) {
    super(
      `offset fence: ${position.topic}[${position.partition}] is no longer at ${expected ?? 'start'} for ${position.group}`,
    );
    this.name = 'OffsetFenceError';
  }
}

export async function findNextOffset(db: Executor, p: PartitionPosition): Promise<bigint | null> {
  const { rows } = await db.query<{ next_offset: string }>(
    'SELECT next_offset FROM processor_offsets WHERE consumer_group = $1 AND topic = $2 AND partition = $3',
    [p.group, p.topic, p.partition],
  );
  return rows.length ? BigInt(rows[0].next_offset) : null;
}

/** Compare-and-set of the partition position; throws OffsetFenceError when it moved. */
export async function advanceOffset(
  db: Executor,
  p: PartitionPosition,
  expected: bigint | null,
  next: bigint,
): Promise<void> {
  const result =
    expected === null
      ? await db.query(
          `INSERT INTO processor_offsets (consumer_group, topic, partition, next_offset) VALUES ($1, $2, $3, $4)
           ON CONFLICT DO NOTHING`,
          [p.group, p.topic, p.partition, next.toString()],
        )
      : await db.query(
          `UPDATE processor_offsets SET next_offset = $5, updated_at = now()
            WHERE consumer_group = $1 AND topic = $2 AND partition = $3 AND next_offset = $4`,
          [p.group, p.topic, p.partition, expected.toString(), next.toString()],
        );
  if (result.rowCount !== 1) throw new OffsetFenceError(p, expected);
}

/** Event ids of `eventIds` that were already applied (redelivered duplicates). */
export async function findAppliedEventIds(db: Executor, eventIds: readonly string[]): Promise<Set<string>> {
  if (eventIds.length === 0) return new Set();
  const { rows } = await db.query<{ event_id: string }>(
    'SELECT event_id FROM music_interactions WHERE event_id = ANY($1::text[])',
    [eventIds],
  );
  return new Set(rows.map((r) => r.event_id));
}

export async function insertInteractions(db: Executor, rows: readonly InteractionRow[]): Promise<void> {
  if (rows.length === 0) return;
  const col = <K extends keyof InteractionRow>(k: K) => rows.map((r) => r[k]);
  await db.query(
    `INSERT INTO music_interactions (event_id, user_id, track_id, event_kind, feedback_type, ms_listened, track_duration_ms,
            context, recommendation_id, base_reward, final_reward, state_key, action, q_before, q_after, occurred_at,
            source_topic, source_partition, source_offset)
     SELECT a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, to_timestamp(p / 1000.0), q, r, s
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::bigint[], $7::bigint[], $8::text[],
                   $9::text[], $10::float8[], $11::float8[], $12::text[], $13::text[], $14::float8[], $15::float8[],
                   $16::float8[], $17::text[], $18::int[], $19::bigint[])
            AS x(a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p, q, r, s)`,
    [
      col('eventId'),
      col('userId'),
      col('trackId'),
      col('eventKind'),
      col('feedbackType'),
      col('msListened'),
      col('trackDurationMs'),
      col('context'),
      col('recommendationId'),
      col('baseReward'),
      col('finalReward'),
      col('stateKey'),
      col('action'),
      col('qBefore'),
      col('qAfter'),
      col('occurredAt'),
      col('sourceTopic'),
      col('sourcePartition'),
      col('sourceOffset'),
    ],
  );
}

export async function insertOutbox(db: Executor, rows: readonly OutboxRow[]): Promise<string[]> {
  if (rows.length === 0) return [];
  const packed = packBytea(rows.map((r) => r.payload));
  const { rows: ids } = await db.query<{ id: string }>(
    `INSERT INTO reward_outbox (event_id, user_id, payload)
     SELECT e, u, substring($3::bytea FROM s FOR l)
       FROM unnest($1::text[], $2::text[], $4::int[], $5::int[]) WITH ORDINALITY AS x(e, u, s, l, n)
      ORDER BY n
     RETURNING id`,
    [rows.map((r) => r.eventId), rows.map((r) => r.userId), packed.blob, packed.starts, packed.lengths],
  );
  return ids.map((r) => r.id);
}

export interface PendingOutboxRow extends OutboxRow {
  readonly id: string;
}

/** Locks up to `limit` unpublished rows (skipping ones another relay holds), oldest first. */
export async function lockUnpublished(db: Executor, limit: number): Promise<PendingOutboxRow[]> {
  const { rows } = await db.query<{ id: string; event_id: string; user_id: string; payload: Buffer }>(
    `SELECT id, event_id, user_id, payload FROM reward_outbox
      WHERE published_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
    [limit],
  );
  return rows.map((r) => ({ id: r.id, eventId: r.event_id, userId: r.user_id, payload: r.payload }));
}

export async function markPublished(db: Executor, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.query('UPDATE reward_outbox SET published_at = now() WHERE id = ANY($1::bigint[])', [ids]);
}
