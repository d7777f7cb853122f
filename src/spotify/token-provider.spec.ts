import type { Clock } from './clock.js';
import type { HttpRequest, HttpResponse } from './http-transport.js';
import { SpotifyAuthError, SpotifyNotConfiguredError, SpotifyResponseError } from './spotify.error.js';
import { ClientCredentialsTokenProvider } from './token-provider.js';

function setup(
  responses: HttpResponse[],
  credentials: { clientId: string | null; clientSecret: string | null } = { clientId: 'id', clientSecret: 'secret' },
) {
  let now = 0;
  const clock: Clock = { now: () => now, sleep: async () => {} };
  const sent: HttpRequest[] = [];
  const provider = new ClientCredentialsTokenProvider({
    ...credentials,
    accountsBaseUrl: 'https://accounts.example/',
    clock,
    send: async (request) => {
      sent.push(request);
      return responses[Math.min(sent.length - 1, responses.length - 1)];
    },
  });
  return { provider, sent, advance: (ms: number) => (now += ms) };
}

const token = (value: string, expiresIn = 3600): HttpResponse => ({
  status: 200,
  retryAfter: null,
  body: { access_token: value, token_type: 'Bearer', expires_in: expiresIn },
});

describe('ClientCredentialsTokenProvider', () => {
  it('posts Basic id:secret and the grant type to /api/token', async () => {
    const { provider, sent } = setup([token('t1')]);
    expect(await provider.token()).toBe('t1');
    expect(sent).toEqual([
      {
        method: 'POST',
        url: 'https://accounts.example/api/token',
        headers: { authorization: 'Basic aWQ6c2VjcmV0', 'content-type': 'application/x-www-form-urlencoded' },
        body: 'grant_type=client_credentials',
        label: 'POST /api/token',
      },
    ]);
  });

  it('reuses the token until 60 s before expiry', async () => {
    const { provider, sent, advance } = setup([token('t1'), token('t2')]);
    await provider.token();
    advance(3540_000 - 1);
    expect(await provider.token()).toBe('t1');
    advance(1);
    expect(await provider.token()).toBe('t2');
    expect(sent).toHaveLength(2);
  });

  it('refreshes a short-lived token at half its life', async () => {
    const { provider, advance } = setup([token('t1', 10), token('t2', 10)]);
    await provider.token();
    advance(4999);
    expect(await provider.token()).toBe('t1');
    advance(1);
    expect(await provider.token()).toBe('t2');
  });

  it('shares one request between concurrent callers', async () => {
    const { provider, sent } = setup([token('t1')]);
    expect(await Promise.all([provider.token(), provider.token(), provider.token()])).toEqual(['t1', 't1', 't1']);
    expect(sent).toHaveLength(1);
  });

  it('invalidates only the token that was rejected', async () => {
    const { provider, sent } = setup([token('t1'), token('t2')]);
    await provider.token();
    provider.invalidate('an-older-token');
    expect(await provider.token()).toBe('t1');
    provider.invalidate('t1');
    expect(await provider.token()).toBe('t2');
    expect(sent).toHaveLength(2);
  });

  it.each([
    [{ status: 400, retryAfter: null, body: undefined }, SpotifyAuthError],
    [{ status: 200, retryAfter: null, body: { token_type: 'Bearer' } }, SpotifyResponseError],
  ])('fails with a typed error on %j', async (response, type) => {
    const { provider } = setup([response]);
    await expect(provider.token()).rejects.toBeInstanceOf(type);
  });

  it('fails clearly without credentials, without calling the accounts service', async () => {
    const { provider, sent } = setup([token('t1')], { clientId: 'id', clientSecret: null });
    await expect(provider.token()).rejects.toBeInstanceOf(SpotifyNotConfiguredError);
    expect(provider.configured).toBe(false);
    expect(sent).toEqual([]);
  });
});
