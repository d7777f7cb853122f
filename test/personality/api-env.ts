/**
 * The gateway app in this process, on an isolated event-path environment (its Postgres
 * schema, topic prefix and Redis prefix — the personality, session and insights routes use
 * all three), optionally pointed at a fake Spotify. Shared by test/personality, test/session
 * and test/insights.
 */
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { EventPathEnv } from '../support/event-path.js';
import { FAKE_CLIENT_ID, FAKE_CLIENT_SECRET, type FakeSpotify } from '../support/fake-spotify.js';
import { listenGateway, sendJson } from '../support/gateway-env.js';

export interface UserApi {
  readonly app: NestExpressApplication;
  request(method: 'GET' | 'PUT' | 'POST', path: string, body?: unknown): Promise<Response>;
  close(): Promise<void>;
}

export interface UserApiOptions {
  readonly partitions?: number;
  readonly spotify?: FakeSpotify;
  readonly env?: Record<string, string>;
}

export async function startUserApi(env: EventPathEnv, options: UserApiOptions = {}): Promise<UserApi> {
  const spotify: Record<string, string> = options.spotify
    ? {
        SPOTIFY_API_BASE_URL: options.spotify.apiBaseUrl,
        SPOTIFY_ACCOUNTS_BASE_URL: options.spotify.accountsBaseUrl,
        SPOTIFY_CLIENT_ID: FAKE_CLIENT_ID,
        SPOTIFY_CLIENT_SECRET: FAKE_CLIENT_SECRET,
        SPOTIFY_BACKOFF_BASE_MS: '10',
        SPOTIFY_BACKOFF_MAX_MS: '50',
        SPOTIFY_REQUEST_TIMEOUT_MS: '2000',
      }
    : {};
  const gateway = await listenGateway({
    KAFKA_TOPIC_PREFIX: env.prefix,
    KAFKA_CLIENT_ID: `${env.name}-gateway`,
    KAFKA_EVENT_PARTITIONS: String(options.partitions ?? 4),
    KAFKA_SESSION_TIMEOUT_MS: '6000',
    DATABASE_SCHEMA: env.db.schema,
    REDIS_KEY_PREFIX: env.redisPrefix,
    GATEWAY_REQUEST_TIMEOUT_MS: '10000',
    LOG_LEVEL: 'error',
    ...spotify,
    ...options.env,
  });
  return {
    app: gateway.app,
    request: (method, path, body) => sendJson(gateway.url, method, path, body),
    close: () => gateway.close(),
  };
}
