import { accountAgeDays, coldStartStage, stageForAge, weightsForStage, COLD_START_STAGES } from './cold-start.js';
import { validateWeights } from './scorer.js';
import { DomainValidationError } from './types.js';

const DAY = 86_400_000;
const createdAt = Date.UTC(2026, 0, 1);

describe('cold start', () => {
  it.each([
    [0, 'week_1'],
    [7 * DAY, 'week_1'],
    [8 * DAY - 1, 'week_1'],
    [8 * DAY, 'weeks_2_4'],
    [28 * DAY, 'weeks_2_4'],
    [29 * DAY - 1, 'weeks_2_4'],
    [29 * DAY, 'month_2_plus'],
    [400 * DAY, 'month_2_plus'],
    [-3 * DAY, 'week_1'],
  ])('account age %p ms → %p', (age, stage) => {
    expect(coldStartStage({ now: createdAt + age, createdAt })).toBe(stage);
  });

  it.each([
    [7, 'week_1'],
    [8, 'weeks_2_4'],
    [28, 'weeks_2_4'],
    [29, 'month_2_plus'],
  ])('day %p → %p', (days, stage) => {
    expect(stageForAge(days)).toBe(stage);
  });

  it('age is whole days, floored, never negative', () => {
    expect(accountAgeDays(createdAt + 7.9 * DAY, createdAt)).toBe(7);
    expect(accountAgeDays(createdAt - DAY, createdAt)).toBe(0);
    expect(() => accountAgeDays(NaN, createdAt)).toThrow(DomainValidationError);
  });

  it.each([
    ['week_1', { history: 0, personality: 0.8, diversity: 0, novelty: 0, popularity: 0.2 }],
    ['weeks_2_4', { history: 0.4, personality: 0.6, diversity: 0, novelty: 0, popularity: 0 }],
    ['month_2_plus', { history: 0.4, personality: 0.4, diversity: 0.1, novelty: 0.1, popularity: 0 }],
  ] as const)('weights for %p', (stage, weights) => {
    expect(weightsForStage(stage)).toEqual(weights);
  });

  it('every stage has valid weights', () => {
    for (const stage of COLD_START_STAGES) expect(() => validateWeights(weightsForStage(stage))).not.toThrow();
  });
});
