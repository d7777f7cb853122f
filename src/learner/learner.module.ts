import { Inject, Injectable, Module, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { Kafka } from 'kafkajs';
import type { Pool } from 'pg';
import type { AppConfig } from '../config/config.js';
import { learningParams } from '../domain/learning-params.js';
import { snapshotJson, type UserSnapshot } from '../domain/user-state.js';
import type { SchemaRegistry } from '../infra/avro/schema-registry.js';
import { CONFIG, InfraModule, KAFKA, LOGGER, POOL, REDIS, REDIS_KEYS, REGISTRY } from '../infra/infra.module.js';
import { topicName } from '../infra/kafka/topics.js';
import type { Logger } from '../infra/logging/logger.js';
import { prepareInfrastructure } from '../infra/prepare-infrastructure.js';
import type { RedisKeys } from '../infra/redis/redis-keys.js';
import { SnapshotCache } from '../infra/redis/snapshot.cache.js';
import { EventProcessor } from './event-processor.js';

/** Thin NestJS adapter: builds the processor from the injected clients and runs it for the app's lifetime. */
@Injectable()
export class EventProcessorService implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly processor: EventProcessor;

  constructor(
    @Inject(CONFIG) private readonly config: AppConfig,
    @Inject(POOL) private readonly pool: Pool,
    @Inject(REDIS) redis: Redis,
    @Inject(REDIS_KEYS) keys: RedisKeys,
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(REGISTRY) registry: SchemaRegistry,
    @Inject(LOGGER) private readonly log: Logger,
  ) {
    const prefix = { prefix: config.kafka.topicPrefix };
    this.processor = new EventProcessor({
      kafka,
      pool,
      registry,
      snapshots: new SnapshotCache<UserSnapshot>(redis, keys, config.recommender.snapshotTtlSeconds, snapshotJson),
      // Validated here, at start-up: a bad α/γ/ε stops the process with a clear error.
      params: learningParams({
        alpha: config.learning.alpha,
        gamma: config.learning.gamma,
        epsilon: config.learning.epsilon,
      }),
      actorCapacity: config.learning.actorCapacity,
      log: log.child({ component: 'event-processor' }),
      topics: {
        events: topicName('userEvents', prefix),
        rewards: topicName('rewards', prefix),
        deadLetters: topicName('deadLetters', prefix),
      },
      groupId: config.kafka.consumerGroup,
      partitionsConsumedConcurrently: config.kafka.partitionsConsumedConcurrently,
      sessionTimeoutMs: config.kafka.sessionTimeoutMs,
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await prepareInfrastructure({ config: this.config, pool: this.pool, kafka: this.kafka, log: this.log });
    await this.processor.start();
    this.log.info({ group: this.config.kafka.consumerGroup }, 'event processor started');
  }

  async onApplicationShutdown(signal?: string): Promise<void> {
    await this.processor.stop();
    this.log.info({ signal, ...this.processor.counters }, 'event processor stopped');
  }
}

@Module({ imports: [InfraModule], providers: [EventProcessorService], exports: [EventProcessorService] })
export class LearnerModule {}
