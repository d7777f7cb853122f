import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { AsyncMicroserviceOptions } from '@nestjs/microservices';
import type { Kafka } from 'kafkajs';
import type { AppConfig } from '../config/config.js';
import { CONFIG, KAFKA, LOGGER } from '../infra/infra.module.js';
import { topicName } from '../infra/kafka/topics.js';
import type { Logger } from '../infra/logging/logger.js';
import { CatalogStore } from './catalog.store.js';
import { RecommendationServer } from './recommendation-server.js';
import { RecommenderOpsModule } from '../observability/recommender-ops.module.js';
import { nestLogger } from '../observability/logging/nest-logger.js';

/** The recommendation process: `node dist/src/recommender/recommender.main.js`. */
async function main(): Promise<void> {
  const app = await NestFactory.createMicroservice<AsyncMicroserviceOptions>(RecommenderOpsModule, {
    logger: nestLogger('recommender'),
    inject: [CONFIG, KAFKA],
    useFactory: (config: AppConfig, kafka: Kafka) => ({ strategy: new RecommendationServer(config, kafka) }),
  });
  app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
  // listen() runs the bootstrap hooks (migrate, topics, catalog) before the consumer subscribes.
  await app.listen();
  const config = app.get<AppConfig>(CONFIG);
  const catalog = app.get(CatalogStore).current();
  app.get<Logger>(LOGGER).info(
    {
      topic: topicName('recommendationRequests', { prefix: config.kafka.topicPrefix }),
      group: config.recommender.consumerGroup,
      tracks: catalog?.size ?? 0,
    },
    'recommender listening',
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
