/**
 * Engagement analytics over Kafka: a plain kafkajs consumer (its own group) on the reward
 * stream and the decision log that feeds the reducer (engagement-state.ts) and exposes the
 * result: `snapshot()` (the summary object — what a metrics exporter collects) and
 * `summaryJson()`.
 *
 * The state lives in memory only, so the group never commits offsets: every start reads
 * both topics from the beginning, and the metrics cover what the topics retain (30 days).
 * Undecodable records are counted and skipped (analytics must not stop the stream); the
 * catalog facts of new tracks are read from Postgres once per batch.
 */
import type { Consumer, EachBatchPayload, Kafka } from 'kafkajs';
import type { Decision, RewardRecord } from '../contracts/records.js';
import type { SchemaRegistry } from '../infra/avro/schema-registry.js';
import type { Logger } from '../infra/logging/logger.js';
import type { Executor } from '../infra/postgres/pool.js';
import { TrackLookup } from '../learner/track-lookup.js';
import type { EngagementRecord, TrackFacts } from './engagement-record.js';
import { applyEngagementRecord, initialEngagementState } from './engagement-state.js';
import { summariseEngagement, type EngagementSummary } from './engagement-summary.js';

export interface EngagementConsumerOptions {
  readonly kafka: Kafka;
  readonly registry: SchemaRegistry;
  /** Where the `tracks` table is (artists and genres of each track). */
  readonly db: Executor;
  readonly topics: { readonly rewards: string; readonly decisions: string };
  readonly groupId: string;
  readonly log: Logger;
}

export interface EngagementCounters {
  /** Records read (duplicates included). */
  records: number;
  undecodable: number;
  batches: number;
}

export class EngagementConsumer {
  readonly counters: EngagementCounters = { records: 0, undecodable: 0, batches: 0 };
  private readonly state = initialEngagementState();
  private readonly facts = new Map<string, TrackFacts>();
  private readonly lookup = new TrackLookup();
  private consumer: Consumer | null = null;

  constructor(private readonly o: EngagementConsumerOptions) {}

  async start(): Promise<void> {
    const consumer = this.o.kafka.consumer({ groupId: this.o.groupId, allowAutoTopicCreation: false });
    this.consumer = consumer;
    await consumer.connect();
    await consumer.subscribe({ topics: [this.o.topics.rewards, this.o.topics.decisions], fromBeginning: true });
    await consumer.run({ autoCommit: false, eachBatch: (payload) => this.onBatch(payload) });
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
    this.consumer = null;
  }

  /** The current metrics, per user and overall, with the goals. */
  snapshot(): EngagementSummary {
    return summariseEngagement(this.state, (id) => this.facts.get(id));
  }

  summaryJson(): string {
    return JSON.stringify(this.snapshot(), null, 2);
  }

  private async onBatch({ batch, heartbeat }: EachBatchPayload): Promise<void> {
    const records: EngagementRecord[] = [];
    for (const message of batch.messages) {
      const record = message.value ? this.decode(batch.topic, message.value) : null;
      if (record) records.push(record);
      else {
        this.counters.undecodable++;
        const where = { topic: batch.topic, partition: batch.partition, offset: message.offset };
        this.o.log.warn(where, 'engagement analytics: undecodable record skipped');
      }
    }
    await this.loadFacts(records);
    for (const record of records) applyEngagementRecord(this.state, record, { trackFacts: (id) => this.facts.get(id) });
    this.counters.records += batch.messages.length;
    this.counters.batches++;
    await heartbeat();
  }

  private decode(topic: string, value: Buffer): EngagementRecord | null {
    try {
      return topic === this.o.topics.rewards
        ? { kind: 'reward', value: this.o.registry.decode<RewardRecord>(value, 'music.RewardRecord') }
        : { kind: 'decision', value: this.o.registry.decode<Decision>(value, 'music.Decision') };
    } catch (error) {
      this.o.log.debug({ topic, err: error }, 'undecodable analytics record');
      return null;
    }
  }

  private async loadFacts(records: readonly EngagementRecord[]): Promise<void> {
    const ids = records.flatMap((r) =>
      r.kind === 'reward' ? [r.value.track_id] : r.value.chosen.map((c) => c.track_id),
    );
    const missing = ids.filter((id) => !this.facts.has(id));
    if (missing.length === 0) return;
    for (const [id, track] of await this.lookup.getMany(this.o.db, missing))
      this.facts.set(id, { artists: track.artists, genres: track.genres });
  }
}
