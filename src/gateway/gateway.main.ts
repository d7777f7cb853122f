import 'reflect-metadata';
import type { Kafka } from 'kafkajs';
import type { Pool } from 'pg';
import type { AppConfig } from '../config/config.js';
import { CONFIG, KAFKA, LOGGER, POOL } from '../infra/infra.module.js';
import type { Logger } from '../infra/logging/logger.js';
import { prepareInfrastructure } from '../infra/prepare-infrastructure.js';
import { createGatewayApp } from './gateway-app.js';

/**
 * The HTTP gateway process: `node dist/src/gateway/gateway.main.js`.
 * Topics exist before `listen`, whose bootstrap subscribes the reply consumer (a missing
 * reply topic is not auto-created with the wrong partition count). On SIGTERM/SIGINT Nest
 * stops accepting connections, lets in-flight requests finish, then closes Kafka.
 */
async function main(): Promise<void> {
  const app = await createGatewayApp();
  app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
  const config = app.get<AppConfig>(CONFIG);
  const log = app.get<Logger>(LOGGER).child({ component: 'gateway' });
  await prepareInfrastructure({ config, pool: app.get<Pool>(POOL), kafka: app.get<Kafka>(KAFKA), log });
  await app.listen(config.http.port);
  log.info({ url: await app.getUrl() }, 'gateway listening');
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
