/**
 * The live dashboard on the gateway: the page, the chart data sampled from every
 * process's /metrics (the gateway's own registry and DASHBOARD_METRICS_URLS), and the
 * user inspector, which reads Redis and Postgres directly (read-only).
 */
import { Inject, Injectable, Module, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { Pool } from 'pg';
import type { AppConfig } from '../config/config.js';
import type { UserSnapshot } from '../domain/user-snapshot.js';
import { CONFIG, InfraModule, LOGGER, POOL, REDIS, REDIS_KEYS } from '../infra/infra.module.js';
import type { Logger } from '../infra/logging/logger.js';
import type { RedisKeys } from '../infra/redis/redis-keys.js';
import { SnapshotCache } from '../infra/redis/snapshot.cache.js';
import { GatewayOpsModule } from '../observability/gateway-ops.module.js';
import { ProcessOps } from '../observability/ops/process-ops.js';
import { RedisOutage } from '../recommender/redis-outage.js';
import { SnapshotLoader } from '../recommender/snapshot-loader.js';
import { loadAssets } from './dashboard-assets.js';
import { DashboardSampler } from './dashboard-sampler.js';
import { DASHBOARD_ASSETS, DashboardController, USER_INSPECTOR, type UserInspector } from './dashboard.controller.js';
import { inspectUser } from './user-inspector.js';

@Injectable()
class SamplerLifecycle implements OnModuleInit, OnApplicationShutdown {
  constructor(@Inject(DashboardSampler) private readonly sampler: DashboardSampler) {}

  onModuleInit(): void {
    this.sampler.start();
  }

  onApplicationShutdown(): void {
    this.sampler.stop();
  }
}

/** RedisOutage's messages speak for the recommender (rate limiting OFF…); here they are debug detail. */
function quiet(log: Logger): Logger {
  return { error: log.error, warn: log.debug, info: log.debug, debug: log.debug, child: (b) => quiet(log.child(b)) };
}

@Module({
  imports: [InfraModule, GatewayOpsModule],
  controllers: [DashboardController],
  providers: [
    { provide: DASHBOARD_ASSETS, useFactory: () => loadAssets() },
    {
      provide: DashboardSampler,
      inject: [CONFIG, ProcessOps, LOGGER],
      useFactory: (config: AppConfig, ops: ProcessOps, log: Logger) =>
        new DashboardSampler({
          sources: config.observability.dashboardSources,
          own: () => ops.registry.metrics(),
          intervalMs: config.observability.dashboardPollMs,
          log: log.child({ component: 'dashboard' }),
        }),
    },
    {
      provide: USER_INSPECTOR,
      inject: [CONFIG, POOL, REDIS, REDIS_KEYS, LOGGER],
      useFactory: (config: AppConfig, pool: Pool, redis: Redis, keys: RedisKeys, log: Logger): UserInspector => {
        // The recommender's loader: the inspector shows the snapshot ranking uses, Redis or rebuilt.
        const snapshots = new SnapshotLoader({
          redis: new SnapshotCache<UserSnapshot>(redis, keys, config.recommender.snapshotTtlSeconds),
          db: pool,
          outage: new RedisOutage(quiet(log.child({ component: 'dashboard' }))),
        });
        return (userId) => inspectUser({ snapshots, db: pool }, userId);
      },
    },
    SamplerLifecycle,
  ],
})
export class DashboardModule {}
