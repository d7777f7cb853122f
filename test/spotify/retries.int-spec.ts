import { SpotifyTimeoutError } from '../../src/spotify/spotify.error.js';
import { fakeTrack } from '../support/fake-spotify-data.js';
import { waitFor } from '../support/wait-for.js';
import { createHarness, type Harness } from './spotify-harness.js';

const OK = { body: { tracks: [fakeTrack('t1'), fakeTrack('t2')] } };

describe('Spotify client: retries and timeouts', () => {
  let h: Harness;
  afterEach(async () => {
    await h.close();
  });

  it('waits at least Retry-After after a 429, then succeeds', async () => {
    h = await createHarness();
    h.fake.script('GET', '/tracks', [{ status: 429, headers: { 'retry-after': '1' } }, OK]);

    const tracks = await h.client.tracks(['t1', 't2']);

    expect(tracks.map((t) => t?.id)).toEqual(['t1', 't2']);
    const [limited, retried] = h.fake.seen('GET', '/tracks');
    expect(retried.at - limited.at).toBeGreaterThanOrEqual(1000);
    // Retry-After plus at most 10% jitter, with room for a slow machine.
    expect(retried.at - limited.at).toBeLessThan(1100 + 500);
  });

  it('holds other requests while a 429 is in force (the quota is app-wide)', async () => {
    h = await createHarness();
    h.fake.script('GET', '/tracks', [{ status: 429, headers: { 'retry-after': '1' } }, OK]);
    h.fake.script('GET', '/artists', [{ body: { artists: [{ id: 'ar1', name: 'A', genres: ['pop'] }] } }]);

    const tracks = h.client.tracks(['t1', 't2']);
    // The retry is logged after the client has taken in the 429 (and paused the limiter).
    await waitFor(() => h.logs.some((l) => l.includes('spotify request will be retried')), { intervalMs: 5 });
    await h.client.artists(['ar1']);
    await tracks;

    const [limited] = h.fake.seen('GET', '/tracks');
    const [artists] = h.fake.seen('GET', '/artists');
    expect(artists.at - limited.at).toBeGreaterThanOrEqual(1000);
  });

  it('retries a 500 and succeeds', async () => {
    h = await createHarness();
    h.fake.script('GET', '/tracks', [{ status: 500 }, OK]);

    expect((await h.client.tracks(['t1', 't2'])).map((t) => t?.id)).toEqual(['t1', 't2']);
    expect(h.fake.seen('GET', '/tracks')).toHaveLength(2);
  });

  it('retries when the server closes the socket, and succeeds', async () => {
    h = await createHarness();
    h.fake.script('GET', '/tracks', [{ destroySocket: true }, OK]);

    expect((await h.client.tracks(['t1', 't2'])).map((t) => t?.id)).toEqual(['t1', 't2']);
    expect(h.fake.seen('GET', '/tracks')).toHaveLength(2);
    const retry = h.logs.map((l) => JSON.parse(l) as { msg: string; err?: { type: string } });
    const [first] = retry.filter((l) => l.msg === 'spotify request will be retried');
    expect(first.err).toEqual({
      type: 'SpotifyNetworkError',
      message: 'Spotify GET /tracks network error: other side closed',
    });
  });

  it('gives up after the configured attempts with a retriable HTTP error', async () => {
    h = await createHarness({ SPOTIFY_MAX_ATTEMPTS: '3' });
    h.fake.script('GET', '/tracks', [{ status: 503 }]);

    await expect(h.client.tracks(['t1'])).rejects.toMatchObject({
      name: 'SpotifyHttpError',
      status: 503,
      retriable: true,
    });
    expect(h.fake.seen('GET', '/tracks')).toHaveLength(3);
  });

  it('turns a slow response into a retriable SpotifyTimeoutError', async () => {
    h = await createHarness({ SPOTIFY_REQUEST_TIMEOUT_MS: '200', SPOTIFY_MAX_ATTEMPTS: '2' });
    h.fake.script('GET', '/tracks', [{ ...OK, delayMs: 1000 }]);

    const error = await h.client.tracks(['t1']).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(SpotifyTimeoutError);
    expect(error).toMatchObject({
      retriable: true,
      timeoutMs: 200,
      message: 'Spotify GET /tracks timed out after 200 ms',
    });
    expect(h.fake.seen('GET', '/tracks')).toHaveLength(2);
  });

  it('fails at once (retriable) when Retry-After exceeds the configured maximum', async () => {
    h = await createHarness({ SPOTIFY_MAX_RETRY_AFTER_SECONDS: '5' });
    h.fake.script('GET', '/tracks', [{ status: 429, headers: { 'retry-after': '3600' } }]);

    await expect(h.client.tracks(['t1'])).rejects.toMatchObject({
      name: 'SpotifyRateLimitedError',
      retryAfterMs: 3_600_000,
      retriable: true,
    });
    expect(h.fake.seen('GET', '/tracks')).toHaveLength(1);
  });

  it('reports a malformed body as a non-retriable SpotifyResponseError naming the field', async () => {
    h = await createHarness();
    h.fake.script('GET', '/tracks', [{ body: { tracks: [{ ...fakeTrack('t1'), duration_ms: 'long' }] } }]);

    await expect(h.client.tracks(['t1'])).rejects.toMatchObject({
      name: 'SpotifyResponseError',
      retriable: false,
      message: 'Spotify GET /tracks returned an unexpected body: tracks[0].duration_ms: expected a finite number',
    });
  });
});
