/**
 * One HTTP exchange with a deadline covering headers and body. Turns transport failures
 * into typed errors; the body of a failed response is never read into an error.
 */
import { SpotifyNetworkError, SpotifyResponseError, SpotifyTimeoutError } from './spotify.error.js';

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export interface HttpRequest {
  readonly method: 'GET' | 'POST';
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  /** `GET /audio-features`: what errors and logs name instead of the URL (no query, no token). */
  readonly label: string;
}

export interface HttpResponse {
  readonly status: number;
  readonly retryAfter: string | null;
  /** Parsed JSON for 2xx responses; undefined otherwise (never read, never logged). */
  readonly body: unknown;
}

export async function sendOnce(request: HttpRequest, timeoutMs: number, fetchFn: FetchLike): Promise<HttpResponse> {
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const res = await fetchFn(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      signal,
    });
    if (res.status < 200 || res.status >= 300) {
      await res.body?.cancel();
      return { status: res.status, retryAfter: res.headers.get('retry-after'), body: undefined };
    }
    const text = await res.text();
    return { status: res.status, retryAfter: null, body: parseJson(text, request.label) };
  } catch (error) {
    if (error instanceof SpotifyResponseError) throw error;
    // Our timeout signal is the only abort source, whichever name the abort surfaces under.
    if (signal.aborted) throw new SpotifyTimeoutError(request.label, timeoutMs);
    throw new SpotifyNetworkError(request.label, rootCause(error));
  }
}

function parseJson(text: string, label: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new SpotifyResponseError(label, 'body is not JSON');
  }
}

/** undici wraps socket errors as TypeError('fetch failed', { cause }); the cause says what happened. */
function rootCause(error: unknown): unknown {
  const cause = typeof error === 'object' && error !== null ? (error as { cause?: unknown }).cause : undefined;
  return cause ?? error;
}
