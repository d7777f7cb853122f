/**
 * The recommendation process: the request/reply controller, the use case and the
 * in-memory catalog. At bootstrap (before the Kafka server subscribes) it migrates and
 * creates topics, loads the catalog and connects the decision producer.
 */
import { Inject, Injectable, Module, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { Kafka, Producer } from 'kafkajs';
import type { Pool } from 'pg';
import type { AppConfig } from '../config/config.js';
import type { SchemaRegistry } from '../infra/avro/schema-registry.js';
import { CONFIG, InfraModule, KAFKA, LOGGER, POOL, REDIS, REDIS_KEYS, REGISTRY } from '../infra/infra.module.js';
import { createProducer } from '../infra/kafka/kafka-client.js';
import type { Logger } from '../infra/logging/logger.js';
import { prepareInfrastructure } from '../infra/prepare-infrastructure.js';
import type { RedisKeys } from '../infra/redis/redis-keys.js';
import { CatalogStore } from './catalog.store.js';
import { RecommendationController } from './recommendation.controller.js';
import { RecommendationService } from './recommendation.service.js';
import { createRecommendationService } from './recommender.factory.js';

const DECISION_PRODUCER = Symbol('DECISION_PRODUCER');

@Injectable()
class RecommenderLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    @Inject(CONFIG) private readonly config: AppConfig,
    @Inject(POOL) private readonly pool: Pool,
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(LOGGER) private readonly log: Logger,
    @Inject(DECISION_PRODUCER) private readonly producer: Producer,
    @Inject(CatalogStore) private readonly catalog: CatalogStore,
    @Inject(RecommendationService) private readonly service: RecommendationService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await prepareInfrastructure({ config: this.config, pool: this.pool, kafka: this.kafka, log: this.log });
    await Promise.all([this.catalog.reload(), this.producer.connect()]);
    this.catalog.startReloading(this.config.recommender.catalogReloadIntervalSeconds * 1000);
  }

  async onApplicationShutdown(signal?: string): Promise<void> {
    this.catalog.stop();
    // The consumer has stopped (Nest closes the server first): write what the last requests queued.
    await this.service.drain();
    await this.producer.disconnect();
    this.log.info({ signal, ...this.service.counters() }, 'recommender stopped');
  }
}

@Module({
  imports: [InfraModule],
  controllers: [RecommendationController],
  providers: [
    {
      provide: CatalogStore,
      inject: [POOL, LOGGER],
      useFactory: (pool: Pool, log: Logger) => new CatalogStore({ db: pool, log: log.child({ component: 'catalog' }) }),
    },
    {
      provide: DECISION_PRODUCER,
      inject: [KAFKA],
      // Idempotent: a retried send must not duplicate or reorder a user's decisions.
      useFactory: (kafka: Kafka) => createProducer(kafka, { idempotent: true }),
    },
    {
      provide: RecommendationService,
      inject: [CONFIG, POOL, REDIS, REDIS_KEYS, REGISTRY, LOGGER, DECISION_PRODUCER, CatalogStore],
      useFactory: (
        config: AppConfig,
        pool: Pool,
        redis: Redis,
        keys: RedisKeys,
        registry: SchemaRegistry,
        log: Logger,
        producer: Producer,
        catalog: CatalogStore,
      ) =>
        createRecommendationService({
          config,
          pool,
          redis,
          keys,
          registry,
          producer,
          catalog,
          log: log.child({ component: 'recommender' }),
        }),
    },
    RecommenderLifecycle,
  ],
  exports: [RecommendationService, CatalogStore],
})
export class RecommenderModule {}
