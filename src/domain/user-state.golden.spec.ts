import { learningParams } from './learning-params.js';
import { CHILL, feedbackEvent, HYPE, listenEvent, T0 } from './test-fixtures.js';
import type { Track } from './types.js';
import { applyEvent, initialUserState, type UserEvent } from './user-state.js';

const GOLDEN: Array<[UserEvent, Track | null]> = [
  [listenEvent('e1', 'T1', 0, 200_000, 200_000, 'workout'), HYPE],
  [listenEvent('e2', 'T1', 300_000, 100_000, 200_000), HYPE],
  [
    feedbackEvent('e3', 'T1', 600_000, {
      feedbackType: 'like',
      recommendationId: 'rec-1',
      recommendedAt: T0 + 585_000,
    }),
    HYPE,
  ],
  [listenEvent('e4', 'T2', 900_000, 10_000, 180_000, 'study'), CHILL],
  [
    feedbackEvent('e5', 'T2', 905_000, {
      feedbackType: 'dislike',
      msListened: 5_000,
      trackDurationMs: 180_000,
      context: 'relax',
      recommendationId: 'rec-2',
      recommendedAt: T0 + 900_000,
    }),
    CHILL,
  ],
  [feedbackEvent('e6', 'T2', 1_000_000, { feedbackType: 'save', context: 'sleep' }), CHILL],
  [feedbackEvent('e7', 'T404', 1_100_000, { feedbackType: 'skip', msListened: 3_000, trackDurationMs: 200_000 }), null],
  [
    feedbackEvent('e8', 'T1', 1_200_000, {
      feedbackType: 'add_to_playlist',
      msListened: 200_000,
      trackDurationMs: 200_000,
      context: 'party',
      recommendationId: 'rec-3',
      recommendedAt: T0 + 1_199_000,
    }),
    HYPE,
  ],
];
const K1 = 'O1C1E1A1N1|e2v1d2t2|Hype Beats';
const K2 = 'O1C1E1A1N1|e0v0d0t0|Lo-fi Chill';
const KX = 'O1C1E1A1N1|exvxdxtx|Other';

/** Worked by hand (docs/learning.md): [type, base, completion, repeat, quick, context, final, key, qBefore, qAfter]. */
const EXPECTED: Array<[string, number, number, number, number, number, number, string, number, number]> = [
  // play, full listen, workout fit (0.9 + 80/120)/2 = 0.78333 → 1.0566667; 0.8·1.5·1.0566667
  ['play', 0.8, 1.5, 1, 1, 1.0566666667, 1.268, K1, 0, 0.1268],
  // play, half listen, 1 prior play; 0.8·1.25·1.05
  ['play', 0.8, 1.25, 1.05, 1, 1, 1.05, K1, 0.1268, 0.21912],
  // like 15 s after the recommendation: 1 + 0.2·(1 − 15/60) = 1.15; 2 prior plays → 1.1
  ['like', 1, 1, 1.1, 1.15, 1, 1.265, K1, 0.21912, 0.323708],
  // 10 s of 180 s is a skip: 1 + 0.5·(1 − 1/18)
  ['skip', -0.4, 1.4722222222, 1, 1, 1, -0.5888888889, K2, 0, -0.0588888889],
  // early dislike: 1 + 0.5·(1 − 1/36); negative → no quick/context factor
  ['dislike', -1, 1.4861111111, 1, 1, 1, -1.4861111111, K2, -0.0588888889, -0.2016111111],
  // save, 1 prior play, sleep fit (0.8 + 0.9)/2 = 0.85 → 1.07; 1.5·1.05·1.07
  ['save', 1.5, 1, 1.05, 1, 1.07, 1.68525, K2, -0.2016111111, -0.012925],
  // unknown track: x bins; 1 + 0.5·(1 − 0.015)
  ['skip', -0.4, 1.4925, 1, 1, 1, -0.597, KX, 0, -0.0597],
  // 1.8·1.5·1.1·(1 + 0.2·59/60)·1.07 = 3.8029 → clamped to 2.5
  ['add_to_playlist', 1.8, 1.5, 1.1, 1.1966666667, 1.07, 2.5, K1, 0.323708, 0.5413372],
];

const NO_REPLAY = learningParams({ replayEvery: 1_000 });

describe('applyEvent golden sequence', () => {
  const state = initialUserState('u1');
  const outcomes = GOLDEN.map(([e, t]) => applyEvent(state, e, t, NO_REPLAY).outcome);

  it.each(EXPECTED.map((row, i) => [i + 1, ...row] as const))(
    'event %d: %s',
    (i, type, baseReward, completion, repeat, quick, context, finalReward, stateKey, qBefore, qAfter) => {
      const o = outcomes[i - 1];
      expect(o).toMatchObject({
        eventId: `e${i}`,
        feedbackType: type,
        baseReward,
        stateKey,
        action: 'recommend',
        modelVersion: i,
        replayed: 0,
      });
      const m = o.modifiers;
      [m.completion, m.repeat, m.quick_feedback, m.context_fit].forEach((v, j) =>
        expect(v).toBeCloseTo([completion, repeat, quick, context][j], 9),
      );
      expect(o.finalReward).toBeCloseTo(finalReward, 9);
      expect(o.qBefore).toBeCloseTo(qBefore, 9);
      expect(o.qAfter).toBeCloseTo(qAfter, 9);
    },
  );

  it('ends with the hand-computed Q-table, preferences and history', () => {
    expect(state.modelVersion).toBe(8);
    expect(state.episodes).toBe(8);
    expect([...state.q.keys()]).toEqual([K1, K2, KX]);
    expect(state.q.get(K1)![0]).toBeCloseTo(0.5413372, 12);
    expect(state.q.get(K2)![0]).toBeCloseTo(-0.012925, 12);
    expect(state.q.get(KX)![0]).toBeCloseTo(-0.0597, 12);
    for (const g of ['edm', 'house'])
      expect(state.preferences.genres.get(g)).toEqual({ score: expect.closeTo(0.5413372, 12), count: 4 });
    expect(state.preferences.genres.get('ambient')).toEqual({ score: expect.closeTo(-0.012925, 12), count: 3 });
    expect(state.preferences.buckets.get('Hype Beats')).toEqual({ score: expect.closeTo(0.5413372, 12), count: 4 });
    expect(state.preferences.buckets.get('Lo-fi Chill')?.count).toBe(3);
    expect(state.preferences.buckets.has('Other')).toBe(false); // unknown track: no genre update
    expect(Object.fromEntries(state.history)).toEqual({
      T1: { playCount: 2, totalListenMs: 300_000, firstPlayedAt: T0, lastPlayedAt: T0 + 300_000 },
      T2: { playCount: 1, totalListenMs: 10_000, firstPlayedAt: T0 + 900_000, lastPlayedAt: T0 + 900_000 },
    });
    expect(state.replay.items).toHaveLength(8);
  });
});
