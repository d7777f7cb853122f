/**
 * Writes validated user events to the user-events topic, keyed by user id, as Avro
 * ListeningEvent / FeedbackEvent records — the same encoding the learner reads.
 */
import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Kafka, Producer } from 'kafkajs';
import type { AppConfig } from '../config/config.js';
import type { UserEvent } from '../domain/user-state.js';
import type { SchemaRegistry } from '../infra/avro/schema-registry.js';
import { CONFIG, KAFKA, REGISTRY } from '../infra/infra.module.js';
import { createProducer } from '../infra/kafka/kafka-client.js';
import { topicName } from '../infra/kafka/topics.js';
import { toEventMessage } from '../learner/event-encoder.js';
import { GatewayError } from './gateway.error.js';

@Injectable()
export class EventPublisher implements OnApplicationBootstrap, OnApplicationShutdown {
  /** Idempotent: a retried write after a lost ack neither duplicates nor reorders a user's events. */
  private readonly producer: Producer;
  private readonly topic: string;
  private readonly timeoutMs: number;
  private up = false;

  constructor(
    @Inject(CONFIG) config: AppConfig,
    @Inject(KAFKA) kafka: Kafka,
    @Inject(REGISTRY) private readonly registry: SchemaRegistry,
  ) {
    this.topic = topicName('userEvents', { prefix: config.kafka.topicPrefix });
    this.timeoutMs = config.gateway.requestTimeoutMs;
    this.producer = createProducer(kafka, { idempotent: true });
    this.producer.on(this.producer.events.CONNECT, () => (this.up = true));
    this.producer.on(this.producer.events.DISCONNECT, () => (this.up = false));
  }

  get connected(): boolean {
    return this.up;
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.producer.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.producer.disconnect();
  }

  /**
   * One send for the whole batch: all records share the key, hence the partition, and keep
   * their order. acks=-1 so a 202 means the events are replicated, not just buffered.
   */
  async publish(events: readonly UserEvent[]): Promise<void> {
    const messages = events.map((e) => toEventMessage(this.registry, e));
    const sent = this.producer.send({ topic: this.topic, acks: -1, messages });
    let timer: NodeJS.Timeout | undefined;
    // The producer retries without limit (see createProducer); the HTTP caller cannot wait that long.
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(unavailable(`no acknowledgement within ${this.timeoutMs} ms`)), this.timeoutMs);
    });
    try {
      await Promise.race([sent, deadline]);
    } catch (error) {
      throw error instanceof GatewayError ? error : unavailable((error as Error).message);
    } finally {
      clearTimeout(timer);
    }
  }
}

/** The write may still land later; a retry with the same event ids is deduplicated by the learner. */
function unavailable(why: string): GatewayError {
  return new GatewayError(503, `the event log is unavailable (${why}); retry with the same eventIds`, {
    retryAfterSeconds: 1,
  });
}
