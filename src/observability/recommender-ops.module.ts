/**
 * The recommender process with its operations endpoint: RecommenderModule plus metrics
 * (outcomes, latency cached/computed, cache hits, rate limiting, errors) and health.
 * Redis is reported but not required: without it the recommender falls back to Postgres
 * and its rate limiter fails open (docs/recommendation.md), so it stays ready, degraded.
 */
import { Inject, Injectable, Module, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { Pool } from 'pg';
import { POOL, REDIS } from '../infra/infra.module.js';
import { CatalogStore } from '../recommender/catalog.store.js';
import { RecommendationService } from '../recommender/recommendation.service.js';
import { RecommenderModule } from '../recommender/recommender.module.js';
import { kafkaCheck, postgresCheck, redisCheck } from './health/dependency.checks.js';
import { registerRecommenderMetrics } from './metrics/recommender.metrics.js';
import { OpsCoreModule } from './ops/ops-core.module.js';
import { ProcessOps } from './ops/process-ops.js';
import { SharedAdmin } from './ops/shared-admin.js';

@Injectable()
class RecommenderOps implements OnModuleInit, OnApplicationBootstrap {
  constructor(
    @Inject(ProcessOps) private readonly ops: ProcessOps,
    @Inject(SharedAdmin) private readonly admin: SharedAdmin,
    @Inject(RecommendationService) private readonly service: RecommendationService,
    @Inject(CatalogStore) private readonly catalog: CatalogStore,
    @Inject(POOL) private readonly pool: Pool,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  onModuleInit(): void {
    registerRecommenderMetrics(this.ops.registry, this.service);
    this.ops.addReadiness(
      kafkaCheck(() => this.admin.get()),
      postgresCheck(this.pool),
      redisCheck(this.redis, false),
      // An empty catalog answers every request with ERROR.
      { name: 'catalog', critical: true, check: () => (this.catalog.current()?.size ?? 0) > 0 },
    );
  }

  /** After RecommenderModule's bootstrap: migrated, catalog loaded, decision producer connected. */
  onApplicationBootstrap(): void {
    this.ops.started();
  }
}

// OpsCoreModule first: its hooks start before the recommender's and stop after them.
@Module({
  imports: [OpsCoreModule.forProcess({ process: 'recommender', ownServer: true }), RecommenderModule],
  providers: [RecommenderOps],
})
export class RecommenderOpsModule {}
