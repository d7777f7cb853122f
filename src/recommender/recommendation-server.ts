/**
 * Nest's ServerKafka with the project's conventions:
 * - every handler pattern gets the configured topic prefix, so `@MessagePattern` names the
 *   topic's base name (static) while tests and demos run under their own prefix;
 * - values stay Buffers (`keepBinary`), the Avro bytes are decoded by the handler;
 * - the kafkajs client is the project's (createKafka: retry policy, JSON logs) and the
 *   reply producer uses the shared factory (murmur2 partitioner);
 * - the consumer group is the configured one as is (no '-server' postfix).
 */
import { ServerKafka, type MessageHandler } from '@nestjs/microservices';
import type { Kafka } from 'kafkajs';
import type { AppConfig } from '../config/config.js';
import { createProducer } from '../infra/kafka/kafka-client.js';

export class RecommendationServer extends ServerKafka {
  private readonly topicPrefix: string;

  constructor(
    config: AppConfig,
    private readonly kafka: Kafka,
  ) {
    super({
      postfixId: '',
      parser: { keepBinary: true },
      consumer: {
        groupId: config.recommender.consumerGroup,
        sessionTimeout: config.kafka.sessionTimeoutMs,
        allowAutoTopicCreation: false,
      },
      // A new group starts at the end: requests older than its start have timed out at the caller.
      subscribe: { fromBeginning: false },
      run: { partitionsConsumedConcurrently: config.kafka.partitionsConsumedConcurrently },
    });
    this.topicPrefix = config.kafka.topicPrefix;
  }

  override addHandler(
    pattern: unknown,
    callback: MessageHandler,
    isEventHandler?: boolean,
    extras?: Record<string, unknown>,
  ): void {
    const topic = typeof pattern === 'string' ? `${this.topicPrefix}${pattern}` : pattern;
    super.addHandler(topic, callback, isEventHandler, extras);
  }

  /** ServerKafka only calls consumer() and producer() on its client. */
  override async createClient<T>(): Promise<T> {
    const client: Pick<Kafka, 'consumer' | 'producer'> = {
      consumer: (config) => this.kafka.consumer(config),
      producer: () => createProducer(this.kafka, { idempotent: false }),
    };
    return client as T;
  }
}
