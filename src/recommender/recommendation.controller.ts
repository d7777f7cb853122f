/**
 * Kafka request/reply adapter. The pattern is the topic's base name; the server
 * (recommendation-server.ts) prefixes every pattern with the configured topic prefix.
 * Nest's ServerKafka publishes the returned message to the kafka_replyTopic /
 * kafka_replyPartition of the request, with its kafka_correlationId.
 */
import { Controller, Inject } from '@nestjs/common';
import { Ctx, KafkaContext, KafkaHeaders, MessagePattern, Payload } from '@nestjs/microservices';
import type { SchemaRegistry } from '../infra/avro/schema-registry.js';
import { LOGGER, REGISTRY } from '../infra/infra.module.js';
import { TOPICS } from '../infra/kafka/topics.js';
import type { Logger } from '../infra/logging/logger.js';
import { answerBytes } from './request-codec.js';
import { RecommendationService } from './recommendation.service.js';

/** What ServerKafka's serializer sends: key = user id, so replies of a user stay ordered. */
export interface ReplyMessage {
  readonly key: string;
  readonly value: Buffer;
}

@Controller()
export class RecommendationController {
  constructor(
    @Inject(RecommendationService) private readonly recommender: RecommendationService,
    @Inject(REGISTRY) private readonly registry: SchemaRegistry,
    @Inject(LOGGER) private readonly log: Logger,
  ) {}

  @MessagePattern(TOPICS.recommendationRequests.name)
  async recommend(@Payload() value: unknown, @Ctx() context: KafkaContext): Promise<ReplyMessage | null> {
    const message = context.getMessage();
    if (!message.headers?.[KafkaHeaders.REPLY_TOPIC]) {
      // Nobody waits for an answer: computing one would only log a decision no user saw.
      const where = { topic: context.getTopic(), partition: context.getPartition(), offset: message.offset };
      this.log.warn(where, 'recommendation request without kafka_replyTopic header; ignored');
      return null;
    }
    const deps = { registry: this.registry, recommender: this.recommender, log: this.log };
    const { reply, bytes } = await answerBytes(deps, { value, key: message.key, now: Date.now() });
    return { key: reply.user_id, value: bytes };
  }
}
