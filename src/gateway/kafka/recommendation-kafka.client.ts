/**
 * Nest's ClientKafka, built on the process's kafkajs client and reporting when its reply
 * path can be trusted.
 *
 * Ready means: the producer is connected, the reply consumer holds a reply-topic partition
 * and has completed one fetch. The fetch matters: this instance's consumer group is new,
 * so its start offset is "latest", resolved at the first fetch — a reply written before
 * that would be skipped and its request would time out.
 */
import { ClientKafka, type KafkaOptions } from '@nestjs/microservices';
import type { Kafka } from 'kafkajs';
import { createProducer } from '../../infra/kafka/kafka-client.js';
import { withBatchedSends } from '../../recommender/produce-batcher.js';
import { GatewayError } from '../gateway.error.js';

export type ClientKafkaOptions = Required<KafkaOptions>['options'];

export interface ReplyPathReadiness {
  readonly requestProducer: boolean;
  readonly replyConsumer: boolean;
}

export class RecommendationKafkaClient extends ClientKafka {
  private producerUp = false;
  private assigned = false;
  private fetched = false;
  private readonly waiters = new Set<() => void>();

  constructor(
    private readonly kafka: Kafka,
    private readonly replyTopic: string,
    options: ClientKafkaOptions,
  ) {
    super(options);
  }

  /** The consumer group of this instance's reply consumer (unique per instance). */
  get replyGroupId(): string {
    return this.groupId;
  }

  get readiness(): ReplyPathReadiness {
    return { requestProducer: this.producerUp, replyConsumer: this.assigned && this.fetched };
  }

  get ready(): boolean {
    return this.producerUp && this.assigned && this.fetched;
  }

  /**
   * Nest would build a second kafkajs client from `options.client`; this one reuses the
   * process's (same brokers, retry policy and logging) and takes its producer from the
   * shared factory, so request keys are hashed by the same murmur2 partitioner as every
   * other producer. Only the two methods ClientKafka calls are provided.
   */
  override async createClient<T>(): Promise<T> {
    const kafka = this.kafka;
    const client: Pick<Kafka, 'consumer' | 'producer'> = {
      consumer: (config) => kafka.consumer(config),
      // ClientKafka sends one record per request: requests sent in the same turn share a produce request.
      producer: () => withBatchedSends(createProducer(kafka, { idempotent: false })),
    };
    return client as unknown as T;
  }

  whenReady(timeoutMs: number): Promise<void> {
    if (this.ready) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const done = (): void => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        this.waiters.delete(done);
        reject(new GatewayError(503, `reply path not ready after ${timeoutMs} ms: ${JSON.stringify(this.readiness)}`));
      }, timeoutMs);
      this.waiters.add(done);
    });
  }

  protected override registerConsumerEventListeners(): void {
    super.registerConsumerEventListeners();
    const consumer = this.consumer;
    const { GROUP_JOIN, FETCH, REBALANCING, CRASH, STOP, DISCONNECT } = consumer.events;
    consumer.on(GROUP_JOIN, ({ payload }) => {
      this.assigned = (payload.memberAssignment[this.replyTopic]?.length ?? 0) > 0;
      this.fetched = false;
    });
    consumer.on(FETCH, () => {
      this.fetched = this.assigned;
      this.notify();
    });
    consumer.on(REBALANCING, () => this.lostAssignment());
    consumer.on(CRASH, () => this.lostAssignment());
    consumer.on(STOP, () => this.lostAssignment());
    consumer.on(DISCONNECT, () => this.lostAssignment());
  }

  protected override registerProducerEventListeners(): void {
    super.registerProducerEventListeners();
    const producer = this.producer;
    producer.on(producer.events.CONNECT, () => {
      this.producerUp = true;
      this.notify();
    });
    producer.on(producer.events.DISCONNECT, () => {
      this.producerUp = false;
    });
  }

  private lostAssignment(): void {
    this.assigned = false;
    this.fetched = false;
  }

  private notify(): void {
    if (!this.ready) return;
    for (const resolve of this.waiters) resolve();
    this.waiters.clear();
  }
}
