/**
 * Applies one chunk of a partition: decode → dead-letter the bad → drop duplicates →
 * load actors and tracks → apply in order → one transaction (state, interactions,
 * outbox, offset) → fresh snapshots to Redis.
 */
import type { KafkaMessage, Producer } from 'kafkajs';
import type { Pool } from 'pg';
import type { DeadLetter, RewardRecord } from '../contracts/records.js';
import type { LearningParams } from '../domain/learning-params.js';
import {
  initialUserState,
  snapshotOf,
  SNAPSHOT_LIMITS,
  type UserSnapshot,
  type UserState,
} from '../domain/user-state.js';
import { decodeUserState } from '../domain/user-state-codec.js';
import type { SchemaRegistry } from '../infra/avro/schema-registry.js';
import type { Logger } from '../infra/logging/logger.js';
import {
  advanceOffset,
  findAppliedEventIds,
  insertInteractions,
  insertOutbox,
  type PartitionPosition,
} from '../infra/postgres/event-log.repository.js';
import { withTransaction } from '../infra/postgres/pool.js';
import {
  findModelsByUserIds,
  upsertGenrePreferences,
  upsertHistory,
  upsertModels,
} from '../infra/postgres/user-model.repository.js';
import { ensureUsers } from '../infra/postgres/users.repository.js';
import type { SnapshotCache } from '../infra/redis/snapshot.cache.js';
import type { ActorCache } from './actor-cache.js';
import { applyBatch, userOf, type SourcedEvent } from './apply-batch.js';
import { decodeUserEvent } from './event-decoder.js';
import type { TrackLookup } from './track-lookup.js';

export interface ChunkResult {
  readonly applied: number;
  readonly duplicates: number;
  readonly deadLettered: number;
  /** The reward records committed with the chunk (metrics read the feedback types and rewards). */
  readonly rewards: readonly RewardRecord[];
}

export interface ChunkWriterDeps {
  readonly pool: Pool;
  readonly producer: Producer;
  readonly registry: SchemaRegistry;
  readonly snapshots: SnapshotCache<UserSnapshot>;
  readonly params: LearningParams;
  readonly log: Logger;
  readonly actors: ActorCache;
  readonly tracks: TrackLookup;
  readonly topics: { readonly deadLetters: string };
  readonly clock?: () => number;
}

export interface Chunk {
  readonly position: PartitionPosition;
  /** Postgres's next offset for the partition when the chunk was read (the fence). */
  readonly expected: bigint | null;
  readonly messages: readonly KafkaMessage[];
}

/** Cumulative wall time per stage of write(), for profiling and metrics. */
export type StageTimes = Record<'decode' | 'load' | 'apply' | 'commit' | 'snapshot', number>;

export class ChunkWriter {
  readonly stageMs: StageTimes = { decode: 0, load: 0, apply: 0, commit: 0, snapshot: 0 };

  constructor(private readonly d: ChunkWriterDeps) {}

  async write(chunk: Chunk): Promise<ChunkResult> {
    const now = (this.d.clock ?? Date.now)();
    const lap = stopwatch(this.stageMs);
    const { good, dead } = this.decode(chunk, now);
    lap('decode');
    // Everything the chunk reads, at once: the lookups take the users and tracks of every decoded
    // event (a superset when some are duplicates, which costs nothing but an unused actor).
    const users = [...new Set(good.map(userOf))];
    const [events, states, tracks] = await Promise.all([
      this.withoutDuplicates(good),
      this.loadActors(users),
      this.d.tracks.getMany(
        this.d.pool,
        good.flatMap((e) => (e.event ? [e.event.trackId] : [])),
      ),
      // Deleted before the commit so a crash after it leaves snapshots missing, never stale.
      this.d.snapshots.invalidate(users),
      dead.length > 0 ? this.deadLetter(dead) : undefined,
    ]);
    // An actor that has applied an event has its users row: it was written in that event's transaction.
    const unregistered = new Set([...states.values()].filter((s) => s.episodes === 0).map((s) => s.userId));
    lap('load'); // reads, the snapshot invalidation and dead letters overlap: all of it counts as load
    const effects = applyBatch({
      topic: chunk.position.topic,
      partition: chunk.position.partition,
      events,
      states,
      tracks,
      params: this.d.params,
      now,
    });
    lap('apply');
    const next = BigInt(chunk.messages[chunk.messages.length - 1].offset) + 1n;
    await withTransaction(this.d.pool, async (tx) => {
      await ensureUsers(tx, firstSeen(events, unregistered));
      await insertInteractions(tx, effects.interactions);
      await upsertModels(tx, effects.models);
      await upsertGenrePreferences(tx, effects.preferences);
      await upsertHistory(tx, effects.history);
      await insertOutbox(
        tx,
        effects.rewards.map((r) => ({
          eventId: r.event_id,
          userId: r.user_id,
          payload: this.d.registry.encode('music.RewardRecord', r),
        })),
      );
      await advanceOffset(tx, chunk.position, chunk.expected, next);
    });
    lap('commit');
    for (const [userId, state] of states) this.d.actors.set(userId, state);
    await this.publishSnapshots(states, chunk);
    lap('snapshot');
    return {
      applied: events.length,
      duplicates: good.length - events.length,
      deadLettered: dead.length,
      rewards: effects.rewards,
    };
  }

