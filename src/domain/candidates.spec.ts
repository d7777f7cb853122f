import { buildCatalogIndex, nearestNeighbours } from './catalog-index.js';
import { type CandidateOptions, generateCandidates, SOURCE, sourcesOf } from './candidates.js';
import { createRng } from './rng.js';
import { DomainValidationError, type Track } from './types.js';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 5, 1);
const GENRES = ['pop', 'jazz', 'rock', 'soul', 'folk'];

function catalog(n: number): Track[] {
  const rng = createRng('catalog');
  return Array.from({ length: n }, (_, i) => ({
    trackId: `t${i}`,
    name: `t${i}`,
    artists: [`a${i % 300}`],
    genres: [GENRES[i % 5]],
    popularity: rng.int(101),
    durationMs: 200_000,
    danceability: rng.next(),
    energy: rng.next(),
    valence: rng.next(),
    tempo: 60 + rng.next() * 140,
    acousticness: rng.next(),
    instrumentalness: rng.next(),
    speechiness: rng.next(),
    // every 50th track was released i/50 days before NOW
    releaseDate: i % 50 === 0 ? new Date(NOW - (i / 50) * DAY).toISOString() : null,
  }));
}

const index = buildCatalogIndex(catalog(2000));
const base = (over: Partial<CandidateOptions> = {}): CandidateOptions => ({
  index,
  historyTrackIds: ['t1', 't2', 't3'],
  topGenres: ['jazz'],
  topBuckets: ['Indie Vibes'],
  excludeTrackIds: ['t7', 't8'],
  now: NOW,
  rng: createRng('user'),
  ...over,
});

describe('generateCandidates', () => {
  it('returns 200..500 distinct candidates with their sources, never excluded ones', () => {
    const set = generateCandidates(base());
    const ids = Array.from(set.indices);
    expect(ids.length).toBeGreaterThanOrEqual(200);
    expect(ids.length).toBeLessThanOrEqual(500);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).not.toContain(7);
    expect(ids).not.toContain(8);
    for (const mask of set.sources) expect(mask).toBeGreaterThan(0);
    expect(set.sources.length).toBe(ids.length);
  });

  it('draws from every source', () => {
    const set = generateCandidates(base());
    const bySource = (s: number) => Array.from(set.indices).filter((_, j) => (set.sources[j] & s) !== 0);
    const nearest = nearestNeighbours(index, 1, 1, (i) => i === 7 || i === 8)[0];
    expect(bySource(SOURCE.similar)).toContain(nearest);
    expect(bySource(SOURCE.genre).every((i) => index.tracks[i].genres[0] === 'jazz')).toBe(true);
    expect(bySource(SOURCE.genre).length).toBeGreaterThanOrEqual(100); // 100 new + genre hits of earlier sources
    expect(bySource(SOURCE.bucket).every((i) => index.tracks[i].genres[0] === 'rock')).toBe(true);
    // releases within 30 days: i = 0, 50, …, 1500 (day 30 included)
    expect(bySource(SOURCE.newRelease).sort((a, b) => a - b)).toEqual(Array.from({ length: 31 }, (_, d) => d * 50));
    expect(bySource(SOURCE.popular).length).toBeGreaterThan(0);
  });

  describe("similar share: round-robin over the seeds' nearest tracks, twice their share deep", () => {
    /** The definition, with full-depth lists fetched up front (the generator fetches lazily). */
    function roundRobin(idx: typeof index, seeds: number[], quota: number, blocked: (i: number) => boolean): number[] {
      const depth = 2 * Math.ceil(quota / seeds.length);
      const lists = seeds.map((s) => Array.from(nearestNeighbours(idx, s, depth, blocked)));
      const out: number[] = [];
      for (let rank = 0; rank < depth; rank++)
        for (const list of lists)
          if (rank < list.length && out.length < quota && !out.includes(list[rank])) out.push(list[rank]);
      return out;
    }

    it('with distinct seeds', () => {
      const set = generateCandidates(base());
      const expected = roundRobin(index, [1, 2, 3], 200, (i) => i === 7 || i === 8);
      expect(Array.from(set.indices.subarray(0, expected.length))).toEqual(expected);
    });

    it('with seeds whose neighbourhoods coincide (lists needed to full depth)', () => {
      // Five identical seeds: every list is the same, so each rank adds one new track.
      const tracks = catalog(2000).map((t, i) => (i < 5 ? { ...catalog(1)[0], trackId: t.trackId, name: t.name } : t));
      const clones = buildCatalogIndex(tracks);
      const set = generateCandidates(base({ index: clones, historyTrackIds: ['t0', 't1', 't2', 't3', 't4'] }));
      const expected = roundRobin(clones, [0, 1, 2, 3, 4], 200, (i) => i === 7 || i === 8);
      expect(expected.length).toBeGreaterThan(40 + 8); // deeper than the first, shallow fetch
      expect(Array.from(set.indices.subarray(0, expected.length))).toEqual(expected);
    });
  });

  it('gives the neighbour share to popular tracks on cold start (75 + 200)', () => {
    const set = generateCandidates(base({ historyTrackIds: [], topGenres: [], topBuckets: [], now: NOW + 1000 * DAY }));
    expect(set.indices.length).toBe(275);
    expect(Array.from(set.sources).every((m) => m === SOURCE.popular)).toBe(true);
    expect(sourcesOf(set.sources[0])).toEqual(['popular']);
  });

  it('tops up to min from the most popular remaining tracks', () => {
    const set = generateCandidates(
      base({ historyTrackIds: [], topGenres: [], topBuckets: [], now: NOW + 1000 * DAY, min: 300, max: 300 }),
    );
    const ids = Array.from(set.indices);
    expect(ids.length).toBe(300);
    const sampled = new Set(ids.slice(0, 165)); // popular share 45 + neighbour share 120, sampled from the top 2000
    const expected = Array.from(index.byPopularity)
      .filter((i) => !sampled.has(i) && i !== 7 && i !== 8)
      .slice(0, 135);
    expect(ids.slice(165)).toEqual(expected);
  });

  it('returns the whole catalog minus exclusions when it is smaller than min', () => {
    const small = buildCatalogIndex(catalog(120));
    const set = generateCandidates(base({ index: small, excludeTrackIds: ['t0', 'unknown'] }));
    expect(Array.from(set.indices).sort((a, b) => a - b)).toEqual(Array.from({ length: 119 }, (_, i) => i + 1));
  });

  it('is reproducible from the rng seed', () => {
    expect(generateCandidates(base())).toEqual(generateCandidates(base()));
  });

  it.each([
    [{ min: 600, max: 500 }, /max must be/],
    [{ min: -1 }, /min must be/],
    [{ now: NaN }, /now/],
    [{ newReleaseDays: 0 }, /newReleaseDays/],
  ])('rejects %p', (over, message) => {
    expect(() => generateCandidates(base(over))).toThrow(DomainValidationError);
    expect(() => generateCandidates(base(over))).toThrow(message);
  });
});
