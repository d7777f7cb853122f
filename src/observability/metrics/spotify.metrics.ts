/** Spotify Web API use, for a process that holds a client: calls, retries, 429s and its caches. */
import type { Registry } from 'prom-client';
import type { SpotifyClient } from '../../spotify/spotify.client.js';
import { CACHE_HELP, METRIC } from './metric-names.js';
import { cumulativeCounter, sharedCounter } from './metrics-registry.js';

export function registerSpotifyMetrics(registry: Registry, client: SpotifyClient): void {
  const calls = (name: string, help: string, read: () => number): void => {
    cumulativeCounter(registry, { name, help, read: () => [[{}, read()]] });
  };
  calls(
    METRIC.spotifyRequests,
    'Logical Spotify API requests (each may take several attempts).',
    () => client.callStats().requests,
  );
  calls(METRIC.spotifyAttempts, 'HTTP attempts sent to Spotify.', () => client.callStats().attempts);
  calls(
    METRIC.spotifyRetries,
    'Attempts repeated after a 5xx, a network error, a timeout or a 429.',
    () => client.callStats().retries,
  );
  calls(METRIC.spotifyRateLimited, 'Answers 429 Too Many Requests from Spotify.', () => client.callStats().rateLimited);
  calls(METRIC.spotifyFailures, 'Requests that failed after their last attempt.', () => client.callStats().failures);
  sharedCounter(registry, {
    name: METRIC.cacheRequests,
    help: CACHE_HELP,
    labelNames: ['cache', 'result'],
    read: () =>
      Object.entries(client.cacheStats()).flatMap(([name, s]) => {
        const cache = `spotify_${name}`;
        return [
          [{ cache, result: 'hit' }, s.hits],
          [{ cache, result: 'miss' }, s.misses],
          [{ cache, result: 'error' }, s.errors],
        ] as const;
      }),
  });
}
