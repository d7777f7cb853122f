import { SPOTIFY_ENDPOINT_LIMIT_DEFAULTS } from '../config/config.js';
import type { Clock } from './clock.js';
import { RateLimiter, SlidingWindow } from './rate-limiter.js';
import { SpotifyRateLimitWaitError } from './spotify.error.js';

/** Virtual time: sleeping advances the clock, so schedules are exact. */
function virtualClock(): Clock & { slept: number[] } {
  let now = 0;
  const slept: number[] = [];
  return {
    slept,
    now: () => now,
    sleep: async (ms) => {
      slept.push(ms);
      now += ms;
    },
  };
}

describe('SlidingWindow', () => {
  it('grants `limit` at once, then the next when the oldest leaves the window', () => {
    const w = new SlidingWindow(3, 1000);
    [0, 10, 20].forEach((t) => {
      expect(w.nextSlot(t)).toBe(t);
      w.record(t);
    });
    expect(w.nextSlot(30)).toBe(1000);
    w.record(1000);
    expect(w.nextSlot(1000)).toBe(1010);
    expect(w.nextSlot(5000)).toBe(5000);
  });

  it('rejects a non-positive limit or window', () => {
    expect(() => new SlidingWindow(0, 1000)).toThrow(RangeError);
    expect(() => new SlidingWindow(1, 0)).toThrow(RangeError);
  });
});

describe('RateLimiter', () => {
  const limits = { ...SPOTIFY_ENDPOINT_LIMIT_DEFAULTS, search: 2 };

  it('makes sequential callers wait for the global window', async () => {
    const clock = virtualClock();
    const limiter = new RateLimiter({
      requestsPerWindow: 2,
      windowMs: 100,
      endpointLimits: limits,
      maxWaitMs: 1000,
      clock,
    });
    const granted: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      await limiter.acquire('tracks');
      granted.push(clock.now());
    }
    expect(granted).toEqual([0, 0, 100, 100, 200]);
  });

  it('applies the endpoint window on top of the global one', async () => {
    const clock = virtualClock();
    const limiter = new RateLimiter({
      requestsPerWindow: 10,
      windowMs: 100,
      endpointLimits: limits,
      maxWaitMs: 1000,
      clock,
    });
    const granted: string[] = [];
    for (const endpoint of ['search', 'search', 'search', 'tracks'] as const) {
      await limiter.acquire(endpoint);
      granted.push(`${endpoint}@${clock.now()}`);
    }
    expect(granted).toEqual(['search@0', 'search@0', 'search@100', 'tracks@100']);
  });

  it('holds everyone until a 429 pause ends', async () => {
    const clock = virtualClock();
    const limiter = new RateLimiter({
      requestsPerWindow: 10,
      windowMs: 100,
      endpointLimits: limits,
      maxWaitMs: 5000,
      clock,
    });
    limiter.pauseUntil(1500);
    limiter.pauseUntil(700); // an earlier end never shortens a pause
    await limiter.acquire('tracks');
    expect(clock.now()).toBe(1500);
  });

  it('fails with a retriable error when the slot is beyond the maximum wait', async () => {
    const clock = virtualClock();
    const limiter = new RateLimiter({
      requestsPerWindow: 1,
      windowMs: 1000,
      endpointLimits: limits,
      maxWaitMs: 999,
      clock,
    });
    await limiter.acquire('tracks');
    const error = await limiter.acquire('tracks').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SpotifyRateLimitWaitError);
    expect(error).toMatchObject({ endpoint: 'tracks', waitMs: 1000, maxWaitMs: 999, retriable: true });
    expect(clock.slept).toEqual([]);
  });
});
