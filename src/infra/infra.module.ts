/**
 * The process-wide clients, built once from the validated config and closed on
 * shutdown. Capability modules inject them by token.
 */
import { Global, Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import type { Pool } from 'pg';
import type { Redis } from 'ioredis';
import { loadConfig, type AppConfig } from '../config/config.js';
import { SchemaRegistry } from './avro/schema-registry.js';
import { createKafka } from './kafka/kafka-client.js';
import { createLogger, type Logger } from './logging/logger.js';
import { createPool } from './postgres/pool.js';
import { createRedis } from './redis/redis-client.js';
import { redisKeys, type RedisKeys } from './redis/redis-keys.js';

export const CONFIG = Symbol('CONFIG');
export const POOL = Symbol('POOL');
export const REDIS = Symbol('REDIS');
export const KAFKA = Symbol('KAFKA');
export const REGISTRY = Symbol('REGISTRY');
export const LOGGER = Symbol('LOGGER');
export const REDIS_KEYS = Symbol('REDIS_KEYS');

@Injectable()
class InfraLifecycle implements OnApplicationShutdown {
  constructor(
    @Inject(POOL) private readonly pool: Pool,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.pool.end();
    this.redis.disconnect();
  }
}

@Global()
@Module({
  providers: [
    { provide: CONFIG, useFactory: (): AppConfig => loadConfig() },
    {
      provide: LOGGER,
      inject: [CONFIG],
      useFactory: (c: AppConfig): Logger => createLogger({ level: c.logLevel, name: 'music-rl' }),
    },
    {
      provide: POOL,
      inject: [CONFIG, LOGGER],
      useFactory: (c: AppConfig, log: Logger): Pool =>
        createPool({
          connectionString: c.database.url,
          schema: c.database.schema,
          max: c.database.poolMax,
          applicationName: c.kafka.clientId,
          onConnectionError: (err) => log.warn({ err }, 'postgres connection lost'),
        }),
    },
    {
      provide: REDIS,
      inject: [CONFIG],
      useFactory: (c: AppConfig): Redis => createRedis({ url: c.redis.url, name: c.kafka.clientId, failFast: true }),
    },
    { provide: REDIS_KEYS, inject: [CONFIG], useFactory: (c: AppConfig): RedisKeys => redisKeys(c.redis.keyPrefix) },
    {
      provide: KAFKA,
      inject: [CONFIG],
      useFactory: (c: AppConfig): Kafka => createKafka({ brokers: c.kafka.brokers, clientId: c.kafka.clientId }),
    },
    { provide: REGISTRY, useFactory: (): SchemaRegistry => SchemaRegistry.load() },
    InfraLifecycle,
  ],
  exports: [CONFIG, LOGGER, POOL, REDIS, REDIS_KEYS, KAFKA, REGISTRY],
})
export class InfraModule {}
