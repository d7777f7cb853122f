/** Builds the gateway's Nest application; the entry point and the tests start the same app. */
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DashboardModule } from '../dashboard/dashboard.module.js';
import { GatewayOpsModule } from '../observability/gateway-ops.module.js';
import { nestLogger } from '../observability/logging/nest-logger.js';
import { setupOpenApi } from './api/openapi.js';
import { GatewayModule } from './gateway.module.js';

/** The gateway with its operations side (/metrics) and the live dashboard (docs/operations.md). */
@Module({ imports: [GatewayOpsModule, GatewayModule, DashboardModule] })
class GatewayAppModule {}

export async function createGatewayApp(): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(GatewayAppModule, { logger: nestLogger('gateway') });
  app.disable('x-powered-by');
  setupOpenApi(app);
  return app;
}
