/**
 * Kafka request/reply for recommendations through Nest's ClientKafka and the standard Nest
 * headers (kafka_correlationId, kafka_replyTopic, kafka_replyPartition), so any Nest
 * `@MessagePattern` on the request topic can answer.
 *
 * Several gateway instances: each instance has its own consumer group for the reply topic
 * (a unique postfixId), so it is always the group's only member, owns every reply
 * partition and never rebalances because another instance came or went. With one shared
 * group, a rebalance can move the partition named in a request's kafka_replyPartition to
 * another instance, which drops the reply as unknown: a silent timeout. The cost is that
 * every instance reads every reply and discards the others' — fine for a handful of
 * instances, whatever the reply topic's partition count (KAFKA_EVENT_PARTITIONS).
 */
import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import type { Kafka } from 'kafkajs';
import { EmptyError, firstValueFrom, throwError, timeout } from 'rxjs';
import type { AppConfig } from '../config/config.js';
import type { RecommendationReply, RecommendationRequest } from '../contracts/records.js';
import type { SchemaRegistry } from '../infra/avro/schema-registry.js';
import { CONFIG, KAFKA, LOGGER, REGISTRY } from '../infra/infra.module.js';
import { topicName } from '../infra/kafka/topics.js';
import type { Logger } from '../infra/logging/logger.js';
import { GatewayError } from './gateway.error.js';
import { RecommendationKafkaClient, type ReplyPathReadiness } from './kafka/recommendation-kafka.client.js';
import {
  RecommendationReplyDeserializer,
  RecommendationRequestSerializer,
  type KeyedRequest,
} from './kafka/recommendation.serdes.js';

/** Idle reply-consumer polls return after this; replies themselves are fetched as soon as they land. */
const REPLY_POLL_MS = 500;
/** How long start-up waits for the reply path before the process gives up. */
const READY_TIMEOUT_MS = 30_000;

@Injectable()
export class RecommendationRequester implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly client: RecommendationKafkaClient;
  private readonly requestTopic: string;
  private readonly timeoutMs: number;

  constructor(
    @Inject(CONFIG) config: AppConfig,
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(REGISTRY) registry: SchemaRegistry,
    @Inject(LOGGER) private readonly log: Logger,
  ) {
    const naming = { prefix: config.kafka.topicPrefix };
    this.requestTopic = topicName('recommendationRequests', naming);
    this.timeoutMs = config.gateway.requestTimeoutMs;
    this.client = new RecommendationKafkaClient(kafka, replyTopicOf(this.requestTopic, naming), {
      postfixId: `-${process.pid}-${randomBytes(4).toString('hex')}`,
      consumer: {
        groupId: `${config.kafka.clientId}-gateway-replies`,
        sessionTimeout: config.kafka.sessionTimeoutMs,
        maxWaitTimeInMs: REPLY_POLL_MS,
        allowAutoTopicCreation: false,
      },
      // This instance's group is its own and deleted at shutdown: no offset commit per fetched batch.
      run: { autoCommit: false },
      parser: { keepBinary: true },
      serializer: new RecommendationRequestSerializer(registry),
      deserializer: new RecommendationReplyDeserializer(registry),
    });
    // Must precede connect(): ClientKafka subscribes to the reply topics it knows at connect time.
    this.client.subscribeToResponseOf(this.requestTopic);
  }

  get readiness(): ReplyPathReadiness {
    return this.client.readiness;
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.client.connect();
    await this.client.whenReady(READY_TIMEOUT_MS);
    this.log.info({ topic: this.requestTopic, group: this.client.replyGroupId }, 'recommendation reply path ready');
  }

  async onApplicationShutdown(): Promise<void> {
    await this.client.close();
    await this.deleteReplyGroup();
  }

  /** Sends one request and waits for its reply, at most GATEWAY_REQUEST_TIMEOUT_MS. */
  async request(request: RecommendationRequest): Promise<RecommendationReply> {
    if (!this.client.ready) {
      throw new GatewayError(503, 'the recommendation reply path is not ready', { retryAfterSeconds: 1 });
    }
    const reply$ = this.client.send<RecommendationReply, KeyedRequest>(this.requestTopic, {
      key: request.user_id,
      value: request,
    });
    const noReply = (): GatewayError =>
      new GatewayError(504, `no recommendation reply within ${this.timeoutMs} ms (request ${request.request_id})`);
    try {
      return await firstValueFrom(reply$.pipe(timeout({ first: this.timeoutMs, with: () => throwError(noReply) })));
    } catch (error) {
      throw asGatewayError(error);
    }
  }

  /** The group is this instance's alone and is never joined again; leave no clutter behind. */
  private async deleteReplyGroup(): Promise<void> {
    const admin = this.kafka.admin();
    try {
      await admin.connect();
      await admin.deleteGroups([this.client.replyGroupId]);
    } catch (error) {
      this.log.warn({ err: error, group: this.client.replyGroupId }, 'could not delete the reply consumer group');
    } finally {
      await admin.disconnect();
    }
  }
}

/** Nest derives the reply topic as request topic + ".reply"; the topic registry must agree. */
function replyTopicOf(requestTopic: string, naming: { prefix: string }): string {
  const registered = topicName('recommendationReplies', naming);
  if (registered !== `${requestTopic}.reply`) {
    throw new Error(`topic registry: reply topic ${registered} is not ${requestTopic}.reply as Nest requires`);
  }
  return registered;
}

function asGatewayError(error: unknown): GatewayError {
  if (error instanceof GatewayError) return error;
  if (error instanceof EmptyError) return new GatewayError(502, 'the recommender closed the reply without a value');
  // Nest passes the responder's error header (or our deserializer's reason) as a string.
  if (typeof error === 'string') return new GatewayError(502, error);
  const message = error instanceof Error ? error.message : String(error);
  return new GatewayError(503, `recommendation request failed: ${message}`, { retryAfterSeconds: 1 });
}
