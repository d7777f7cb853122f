/** Builds the gateway's Nest application; the entry point and the tests start the same app. */
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { setupOpenApi } from './api/openapi.js';
import { GatewayModule } from './gateway.module.js';

export async function createGatewayApp(): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(GatewayModule, { logger: ['error', 'warn'] });
  app.disable('x-powered-by');
  setupOpenApi(app);
  return app;
}
