/**
 * Pure retry arithmetic: the backoff schedule, Retry-After parsing and what each HTTP
 * status means for a retry. Randomness and time come in as arguments so the schedule is
 * table-testable.
 */
export interface BackoffOptions {
  readonly baseMs: number;
  readonly maxMs: number;
}

/**
 * "Full jitter" (AWS Architecture Blog, "Exponential Backoff and Jitter", 2015): uniform in
 * [0, min(max, base·2^(retry-1))). Spreads synchronised clients better than equal jitter.
 * `retry` is 1 for the first retry.
 */
export function backoffDelayMs(retry: number, options: BackoffOptions, random: () => number): number {
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** (retry - 1));
  return Math.floor(random() * ceiling);
}

/**
 * Retry-After in ms: delta-seconds (what Spotify sends) or an HTTP-date (RFC 9110 §10.2.3).
 * Null when absent or unreadable, so the caller falls back to its backoff schedule.
 */
export function parseRetryAfterMs(header: string | null, nowEpochMs: number): number | null {
  if (header === null) return null;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  if (!/[a-z]/i.test(text)) return null; // "1.5", "-3": neither form
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, at - nowEpochMs);
}

/** Waits at least what the server asked, plus up to 10% so clients released together spread out. */
export function withRetryAfterJitter(retryAfterMs: number, random: () => number): number {
  return retryAfterMs + Math.floor(retryAfterMs * 0.1 * random());
}

export type StatusClass = 'ok' | 'unauthorized' | 'forbidden-or-missing' | 'rate-limited' | 'server-error' | 'fail';

export function classifyStatus(status: number): StatusClass {
  if (status >= 200 && status < 300) return 'ok';
  if (status === 401) return 'unauthorized';
  if (status === 403 || status === 404) return 'forbidden-or-missing';
  if (status === 429) return 'rate-limited';
  if (status >= 500) return 'server-error';
  return 'fail';
}
