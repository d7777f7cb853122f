/**
 * The gateway's writer for records other than player events: personality profile updates
 * (compacted profile topic + user-events topic) and catalog tracks found through Spotify
 * (compacted catalog topic). One idempotent producer, acks from all in-sync replicas.
 */
import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Kafka, Producer, TopicMessages } from 'kafkajs';
import type { CatalogTrackRow } from '../catalog/catalog-track.js';
import type { AppConfig } from '../config/config.js';
import type { PersonalityProfileUpdate } from '../contracts/records.js';
import type { SchemaRegistry } from '../infra/avro/schema-registry.js';
import { CONFIG, KAFKA, REGISTRY } from '../infra/infra.module.js';
import { createProducer } from '../infra/kafka/kafka-client.js';
import { topicName } from '../infra/kafka/topics.js';
import { GatewayError } from './gateway.error.js';

@Injectable()
export class RecordPublisher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly producer: Producer;
  private readonly topics: { profiles: string; userEvents: string; catalog: string };
  private readonly timeoutMs: number;

  constructor(
    @Inject(CONFIG) config: AppConfig,
    @Inject(KAFKA) kafka: Kafka,
    @Inject(REGISTRY) private readonly registry: SchemaRegistry,
  ) {
    const naming = { prefix: config.kafka.topicPrefix };
    this.topics = {
      profiles: topicName('personalityProfiles', naming),
      userEvents: topicName('userEvents', naming),
      catalog: topicName('catalogTracks', naming),
    };
    this.timeoutMs = config.gateway.requestTimeoutMs;
    this.producer = createProducer(kafka, { idempotent: true });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.producer.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.producer.disconnect();
  }

  /**
   * Both topics in one request, keyed by user id: the compacted topic keeps the latest
   * profile for consumers that start later; the user-events copy is applied by the user's
   * actor in order with the user's events (see topics.ts).
   */
  async publishProfile(update: PersonalityProfileUpdate): Promise<void> {
    const message = { key: update.user_id, value: this.registry.encode('music.PersonalityProfileUpdate', update) };
    await this.send([
      { topic: this.topics.profiles, messages: [message] },
      { topic: this.topics.userEvents, messages: [message] },
    ]);
  }

  /** Rows as stored in Postgres (genres merged), so the compacted value carries every genre. */
  async publishTracks(rows: readonly CatalogTrackRow[]): Promise<void> {
    if (rows.length === 0) return;
    const messages = rows.map((row) => ({ key: row.track_id, value: this.registry.encode('music.CatalogTrack', row) }));
    await this.send([{ topic: this.topics.catalog, messages }]);
  }

  /** The producer retries without limit (createProducer); an HTTP caller gets 503 after the gateway timeout. */
  private async send(topicMessages: TopicMessages[]): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(unavailable(`no acknowledgement within ${this.timeoutMs} ms`)), this.timeoutMs);
    });
    try {
      await Promise.race([this.producer.sendBatch({ topicMessages, acks: -1 }), deadline]);
    } catch (error) {
      throw error instanceof GatewayError ? error : unavailable((error as Error).message);
    } finally {
      clearTimeout(timer);
    }
  }
}

function unavailable(why: string): GatewayError {
  return new GatewayError(503, `the event log is unavailable (${why}); retry the request`, { retryAfterSeconds: 1 });
}
