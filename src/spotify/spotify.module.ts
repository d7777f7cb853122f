/**
 * Thin NestJS adapter: builds the framework-free client from the infra tokens. Importers
 * that want the fallbacks register the module with their catalog feature source and
 * candidate source tokens.
 */
import { type DynamicModule, type InjectionToken, Module, type ModuleMetadata } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { AppConfig } from '../config/config.js';
import { CONFIG, InfraModule, LOGGER, REDIS, REDIS_KEYS } from '../infra/infra.module.js';
import type { Logger } from '../infra/logging/logger.js';
import type { RedisKeys } from '../infra/redis/redis-keys.js';
import { systemClock } from './clock.js';
import { redisKeyValueStore } from './redis-kv.store.js';
import { type RecommendationCandidateSource, SpotifyDataSource } from './spotify-data-source.js';
import { SpotifyClient } from './spotify.client.js';
import { createSpotifyClient } from './spotify.factory.js';
import type { CatalogFeatureSource } from './track-features.js';

export const SPOTIFY_CLIENT = Symbol('SPOTIFY_CLIENT');
export const SPOTIFY_DATA_SOURCE = Symbol('SPOTIFY_DATA_SOURCE');

const clientProvider = {
  provide: SPOTIFY_CLIENT,
  inject: [CONFIG, REDIS, REDIS_KEYS, LOGGER],
  useFactory: (config: AppConfig, redis: Redis, keys: RedisKeys, log: Logger): SpotifyClient =>
    createSpotifyClient({ config: config.spotify, store: redisKeyValueStore(redis), keys, log }),
};

export interface SpotifyFallbackOptions {
  /** Modules that provide the two ports. */
  readonly imports?: ModuleMetadata['imports'];
  readonly catalogFeatures: InjectionToken;
  readonly candidates: InjectionToken;
}

@Module({ imports: [InfraModule], providers: [clientProvider], exports: [SPOTIFY_CLIENT] })
export class SpotifyModule {
  /** Adds SPOTIFY_DATA_SOURCE (features and recommendations with fallbacks). */
  static withFallbacks(options: SpotifyFallbackOptions): DynamicModule {
    return {
      module: SpotifyModule,
      imports: [InfraModule, ...(options.imports ?? [])],
      providers: [
        clientProvider,
        {
          provide: SPOTIFY_DATA_SOURCE,
          inject: [SPOTIFY_CLIENT, options.catalogFeatures, options.candidates, LOGGER],
          useFactory: (
            client: SpotifyClient,
            catalogFeatures: CatalogFeatureSource,
            candidates: RecommendationCandidateSource,
            log: Logger,
          ): SpotifyDataSource =>
            new SpotifyDataSource({
              client,
              catalogFeatures,
              candidates,
              clock: systemClock,
              log: log.child({ component: 'spotify' }),
            }),
        },
      ],
      exports: [SPOTIFY_CLIENT, SPOTIFY_DATA_SOURCE],
    };
  }
}
