/**
 * The recommender for replays of recorded listening (`evaluate next-play --through-kafka`):
 * `node dist/src/evaluation/kafka/replay-recommender.main.js`, configured like
 * recommender.main. The production module, Kafka transport, controller, use case, snapshot
 * loading, caches and decision log run unchanged, with one difference: the use case ranks at
 * the request's `requested_at` instead of the arrival time. A replay of 2005–2009 plays must
 * rank at the play's time — the cold-start stage, the history's recency weights and the
 * new-release window all depend on "now" — and the deployed recommender reads its own clock.
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { AsyncMicroserviceOptions } from '@nestjs/microservices';
import type { Kafka } from 'kafkajs';
import type { AppConfig } from '../../config/config.js';
import { CONFIG, KAFKA, LOGGER } from '../../infra/infra.module.js';
import { topicName } from '../../infra/kafka/topics.js';
import type { Logger } from '../../infra/logging/logger.js';
import { CatalogStore } from '../../recommender/catalog.store.js';
import { RecommendationServer } from '../../recommender/recommendation-server.js';
import { RecommendationService } from '../../recommender/recommendation.service.js';
import { RecommenderModule } from '../../recommender/recommender.module.js';

/** Makes the service rank every request at its `requested_at` (the replayed play's time). */
function rankAtRequestTime(service: RecommendationService): void {
  const recommend = service.recommend.bind(service);
  service.recommend = (request) => recommend(request, request.requested_at);
}

async function main(): Promise<void> {
  const app = await NestFactory.createMicroservice<AsyncMicroserviceOptions>(RecommenderModule, {
    logger: ['error', 'warn'],
    inject: [CONFIG, KAFKA],
    useFactory: (config: AppConfig, kafka: Kafka) => ({ strategy: new RecommendationServer(config, kafka) }),
  });
  // The controller holds this same instance, so every request it hands over is re-timed.
  rankAtRequestTime(app.get(RecommendationService));
  app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
  await app.listen();
  const config = app.get<AppConfig>(CONFIG);
  app.get<Logger>(LOGGER).info(
    {
      topic: topicName('recommendationRequests', { prefix: config.kafka.topicPrefix }),
      group: config.recommender.consumerGroup,
      tracks: app.get(CatalogStore).current()?.size ?? 0,
      clock: 'requested_at',
    },
    // Same line as recommender.main, so whatever supervises either waits for it alike.
    'recommender listening',
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
