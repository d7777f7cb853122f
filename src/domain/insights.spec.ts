import { computeInsights, entropyBits, type HistoryTrackAggregate } from './insights.js';
import { DomainValidationError } from './types.js';

const t = (trackId: string, genres: string[], artists: string[], playCount: number): HistoryTrackAggregate => ({
  trackId,
  genres,
  artists,
  playCount,
});

describe('entropy', () => {
  it.each([
    [[0.25, 0.25, 0.25, 0.25], 2],
    [[0.5, 0.5], 1],
    [[1], 0],
    [[0.5, 0.25, 0.25], 1.5],
    [[0.5, 0.5, 0], 1],
  ])('H(%p) = %p bits', (p, bits) => {
    expect(entropyBits(p)).toBeCloseTo(bits, 12);
  });
});

describe('computeInsights', () => {
  it('uniform 4-genre history has 2 bits of entropy', () => {
    const tracks = ['pop', 'rock', 'jazz', 'soul'].map((g, i) => t(`t${i}`, [g], [`a${i}`], 3));
    const insights = computeInsights({ tracks });
    expect(insights.genreEntropyBits).toBeCloseTo(2, 12);
    expect(insights.genreEntropyNormalised).toBeCloseTo(1, 12);
    expect(insights.genreDistribution.map((s) => s.share)).toEqual([0.25, 0.25, 0.25, 0.25]);
    expect(insights.genreDistribution.map((s) => s.name)).toEqual(['jazz', 'pop', 'rock', 'soul']);
  });

  it('splits multi-genre plays, ranks buckets (never Other) and artists', () => {
    const insights = computeInsights({
      tracks: [
        t('a', ['pop', 'Dance'], ['X', 'Y'], 4), // pop 2, dance 2 → Pop Anthems 4
        t('b', ['soul'], ['X'], 2), // R&B Feels 2
        t('c', ['polka'], ['Z'], 2), // Other
        t('d', [], ['Z'], 1), // no genre: counted for artists only
      ],
      topN: 2,
    });
    expect(insights.totalPlays).toBe(9);
    expect(insights.genreDistribution).toEqual([
      { name: 'dance', plays: 2, share: 0.25 },
      { name: 'polka', plays: 2, share: 0.25 },
      { name: 'pop', plays: 2, share: 0.25 },
      { name: 'soul', plays: 2, share: 0.25 },
    ]);
    expect(insights.topBuckets).toEqual([
      { name: 'Pop Anthems', plays: 4, share: 4 / 9 },
      { name: 'R&B Feels', plays: 2, share: 2 / 9 },
    ]);
    expect(insights.topArtists).toEqual([
      { name: 'X', plays: 6, share: 6 / 9 },
      { name: 'Y', plays: 4, share: 4 / 9 },
    ]);
  });

  it('bins plays by hour and context', () => {
    const insights = computeInsights({
      tracks: [],
      plays: [
        { hour: 8, context: 'commute' },
        { hour: 8, context: 'commute' },
        { hour: 23, context: 'sleep' },
        { hour: null, context: null },
      ],
    });
    expect(insights.byHour[8]).toBe(2);
    expect(insights.byHour[23]).toBe(1);
    expect(insights.byHour.reduce((a, b) => a + b, 0)).toBe(3);
    expect(insights.byContext.commute).toBe(2);
    expect(insights.byContext.sleep).toBe(1);
    expect(insights.byContext.workout).toBe(0);
    expect(insights.unknownContextPlays).toBe(1);
    expect(insights.genreEntropyBits).toBe(0);
  });

  it('rejects bad hours, contexts and play counts', () => {
    expect(() => computeInsights({ tracks: [t('a', [], [], -1)] })).toThrow(DomainValidationError);
    expect(() => computeInsights({ tracks: [], plays: [{ hour: 24, context: null }] })).toThrow(/hour/);
    expect(() => computeInsights({ tracks: [], plays: [{ hour: 1, context: 'dancing' }] })).toThrow(/context unknown/);
  });
});
