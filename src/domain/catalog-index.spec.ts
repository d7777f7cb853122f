import { buildCatalogIndex, nearestNeighbours } from './catalog-index.js';
import { DomainValidationError, type Track } from './types.js';

const track = (id: string, over: Partial<Track> = {}): Track => ({
  trackId: id,
  name: id,
  artists: ['A'],
  genres: ['pop'],
  popularity: 50,
  durationMs: 200_000,
  danceability: 0.5,
  energy: 0.5,
  valence: 0.5,
  tempo: 125,
  acousticness: 0.5,
  instrumentalness: 0.5,
  speechiness: 0.5,
  ...over,
});

describe('buildCatalogIndex', () => {
  const tracks = [
    track('t0', { popularity: 10, genres: ['Hip Hop', 'pop'], artists: ['A', 'B'] }),
    track('t1', { popularity: 90, genres: ['jazz'], artists: ['B'], releaseDate: '2026-05-01' }),
    track('t2', { popularity: 90, genres: ['polka'], artists: ['C'], releaseDate: '2026-05-20' }),
    track('t3', {
      popularity: 0,
      danceability: 0,
      energy: 0,
      valence: 0,
      tempo: 0,
      acousticness: 0,
      instrumentalness: 0,
      speechiness: 0,
      artists: [],
    }),
  ];
  const index = buildCatalogIndex(tracks);

  it('packs normalised features and unit vectors', () => {
    expect(index.size).toBe(4);
    expect(Array.from(index.features.subarray(0, 7))).toEqual([0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5]);
    const u = 0.5 / Math.sqrt(7 * 0.25);
    for (const x of index.unit.subarray(0, 7)) expect(x).toBeCloseTo(u, 6);
    expect(Array.from(index.unit.subarray(21, 28))).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });

  it('indexes ids, genres, buckets, artists and popularity', () => {
    expect(index.idToIndex.get('t2')).toBe(2);
    expect(Array.from(index.byGenre.get('hip-hop') ?? [])).toEqual([0]);
    expect(Array.from(index.byGenre.get('pop') ?? [])).toEqual([0, 3]);
    expect(Array.from(index.byBucket.get('Hype Beats') ?? [])).toEqual([0]);
    expect(Array.from(index.byBucket.get('Other') ?? [])).toEqual([2]);
    expect(Array.from(index.byArtist.get('B') ?? [])).toEqual([0, 1]);
    expect(Array.from(index.artistStart)).toEqual([0, 2, 3, 4, 4]);
    expect(Array.from(index.artistIds)).toEqual([0, 1, 1, 2]);
    expect(Array.from(index.popularity)).toEqual([10, 90, 90, 0]);
    expect(Array.from(index.byPopularity)).toEqual([1, 2, 0, 3]);
  });

  it('keeps known release dates newest first', () => {
    expect(index.releasedAt[1]).toBe(Date.UTC(2026, 4, 1));
    expect(Number.isNaN(index.releasedAt[0])).toBe(true);
    expect(Array.from(index.byRelease)).toEqual([2, 1]);
  });

  it('rejects duplicate ids and out-of-range values, listing them', () => {
    expect(() => buildCatalogIndex([track('x'), track('x', { energy: 1.5, popularity: 101 })])).toThrow(
      /duplicate trackId x.*energy out of range: 1.5.*popularity out of 0..100/,
    );
    expect(() => buildCatalogIndex([track('x', { tempo: NaN })])).toThrow(DomainValidationError);
  });
});

describe('nearestNeighbours', () => {
  const index = buildCatalogIndex([0.5, 0.1, 0.45, 0.9, 0.55, 0.6].map((e, i) => track(`t${i}`, { energy: e })));

  it.each([
    [0, 3, [2, 4, 5]], // distances 0.05, 0.05 (tie → lower index), 0.1
    [1, 2, [2, 0]],
    [3, 10, [5, 4, 0, 2, 1]],
  ])('of %p, k=%p → %p', (seed, k, expected) => {
    expect(Array.from(nearestNeighbours(index, seed, k, () => false))).toEqual(expected);
  });

  it('skips filtered tracks', () => {
    expect(Array.from(nearestNeighbours(index, 0, 2, (i) => i === 2))).toEqual([4, 5]);
  });
});
