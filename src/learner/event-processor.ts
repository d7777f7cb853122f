/**
 * The keyed event processor: a plain kafkajs consumer (eachBatch, auto-commit off) on
 * the user-events topic. Each user's events live in one partition, so one processor owns
 * each user and sees its events in order. Per chunk of a batch it makes a fixed number of
 * Postgres round trips, and one transaction writes the users' state, the interaction
 * rows, the reward outbox and the consumed offset — so a crash anywhere neither loses
 * an event nor applies one twice. Kafka's committed offset only trails Postgres's.
 */
import type { Consumer, EachBatchPayload, Kafka, KafkaMessage, Producer } from 'kafkajs';
import type { Pool } from 'pg';
import type { LearningParams } from '../domain/learning-params.js';
import type { UserSnapshot } from '../domain/user-state.js';
import type { SchemaRegistry } from '../infra/avro/schema-registry.js';
import type { Logger } from '../infra/logging/logger.js';
import { findNextOffset, type PartitionPosition } from '../infra/postgres/event-log.repository.js';
import type { SnapshotCache } from '../infra/redis/snapshot.cache.js';
import { createProducer } from '../infra/kafka/kafka-client.js';
import { ActorCache } from './actor-cache.js';
import { ChunkWriter, type ChunkResult } from './chunk-writer.js';
import { ChunkReporter, type ChunkListener } from './chunk-report.js';
import { PartitionStatus, type PartitionStatusView } from './partition-status.js';
import { retryUntilDone } from './retry.js';
import { RewardRelay } from './reward-relay.js';
import { TrackLookup } from './track-lookup.js';

export interface EventProcessorOptions {
  readonly kafka: Kafka;
  readonly pool: Pool;
  readonly registry: SchemaRegistry;
  readonly snapshots: SnapshotCache<UserSnapshot>;
  readonly params: LearningParams;
  readonly log: Logger;
  readonly topics: { readonly events: string; readonly rewards: string; readonly deadLetters: string };
  readonly groupId: string;
  readonly partitionsConsumedConcurrently: number;
  /** How long the group waits for a silent member (e.g. one killed) before rebalancing. */
  readonly sessionTimeoutMs?: number;
  readonly actorCapacity?: number;
  readonly chunkSize?: number;
  readonly clock?: () => number;
}

export interface ProcessorCounters {
  applied: number;
  duplicates: number;
  deadLettered: number;
  batches: number;
  retries: number;
}

const EMPTY: ChunkResult = Object.freeze({ applied: 0, duplicates: 0, deadLettered: 0, rewards: [] });

export class EventProcessor {
  readonly counters: ProcessorCounters = { applied: 0, duplicates: 0, deadLettered: 0, batches: 0, retries: 0 };
  private readonly actors: ActorCache;
  private readonly positions = new Map<string, bigint | null>();
  private readonly status = new PartitionStatus();
  private readonly reporter: ChunkReporter;
  private consumer: Consumer | null = null;
  private producer: Producer | null = null;
  private relay: RewardRelay | null = null;
  private writer: ChunkWriter | null = null;

  /** Cumulative time per chunk stage (see ChunkWriter.stageMs). */
  get stageMs(): Readonly<Record<string, number>> {
    return this.writer?.stageMs ?? {};
  }
  private sweepTimer: NodeJS.Timeout | null = null;
  private stopping = false;

  /** Readiness: joined, and every assigned partition's stored position loaded. */
  get partitions(): PartitionStatusView {
    return this.status.view();
  }

  /** Called after every chunk, outside the retry loop; a throwing listener is logged and ignored. */
  onChunk(listener: ChunkListener): void {
    this.reporter.add(listener);
  }

  constructor(private readonly o: EventProcessorOptions) {
    this.actors = new ActorCache(o.actorCapacity ?? 100_000);
    this.reporter = new ChunkReporter(o.log);
  }

