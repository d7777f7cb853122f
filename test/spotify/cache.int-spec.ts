import { createRedis } from '../../src/infra/redis/redis-client.js';
import { redisKeyValueStore } from '../../src/spotify/redis-kv.store.js';
import { fakeTrack } from '../support/fake-spotify-data.js';
import { waitFor } from '../support/wait-for.js';
import { createHarness, type Harness } from './spotify-harness.js';

const USER = { userId: 'cache-user', accessToken: 'user-token-cache' };

describe('Spotify client: Redis cache', () => {
  let h: Harness;
  afterEach(async () => {
    await h.close();
  });

  it('answers the second call from Redis, counts hits and misses per cache, and sets the TTLs', async () => {
    h = await createHarness();
    h.fake.script('GET', '/search', [{ body: { tracks: { items: [fakeTrack('s1')], next: null } } }]);
    h.fake.script('GET', '/me/top/artists', [
      { body: { items: [{ id: 'a1', name: 'A', genres: ['rock'] }], next: null } },
    ]);

    const first = await h.client.searchTracks('daft punk', 10);
    const second = await h.client.searchTracks('daft punk', 10);
    await h.client.topArtists(USER);
    await h.client.topArtists(USER);

    expect(second).toEqual(first);
    expect(h.fake.seen('GET', '/search')).toHaveLength(1);
    expect(h.fake.seen('GET', '/me/top/artists')).toHaveLength(1);
    expect(h.client.cacheStats()).toEqual({
      responses: { hits: 1, misses: 1, errors: 0 },
      audioFeatures: { hits: 0, misses: 0, errors: 0 },
      userData: { hits: 1, misses: 1, errors: 0 },
    });
    // Keys: <prefix>spotify:<kind>:<id>; TTLs from config (6 h responses, 30 min user data).
    const ttl = new Map<string, number>();
    for (const { key } of await h.redisContents())
      ttl.set(key.slice(h.prefix.length).split(':')[1], await h.redis.ttl(key));
    expect([...ttl.keys()].sort()).toEqual(['search', 'top-artists']);
    expect(ttl.get('search')).toBeGreaterThan(21_600 - 5);
    expect(ttl.get('top-artists')).toBeGreaterThan(1800 - 5);
    expect(ttl.get('top-artists')).toBeLessThanOrEqual(1800);
  });

  it('treats an unreadable cache entry as a miss', async () => {
    h = await createHarness();
    h.fake.script('GET', '/tracks', [{ body: { tracks: [fakeTrack('t1')] } }]);
    await h.redis.set(`${h.prefix}spotify:track:t1`, '{"id":"t1"}', 'EX', 60);

    expect((await h.client.tracks(['t1']))[0]?.name).toBe('Track t1');
    expect(h.fake.seen('GET', '/tracks')).toHaveLength(1);
    expect(h.client.cacheStats().responses).toEqual({ hits: 0, misses: 1, errors: 0 });
  });

  it('goes to the API when Redis is down, and counts the failures', async () => {
    // A client whose connection is gone: every command fails fast, as in an outage.
    const down = createRedis({ url: 'redis://127.0.0.1:6379', name: 'spotify-down', failFast: true });
    await waitFor(() => down.status === 'ready', { timeoutMs: 5000, what: 'redis ready' });
    down.disconnect();
    h = await createHarness({}, { store: () => redisKeyValueStore(down) });
    h.fake.script('GET', '/tracks', [{ body: { tracks: [fakeTrack('t1')] } }]);

    expect((await h.client.tracks(['t1']))[0]?.id).toBe('t1');
    expect((await h.client.tracks(['t1']))[0]?.id).toBe('t1');

    expect(h.fake.seen('GET', '/tracks')).toHaveLength(2);
    expect(h.client.cacheStats().responses).toEqual({ hits: 0, misses: 2, errors: 4 });
    expect(h.logs.filter((l) => l.includes('spotify cache read failed'))).toHaveLength(2);
  });
});
