/**
 * Per-user sliding-window rate limiter backed by one atomic Lua script (see
 * rate-limiter.lua.ts). EVALSHA first; on NOSCRIPT (Redis restarted or flushed its
 * script cache) the script is sent once with EVAL, which caches it again.
 */
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { SLIDING_WINDOW_LUA } from './rate-limiter.lua.js';
import { RedisUnavailableError } from './redis-client.js';
import type { RedisKeys } from './redis-keys.js';

export interface RateLimitOptions {
  /** Requests admitted per window. */
  readonly limit: number;
  readonly windowMs: number;
}

export interface RateLimitDecision {
  readonly allowed: boolean;
  /** 0 when allowed; otherwise the wait until a slot frees up. */
  readonly retryAfterMs: number;
  /** Admitted requests in the window, including this one when allowed. */
  readonly inWindow: number;
}

/** KEYS[1], then ARGV: now, window, limit, member. */
type ScriptArgs = [key: string, now: number, windowMs: number, limit: number, member: string];

const SHA = createHash('sha1').update(SLIDING_WINDOW_LUA).digest('hex');

export class SlidingWindowRateLimiter {
  constructor(
    private readonly redis: Redis,
    private readonly keys: RedisKeys,
    private readonly options: RateLimitOptions,
  ) {
    if (
      !Number.isInteger(options.limit) ||
      options.limit < 1 ||
      !Number.isInteger(options.windowMs) ||
      options.windowMs < 1
    ) {
      throw new RangeError(`rate limit needs integer limit >= 1 and windowMs >= 1, got ${JSON.stringify(options)}`);
    }
  }

  /**
   * Admits or refuses one request of `userId` at `now`. `requestId` makes the window
   * entry unique, so two requests in the same millisecond both count.
   * Throws RedisUnavailableError when Redis cannot answer; the caller picks the policy.
   */
  async hit(userId: string, now: number, requestId: string): Promise<RateLimitDecision> {
    const { windowMs, limit } = this.options;
    const args: ScriptArgs = [this.keys.rateLimit(userId), now, windowMs, limit, `${now}:${requestId}`];
    try {
      return toDecision(await this.run(args));
    } catch (error) {
      throw error instanceof RedisUnavailableError ? error : new RedisUnavailableError(error);
    }
  }

  private async run(args: ScriptArgs): Promise<unknown> {
    try {
      return await this.redis.evalsha(SHA, 1, ...args);
    } catch (error) {
      if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
      return this.redis.eval(SLIDING_WINDOW_LUA, 1, ...args);
    }
  }
}

function toDecision(reply: unknown): RateLimitDecision {
  if (!Array.isArray(reply) || reply.length !== 3 || !reply.every((x) => typeof x === 'number')) {
    throw new Error(`rate-limit script returned ${JSON.stringify(reply)}`);
  }
  const [allowed, retryAfterMs, inWindow] = reply as [number, number, number];
  return { allowed: allowed === 1, retryAfterMs: Math.max(0, retryAfterMs), inWindow };
}
