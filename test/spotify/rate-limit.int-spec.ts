import { fakeTrack } from '../support/fake-spotify-data.js';
import { createHarness, type Harness } from './spotify-harness.js';

/**
 * A slot is taken when the client sends; the server stamps arrival. Connection set-up on a
 * busy machine can bunch arrivals, so windows are checked this much shorter.
 */
const SLACK_MS = 100;

/** The largest number of arrivals inside any window of `windowMs` (server timestamps). */
function maxInWindow(times: readonly number[], windowMs: number): number {
  let most = 0;
  for (let i = 0, j = 0; j < times.length; j += 1) {
    while (times[j] - times[i] >= windowMs - SLACK_MS) i += 1;
    most = Math.max(most, j - i + 1);
  }
  return most;
}

const tracks = (req: { query: URLSearchParams }) => ({ body: { tracks: [fakeTrack(req.query.get('ids') ?? 'x')] } });

describe('Spotify client: rate limits', () => {
  let h: Harness;
  afterEach(async () => {
    await h.close();
  });

  it('spaces requests to the global limit (SPOTIFY_RPM per SPOTIFY_RATE_WINDOW_MS)', async () => {
    h = await createHarness({ SPOTIFY_RPM: '3', SPOTIFY_RATE_WINDOW_MS: '1000' });
    h.fake.route('GET', '/tracks', tracks);

    await Promise.all(Array.from({ length: 7 }, (_, i) => h.client.tracks([`t${i}`])));

    const times = h.fake.seen('GET', '/tracks').map((r) => r.at);
    expect(times).toHaveLength(7);
    expect(maxInWindow(times, 1000)).toBe(3);
    // 7 requests at 3 per second need two full windows between the first and the last.
    expect(times[6] - times[0]).toBeGreaterThanOrEqual(2000 - SLACK_MS);
  });

  it('applies a per-endpoint limit without slowing other endpoints', async () => {
    h = await createHarness({ SPOTIFY_RATE_WINDOW_MS: '1000', SPOTIFY_ENDPOINT_LIMITS: 'tracks=2' });
    h.fake.route('GET', '/tracks', tracks);
    h.fake.route('GET', '/artists', (req) => ({
      body: { artists: [{ id: req.query.get('ids'), name: 'A', genres: [] }] },
    }));

    const slow = Promise.all(Array.from({ length: 4 }, (_, i) => h.client.tracks([`t${i}`])));
    await Promise.all(Array.from({ length: 4 }, (_, i) => h.client.artists([`a${i}`])));
    await slow;

    const trackTimes = h.fake.seen('GET', '/tracks').map((r) => r.at);
    const artistTimes = h.fake.seen('GET', '/artists').map((r) => r.at);
    expect(maxInWindow(trackTimes, 1000)).toBe(2);
    expect(trackTimes[3] - trackTimes[0]).toBeGreaterThanOrEqual(1000 - SLACK_MS);
    expect(artistTimes[3] - trackTimes[0]).toBeLessThan(1000 - SLACK_MS);
  });

  it('fails with SpotifyRateLimitWaitError when no slot frees within the maximum wait', async () => {
    h = await createHarness({ SPOTIFY_RPM: '1', SPOTIFY_RATE_WINDOW_MS: '60000', SPOTIFY_MAX_QUEUE_WAIT_MS: '100' });
    h.fake.route('GET', '/tracks', tracks);

    await h.client.tracks(['t1']);
    await expect(h.client.tracks(['t2'])).rejects.toMatchObject({
      name: 'SpotifyRateLimitWaitError',
      endpoint: 'tracks',
      maxWaitMs: 100,
      retriable: true,
    });
    expect(h.fake.seen('GET', '/tracks')).toHaveLength(1);
  });
});
