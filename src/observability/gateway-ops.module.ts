/**
 * The gateway's operations: GET /metrics on its own HTTP port (HTTP requests and latency,
 * Postgres/Redis use, Spotify calls when the gateway holds a Spotify client). Its health
 * endpoints are the gateway's own (src/gateway/health.controller.ts).
 */
import {
  Inject,
  Injectable,
  type MiddlewareConsumer,
  Module,
  type NestModule,
  type OnApplicationBootstrap,
  type OnModuleInit,
} from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Logger } from '../infra/logging/logger.js';
import { LOGGER } from '../infra/infra.module.js';
import { SPOTIFY_CLIENT } from '../spotify/spotify.module.js';
import type { SpotifyClient } from '../spotify/spotify.client.js';
import { HttpMetrics, HttpMetricsMiddleware } from './http/http-metrics.middleware.js';
import { MetricsController } from './http/metrics.controller.js';
import { registerSpotifyMetrics } from './metrics/spotify.metrics.js';
import { OpsCoreModule } from './ops/ops-core.module.js';
import { ProcessOps } from './ops/process-ops.js';

@Injectable()
class GatewayOps implements OnModuleInit, OnApplicationBootstrap {
  constructor(
    @Inject(ProcessOps) private readonly ops: ProcessOps,
    @Inject(ModuleRef) private readonly modules: ModuleRef,
    @Inject(LOGGER) private readonly log: Logger,
  ) {}

  /** The Spotify client is optional: looked up anywhere in the app instead of imported. */
  onModuleInit(): void {
    let client: SpotifyClient | null = null;
    try {
      client = this.modules.get<SpotifyClient>(SPOTIFY_CLIENT, { strict: false });
    } catch (error) {
      this.log.debug({ err: error }, 'no Spotify client in this gateway; no Spotify metrics');
    }
    if (client) registerSpotifyMetrics(this.ops.registry, client);
  }

  onApplicationBootstrap(): void {
    this.ops.started();
  }
}

@Module({
  imports: [OpsCoreModule.forProcess({ process: 'gateway', ownServer: false })],
  controllers: [MetricsController],
  providers: [GatewayOps, HttpMetrics],
  exports: [OpsCoreModule],
})
export class GatewayOpsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpMetricsMiddleware).forRoutes('*');
  }
}
