/**
 * Wiring of the personality, session and insights routes: the use cases (plain classes in
 * src/personality, src/session, src/insights) built from the process-wide clients, the
 * gateway's publishers and the Spotify client with its catalog fallbacks.
 */
import type { Provider } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { Pool } from 'pg';
import type { AppConfig } from '../config/config.js';
import { CONFIG, LOGGER, POOL, REDIS, REDIS_KEYS } from '../infra/infra.module.js';
import type { Logger } from '../infra/logging/logger.js';
import { RecommendationCache } from '../infra/redis/recommendation.cache.js';
import type { RedisKeys } from '../infra/redis/redis-keys.js';
import { InsightsService } from '../insights/insights.service.js';
import { PersonalityService } from '../personality/personality.service.js';
import { ListInvalidator } from '../recommender/list-invalidator.js';
import { CATALOG_FEATURES, CatalogSourcesModule, NO_CANDIDATES } from '../session/catalog-sources.js';
import { SessionService } from '../session/session.service.js';
import { SpotifySync } from '../session/spotify-sync.js';
import type { SpotifyDataSource } from '../spotify/spotify-data-source.js';
import type { SpotifyClient } from '../spotify/spotify.client.js';
import { SPOTIFY_CLIENT, SPOTIFY_DATA_SOURCE, SpotifyModule } from '../spotify/spotify.module.js';
import { EventPublisher } from './event.publisher.js';
import { InsightsController } from './insights.controller.js';
import { PersonalityController } from './personality.controller.js';
import { RecordPublisher } from './record.publisher.js';
import { SessionController } from './session.controller.js';

const HOUR_MS = 3_600_000;

export const USER_PROFILE_IMPORTS = [
  SpotifyModule.withFallbacks({
    imports: [CatalogSourcesModule],
    catalogFeatures: CATALOG_FEATURES,
    candidates: NO_CANDIDATES,
  }),
];

export const USER_PROFILE_CONTROLLERS = [PersonalityController, SessionController, InsightsController];

export const USER_PROFILE_PROVIDERS: Provider[] = [
  RecordPublisher,
  {
    provide: ListInvalidator,
    inject: [CONFIG, POOL, REDIS, REDIS_KEYS],
    useFactory: (config: AppConfig, pool: Pool, redis: Redis, keys: RedisKeys) =>
      new ListInvalidator({
        redis: new RecommendationCache(redis, keys, config.recommender.cacheTtlSeconds),
        db: pool,
      }),
  },
  {
    provide: PersonalityService,
    inject: [POOL, RecordPublisher, ListInvalidator],
    useFactory: (pool: Pool, records: RecordPublisher, lists: ListInvalidator) =>
      new PersonalityService({ db: pool, sink: { publish: (u) => records.publishProfile(u) }, lists }),
  },
  {
    provide: SessionService,
    inject: [
      CONFIG,
      POOL,
      SPOTIFY_CLIENT,
      SPOTIFY_DATA_SOURCE,
      RecordPublisher,
      EventPublisher,
      ListInvalidator,
      LOGGER,
    ],
    useFactory: (
      config: AppConfig,
      pool: Pool,
      client: SpotifyClient,
      source: SpotifyDataSource,
      records: RecordPublisher,
      events: EventPublisher,
      lists: ListInvalidator,
      log: Logger,
    ) =>
      new SessionService({
        db: pool,
        sync: new SpotifySync({ client, source, db: pool, catalog: records, events }),
        lists,
        settings: {
          syncMaxAgeMs: config.session.syncMaxAgeHours * HOUR_MS,
          spotifyTimeoutMs: config.session.spotifyTimeoutMs,
          learnerWaitMs: config.session.learnerWaitMs,
        },
        log: log.child({ component: 'session' }),
      }),
  },
  { provide: InsightsService, inject: [POOL], useFactory: (pool: Pool) => new InsightsService({ db: pool }) },
];
