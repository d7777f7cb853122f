/**
 * Body of POST /v1/users/:userId/session: `{}` (or no body), or
 * `{ "spotifyAccessToken": "<user OAuth token>" }`. Messages never echo the token.
 */
import { invalidInput } from '../gateway.error.js';

export interface SessionBody {
  readonly spotifyAccessToken: string | null;
}

/** Spotify access tokens are a few hundred characters of URL-safe text; 4096 leaves room. */
export const MAX_TOKEN_LENGTH = 4096;
const TOKEN_PATTERN = /^[\x21-\x7e]+$/;

export function parseSessionBody(body: unknown): SessionBody {
  if (body === undefined || body === null) return { spotifyAccessToken: null };
  if (typeof body !== 'object' || Array.isArray(body)) {
    throw invalidInput('body', 'body must be a JSON object, e.g. {} or {"spotifyAccessToken": "…"}');
  }
  const fields = body as Record<string, unknown>;
  const unknown = Object.keys(fields).find((k) => k !== 'spotifyAccessToken');
  if (unknown !== undefined) {
    throw invalidInput(`body.${unknown}`, `body.${unknown} is not a field; the only field is spotifyAccessToken`);
  }
  const token = fields.spotifyAccessToken;
  if (token === undefined || token === null) return { spotifyAccessToken: null };
  if (typeof token !== 'string' || token.length > MAX_TOKEN_LENGTH || !TOKEN_PATTERN.test(token)) {
    throw invalidInput(
      'body.spotifyAccessToken',
      `body.spotifyAccessToken must be a string of 1–${MAX_TOKEN_LENGTH} printable characters without spaces`,
    );
  }
  return { spotifyAccessToken: token };
}
