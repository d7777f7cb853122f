import {
  buildHistoryProfile,
  cosineAt,
  featureVector,
  historyEntryWeight,
  historySimilarity,
  topSharedFeatures,
} from './history-similarity.js';
import { type AudioFeatures, DomainValidationError } from './types.js';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 5, 1);
const zero: AudioFeatures = {
  danceability: 0,
  energy: 0,
  valence: 0,
  tempo: 0,
  acousticness: 0,
  instrumentalness: 0,
  speechiness: 0,
};
const f = (over: Partial<AudioFeatures>): AudioFeatures => ({ ...zero, ...over });

describe('feature vector', () => {
  it('orders features and normalises tempo by 250 BPM, clamped', () => {
    const v = featureVector({
      danceability: 0.1,
      energy: 0.2,
      valence: 0.3,
      tempo: 125,
      acousticness: 0.4,
      instrumentalness: 0.5,
      speechiness: 0.6,
    });
    expect(Array.from(v)).toEqual([0.1, 0.2, 0.3, 0.5, 0.4, 0.5, 0.6]);
    expect(featureVector(f({ tempo: 300 }))[3]).toBe(1);
  });

  it.each([
    [[1, 0, 0, 0, 0, 0, 0], [1, 0, 0, 0, 0, 0, 0], 1],
    [[1, 0, 0, 0, 0, 0, 0], [0, 1, 0, 0, 0, 0, 0], 0],
    [[1, 1, 0, 0, 0, 0, 0], [1, 0, 0, 0, 0, 0, 0], Math.SQRT1_2],
    [[0, 0, 0, 0, 0, 0, 0], [1, 0, 0, 0, 0, 0, 0], 0],
  ])('cosine(%p, %p) = %p', (a, b, expected) => {
    expect(cosineAt(a, 0, b, 0)).toBeCloseTo(expected, 12);
  });
});

describe('history profile', () => {
  it.each([
    [{ playCount: 1, lastPlayedAt: NOW }, 1],
    [{ playCount: 1, lastPlayedAt: NOW - 14 * DAY }, 0.5],
    [{ playCount: 1, lastPlayedAt: NOW - 28 * DAY }, 0.25],
    [{ playCount: Math.E, lastPlayedAt: NOW }, 2],
    [{ playCount: 0, lastPlayedAt: NOW }, 1],
    [{ playCount: 1, lastPlayedAt: NOW + DAY }, 1],
  ])('entry weight of %p is %p (half-life 14 days, 1 + ln plays)', (e, expected) => {
    expect(historyEntryWeight({ features: zero, ...e }, NOW, 14)).toBeCloseTo(expected, 12);
  });

  it('is the recency-weighted mean of history vectors', () => {
    const profile = buildHistoryProfile({
      now: NOW,
      entries: [
        { features: f({ danceability: 1 }), playCount: 1, lastPlayedAt: NOW },
        { features: f({ energy: 1 }), playCount: 1, lastPlayedAt: NOW - 14 * DAY },
      ],
    });
    expect(profile?.totalWeight).toBeCloseTo(1.5, 12);
    expect(profile?.vector[0]).toBeCloseTo(2 / 3, 12);
    expect(profile?.vector[1]).toBeCloseTo(1 / 3, 12);
    expect(historySimilarity(profile, featureVector(f({ danceability: 1 })))).toBeCloseTo(2 / Math.sqrt(5), 12);
    expect(historySimilarity(profile, featureVector(f({ valence: 1 })))).toBe(0);
    expect(topSharedFeatures(profile!, featureVector(f({ danceability: 0.5, energy: 0.5 })), 0, 2)).toEqual([
      'danceability',
      'energy',
    ]);
  });

  it('is null without history, and similarity is then exactly 0.5', () => {
    const profile = buildHistoryProfile({ now: NOW, entries: [] });
    expect(profile).toBeNull();
    expect(historySimilarity(profile, featureVector(f({ energy: 1 })))).toBe(0.5);
  });

  it('rejects invalid entries and options', () => {
    expect(() => buildHistoryProfile({ now: NOW, halfLifeDays: 0, entries: [] })).toThrow(DomainValidationError);
    expect(() =>
      buildHistoryProfile({ now: NOW, entries: [{ features: zero, playCount: -1, lastPlayedAt: NOW }] }),
    ).toThrow(/playCount/);
    expect(() => buildHistoryProfile({ now: NaN, entries: [] })).toThrow(/now/);
  });
});