  async start(): Promise<void> {
    const { kafka, groupId, topics } = this.o;
    this.producer = createProducer(kafka, { idempotent: true });
    await this.producer.connect();
    this.relay = new RewardRelay({
      pool: this.o.pool,
      producer: this.producer,
      topic: topics.rewards,
      log: this.o.log,
    });
    this.writer = new ChunkWriter({
      ...this.o,
      producer: this.producer,
      actors: this.actors,
      tracks: new TrackLookup(),
    });
    await this.relay.sweep();
    this.consumer = kafka.consumer({
      groupId,
      sessionTimeout: this.o.sessionTimeoutMs ?? 30_000,
      heartbeatInterval: Math.min(3000, Math.floor((this.o.sessionTimeoutMs ?? 30_000) / 3)),
      maxBytesPerPartition: 2 * 1024 * 1024,
    });
    this.consumer.on(this.consumer.events.GROUP_JOIN, (e) => this.onAssignment(e.payload.memberAssignment));
    this.consumer.on(this.consumer.events.REBALANCING, () => this.status.rebalancing());
    this.consumer.on(this.consumer.events.CRASH, (e) => this.status.crash(e.payload.restart));
    await this.consumer.connect();
    await this.consumer.subscribe({ topic: topics.events, fromBeginning: true });
    await this.consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.o.partitionsConsumedConcurrently,
      eachBatch: (payload) => this.eachBatch(payload),
    });
    this.sweepTimer = setInterval(() => void this.sweepQuietly(), 2000);
  }

  /** Stops fetching, lets the batch in flight finish and commit, flushes the outbox, closes. */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.sweepTimer) clearInterval(this.sweepTimer);
    await this.consumer?.disconnect();
    await this.sweepQuietly();
    await this.producer?.disconnect();
  }

  /**
   * A rebalance may hand our users to another processor, whose commits we would not see:
   * drop every cached actor and position, and seek each assigned partition to the offset
   * Postgres holds (the chunk filter below stays the authority if a fetch races the seek).
   */
  private onAssignment(assignment: Record<string, number[]>): void {
    this.actors.clear();
    this.positions.clear();
    this.status.assign(assignment);
    for (const [topic, partitions] of Object.entries(assignment)) {
      for (const partition of partitions) void this.seekToStored({ group: this.o.groupId, topic, partition });
    }
  }

  private async seekToStored(p: PartitionPosition): Promise<void> {
    try {
      const next = await findNextOffset(this.o.pool, p);
      if (next !== null) this.consumer?.seek({ topic: p.topic, partition: p.partition, offset: next.toString() });
      this.status.restored(p.topic, p.partition);
    } catch (error) {
      this.o.log.warn(
        { topic: p.topic, partition: p.partition, err: error },
        'could not seek to stored offset; the chunk filter will skip applied records',
      );
    }
  }

  private async eachBatch(payload: EachBatchPayload): Promise<void> {
    const { batch, resolveOffset, heartbeat, commitOffsetsIfNecessary, isRunning, isStale } = payload;
    const position: PartitionPosition = { group: this.o.groupId, topic: batch.topic, partition: batch.partition };
    const context = { topic: batch.topic, partition: batch.partition };
    const size = this.o.chunkSize ?? 5000;
    const shouldContinue = () => isRunning() && !isStale();
    for (let start = 0; start < batch.messages.length; start += size) {
      const chunk = batch.messages.slice(start, start + size);
      let result: ChunkResult | null = null;
      const done = await retryUntilDone(
        async () => {
          result = await this.processChunk(position, chunk);
        },
        { heartbeat, shouldContinue, log: this.o.log, context: { ...context, offset: chunk[0].offset } },
      );
      if (!done) return;
      this.account(result);
      resolveOffset(chunk[chunk.length - 1].offset);
      await heartbeat();
    }
    const last = batch.messages[batch.messages.length - 1];
    if (last) await this.commitToKafka(context, last.offset, commitOffsetsIfNecessary);
    this.counters.batches += 1;
  }

  /**
   * With autoCommit off, commitOffsetsIfNecessary() without offsets never commits: name them.
   * Kafka's offset is advisory (lag tools read it); Postgres's stays the authority on assignment.
   */
  private async commitToKafka(
    at: { topic: string; partition: number },
    offset: string,
    commit: EachBatchPayload['commitOffsetsIfNecessary'],
  ): Promise<void> {
    const next = (BigInt(offset) + 1n).toString();
    try {
      await commit({ topics: [{ topic: at.topic, partitions: [{ partition: at.partition, offset: next }] }] });
    } catch (error) {
      this.o.log.warn({ ...at, offset: next, err: error }, 'offset not committed to Kafka; Postgres holds it');
    }
  }

  private async processChunk(position: PartitionPosition, chunk: KafkaMessage[]): Promise<ChunkResult> {
    const key = `${position.topic}:${position.partition}`;
    if (!this.positions.has(key)) this.positions.set(key, await findNextOffset(this.o.pool, position));
    this.status.restored(position.topic, position.partition);
    const expected = this.positions.get(key) ?? null;
    const fresh = expected === null ? chunk : chunk.filter((m) => BigInt(m.offset) >= expected);
    const writer = this.writer as ChunkWriter;
    const reported = this.reporter.begin(position, chunk, writer.stageMs);
    if (fresh.length === 0) return reported(EMPTY);
    try {
      const result = await writer.write({ position, expected, messages: fresh });
      this.positions.set(key, BigInt(fresh[fresh.length - 1].offset) + 1n);
      void this.sweepQuietly();
      return reported(result);
    } catch (error) {
      // Our view of this partition may be stale (failed write, or another owner's commit).
      this.positions.delete(key);
      this.actors.clear();
      this.counters.retries += 1;
      throw error;
    }
  }

  private account(result: ChunkResult | null): void {
    if (!result) return;
    this.counters.applied += result.applied;
    this.counters.duplicates += result.duplicates;
    this.counters.deadLettered += result.deadLettered;
  }

  private async sweepQuietly(): Promise<void> {
    if (this.stopping && !this.producer) return;
    try {
      await this.relay?.sweep();
    } catch (error) {
      this.o.log.warn({ topic: this.o.topics.rewards, err: error }, 'reward outbox relay failed; will retry');
    }
  }
}
