import { createDiversityTracker, diversityBonus } from './diversity.js';

const unitOf = (rows: number[][]): Float32Array =>
  Float32Array.from(rows.flatMap((r) => [...r, 0, 0, 0, 0, 0].slice(0, 7)));

describe('diversity bonus', () => {
  it.each([
    [0.9, true, 0, 1],
    [0.9, false, 3, 0.1],
    [0.9, true, 3, 0.3],
    [0.1, true, 2, 1],
    [1, false, 1, 0],
  ])('mean similarity %p, new artist %p, %p selected → %p', (mean, newArtist, count, expected) => {
    expect(diversityBonus(mean, newArtist, count)).toBeCloseTo(expected, 12);
  });
});

describe('diversity tracker', () => {
  // c0, c1 same direction (artist 0); c2 orthogonal (artist 1); c3 = (0.6, 0.8) (artist 2).
  const tracker = () =>
    createDiversityTracker({
      unit: unitOf([
        [1, 0],
        [1, 0],
        [0, 1],
        [0.6, 0.8],
      ]),
      artistStart: Int32Array.from([0, 1, 2, 3, 4]),
      artistIds: Int32Array.from([0, 0, 1, 2]),
    });

  it('gives 1 to the first pick and updates incrementally', () => {
    const t = tracker();
    const remaining = Int32Array.from([1, 2, 3]);
    expect([0, 1, 2, 3].map((j) => t.bonus(j))).toEqual([1, 1, 1, 1]);
    t.select(0, remaining, 3);
    expect(t.bonus(1)).toBeCloseTo(0, 6); // identical vector, same artist
    expect(t.bonus(2)).toBeCloseTo(1, 6); // 1 − 0 + 0.2, clamped
    expect(t.bonus(3)).toBeCloseTo(0.6, 6); // 1 − 0.6 + 0.2
    remaining[1] = 3; // remove candidate 2 (swap-remove as ranking does)
    t.select(2, remaining, 2);
    expect(t.selectedCount).toBe(2);
    expect(t.bonus(1)).toBeCloseTo(0.5, 6); // 1 − (1 + 0)/2
    expect(t.bonus(3)).toBeCloseTo(0.5, 6); // 1 − (0.6 + 0.8)/2 + 0.2
  });
});
