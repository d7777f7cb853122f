import { isNewArtist, noveltyFactor } from './novelty.js';

describe('novelty', () => {
  it.each([
    [{ inHistory: false, newArtist: true, popularity: 0 }, 1],
    [{ inHistory: true, newArtist: false, popularity: 100 }, 0],
    [{ inHistory: false, newArtist: false, popularity: 50 }, 0.4 + 0.15],
    [{ inHistory: true, newArtist: true, popularity: 80 }, 0.3 + 0.3 * 0.2],
    [{ inHistory: false, newArtist: true, popularity: 150 }, 0.7],
  ])('%p → %p', (input, expected) => {
    expect(noveltyFactor(input)).toBeCloseTo(expected, 12);
  });

  it('an artist is new when none of the track artists is known', () => {
    const known = new Set(['A']);
    expect(isNewArtist(['B', 'C'], known)).toBe(true);
    expect(isNewArtist(['B', 'A'], known)).toBe(false);
    expect(isNewArtist([], known)).toBe(true);
  });
});
