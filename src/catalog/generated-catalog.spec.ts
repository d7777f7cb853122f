import { bucketOfGenre } from '../domain/genre.js';
import { generateCatalog } from './generated-catalog.js';
import { SPOTIFY_GENRES } from './spotify-genres.js';

describe('generateCatalog', () => {
  const catalog = generateCatalog({ count: 5000, seed: 42 });

  it('is identical for the same seed and differs for another', () => {
    expect(generateCatalog({ count: 5000, seed: 42 })).toEqual(catalog);
    expect(generateCatalog({ count: 50, seed: 43 })).not.toEqual(catalog.slice(0, 50));
  });

  it('has unique Spotify-shaped ids and only the dataset genres', () => {
    expect(new Set(catalog.map((r) => r.track_id)).size).toBe(5000);
    expect(catalog.every((r) => /^[0-9A-Za-z]{22}$/.test(r.track_id))).toBe(true);
    const known = new Set<string>(SPOTIFY_GENRES);
    expect(catalog.every((r) => r.genres.every((g) => known.has(g)))).toBe(true);
    expect(new Set(catalog.flatMap((r) => r.genres)).size).toBe(SPOTIFY_GENRES.length);
  });

  it('respects every column range of the tracks table', () => {
    for (const r of catalog) {
      expect(r.popularity).toBeGreaterThanOrEqual(0);
      expect(r.popularity).toBeLessThanOrEqual(100);
      for (const f of [
        r.danceability,
        r.energy,
        r.speechiness,
        r.acousticness,
        r.instrumentalness,
        r.liveness,
        r.valence,
      ]) {
        expect(f >= 0 && f <= 1).toBe(true);
      }
      expect(r.tempo).toBeGreaterThan(0);
      expect(r.name).not.toBe('');
      expect(r.artists.length).toBeGreaterThan(0);
      expect(r.source).toBe('generated');
      expect(r.release_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('has plausible shape: skewed popularity, some multi-genre tracks, chill calmer than hype', () => {
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const pops = catalog.map((r) => r.popularity).sort((a, b) => a - b);
    expect(pops[Math.floor(pops.length / 2)]).toBeLessThan(mean(pops) + 5);
    expect(pops[pops.length - 1]).toBeGreaterThan(90);
    const multi = catalog.filter((r) => r.genres.length > 1).length / catalog.length;
    expect(multi).toBeGreaterThan(0.1);
    const energyOf = (bucket: string) =>
      mean(catalog.filter((r) => bucketOfGenre(r.genres[0]) === bucket).map((r) => r.energy));
    expect(energyOf('Lo-fi Chill')).toBeLessThan(energyOf('Hype Beats') - 0.3);
  });

  it('rejects a bad count', () => {
    expect(() => generateCatalog({ count: -1, seed: 1 })).toThrow(RangeError);
  });
});
