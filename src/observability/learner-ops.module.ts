/**
 * The learner process with its operations endpoint: LearnerModule plus metrics (counters,
 * chunk histograms, rewards, consumer lag) and health (Kafka, Postgres, Redis, partitions
 * restored). learner.main.ts starts this module.
 */
import { Inject, Injectable, Module, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { Pool } from 'pg';
import type { AppConfig } from '../config/config.js';
import { CONFIG, LOGGER, POOL, REDIS } from '../infra/infra.module.js';
import { topicName } from '../infra/kafka/topics.js';
import type { Logger } from '../infra/logging/logger.js';
import { EventProcessorService, LearnerModule } from '../learner/learner.module.js';
import { kafkaCheck, postgresCheck, redisCheck } from './health/dependency.checks.js';
import { ConsumerLagSampler } from './metrics/consumer-lag.sampler.js';
import { registerLearnerMetrics } from './metrics/learner.metrics.js';
import { OpsCoreModule } from './ops/ops-core.module.js';
import { ProcessOps } from './ops/process-ops.js';
import { SharedAdmin } from './ops/shared-admin.js';

@Injectable()
class LearnerOps implements OnModuleInit, OnApplicationBootstrap {
  constructor(
    @Inject(ProcessOps) private readonly ops: ProcessOps,
    @Inject(SharedAdmin) private readonly admin: SharedAdmin,
    @Inject(EventProcessorService) private readonly service: EventProcessorService,
    @Inject(CONFIG) private readonly config: AppConfig,
    @Inject(POOL) private readonly pool: Pool,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(LOGGER) private readonly log: Logger,
  ) {}

  onModuleInit(): void {
    const { processor } = this.service;
    const topic = topicName('userEvents', { prefix: this.config.kafka.topicPrefix });
    const admin = () => this.admin.get();
    const lag = new ConsumerLagSampler({ admin, groupId: this.config.kafka.consumerGroup, topic });
    const log = this.log.child({ component: 'event-processor' });
    registerLearnerMetrics({ registry: this.ops.registry, processor, topic, lag, log });
    this.ops.addProbe('consumer-lag', () => lag.sample());
    this.ops.addReadiness(kafkaCheck(admin), postgresCheck(this.pool), redisCheck(this.redis), {
      name: 'partitions',
      critical: true,
      check: () => processor.partitions.joined && processor.partitions.restoring === 0,
    });
    // A consumer kafkajs gave up on does nothing until the process restarts.
    this.ops.addLiveness({ name: 'consumer', critical: true, check: () => !processor.partitions.crashed });
  }

  /** Runs after LearnerModule's bootstrap (this module imports it): migrations done, consumer started. */
  onApplicationBootstrap(): void {
    this.ops.started();
  }
}

// OpsCoreModule first: its hooks then start before the processor's and stop after them, so
// the endpoint answers during start-up and while the last batch drains.
@Module({
  imports: [OpsCoreModule.forProcess({ process: 'learner', ownServer: true }), LearnerModule],
  providers: [LearnerOps],
})
export class LearnerOpsModule {}
