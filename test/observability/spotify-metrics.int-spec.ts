/** Spotify calls, retries, 429s and cache use as series, against the fake Spotify server. */
import { parsePrometheusText, sum } from '../../src/dashboard/prometheus-text.js';
import { registerSpotifyMetrics } from '../../src/observability/metrics/spotify.metrics.js';
import { createMetricsRegistry } from '../../src/observability/metrics/metrics-registry.js';
import { fakeTrack } from '../support/fake-spotify-data.js';
import { createHarness, type Harness } from '../spotify/spotify-harness.js';

describe('Spotify metrics', () => {
  let h: Harness;

  afterAll(async () => {
    await h?.close();
  });

  it('counts requests, attempts, retries, 429s, failures and cache hits', async () => {
    h = await createHarness({ SPOTIFY_MAX_ATTEMPTS: '2' });
    const registry = createMetricsRegistry();
    registerSpotifyMetrics(registry, h.client);
    const ok = { body: { tracks: [fakeTrack('t1')] } };
    h.fake.script('GET', '/tracks', [{ status: 429, headers: { 'retry-after': '0' } }, ok]);
    await h.client.tracks(['t1']); // 429, retried, answered and cached
    await h.client.tracks(['t1']); // from the cache
    h.fake.script('GET', '/artists', [{ status: 500 }, { status: 503 }]);
    await expect(h.client.artists(['ar1'])).rejects.toThrow(/503/);

    const samples = parsePrometheusText(await registry.metrics());
    const value = (name: string, where: Record<string, string> = {}) => sum(samples, name, where);
    // Requests include the client-credentials token request made before the first call.
    expect(value('music_spotify_requests_total')).toBe(3);
    expect(value('music_spotify_attempts_total')).toBe(5);
    expect(value('music_spotify_retries_total')).toBe(2);
    expect(value('music_spotify_rate_limited_total')).toBe(1);
    expect(value('music_spotify_failures_total')).toBe(1);
    expect(value('music_cache_requests_total', { cache: 'spotify_responses', result: 'hit' })).toBe(1);
    expect(value('music_cache_requests_total', { cache: 'spotify_responses', result: 'miss' })).toBe(2);
  });
});
