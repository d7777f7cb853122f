import { createGenrePreferences, topBuckets, topGenres, updateGenrePreferences } from './genre-preferences.js';

describe('genre preferences (EMA from 0)', () => {
  it('updates each distinct normalised genre once and the track bucket once', () => {
    const p = createGenrePreferences();
    updateGenrePreferences(p, ['Deep House', 'deep-house', 'edm'], { reward: 1, alpha: 0.1 });
    updateGenrePreferences(p, ['edm'], { reward: -0.4, alpha: 0.1 });
    expect(p.genres.get('deep-house')).toEqual({ score: 0.1, count: 1 });
    const edm = p.genres.get('edm')!;
    expect(edm.count).toBe(2);
    expect(edm.score).toBeCloseTo(0.05, 15); // 0.1 + 0.1·(−0.4 − 0.1)
    expect(p.buckets.get('Hype Beats')?.score).toBeCloseTo(0.05, 15);
    expect(p.buckets.get('Hype Beats')?.count).toBe(2);
  });

  it('ranks by score, then interactions, then name; never shows Other as a top bucket', () => {
    const p = createGenrePreferences();
    updateGenrePreferences(p, ['pop'], { reward: 1, alpha: 0.1 });
    updateGenrePreferences(p, ['k-pop'], { reward: 1, alpha: 0.1 });
    updateGenrePreferences(p, ['ambient'], { reward: -1, alpha: 0.1 });
    updateGenrePreferences(p, ['polka'], { reward: 2, alpha: 0.1 });
    expect(topGenres(p, 3).map((g) => g.name)).toEqual(['polka', 'k-pop', 'pop']);
    expect(topBuckets(p, 5)).toEqual([
      { name: 'Pop Anthems', score: expect.closeTo(0.19, 15), count: 2 },
      { name: 'Lo-fi Chill', score: -0.1, count: 1 },
    ]);
    expect(topGenres(p, 0)).toEqual([]);
  });
});
