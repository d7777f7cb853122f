/**
 * Typed failures of the Spotify client. Messages name the method and path only: never a
 * header, a token or a response body (a body may echo what we sent). `retriable` follows
 * the house rule: an unavailable dependency is worth retrying later, bad input is not.
 */
export abstract class SpotifyError extends Error {
  abstract readonly retriable: boolean;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** 5xx after every attempt, or a status we cannot act on (400, an unexpected 403/404). */
export class SpotifyHttpError extends SpotifyError {
  readonly retriable: boolean;
  constructor(
    readonly status: number,
    readonly request: string,
  ) {
    super(`Spotify ${request} failed with HTTP ${status}`);
    this.retriable = status >= 500;
  }
}

/** The connection failed or was closed before a response (after every attempt). */
export class SpotifyNetworkError extends SpotifyError {
  readonly retriable = true;
  constructor(
    readonly request: string,
    cause: unknown,
  ) {
    // Only the cause's message: undici errors carry no headers, but keep the surface minimal.
    super(`Spotify ${request} network error: ${messageOf(cause)}`);
  }
}

export class SpotifyTimeoutError extends SpotifyError {
  readonly retriable = true;
  constructor(
    readonly request: string,
    readonly timeoutMs: number,
  ) {
    super(`Spotify ${request} timed out after ${timeoutMs} ms`);
  }
}

/** 401: the access token is expired or revoked. A user token must be refreshed by the caller. */
export class SpotifyTokenExpiredError extends SpotifyError {
  readonly retriable = false;
  constructor(
    readonly request: string,
    readonly tokenKind: 'user' | 'app',
  ) {
    super(`Spotify ${request} rejected the ${tokenKind} access token (HTTP 401): refresh it`);
  }
}

/** The accounts service refused the client credentials (wrong id/secret): fix the configuration. */
export class SpotifyAuthError extends SpotifyError {
  readonly retriable = false;
  constructor(readonly status: number) {
    super(`Spotify accounts service refused the client credentials (HTTP ${status})`);
  }
}

/** No SPOTIFY_CLIENT_ID/SPOTIFY_CLIENT_SECRET, yet an app token was needed. */
export class SpotifyNotConfiguredError extends SpotifyError {
  readonly retriable = false;
  constructor() {
    super('Spotify client credentials are not configured (SPOTIFY_CLIENT_ID, SPOTIFY_CLIENT_SECRET)');
  }
}

/**
 * 403/404 from an endpoint Spotify closed to new apps (audio features and recommendations,
 * since 27 Nov 2024). Not retriable: callers fall back to our own sources.
 */
export class SpotifyEndpointUnavailableError extends SpotifyError {
  readonly retriable = false;
  constructor(
    readonly endpoint: string,
    readonly status: number,
  ) {
    super(`Spotify endpoint ${endpoint} is unavailable to this app (HTTP ${status})`);
  }
}

/** 429 whose Retry-After exceeds what we are willing to block for, or 429 on every attempt. */
export class SpotifyRateLimitedError extends SpotifyError {
  readonly retriable = true;
  constructor(
    readonly request: string,
    readonly retryAfterMs: number | null,
  ) {
    super(`Spotify ${request} is rate limited${retryAfterMs === null ? '' : ` for ${retryAfterMs} ms`}`);
  }
}

/** No local rate-limit slot within the maximum wait: the client is saturated. */
export class SpotifyRateLimitWaitError extends SpotifyError {
  readonly retriable = true;
  constructor(
    readonly endpoint: string,
    readonly waitMs: number,
    readonly maxWaitMs: number,
  ) {
    super(`Spotify ${endpoint}: next rate-limit slot in ${waitMs} ms exceeds the maximum wait of ${maxWaitMs} ms`);
  }
}

/** The body is not the JSON shape we rely on; retrying would get the same body. */
export class SpotifyResponseError extends SpotifyError {
  readonly retriable = false;
  constructor(
    readonly request: string,
    readonly problem: string,
  ) {
    super(`Spotify ${request} returned an unexpected body: ${problem}`);
  }
}

/** A call the API would reject anyway (e.g. 6 recommendation seeds). */
export class SpotifyInputError extends SpotifyError {
  readonly retriable = false;
}

/**
 * An error's message, also for errors from another realm (Jest's VM contexts, undici's own
 * classes), where `instanceof Error` is false.
 */
export function messageOf(error: unknown): string {
  const message = typeof error === 'object' && error !== null ? (error as { message?: unknown }).message : undefined;
  return typeof message === 'string' ? message : String(error);
}
