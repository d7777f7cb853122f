import type { Logger } from '../infra/logging/logger.js';
import { redisKeys } from '../infra/redis/redis-keys.js';
import { assertSpotifyIds, chunk, fetchByIds } from './batching.js';
import { nullable, num, object, str } from './decode.js';
import { type KeyValueStore, SpotifyCache } from './spotify.cache.js';
import { SpotifyInputError, SpotifyResponseError } from './spotify.error.js';

const silent: Logger = { error() {}, warn() {}, info() {}, debug() {}, child: () => silent };

/** The cache port in memory (TTL recorded, not enforced). */
function memoryStore(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getMany: async (keys) => keys.map((k) => data.get(k) ?? null),
    setMany: async (entries) => entries.forEach((e) => data.set(e.key, e.value)),
  };
}

describe('chunk', () => {
  it.each([
    [250, 100, [100, 100, 50]],
    [100, 100, [100]],
    [101, 50, [50, 50, 1]],
    [0, 100, []],
  ])('%p items in chunks of %p → sizes %p', (n, size, sizes) => {
    const items = Array.from({ length: n }, (_, i) => i);
    const chunks = chunk(items, size);
    expect(chunks.map((c) => c.length)).toEqual(sizes);
    expect(chunks.flat()).toEqual(items);
  });

  it('rejects a size below 1', () => {
    expect(() => chunk([1], 0)).toThrow(RangeError);
  });
});

describe('assertSpotifyIds', () => {
  it('accepts base62 ids and rejects anything that could change the query', () => {
    expect(() => assertSpotifyIds(['4uLU6hMCjMI75M1A2tKUQC', 'abc123'])).not.toThrow();
    for (const bad of ['a,b', 'a&b=c', '', 'a b', 'ü'])
      expect(() => assertSpotifyIds([bad])).toThrow(SpotifyInputError);
  });
});

describe('fetchByIds', () => {
  const item = nullable(object({ id: str, n: num }));

  function setup(initial: Record<string, string> = {}) {
    const store = memoryStore();
    Object.entries(initial).forEach(([k, v]) => store.data.set(`p:spotify:thing:${k}`, v));
    const cache = new SpotifyCache({
      store,
      keys: redisKeys('p:'),
      ttlSeconds: { responses: 1, audioFeatures: 1, userData: 1 },
      log: silent,
    });
    const batches: string[][] = [];
    const run = (ids: string[], batchSize = 2) =>
      fetchByIds({
        ids,
        batchSize,
        cache,
        cacheName: 'responses',
        kind: 'thing',
        decoder: item,
        label: 'GET /things',
        load: async (batch) => {
          batches.push([...batch]);
          return batch.map((id) => (id === 'none' ? null : { id, n: id.length }));
        },
      });
    return { store, cache, batches, run };
  }

  it('fetches distinct misses in batches and answers in the caller order, duplicates and nulls kept', async () => {
    const { batches, run, cache } = setup({ b: '{"id":"b","n":9}' });
    const out = await run(['c', 'a', 'b', 'none', 'a', 'dd']);
    expect(batches).toEqual([
      ['c', 'a'],
      ['none', 'dd'],
    ]);
    expect(out).toEqual([
      { id: 'c', n: 1 },
      { id: 'a', n: 1 },
      { id: 'b', n: 9 },
      null,
      { id: 'a', n: 1 },
      { id: 'dd', n: 2 },
    ]);
    expect(cache.stats().responses).toEqual({ hits: 1, misses: 4, errors: 0 });
  });

  it('caches nulls, so an id Spotify does not know is not asked again', async () => {
    const { batches, run, store } = setup();
    await run(['none']);
    expect(store.data.get('p:spotify:thing:none')).toBe('null');
    expect(await run(['none'])).toEqual([null]);
    expect(batches).toEqual([['none']]);
  });

  it('rejects an answer that does not align with the batch', async () => {
    const { cache } = setup();
    const short = fetchByIds({
      ids: ['a', 'b'],
      batchSize: 10,
      cache,
      cacheName: 'responses',
      kind: 'thing',
      decoder: item,
      label: 'GET /things',
      load: async () => [null],
    });
    await expect(short).rejects.toThrow(new SpotifyResponseError('GET /things', 'asked for 2 ids, got 1 entries'));
  });
});
