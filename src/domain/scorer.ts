/**
 * The seed formula: final = Σ weight_c · component_c + 0.05 · rlSignal.
 * Components are in [0,1]; weights are non-negative and sum to 1, so the weighted part is
 * in [0,1] and the final score in [−0.05, 1.05]. See docs/scoring.md.
 */
import { DomainValidationError } from './types.js';

export interface ScoreWeights {
  readonly history: number;
  readonly personality: number;
  readonly diversity: number;
  readonly novelty: number;
  /** Popularity score popularity/100; only the week-1 cold-start stage uses it. */
  readonly popularity?: number;
}

/** Product seed weights: 40% history, 40% personality, 10% diversity, 10% novelty. */
export const DEFAULT_WEIGHTS: ScoreWeights = Object.freeze({
  history: 0.4,
  personality: 0.4,
  diversity: 0.1,
  novelty: 0.1,
  popularity: 0,
});

/** The RL signal in [−1,1] moves the final score by at most ±0.05: it nudges, never overrides. */
export const RL_SCALE = 0.05;
export const WEIGHT_SUM_TOLERANCE = 1e-9;

export interface ComponentScores {
  readonly historySimilarity: number;
  readonly personalityMatch: number;
  readonly diversity: number;
  readonly novelty: number;
  /** popularity/100; 0 when unused. */
  readonly popularity?: number;
}

const WEIGHT_KEYS = ['history', 'personality', 'diversity', 'novelty', 'popularity'] as const;

/** Returns complete weights (popularity defaulted to 0) or throws listing every problem. */
export function validateWeights(weights: ScoreWeights): Required<ScoreWeights> {
  const full: Required<ScoreWeights> = { ...weights, popularity: weights.popularity ?? 0 };
  const problems: string[] = [];
  let sum = 0;
  for (const key of WEIGHT_KEYS) {
    const w = full[key];
    if (typeof w !== 'number' || !Number.isFinite(w) || w < 0) {
      problems.push(`${key} must be a finite number >= 0, got ${String(w)}`);
    } else {
      sum += w;
    }
  }
  if (problems.length === 0 && Math.abs(sum - 1) > WEIGHT_SUM_TOLERANCE) {
    problems.push(`weights must sum to 1 (±${WEIGHT_SUM_TOLERANCE}), got ${sum}`);
  }
  if (problems.length > 0)
    throw new DomainValidationError('invalid-weights', `Invalid score weights: ${problems.join('; ')}`);
  return full;
}

/** The RL adjustment: signal ∈ [−1,1] scaled by RL_SCALE. Out-of-range or non-finite input is a bug upstream. */
export function rlAdjustment(signal: number): number {
  if (!Number.isFinite(signal) || signal < -1 || signal > 1) {
    throw new DomainValidationError('invalid-rl-signal', `RL signal must be a finite number in [-1, 1], got ${signal}`);
  }
  return RL_SCALE * signal;
}

/** Weighted sum of the components, without the RL term. Weights must already be validated. */
export function weightedScore(weights: Required<ScoreWeights>, c: ComponentScores): number {
  return (
    weights.history * c.historySimilarity +
    weights.personality * c.personalityMatch +
    weights.diversity * c.diversity +
    weights.novelty * c.novelty +
    weights.popularity * (c.popularity ?? 0)
  );
}

/** final = weightedScore + RL_SCALE · rlSignal (validates weights and signal). */
export function finalScore(weights: ScoreWeights, components: ComponentScores, rlSignal = 0): number {
  return weightedScore(validateWeights(weights), components) + rlAdjustment(rlSignal);
}
