import { DEFAULT_WEIGHTS } from '../../src/domain/scorer.js';
import { ablatedWeights, FULL_MODEL } from '../../src/evaluation/engine/recommend.js';
import { historyPlays, playsPerArtist, type TrainArtist } from '../../src/evaluation/scenarios/heldout-history.js';
import { depthBucket } from '../../src/evaluation/scenarios/heldout-scores.js';
import { heldOutCount, splitArtists } from '../../src/evaluation/scenarios/heldout-split.js';

const seedWeights = { ...DEFAULT_WEIGHTS, popularity: 0 };

describe('held-out split', () => {
  it.each([
    [0, 0],
    [1, 0],
    [2, 1],
    [5, 1],
    [7, 1], // round(1.4)
    [8, 2], // round(1.6)
    [10, 2],
    [50, 10],
  ])('holds out %d → %d artists', (n, k) => expect(heldOutCount(n)).toBe(k));

  it('is a seeded partition independent of row order', () => {
    const rows = Array.from({ length: 10 }, (_, i) => ({ artistId: i + 1, weight: 10 * (i + 1) }));
    const a = splitArtists(rows, { seed: '1', userId: 2 });
    const b = splitArtists([...rows].reverse(), { seed: '1', userId: 2 });
    expect(a).toEqual(b);
    expect(a.test).toHaveLength(2);
    expect([...a.train, ...a.test].map((r) => r.artistId).sort((x, y) => x - y)).toEqual(rows.map((r) => r.artistId));
    const other = splitArtists(rows, { seed: '2', userId: 2 });
    const c = splitArtists(rows, { seed: '1', userId: 3 });
    expect(other.test).not.toEqual(a.test);
    expect(c.test).not.toEqual(a.test);
  });
});

describe('history from play counts', () => {
  const artist = (key: string, weight: number, tracks: number[]): TrainArtist => ({
    key,
    weight,
    tracks: Int32Array.from(tracks),
  });

  it('splits the play budget in proportion to the counts, at least one play each', () => {
    expect(playsPerArtist([artist('a', 3, [0]), artist('b', 1, [1])], 200)).toEqual([150, 50]);
    expect(playsPerArtist([artist('a', 10_000, [0]), artist('b', 1, [1])], 200)).toEqual([200, 1]);
  });

  it('spreads an artist’s plays round robin over its tracks, in a seeded order', () => {
    const plays = historyPlays([artist('a', 1, [7, 8, 9]), artist('b', 1, [3])], 's');
    expect(plays).toHaveLength(200);
    expect(plays.filter((i) => i === 7)).toHaveLength(34); // 100 plays over 3 tracks: 34, 33, 33
    expect(plays.filter((i) => i === 3)).toHaveLength(100);
    expect(historyPlays([artist('a', 1, [7, 8, 9]), artist('b', 1, [3])], 's')).toEqual(plays);
  });
});

describe('depth buckets and ablations', () => {
  it.each([
    [0, '0'],
    [1, '1-4'],
    [4, '1-4'],
    [5, '5-14'],
    [14, '5-14'],
    [15, '15+'],
    [40, '15+'],
  ])('%d known artists → %s', (n, bucket) => expect(depthBucket(n)).toBe(bucket));

  it('rescales the remaining weights to sum 1', () => {
    expect(ablatedWeights(seedWeights, FULL_MODEL)).toEqual(seedWeights);
    const noPersonality = ablatedWeights(seedWeights, { ...FULL_MODEL, personality: false });
    expect(noPersonality.history).toBeCloseTo(2 / 3, 12);
    expect(noPersonality.diversity).toBeCloseTo(1 / 6, 12);
    expect(noPersonality.personality).toBe(0);
    const plain = ablatedWeights(seedWeights, { ...FULL_MODEL, diversityNovelty: false });
    expect([plain.history, plain.personality, plain.diversity, plain.novelty]).toEqual([0.5, 0.5, 0, 0]);
    const week1 = { history: 0, personality: 0.8, diversity: 0, novelty: 0, popularity: 0.2 };
    expect(() =>
      ablatedWeights({ ...week1, popularity: 0, personality: 1 }, { ...FULL_MODEL, personality: false }),
    ).toThrow(/no scoring weight/);
  });
});
