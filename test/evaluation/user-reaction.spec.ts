import { implicitFeedbackType } from '../../src/domain/reward.js';
import { createRng } from '../../src/domain/rng.js';
import { syntheticTracks } from '../../src/domain/test-fixtures.js';
import { reactionEvents } from '../../src/evaluation/simulation/reaction-events.js';
import {
  drawOutcome,
  expectedReward,
  OUTCOME_REWARD,
  OUTCOMES,
  outcomeProbabilities,
  type Outcome,
} from '../../src/evaluation/simulation/user-reaction.js';

describe('simulated reactions', () => {
  it('matches the hand-computed probabilities at u = 0.4 (P(play) = ½)', () => {
    const p = outcomeProbabilities(0.4);
    const like = 1 / (1 + Math.exp(2.5)); // σ(10·(0.4 − 0.65))
    const save = 1 / (1 + Math.exp(4)); // σ(10·(0.4 − 0.8))
    expect(p.save).toBeCloseTo(0.5 * like * save, 12);
    expect(p.play).toBeCloseTo(0.5 * (1 - like), 12);
    expect(p.dislike).toBeCloseTo(0.5 * like, 12); // σ(10·(0.15 − 0.4)) = σ(−2.5) = like
    expect(expectedReward(0.4)).toBeCloseTo(0.200341, 6);
  });

  it('has probabilities summing to 1 and an expected reward increasing in utility', () => {
    let previous = -Infinity;
    for (let u = 0; u <= 1.0001; u += 0.05) {
      const p = outcomeProbabilities(u);
      expect(OUTCOMES.reduce((s, o) => s + p[o], 0)).toBeCloseTo(1, 12);
      expect(expectedReward(u)).toBeGreaterThan(previous);
      previous = expectedReward(u);
    }
  });

  it('draws outcomes with the model’s frequencies (seeded)', () => {
    const rng = createRng('reactions');
    const n = 20_000;
    const counts = new Map<Outcome, number>();
    for (let i = 0; i < n; i++) {
      const o = drawOutcome(0.55, rng);
      counts.set(o, (counts.get(o) ?? 0) + 1);
    }
    const p = outcomeProbabilities(0.55);
    for (const o of OUTCOMES)
      expect(Math.abs((counts.get(o) ?? 0) / n - p[o])).toBeLessThan(4 * Math.sqrt(p[o] / n) + 1e-3);
  });

  it('rewards outcomes with the sum of the product’s base rewards', () => {
    expect(OUTCOME_REWARD).toEqual({ save: 2.3, like: 1.8, play: 0.8, skip: -0.4, dislike: -1.4 });
  });

  it('sends a skip as a listening event the implicit rule reads as a skip, plus the feedback', () => {
    const [track] = syntheticTracks(1);
    const base = {
      userId: 'u',
      track,
      slotId: 'u:r0:0',
      recommendationId: 'u:r0',
      recommendedAt: 1.7e12,
      occurredAt: 1.7e12 + 30_000,
    };
    const disliked = reactionEvents({ ...base, outcome: 'dislike' });
    expect(disliked.map((e) => e.kind)).toEqual(['listening', 'feedback']);
    expect(implicitFeedbackType(disliked[0].msListened as number, track.durationMs)).toBe('skip');
    expect(disliked[1]).toMatchObject({ feedbackType: 'dislike', eventId: 'u:r0:0:dislike' });
    const played = reactionEvents({ ...base, outcome: 'play' });
    expect(played).toHaveLength(1);
    expect(implicitFeedbackType(played[0].msListened as number, track.durationMs)).toBe('play');
  });
});
