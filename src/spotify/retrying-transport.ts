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

/** Since start: logical requests, HTTP attempts, retries, 429 answers, requests that failed for good. */
export interface SpotifyCallStats {
  readonly requests: number;
  readonly attempts: number;
  readonly retries: number;
  readonly rateLimited: number;
  readonly failures: number;
}

type Step = { readonly response: HttpResponse } | { readonly error: SpotifyError; readonly delayMs: number | null };

export class RetryingTransport {
  private readonly counts = { requests: 0, attempts: 0, retries: 0, rateLimited: 0, failures: 0 };

  constructor(private readonly options: RetryingTransportOptions) {}

  stats(): SpotifyCallStats {
    return { ...this.counts };
  }

  /** Runs `attempt` until it yields a response that is not worth retrying, or the attempts run out. */
  async run(label: string, attempt: () => Promise<HttpResponse>): Promise<HttpResponse> {
    const { retry, clock, random, log } = this.options;
    this.counts.requests += 1;
    for (let n = 1; ; n += 1) {
      const step = await this.step(label, attempt).catch((error: unknown) => {
        this.counts.failures += 1;
        throw error;
      });
      if ('response' in step) return step.response;
      if (n >= retry.maxAttempts) {
        this.counts.failures += 1;
        throw step.error;
      }
      this.counts.retries += 1;
      const delayMs = step.delayMs ?? backoffDelayMs(n, retry.backoff, random);
      log.warn({ request: label, attempt: n, delayMs, err: step.error }, 'spotify request will be retried');
      await clock.sleep(delayMs);
    }
  }

  private async step(label: string, attempt: () => Promise<HttpResponse>): Promise<Step> {
    let response: HttpResponse;
    this.counts.attempts += 1;
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
    this.counts.rateLimited += 1;
    const askedMs = parseRetryAfterMs(response.retryAfter, Date.now());
    if (askedMs !== null && askedMs > retry.maxRetryAfterMs) throw new SpotifyRateLimitedError(label, askedMs);
    if (askedMs === null) return { error: new SpotifyRateLimitedError(label, null), delayMs: null };
    const delayMs = withRetryAfterJitter(askedMs, random);
    onRateLimited?.(clock.now() + delayMs);
    return { error: new SpotifyRateLimitedError(label, askedMs), delayMs };
  }
}
