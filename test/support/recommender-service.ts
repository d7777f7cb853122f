/** The recommendation use case wired in-process to an isolated environment (no Nest, no Kafka consumer). */
import type { Redis } from 'ioredis';
import type { Producer } from 'kafkajs';
import { loadConfig } from '../../src/config/config.js';
import { createKafka, createProducer } from '../../src/infra/kafka/kafka-client.js';
import { createLogger, type Logger } from '../../src/infra/logging/logger.js';
import { redisKeys } from '../../src/infra/redis/redis-keys.js';
import { CatalogStore } from '../../src/recommender/catalog.store.js';
import type { RecommendationService } from '../../src/recommender/recommendation.service.js';
import { createRecommendationService } from '../../src/recommender/recommender.factory.js';
import { BROKERS, type EventPathEnv } from './event-path.js';

export interface InProcessRecommender {
  readonly service: RecommendationService;
  readonly catalog: CatalogStore;
  readonly log: RecordingLogger;
  close(): Promise<void>;
}

export interface RecordingLogger extends Logger {
  readonly lines: Array<{ level: string; message: string; context: Record<string, unknown> }>;
}

/** Keeps log lines for assertions (and stays quiet). */
export function recordingLogger(): RecordingLogger {
  const lines: RecordingLogger['lines'] = [];
  const at = (level: string) => (context: Record<string, unknown>, message: string) => {
    lines.push({ level, message, context });
  };
  const log: RecordingLogger = {
    lines,
    error: at('error'),
    warn: at('warn'),
    info: at('info'),
    debug: at('debug'),
    child: () => log,
  };
  return log;
}

export async function startInProcessRecommender(
  env: EventPathEnv,
  options: { redis?: Redis; env?: Record<string, string> } = {},
): Promise<InProcessRecommender> {
  const config = loadConfig({
    DATABASE_SCHEMA: env.db.schema,
    KAFKA_TOPIC_PREFIX: env.prefix,
    REDIS_KEY_PREFIX: env.redisPrefix,
    ...options.env,
  });
  const producer: Producer = createProducer(createKafka({ brokers: BROKERS, clientId: env.name, level: 'error' }), {
    idempotent: true,
  });
  await producer.connect();
  const log = recordingLogger();
  const catalog = new CatalogStore({ db: env.db.pool, log: createLogger({ level: 'error', name: env.name }) });
  await catalog.reload();
  const service = createRecommendationService({
    config,
    pool: env.db.pool,
    redis: options.redis ?? env.redis,
    keys: redisKeys(env.redisPrefix),
    registry: env.registry,
    producer,
    catalog,
    log,
  });
  return {
    service,
    catalog,
    log,
    async close() {
      await service.drain();
      await producer.disconnect();
    },
  };
}
