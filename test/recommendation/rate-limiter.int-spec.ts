/**
 * The sliding-window Lua script on a PRIVATE redis-server (the test flushes its script
 * cache, which must not touch the shared Redis). Times are explicit, so values are exact.
 */
import type { Redis } from 'ioredis';
import { SlidingWindowRateLimiter } from '../../src/infra/redis/rate-limiter.js';
import { createRedis, RedisUnavailableError } from '../../src/infra/redis/redis-client.js';
import { redisKeys } from '../../src/infra/redis/redis-keys.js';
import { closeRedisClient, freePort, startPrivateRedis, type PrivateRedis } from '../support/recommender-redis.js';

const keys = redisKeys('rl:');

describe('SlidingWindowRateLimiter', () => {
  let server: PrivateRedis;
  let redis: Redis;

  beforeAll(async () => {
    server = await startPrivateRedis();
    redis = server.client();
  });

  afterAll(async () => {
    await server?.kill();
  });

  it('admits `limit` requests per window and says when the next slot frees', async () => {
    const limiter = new SlidingWindowRateLimiter(redis, keys, { limit: 3, windowMs: 1000 });
    const hits: Array<[number, boolean, number, number]> = [];
    for (const t of [1000, 1100, 1200, 1300, 1999, 2000, 2050, 2100]) {
      const d = await limiter.hit('u', t, `r${t}`);
      hits.push([t, d.allowed, d.retryAfterMs, d.inWindow]);
    }
    expect(hits).toEqual([
      [1000, true, 0, 1],
      [1100, true, 0, 2],
      [1200, true, 0, 3],
      [1300, false, 700, 3], // the entry of t=1000 expires at 2000
      [1999, false, 1, 3],
      [2000, true, 0, 3], // 1000 left the window (an entry counts while now < t + window)
      [2050, false, 50, 3], // refusals are not recorded: 1100 is still the oldest
      [2100, true, 0, 3],
    ]);
    expect(await redis.zrange(keys.rateLimit('u'), '0', '-1')).toEqual(['1200:r1200', '2000:r2000', '2100:r2100']);
    const ttl = await redis.pttl(keys.rateLimit('u'));
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(1000);
  });

  it('keeps users apart and counts two requests in the same millisecond', async () => {
    const limiter = new SlidingWindowRateLimiter(redis, keys, { limit: 2, windowMs: 1000 });
    expect((await limiter.hit('a', 5000, 'x')).inWindow).toBe(1);
    expect((await limiter.hit('a', 5000, 'y')).inWindow).toBe(2);
    expect((await limiter.hit('a', 5000, 'z')).allowed).toBe(false);
    expect((await limiter.hit('b', 5000, 'x')).allowed).toBe(true);
  });

  it('after the limit was lowered, waits for the entry that brings the window under it', async () => {
    const generous = new SlidingWindowRateLimiter(redis, keys, { limit: 5, windowMs: 1000 });
    for (const t of [0, 1, 2, 3, 4]) expect((await generous.hit('lowered', t, `r${t}`)).allowed).toBe(true);
    const strict = new SlidingWindowRateLimiter(redis, keys, { limit: 3, windowMs: 1000 });
    // Entries 0,1,2 must leave before only two remain; 2 leaves at 1002.
    expect(await strict.hit('lowered', 10, 'r10')).toEqual({ allowed: false, retryAfterMs: 992, inWindow: 5 });
    expect((await strict.hit('lowered', 1002, 'r1002')).allowed).toBe(true);
  });

  it('reloads the script when the server forgot it (NOSCRIPT → EVAL)', async () => {
    await redis.script('FLUSH');
    const limiter = new SlidingWindowRateLimiter(redis, keys, { limit: 1, windowMs: 1000 });
    expect((await limiter.hit('flushed', 1, 'r')).allowed).toBe(true);
    expect((await limiter.hit('flushed', 2, 'r2')).allowed).toBe(false);
  });

  it('fails fast with a retriable RedisUnavailableError when Redis is not there', async () => {
    const dead = createRedis({ url: `redis://127.0.0.1:${await freePort()}`, name: 'dead', failFast: true });
    dead.on('error', () => undefined);
    const limiter = new SlidingWindowRateLimiter(dead, keys, { limit: 1, windowMs: 1000 });
    const started = performance.now();
    const error = await limiter.hit('u', 1, 'r').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RedisUnavailableError);
    expect((error as RedisUnavailableError).retriable).toBe(true);
    expect(performance.now() - started).toBeLessThan(500);
    await closeRedisClient(dead);
  });

  it('rejects a limit or window that cannot work', () => {
    expect(() => new SlidingWindowRateLimiter(redis, keys, { limit: 0, windowMs: 1000 })).toThrow(RangeError);
    expect(() => new SlidingWindowRateLimiter(redis, keys, { limit: 1, windowMs: 0.5 })).toThrow(RangeError);
  });
});
