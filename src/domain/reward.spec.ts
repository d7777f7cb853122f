import {
  BASE_REWARDS,
  computeReward,
  contextFactor,
  completionFactor,
  implicitFeedbackType,
  MODIFIER_NAMES,
  quickFeedbackFactor,
  repeatFactor,
  type RewardInput,
} from './reward.js';
import type { AudioFeatures, FeedbackType, ListeningContext } from './types.js';

const BOUNDS = { rewardMin: -2, rewardMax: 2.5 };
const T0 = 1_700_000_000_000;
const neutral = (feedbackType: FeedbackType, over: Partial<RewardInput> = {}): RewardInput => ({
  feedbackType,
  msListened: null,
  trackDurationMs: null,
  priorPlayCount: 0,
  occurredAt: T0,
  recommendationId: null,
  recommendedAt: null,
  context: null,
  features: null,
  ...over,
});
const features = (over: Partial<AudioFeatures>): AudioFeatures => ({
  danceability: 0.5,
  energy: 0.5,
  valence: 0.5,
  tempo: 120,
  acousticness: 0.5,
  instrumentalness: 0.5,
  speechiness: 0.5,
  ...over,
});

describe('base rewards', () => {
  it.each<[FeedbackType, number]>([
    ['like', 1.0],
    ['save', 1.5],
    ['add_to_playlist', 1.8],
    ['play', 0.8],
    ['repeat', 1.2],
    ['share', 1.3],
    ['dislike', -1.0],
    ['skip', -0.4],
  ])('%s → %d with every modifier neutral', (type, base) => {
    expect(BASE_REWARDS[type]).toBe(base);
    const r = computeReward(neutral(type), BOUNDS);
    expect(r).toEqual({
      feedbackType: type,
      baseReward: base,
      finalReward: base,
      modifiers: { completion: 1, repeat: 1, quick_feedback: 1, context_fit: 1 },
    });
  });

  it('always reports every modifier under its stable name', () => {
    expect(Object.keys(computeReward(neutral('like'), BOUNDS).modifiers)).toEqual([...MODIFIER_NAMES]);
  });
});

describe('completion factor', () => {
  it.each<[number, number | null, number | null, number]>([
    [1, 0, 200_000, 1],
    [1, 100_000, 200_000, 1.25],
    [1, 200_000, 200_000, 1.5],
    [1, 500_000, 200_000, 1.5], // ratio clamped to 1
    [-0.4, 0, 200_000, 1.5], // early skip hurts most
    [-0.4, 100_000, 200_000, 1.25],
    [-0.4, 200_000, 200_000, 1],
    [1, null, 200_000, 1],
    [1, 100_000, null, 1],
    [-1, 100_000, 0, 1],
  ])('base %d, %s of %s ms → %d', (base, ms, dur, factor) => {
    expect(completionFactor(base, ms, dur)).toBe(factor);
  });
});

describe('repeat factor', () => {
  it.each<[number, number, number]>([
    [0.8, 0, 1],
    [0.8, 1, 1.05],
    [0.8, 5, 1.25],
    [0.8, 50, 1.25],
    [-0.4, 5, 1],
    [-1, 50, 1],
  ])('base %d after %d plays → %d', (base, plays, factor) => {
    expect(repeatFactor(base, plays)).toBeCloseTo(factor, 12);
  });
});

describe('quick-feedback factor', () => {
  const at = (deltaMs: number, recommendationId: string | null = 'rec-1') => ({
    occurredAt: T0 + deltaMs,
    recommendationId,
    recommendedAt: T0,
  });
  it.each<
    [
      string,
      number,
      ReturnType<typeof at> | { occurredAt: number; recommendationId: string; recommendedAt: null },
      number,
    ]
  >([
    ['instant', 1, at(0), 1.2],
    ['half window', 1, at(30_000), 1.1],
    ['window edge', 1, at(60_000), 1],
    ['past window', 1, at(60_001), 1],
    ['clock skew', 1, at(-1), 1],
    ['not recommended', 1, at(0, null), 1],
    ['empty recommendation id', 1, at(0, ''), 1],
    ['no recommended_at', 1, { occurredAt: T0, recommendationId: 'r', recommendedAt: null }, 1],
    ['negative feedback', -1, at(0), 1],
  ])('%s → %d', (_name, base, input, factor) => {
    expect(quickFeedbackFactor(base, input)).toBeCloseTo(factor, 12);
  });
});

describe('context factor', () => {
  it.each<[ListeningContext | null, Partial<AudioFeatures> | null, number, number]>([
    ['workout', { energy: 1, tempo: 180 }, 1, 1.1],
    ['workout', { energy: 0, tempo: 60 }, 1, 0.9],
    ['workout', { energy: 1, tempo: 240 }, 1, 1.1], // tempo clamped
    ['party', { danceability: 1, energy: 1 }, 1, 1.1],
    ['party', { danceability: 0, energy: 0 }, 1, 0.9],
    ['study', { instrumentalness: 1, speechiness: 0 }, 1, 1.1],
    ['focus', { instrumentalness: 0, speechiness: 1 }, 1, 0.9],
    ['relax', { energy: 0, acousticness: 1 }, 1, 1.1],
    ['sleep', { energy: 1, acousticness: 0 }, 1, 0.9],
    ['commute', { energy: 1, danceability: 1 }, 1, 1],
    [null, { energy: 1 }, 1, 1],
    ['workout', null, 1, 1],
    ['workout', { energy: 1, tempo: 180 }, -0.4, 1], // negatives untouched
  ])('%s with %j, base %d → %d', (context, f, base, factor) => {
    expect(contextFactor(base, context, f && features(f))).toBeCloseTo(factor, 12);
  });
});

describe('final reward', () => {
  it('multiplies the factors and clamps to the upper bound', () => {
    const r = computeReward(
      neutral('add_to_playlist', {
        msListened: 200_000,
        trackDurationMs: 200_000,
        priorPlayCount: 9,
        recommendationId: 'rec',
        recommendedAt: T0,
        context: 'party',
        features: features({ danceability: 1, energy: 1 }),
      }),
      BOUNDS,
    );
    expect(r.modifiers).toEqual({
      completion: 1.5,
      repeat: 1.25,
      quick_feedback: 1.2,
      context_fit: expect.closeTo(1.1, 12),
    });
    expect(r.finalReward).toBe(2.5); // 1.8·1.5·1.25·1.2·1.1 = 4.455
  });

  it('clamps to the lower bound', () => {
    const input = neutral('dislike', { msListened: 0, trackDurationMs: 200_000 });
    expect(computeReward(input, BOUNDS).finalReward).toBe(-1.5);
    expect(computeReward(input, { rewardMin: -1.2, rewardMax: 2.5 }).finalReward).toBe(-1.2);
  });
});

describe('implicit feedback of a listening event', () => {
  it.each<[number, number | null, 'play' | 'skip']>([
    [29_999, 200_000, 'skip'],
    [30_000, 200_000, 'play'],
    [19_999, 40_000, 'skip'], // short track: half of it is the bar
    [20_000, 40_000, 'play'],
    [29_999, null, 'skip'],
    [30_000, 0, 'play'],
  ])('%d ms of %s → %s', (ms, dur, expected) => {
    expect(implicitFeedbackType(ms, dur)).toBe(expected);
  });
});
