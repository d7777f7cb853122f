import { inspect } from 'node:util';
import { SpotifyTokenExpiredError } from '../../src/spotify/spotify.error.js';
import { FAKE_CLIENT_SECRET } from '../support/fake-spotify.js';
import { fakeTrack } from '../support/fake-spotify-data.js';
import { createHarness, type Harness } from './spotify-harness.js';

const USER = { userId: 'user-42@example.com', accessToken: 'user-access-token-9f8e7d' };
const TOP = { body: { items: [fakeTrack('t1'), { is_local: true, id: null, name: 'local.mp3' }], next: null } };

describe('Spotify client: tokens and secrets', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it('sends the user token on user endpoints and keys their cache by a SHA-256 of the user id', async () => {
    h.fake.script('GET', '/me/top/tracks', [TOP]);

    const tracks = await h.client.topTracks(USER, 'short_term');

    expect(tracks.map((t) => t.id)).toEqual(['t1']); // the local file is not a catalog track
    const [req] = h.fake.seen('GET', '/me/top/tracks');
    expect(req.authorization).toBe(`Bearer ${USER.accessToken}`);
    expect(Object.fromEntries(req.query)).toEqual({ limit: '50', time_range: 'short_term' });
    const keys = (await h.redisContents()).map((e) => e.key);
    // sha256('user-42@example.com')
    expect(keys).toEqual([
      `${h.prefix}spotify:top-tracks:short_term:12890d5149016f7897c87155be97d136bca72befa205ca566c06d2a5eabb7176`,
    ]);
  });

  it('maps a 401 on a user token to SpotifyTokenExpiredError without retrying', async () => {
    h.fake.script('GET', '/me/player/recently-played', [{ status: 401, body: { error: { status: 401 } } }]);

    const error = await h.client.recentlyPlayed(USER).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(SpotifyTokenExpiredError);
    expect(error).toMatchObject({ tokenKind: 'user', retriable: false });
    expect(h.fake.seen('GET', '/me/player/recently-played')).toHaveLength(1);
    expect(inspect(error, { depth: 10, showHidden: true })).not.toContain(USER.accessToken);
  });

  it('caches the app token and refreshes it exactly once on a 401', async () => {
    h.fake.route('GET', '/tracks', (req) =>
      req.authorization === 'Bearer app-token-1' && h.fake.seen('GET', '/tracks').length > 1
        ? { status: 401 }
        : { body: { tracks: [fakeTrack(req.query.get('ids') ?? '')] } },
    );

    await h.client.tracks(['t1']);
    await h.client.tracks(['t2']); // 401 (token revoked early) → refresh → retry
    await h.client.tracks(['t3']);

    expect(h.fake.seen('POST', '/api/token')).toHaveLength(2);
    expect(h.fake.seen('GET', '/tracks').map((r) => r.authorization)).toEqual([
      'Bearer app-token-1',
      'Bearer app-token-1',
      'Bearer app-token-2',
      'Bearer app-token-2',
    ]);
  });

  it('stops with SpotifyTokenExpiredError when the refreshed app token is rejected too', async () => {
    h.fake.script('GET', '/tracks', [{ status: 401 }]);

    await expect(h.client.tracks(['t1'])).rejects.toMatchObject({ name: 'SpotifyTokenExpiredError', tokenKind: 'app' });
    expect(h.fake.seen('POST', '/api/token')).toHaveLength(2);
    expect(h.fake.seen('GET', '/tracks')).toHaveLength(2);
  });

  it('writes no token, secret or raw user id to any log line, Redis key or value, or error', async () => {
    h.fake.script('GET', '/me/top/artists', [
      { status: 500 },
      { body: { items: [{ id: 'ar1', name: 'A', genres: ['indie'] }], next: null } },
    ]);
    h.fake.script('GET', '/tracks', [
      { destroySocket: true },
      { status: 503 },
      { body: { tracks: [fakeTrack('t1')] } },
    ]);
    h.fake.script('GET', '/me/player/recently-played', [{ status: 401 }]);

    await h.client.topArtists(USER);
    await h.client.tracks(['t1']);
    const error = await h.client.recentlyPlayed(USER).catch((e: unknown) => e);
    h.log.warn({ err: error, authorization: `Bearer ${USER.accessToken}` }, 'caller logs the error');

    const secrets = [USER.accessToken, ...h.fake.issuedTokens, FAKE_CLIENT_SECRET, USER.userId];
    const stored = (await h.redisContents()).flatMap((e) => [e.key, e.value ?? '']);
    const texts = { logs: h.logs.join('\n'), redis: stored.join('\n'), error: inspect(error, { depth: 10 }) };
    expect(h.logs.length).toBeGreaterThanOrEqual(3); // two retries and the caller's line
    expect(stored.length).toBeGreaterThan(0);
    for (const secret of secrets) {
      for (const [where, text] of Object.entries(texts))
        expect({ where, leaked: text.includes(secret) }).toEqual({ where, leaked: false });
    }
  });
});
