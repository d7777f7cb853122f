import { Redis } from 'ioredis';

export interface RedisClientOptions {
  readonly url: string;
  readonly name: string;
  /** Fail commands fast while disconnected, so callers can fall back instead of queueing forever. */
  readonly failFast?: boolean;
}

/** One place that builds ioredis clients with the same reconnect policy for every process. */
export function createRedis(options: RedisClientOptions): Redis {
  return new Redis(options.url, {
    connectionName: options.name,
    lazyConnect: false,
    enableOfflineQueue: !options.failFast,
    maxRetriesPerRequest: options.failFast ? 0 : 3,
    connectTimeout: 2000,
    retryStrategy: (attempt) => Math.min(100 * 2 ** attempt, 2000),
  });
}

/** Thrown when Redis cannot be reached; worth retrying later. */
export class RedisUnavailableError extends Error {
  readonly retriable = true;
  constructor(cause: unknown) {
    super(`Redis unavailable: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'RedisUnavailableError';
  }
}