  private decode(chunk: Chunk, now: number): { good: SourcedEvent[]; dead: DeadLetter[] } {
    const good: SourcedEvent[] = [];
    const dead: DeadLetter[] = [];
    for (const m of chunk.messages) {
      const decoded = decodeUserEvent(this.d.registry, m.key, m.value);
      if (decoded.ok) {
        good.push({ offset: Number(m.offset), ...decoded.input });
        continue;
      }
      this.d.log.warn(
        {
          userId: m.key?.toString() ?? null,
          topic: chunk.position.topic,
          partition: chunk.position.partition,
          offset: m.offset,
          reasonCode: decoded.code,
        },
        decoded.reason,
      );
      dead.push({
        reason_code: decoded.code,
        reason: decoded.reason,
        source_topic: chunk.position.topic,
        source_partition: chunk.position.partition,
        source_offset: Number(m.offset),
        key: m.key ?? null,
        value: m.value ?? null,
        headers: headersOf(m),
        failed_at: now,
        error_retriable: false,
      });
    }
    return { good, dead };
  }

  /** Drops events already applied (a client resent them) and repeats inside the chunk. */
  private async withoutDuplicates(events: SourcedEvent[]): Promise<SourcedEvent[]> {
    const ids = events.flatMap((e) => (e.event ? [e.event.eventId] : []));
    const applied = await findAppliedEventIds(this.d.pool, [...new Set(ids)]);
    const seen = new Set<string>();
    return events.filter(({ event }) => {
      if (!event) return true; // profile changes are idempotent: the same profile applied again changes nothing learned
      if (applied.has(event.eventId) || seen.has(event.eventId)) return false;
      seen.add(event.eventId);
      return true;
    });
  }

  private async loadActors(users: readonly string[]): Promise<Map<string, UserState>> {
    const states = new Map<string, UserState>();
    const missing: string[] = [];
    for (const u of users) {
      const s = this.d.actors.get(u);
      if (s) states.set(u, s);
      else missing.push(u);
    }
    for (const m of await findModelsByUserIds(this.d.pool, missing)) states.set(m.userId, decodeUserState(m.state));
    // A new actor starts from the initial state alone: its personality arrives in order on
    // the user-events topic (the profile API writes it there), never from a table read
    // whose timing would make the learned state depend on when the actor happened to load.
    for (const u of missing) {
      if (!states.has(u)) states.set(u, initialUserState(u, { replayCapacity: this.d.params.replayCapacity }));
    }
    return states;
  }

  private async deadLetter(dead: readonly DeadLetter[]): Promise<void> {
    await this.d.producer.send({
      topic: this.d.topics.deadLetters,
      acks: -1,
      messages: dead.map((d) => ({
        key: d.key,
        value: this.d.registry.encode('music.DeadLetter', d),
        headers: { reason_code: d.reason_code },
      })),
    });
  }

  /** After the commit the state is durable; a failed snapshot write only costs a rebuild. */
  private async publishSnapshots(states: ReadonlyMap<string, UserState>, chunk: Chunk): Promise<void> {
    try {
      await this.d.snapshots.writeMany(
        [...states.values()].map((s) => ({ userId: s.userId, snapshot: snapshotOf(s, SNAPSHOT_LIMITS) })),
      );
    } catch (error) {
      const { topic, partition } = chunk.position;
      const offset = chunk.messages[0].offset;
      this.d.log.warn(
        { topic, partition, offset, users: states.size, err: error },
        'snapshot write failed; the recommender rebuilds missing snapshots from Postgres',
      );
    }
  }
}

function stopwatch(into: StageTimes): (stage: keyof StageTimes) => void {
  let last = performance.now();
  return (stage) => {
    const now = performance.now();
    into[stage] += now - last;
    last = now;
  };
}

/** Each unregistered user's earliest event time in the chunk: the account's creation time. */
function firstSeen(
  events: readonly SourcedEvent[],
  unregistered: ReadonlySet<string>,
): Array<{ userId: string; createdAt: number }> {
  const first = new Map<string, number>();
  for (const { event } of events) {
    if (event && unregistered.has(event.userId))
      first.set(event.userId, Math.min(first.get(event.userId) ?? Infinity, event.occurredAt));
  }
  return [...first].map(([userId, createdAt]) => ({ userId, createdAt }));
}

function headersOf(m: KafkaMessage): Record<string, Buffer> {
  const out: Record<string, Buffer> = {};
  for (const [k, v] of Object.entries(m.headers ?? {})) {
    if (v === undefined) continue;
    const first = Array.isArray(v) ? v[0] : v;
    out[k] = Buffer.isBuffer(first) ? first : Buffer.from(String(first));
  }
  return out;
}
