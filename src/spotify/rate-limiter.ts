/**
 * In-process request limits: a global sliding window (SPOTIFY_RPM per SPOTIFY_RATE_WINDOW_MS,
 * matching Spotify's rolling-window quota) and one window per endpoint. A request takes a
 * slot in both at the same instant, so no window ever holds more than its limit. Callers
 * wait for a slot up to `maxWaitMs`, then fail with a retriable SpotifyRateLimitWaitError.
 */
import type { SpotifyEndpoint } from '../config/config.js';
import type { Clock } from './clock.js';
import { SpotifyRateLimitWaitError } from './spotify.error.js';

/** The last `limit` grant times in a ring; a new grant fits once the oldest has left the window. */
export class SlidingWindow {
  private readonly grants: Float64Array;
  private count = 0;
  private oldest = 0;

  constructor(
    readonly limit: number,
    readonly windowMs: number,
  ) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`limit must be a positive integer, got ${limit}`);
    if (!(windowMs > 0)) throw new RangeError(`windowMs must be positive, got ${windowMs}`);
    this.grants = new Float64Array(limit);
  }

  /** Earliest time ≥ now at which a grant keeps every window of `windowMs` within `limit`. */
  nextSlot(now: number): number {
    return this.count < this.limit ? now : Math.max(now, this.grants[this.oldest] + this.windowMs);
  }

  record(at: number): void {
    if (this.count < this.limit) {
      this.grants[(this.oldest + this.count) % this.limit] = at;
      this.count += 1;
    } else {
      this.grants[this.oldest] = at;
      this.oldest = (this.oldest + 1) % this.limit;
    }
  }
}

export interface RateLimiterOptions {
  readonly requestsPerWindow: number;
  readonly windowMs: number;
  readonly endpointLimits: Readonly<Record<SpotifyEndpoint, number>>;
  readonly maxWaitMs: number;
  readonly clock: Clock;
}

export class RateLimiter {
  private readonly global: SlidingWindow;
  private readonly endpoints = new Map<SpotifyEndpoint, SlidingWindow>();
  private pausedUntil = 0;

  constructor(private readonly options: RateLimiterOptions) {
    this.global = new SlidingWindow(options.requestsPerWindow, options.windowMs);
    for (const [endpoint, limit] of Object.entries(options.endpointLimits) as [SpotifyEndpoint, number][]) {
      this.endpoints.set(endpoint, new SlidingWindow(limit, options.windowMs));
    }
  }

  /**
   * Resolves once a slot is taken. Waiters are not queued FIFO: each wakes at its computed
   * slot and re-checks, so a burst may reorder, but the max wait bounds any unfairness.
   */
  async acquire(endpoint: SpotifyEndpoint): Promise<void> {
    const { clock, maxWaitMs } = this.options;
    const deadline = clock.now() + maxWaitMs;
    const own = this.endpoints.get(endpoint);
    for (;;) {
      const now = clock.now();
      const slot = Math.max(this.pausedUntil, this.global.nextSlot(now), own?.nextSlot(now) ?? now);
      if (slot <= now) {
        this.global.record(now);
        own?.record(now);
        return;
      }
      if (slot > deadline) throw new SpotifyRateLimitWaitError(endpoint, Math.ceil(slot - now), maxWaitMs);
      await clock.sleep(slot - now);
    }
  }

  /** A 429 applies to the whole app: hold every request until Spotify's Retry-After has passed. */
  pauseUntil(at: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, at);
  }
}
