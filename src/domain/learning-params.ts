/** Learning hyper-parameters. Validate once where they enter (config); the reducer trusts them. */
import { DomainValidationError } from './types.js';

export interface LearningParams {
  /** Step size of the Q update and of the genre-preference EMA, in (0, 1]. */
  readonly alpha: number;
  /** Discount, in [0, 1). Kept for the model record; the specified one-step update does not use it (docs/learning.md). */
  readonly gamma: number;
  /** Exploration rate the recommender uses, in [0, 1]; the event path does not read it. */
  readonly epsilon: number;
  readonly replayCapacity: number;
  readonly replayBatchSize: number;
  /** Replay runs after every `replayEvery`-th applied event. */
  readonly replayEvery: number;
  /** Final-reward clamp; rewardMin < 0 < rewardMax. */
  readonly rewardMin: number;
  readonly rewardMax: number;
}

export const DEFAULT_LEARNING_PARAMS: LearningParams = Object.freeze({
  alpha: 0.1,
  gamma: 0.95,
  epsilon: 0.1,
  replayCapacity: 10_000,
  replayBatchSize: 32,
  replayEvery: 10,
  rewardMin: -2,
  rewardMax: 2.5,
});

const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const isPosInt = (x: unknown): x is number => isNum(x) && Number.isInteger(x) && x > 0;

const show = (x: unknown): string => (typeof x === 'string' ? JSON.stringify(x) : String(x));

type Check = readonly [field: keyof LearningParams, ok: boolean, rule: string];

function checks(p: Readonly<Record<keyof LearningParams, unknown>>): Check[] {
  const { alpha: a, gamma: g, epsilon: e, rewardMin: lo, rewardMax: hi } = p;
  return [
    ['alpha', isNum(a) && a > 0 && a <= 1, 'must be in (0, 1]'],
    ['gamma', isNum(g) && g >= 0 && g < 1, 'must be in [0, 1)'],
    ['epsilon', isNum(e) && e >= 0 && e <= 1, 'must be in [0, 1]'],
    ['replayCapacity', isPosInt(p.replayCapacity), 'must be a positive integer'],
    ['replayBatchSize', isPosInt(p.replayBatchSize), 'must be a positive integer'],
    ['replayEvery', isPosInt(p.replayEvery), 'must be a positive integer'],
    ['rewardMin', isNum(lo) && lo < 0, 'must be a finite number < 0'],
    ['rewardMax', isNum(hi) && hi > 0, 'must be a finite number > 0'],
  ];
}

/**
 * Returns the params typed, or throws one DomainValidationError('invalid-learning-params')
 * whose message names every bad field, so a bad config is fixed in one round.
 */
export function validateLearningParams(p: Readonly<Record<keyof LearningParams, unknown>>): LearningParams {
  const problems = checks(p)
    .filter(([, ok]) => !ok)
    .map(([field, , rule]) => `${field} ${rule} (got ${show(p[field])})`);
  const { replayBatchSize: batch, replayCapacity: cap } = p;
  if (isPosInt(batch) && isPosInt(cap) && batch > cap) {
    problems.push(`replayBatchSize must be <= replayCapacity (got ${batch} > ${cap})`);
  }
  if (problems.length > 0) {
    throw new DomainValidationError('invalid-learning-params', `invalid learning params: ${problems.join('; ')}`);
  }
  return p as LearningParams;
}

/** Defaults with overrides, validated. */
export function learningParams(overrides: Partial<LearningParams> = {}): LearningParams {
  return validateLearningParams({ ...DEFAULT_LEARNING_PARAMS, ...overrides });
}
