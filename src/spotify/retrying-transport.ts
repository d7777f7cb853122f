/**
 * The retry loop around one logical request: exponential backoff with full jitter on 5xx,
 * network errors and timeouts; 429 waits for Retry-After (plus ≤ 10% jitter). Every other
 * response goes back to the caller, which knows what a 401 or 404 means for its endpoint.
 */
import type { Logger } from '../infra/logging/logger.js';
import type { Clock } from './clock.js';
import type { HttpResponse } from './http-transport.js';
import {
  backoffDelayMs,
  type BackoffOptions,
  classifyStatus,
  parseRetryAfterMs,
  withRetryAfterJitter,
} from './retry-policy.js';
import {
  type SpotifyError,
  SpotifyHttpError,
  SpotifyNetworkError,
  SpotifyRateLimitedError,
  SpotifyTimeoutError,
} from './spotify.error.js';

export interface RetryOptions {
  /** Attempts in all, the first included. */
  readonly maxAttempts: number;
  readonly backoff: BackoffOptions;
  /** Longer Retry-After values fail at once rather than hold a worker (Spotify has sent hours). */
  readonly maxRetryAfterMs: number;
}

export interface RetryingTransportOptions {
  readonly retry: RetryOptions;
  readonly clock: Clock;
  readonly random: () => number;
  readonly log: Logger;
  /** Told when Spotify asked us to back off until a monotonic time (the limiter pauses everyone). */
  readonly onRateLimited?: (untilMs: number) => void;
}

type Step = { readonly response: HttpResponse } | { readonly error: SpotifyError; readonly delayMs: number | null };

export class RetryingTransport {
  constructor(private readonly options: RetryingTransportOptions) {}

  /** Runs `attempt` until it yields a response that is not worth retrying, or the attempts run out. */
  async run(label: string, attempt: () => Promise<HttpResponse>): Promise<HttpResponse> {
    const { retry, clock, random, log } = this.options;
    for (let n = 1; ; n += 1) {
      const step = await this.step(label, attempt);
      if ('response' in step) return step.response;
      if (n >= retry.maxAttempts) throw step.error;
      const delayMs = step.delayMs ?? backoffDelayMs(n, retry.backoff, random);
      log.warn({ request: label, attempt: n, delayMs, err: step.error }, 'spotify request will be retried');
      await clock.sleep(delayMs);
    }
  }

  private async step(label: string, attempt: () => Promise<HttpResponse>): Promise<Step> {
    let response: HttpResponse;
    try {
      response = await attempt();
    } catch (error) {
      if (error instanceof SpotifyTimeoutError || error instanceof SpotifyNetworkError) return { error, delayMs: null };
      throw error;
    }
    const kind = classifyStatus(response.status);
    if (kind === 'server-error') return { error: new SpotifyHttpError(response.status, label), delayMs: null };
    if (kind === 'rate-limited') return this.rateLimited(label, response);
    return { response };
  }

  private rateLimited(label: string, response: HttpResponse): Step {
    const { retry, clock, random, onRateLimited } = this.options;
    const askedMs = parseRetryAfterMs(response.retryAfter, Date.now());
    if (askedMs !== null && askedMs > retry.maxRetryAfterMs) throw new SpotifyRateLimitedError(label, askedMs);
    if (askedMs === null) return { error: new SpotifyRateLimitedError(label, null), delayMs: null };
    const delayMs = withRetryAfterJitter(askedMs, random);
    onRateLimited?.(clock.now() + delayMs);
    return { error: new SpotifyRateLimitedError(label, askedMs), delayMs };
  }
}
