/**
 * Client-credentials app token (RFC 6749 §4.4 as Spotify implements it): POST
 * {accounts}/api/token with Basic id:secret, cached in memory only (never in Redis or logs)
 * until shortly before `expires_in`. Concurrent callers share one token request.
 */
import type { Clock } from './clock.js';
import { decode } from './decode.js';
import type { HttpResponse, HttpRequest } from './http-transport.js';
import { token as tokenDecoder } from './spotify-schemas.js';
import { messageOf, SpotifyAuthError, SpotifyNotConfiguredError, SpotifyResponseError } from './spotify.error.js';

/** Refresh this long before expiry so a token never expires in flight (Spotify issues 3600 s tokens). */
export const TOKEN_REFRESH_MARGIN_MS = 60_000;

export interface TokenProviderOptions {
  readonly clientId: string | null;
  readonly clientSecret: string | null;
  readonly accountsBaseUrl: string;
  readonly clock: Clock;
  /** Sends with the shared retry policy (5xx, network errors, timeouts). */
  readonly send: (request: HttpRequest) => Promise<HttpResponse>;
}

export class ClientCredentialsTokenProvider {
  private cached: { readonly value: string; readonly refreshAt: number } | null = null;
  private inFlight: Promise<string> | null = null;

  constructor(private readonly options: TokenProviderOptions) {}

  get configured(): boolean {
    return this.options.clientId !== null && this.options.clientSecret !== null;
  }

  async token(): Promise<string> {
    if (this.cached && this.options.clock.now() < this.cached.refreshAt) return this.cached.value;
    this.inFlight ??= this.fetchToken().finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  /** Drops the cached token if it is the one the API just rejected (another caller may have refreshed already). */
  invalidate(rejected: string): void {
    if (this.cached?.value === rejected) this.cached = null;
  }

  private async fetchToken(): Promise<string> {
    const { clientId, clientSecret, accountsBaseUrl, clock, send } = this.options;
    if (clientId === null || clientSecret === null) throw new SpotifyNotConfiguredError();
    const basic = Buffer.from(`${clientId}:${clientSecret}`).toString('base64');
    const res = await send({
      method: 'POST',
      url: `${accountsBaseUrl.replace(/\/+$/, '')}/api/token`,
      headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials',
      label: 'POST /api/token',
    });
    if (res.status === 400 || res.status === 401 || res.status === 403) throw new SpotifyAuthError(res.status);
    const body = decodeToken(res.body);
    const lifetimeMs = body.expires_in * 1000;
    // Short-lived tokens (tests, proxies) still get half their life before a refresh.
    const margin = Math.min(TOKEN_REFRESH_MARGIN_MS, lifetimeMs / 2);
    this.cached = { value: body.access_token, refreshAt: clock.now() + lifetimeMs - margin };
    return body.access_token;
  }
}

function decodeToken(body: unknown): { access_token: string; expires_in: number } {
  try {
    return decode(tokenDecoder, body);
  } catch (error) {
    throw new SpotifyResponseError('POST /api/token', messageOf(error));
  }
}
