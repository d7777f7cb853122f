/** Wires the client from config and ports; the one place that knows how the parts fit. */
import type { AppConfig } from '../config/config.js';
import type { Logger } from '../infra/logging/logger.js';
import type { RedisKeys } from '../infra/redis/redis-keys.js';
import { type Clock, systemClock } from './clock.js';
import type { FetchLike } from './http-transport.js';
import { RateLimiter } from './rate-limiter.js';
import { RetryingTransport } from './retrying-transport.js';
import { SpotifyApi } from './spotify-api.js';
import { type KeyValueStore, SpotifyCache } from './spotify.cache.js';
import { SpotifyClient } from './spotify.client.js';
import { sendOnce } from './http-transport.js';
import { ClientCredentialsTokenProvider } from './token-provider.js';

export interface SpotifyClientDeps {
  readonly config: AppConfig['spotify'];
  readonly store: KeyValueStore;
  readonly keys: RedisKeys;
  readonly log: Logger;
  /** Defaults: Node's global fetch (undici), performance.now, Math.random. */
  readonly fetch?: FetchLike;
  readonly clock?: Clock;
  readonly random?: () => number;
}

export function createSpotifyClient(deps: SpotifyClientDeps): SpotifyClient {
  const { config } = deps;
  const clock = deps.clock ?? systemClock;
  const fetchFn = deps.fetch ?? ((url, init) => fetch(url, init));
  const log = deps.log.child({ component: 'spotify' });
  const limiter = new RateLimiter({
    requestsPerWindow: config.requestsPerMinute,
    windowMs: config.rateWindowMs,
    endpointLimits: config.endpointLimits,
    maxWaitMs: config.maxQueueWaitMs,
    clock,
  });
  const transport = new RetryingTransport({
    retry: {
      maxAttempts: config.maxAttempts,
      backoff: { baseMs: config.backoffBaseMs, maxMs: config.backoffMaxMs },
      maxRetryAfterMs: config.maxRetryAfterSeconds * 1000,
    },
    clock,
    random: deps.random ?? Math.random,
    log,
    onRateLimited: (until) => limiter.pauseUntil(until),
  });
  const tokens = new ClientCredentialsTokenProvider({
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    accountsBaseUrl: config.accountsBaseUrl,
    clock,
    send: (request) => transport.run(request.label, () => sendOnce(request, config.requestTimeoutMs, fetchFn)),
  });
  const api = new SpotifyApi({
    apiBaseUrl: config.apiBaseUrl,
    timeoutMs: config.requestTimeoutMs,
    transport,
    limiter,
    tokens,
    fetch: fetchFn,
  });
  const cache = new SpotifyCache({ store: deps.store, keys: deps.keys, ttlSeconds: config.cacheTtlSeconds, log });
  return new SpotifyClient(api, cache, () => transport.stats());
}
