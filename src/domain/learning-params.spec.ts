import { DEFAULT_LEARNING_PARAMS, learningParams, validateLearningParams } from './learning-params.js';
import { DomainValidationError } from './types.js';

const errorOf = (f: () => unknown): DomainValidationError => {
  try {
    f();
  } catch (err) {
    return err as DomainValidationError;
  }
  throw new Error('expected a throw');
};

describe('learning params', () => {
  it('has the specified defaults, which are valid', () => {
    expect(DEFAULT_LEARNING_PARAMS).toEqual({
      alpha: 0.1,
      gamma: 0.95,
      epsilon: 0.1,
      replayCapacity: 10_000,
      replayBatchSize: 32,
      replayEvery: 10,
      rewardMin: -2,
      rewardMax: 2.5,
    });
    expect(validateLearningParams(DEFAULT_LEARNING_PARAMS)).toBe(DEFAULT_LEARNING_PARAMS);
    expect(learningParams({ alpha: 1, gamma: 0, epsilon: 1 }).alpha).toBe(1);
  });

  it('lists every bad field in one error', () => {
    const err = errorOf(() =>
      validateLearningParams({
        ...DEFAULT_LEARNING_PARAMS,
        alpha: 0,
        gamma: 1,
        epsilon: -0.1,
        replayEvery: 2.5,
        replayCapacity: '10',
      }),
    );
    expect(err).toBeInstanceOf(DomainValidationError);
    expect(err.code).toBe('invalid-learning-params');
    expect(err.retriable).toBe(false);
    for (const field of ['alpha', 'gamma', 'epsilon', 'replayEvery', 'replayCapacity'])
      expect(err.message).toContain(field);
    expect(err.message).toContain('(got "10")');
    expect(err.message).not.toContain('replayBatchSize');
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['NaN alpha', { alpha: NaN }, 'alpha must be in (0, 1] (got NaN)'],
    ['batch above capacity', { replayCapacity: 8, replayBatchSize: 32 }, 'replayBatchSize must be <= replayCapacity'],
    ['zero batch', { replayBatchSize: 0 }, 'replayBatchSize must be a positive integer'],
    ['reward bounds', { rewardMin: 0, rewardMax: -1 }, 'rewardMin must be a finite number < 0'],
  ])('%s', (_name, over, message) => {
    expect(errorOf(() => validateLearningParams({ ...DEFAULT_LEARNING_PARAMS, ...over })).message).toContain(message);
  });
});
