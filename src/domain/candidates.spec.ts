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
