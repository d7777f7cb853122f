/**
 * Authorised GETs against the Web API: a rate-limit slot per HTTP attempt, the right
 * bearer token, the retry loop, and the meaning of each final status for this endpoint.
 * Bodies are decoded at this boundary; a malformed body is a SpotifyResponseError.
 */
import type { SpotifyEndpoint } from '../config/config.js';
import { decode, type Decoder } from './decode.js';
import { type FetchLike, type HttpResponse, sendOnce } from './http-transport.js';
import type { RateLimiter } from './rate-limiter.js';
import type { RetryingTransport } from './retrying-transport.js';
import { classifyStatus } from './retry-policy.js';
import {
  messageOf,
  SpotifyEndpointUnavailableError,
  SpotifyHttpError,
  SpotifyResponseError,
  SpotifyTokenExpiredError,
} from './spotify.error.js';
import type { ClientCredentialsTokenProvider } from './token-provider.js';

/** App calls use the client-credentials token; user calls carry the user's own access token. */
export type SpotifyAuth = { readonly kind: 'app' } | { readonly kind: 'user'; readonly accessToken: string };

export interface ApiRequest<T> {
  readonly endpoint: SpotifyEndpoint;
  /** `/path?query` under the API base URL, or an absolute `next` link from a previous page. */
  readonly path: string;
  readonly auth: SpotifyAuth;
  readonly decoder: Decoder<T>;
  /** 403/404 mean "closed to this app" (audio features, recommendations since Nov 2024). */
  readonly closedOnForbidden?: boolean;
}

export interface SpotifyApiOptions {
  readonly apiBaseUrl: string;
  readonly timeoutMs: number;
  readonly transport: RetryingTransport;
  readonly limiter: RateLimiter;
  readonly tokens: ClientCredentialsTokenProvider;
  readonly fetch: FetchLike;
}

export class SpotifyApi {
  private readonly base: string;
  /** `/v1` for the real API: stripped from labels so they name the endpoint. */
  private readonly basePath: string;

  constructor(private readonly options: SpotifyApiOptions) {
    this.base = options.apiBaseUrl.replace(/\/+$/, '');
    this.basePath = new URL(this.base).pathname.replace(/\/+$/, '');
  }

  async get<T>(request: ApiRequest<T>): Promise<T> {
    const url = this.resolve(request.path);
    const label = `GET ${new URL(url).pathname.slice(this.basePath.length)}`;
    const response = await this.options.transport.run(label, () => this.attempt(request, url, label));
    return this.interpret(request, response, label);
  }

  /** One HTTP attempt; a 401 on the app token refreshes it once and resends (it may be revoked early). */
  private async attempt<T>(request: ApiRequest<T>, url: string, label: string): Promise<HttpResponse> {
    const { limiter, tokens } = this.options;
    const token = request.auth.kind === 'user' ? request.auth.accessToken : await tokens.token();
    // The slot is taken right before sending: a slot taken while a token request is in flight
    // would let requests bunch up on the wire beyond the limit.
    await limiter.acquire(request.endpoint);
    const first = await this.send(url, token, label);
    if (first.status !== 401 || request.auth.kind === 'user') return first;
    tokens.invalidate(token);
    const fresh = await tokens.token();
    await limiter.acquire(request.endpoint);
    return this.send(url, fresh, label);
  }

  private send(url: string, token: string, label: string): Promise<HttpResponse> {
    const headers = { authorization: `Bearer ${token}`, accept: 'application/json' };
    return sendOnce({ method: 'GET', url, headers, label }, this.options.timeoutMs, this.options.fetch);
  }

  private interpret<T>(request: ApiRequest<T>, response: HttpResponse, label: string): T {
    switch (classifyStatus(response.status)) {
      case 'ok':
        return decodeBody(request.decoder, response.body, label);
      case 'unauthorized':
        throw new SpotifyTokenExpiredError(label, request.auth.kind);
      case 'forbidden-or-missing':
        if (request.closedOnForbidden) throw new SpotifyEndpointUnavailableError(request.endpoint, response.status);
        throw new SpotifyHttpError(response.status, label);
      default:
        throw new SpotifyHttpError(response.status, label);
    }
  }

  /** Pagination links are followed only inside the API base URL: the bearer token must not leave it. */
  private resolve(path: string): string {
    if (path.startsWith('/')) return `${this.base}${path}`;
    if (path.startsWith(`${this.base}/`)) return path;
    throw new SpotifyResponseError('GET (next page)', 'pagination link outside the API base URL');
  }
}

function decodeBody<T>(decoder: Decoder<T>, body: unknown, label: string): T {
  try {
    return decode(decoder, body);
  } catch (error) {
    throw new SpotifyResponseError(label, messageOf(error));
  }
}
