import { GatewayError } from '../gateway.error.js';
import { MAX_TOKEN_LENGTH, parseSessionBody } from './session-body.js';

const TOKEN = 'BQD4-secret_token.value~1';

function rejection(body: unknown): { field?: string; message: string } {
  try {
    parseSessionBody(body);
  } catch (error) {
    if (error instanceof GatewayError && error.status === 400)
      return { field: error.details.field, message: error.message };
    throw error;
  }
  throw new Error('expected a 400');
}

describe('parseSessionBody', () => {
  it.each([
    [undefined, null],
    [{}, null],
    [{ spotifyAccessToken: null }, null],
    [{ spotifyAccessToken: TOKEN }, TOKEN],
  ])('reads %p', (body, token) => {
    expect(parseSessionBody(body)).toEqual({ spotifyAccessToken: token });
  });

  it.each([
    ['a string', 'body'],
    [[TOKEN], 'body'],
    [{ spotifyToken: TOKEN }, 'body.spotifyToken'],
    [{ spotifyAccessToken: '' }, 'body.spotifyAccessToken'],
    [{ spotifyAccessToken: `${TOKEN} x` }, 'body.spotifyAccessToken'],
    [{ spotifyAccessToken: 42 }, 'body.spotifyAccessToken'],
    [{ spotifyAccessToken: 'x'.repeat(MAX_TOKEN_LENGTH + 1) }, 'body.spotifyAccessToken'],
  ])('rejects %p naming %s, without echoing the token', (body, field) => {
    const { field: actual, message } = rejection(body);
    expect(actual).toBe(field);
    expect(message).not.toContain(TOKEN);
  });
});
