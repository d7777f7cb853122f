/**
 * Nest's ServerKafka with the project's conventions:
 * - every handler pattern gets the configured topic prefix, so `@MessagePattern` names the
 *   topic's base name (static) while tests and demos run under their own prefix;
 * - values stay Buffers (`keepBinary`), the Avro bytes are decoded by the handler;
 * - the kafkajs client is the project's (createKafka: retry policy, JSON logs) and the
 *   reply producer uses the shared factory (murmur2 partitioner);
 * - the consumer group is the configured one as is (no '-server' postfix).
 *
 * And for throughput: requests are independent (each gets its own reply, in any order), so
 * the messages of a fetched batch are handled concurrently (`eachBatch`, up to
 * MAX_IN_FLIGHT_PER_PARTITION at a time) and every partition of the request topic is in
 * flight at once — Nest's `eachMessage` would handle one request per partition at a time.
 * Replies finished together are produced together (produce-batcher.ts).
 */
import { ServerKafka, type MessageHandler, type OutgoingResponse } from '@nestjs/microservices';
import type { Consumer, EachBatchPayload, Kafka, Message, RecordMetadata } from 'kafkajs';
import type { AppConfig } from '../config/config.js';
import { createProducer } from '../infra/kafka/kafka-client.js';
import { ProduceBatcher } from './produce-batcher.js';

/** Requests of one partition's batch handled at once (the rest of the batch waits for a slot). */
const MAX_IN_FLIGHT_PER_PARTITION = 64;

export class RecommendationServer extends ServerKafka {
  private readonly topicPrefix: string;
  private readonly replies = new ProduceBatcher(() => this.producer);

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
      run: {
        // Order across partitions does not matter for request/reply: all of them at once.
        partitionsConsumedConcurrently: Math.max(
          config.kafka.partitionsConsumedConcurrently,
          config.kafka.eventPartitions,
        ),
      },
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

  /** As ServerKafka's, with `eachBatch` (concurrent requests) instead of `eachMessage`. */
  override async bindEvents(consumer: Consumer): Promise<void> {
    const topics = [...this.messageHandlers.keys()].filter((p): p is string => typeof p === 'string');
    if (topics.length > 0) await consumer.subscribe({ ...this.options.subscribe, topics });
    await consumer.run({ ...this.options.run, eachBatch: (payload) => this.handleBatch(payload) });
  }

  /** As ServerKafka's, but the reply goes out with the others finished at the same time. */
  override async sendMessage(
    response: OutgoingResponse,
    replyTopic: string,
    replyPartition: string | undefined | null,
    correlationId: string,
  ): Promise<RecordMetadata[]> {
    const message = (await this.serializer.serialize(response.response)) as Message;
    this.assignReplyPartition(replyPartition, message);
    this.assignCorrelationIdHeader(correlationId, message);
    this.assignErrorHeader(response, message);
    this.assignIsDisposedHeader(response, message);
    await this.replies.send(replyTopic, message);
    return [];
  }

  /** The consumer stops first (kafkajs finishes the batches in hand), then the queued replies go out. */
  override async close(): Promise<void> {
    await this.consumer?.disconnect();
    await this.replies.flush();
    await super.close();
  }

  /**
   * Every message of the batch, MAX_IN_FLIGHT_PER_PARTITION at a time; kafkajs resolves the
   * batch's offsets once all are handled. The handler answers failures with an ERROR reply
   * and never throws; should Nest's plumbing throw, the request is logged and left unanswered
   * (its caller times out) rather than failing the batch, which would answer the others twice.
   */
  private async handleBatch({ batch, heartbeat, pause }: EachBatchPayload): Promise<void> {
    const { topic, partition, messages } = batch;
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < messages.length) {
        const message = messages[next++];
        try {
          await this.handleMessage({ topic, partition, message, heartbeat, pause });
        } catch (error) {
          // Nest's logger: the process's JSON logger (recommender.main.ts), stack as a field.
          const where = `${topic}[${partition}] offset ${message.offset}`;
          const stack = error instanceof Error ? error.stack : undefined;
          this.logger.error(`recommendation request ${where} failed, left unanswered: ${String(error)}`, stack);
        }
      }
    };
    const workers = Math.min(MAX_IN_FLIGHT_PER_PARTITION, messages.length);
    await Promise.all(Array.from({ length: workers }, worker));
    await heartbeat();
  }
}
