import { DEFAULT_WEIGHTS, finalScore, rlAdjustment, validateWeights, weightedScore } from './scorer.js';
import { DomainValidationError } from './types.js';

const components = { historySimilarity: 0.5, personalityMatch: 0.7, diversity: 1.0, novelty: 0.8 };

describe('scorer', () => {
  it('computes the worked example 0.4·0.5 + 0.4·0.7 + 0.1·1.0 + 0.1·0.8 = 0.66', () => {
    expect(finalScore(DEFAULT_WEIGHTS, components)).toBeCloseTo(0.66, 12);
    expect(finalScore(DEFAULT_WEIGHTS, components, 0)).toBeCloseTo(0.66, 12);
  });

  it.each([
    [1, 0.71],
    [-1, 0.61],
    [0.5, 0.685],
  ])('adds the RL signal %p scaled by 0.05 → %p', (signal, expected) => {
    expect(finalScore(DEFAULT_WEIGHTS, components, signal)).toBeCloseTo(expected, 12);
  });

  it('default weights sum to 1 and pass validation', () => {
    const w = validateWeights(DEFAULT_WEIGHTS);
    expect(w.history + w.personality + w.diversity + w.novelty + w.popularity).toBeCloseTo(1, 12);
  });

  it('includes the optional popularity component', () => {
    const w = validateWeights({ history: 0, personality: 0.8, diversity: 0, novelty: 0, popularity: 0.2 });
    expect(weightedScore(w, { ...components, popularity: 0.9 })).toBeCloseTo(0.8 * 0.7 + 0.2 * 0.9, 12);
  });

  it.each([
    [{ history: 0.5, personality: 0.4, diversity: 0.1, novelty: 0.1 }, /sum to 1/],
    [{ history: -0.1, personality: 0.7, diversity: 0.2, novelty: 0.2 }, /history must be a finite number >= 0/],
    [{ history: NaN, personality: 0.4, diversity: 0.1, novelty: 0.1 }, /history/],
    [{ history: 0.4, personality: 0.4, diversity: 0.1, novelty: 0.1, popularity: Infinity }, /popularity/],
  ])('rejects invalid weights %p', (weights, message) => {
    expect(() => validateWeights(weights)).toThrow(DomainValidationError);
    expect(() => validateWeights(weights)).toThrow(message);
  });

  it('accepts sums within 1e-9 of 1', () => {
    expect(() =>
      validateWeights({ history: 0.4 + 5e-10, personality: 0.4, diversity: 0.1, novelty: 0.1 }),
    ).not.toThrow();
  });

  it.each([1.01, -1.5, NaN, Infinity])('rejects RL signal %p outside [-1, 1]', (signal) => {
    expect(() => rlAdjustment(signal)).toThrow(DomainValidationError);
  });
});
