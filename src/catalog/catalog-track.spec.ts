import { mergeByTrackId, unionGenres, type CatalogTrackRow } from './catalog-track.js';
import { generateCatalog } from './generated-catalog.js';

const base: CatalogTrackRow = generateCatalog({ count: 1, seed: 'merge' })[0];
const row = (over: Partial<CatalogTrackRow>): CatalogTrackRow => ({ ...base, source: 'spotify-dataset', ...over });

describe('unionGenres', () => {
  it.each([
    [[], ['a'], ['a']],
    [
      ['a', 'b'],
      ['b', 'c', 'a'],
      ['a', 'b', 'c'],
    ],
    [['x'], ['x'], ['x']],
  ])('%j ∪ %j = %j (first appearance order)', (a, b, expected) => {
    expect(unionGenres(a, b)).toEqual(expected);
  });
});

describe('mergeByTrackId', () => {
  it('folds duplicates into the first position, genres unioned, max popularity for dataset rows', () => {
    const merged = mergeByTrackId([
      row({ track_id: 'A', genres: ['rock'], popularity: 40 }),
      row({ track_id: 'B', genres: ['pop'] }),
      row({ track_id: 'A', genres: ['indie'], popularity: 55 }),
      row({ track_id: 'A', genres: ['rock'], popularity: 45, name: 'later name' }),
    ]);
    expect(merged.map((r) => [r.track_id, r.genres, r.popularity, r.name])).toEqual([
      ['A', ['rock', 'indie'], 55, 'later name'],
      ['B', ['pop'], base.popularity, base.name],
    ]);
  });

  it('takes the later popularity when the rows are not both from the dataset', () => {
    const merged = mergeByTrackId([
      row({ track_id: 'A', popularity: 80 }),
      row({ track_id: 'A', popularity: 20, source: 'spotify-api' }),
    ]);
    expect(merged[0].popularity).toBe(20);
  });
});
