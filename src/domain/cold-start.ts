/**
 * Cold-start stages by account age in whole days, age = floor((now − createdAt) / 86 400 000):
 *   week_1       0..7   → 80% personality, 20% popularity (popularity/100)
 *   weeks_2_4    8..28  → 60% personality, 40% history
 *   month_2_plus 29..   → the seed formula (40/40/10/10)
 * A createdAt in the future (clock skew) counts as age 0.
 */
import { DEFAULT_WEIGHTS, type ScoreWeights } from './scorer.js';
import { DomainValidationError } from './types.js';
import { MS_PER_DAY } from './history-similarity.js';

export const COLD_START_STAGES = ['week_1', 'weeks_2_4', 'month_2_plus'] as const;
export type ColdStartStage = (typeof COLD_START_STAGES)[number];

/** Last day (inclusive) of each early stage. */
export const WEEK_1_LAST_DAY = 7;
export const WEEKS_2_4_LAST_DAY = 28;

const STAGE_WEIGHTS: Readonly<Record<ColdStartStage, Required<ScoreWeights>>> = {
  week_1: Object.freeze({ history: 0, personality: 0.8, diversity: 0, novelty: 0, popularity: 0.2 }),
  weeks_2_4: Object.freeze({ history: 0.4, personality: 0.6, diversity: 0, novelty: 0, popularity: 0 }),
  month_2_plus: Object.freeze({ ...DEFAULT_WEIGHTS, popularity: 0 }),
};

/** Whole days since account creation; throws on non-finite times. */
export function accountAgeDays(now: number, createdAt: number): number {
  if (!Number.isFinite(now) || !Number.isFinite(createdAt)) {
    throw new DomainValidationError(
      'invalid-time',
      `now and createdAt must be finite epoch ms, got ${now}, ${createdAt}`,
    );
  }
  return Math.max(0, Math.floor((now - createdAt) / MS_PER_DAY));
}

export function stageForAge(ageDays: number): ColdStartStage {
  if (ageDays <= WEEK_1_LAST_DAY) return 'week_1';
  if (ageDays <= WEEKS_2_4_LAST_DAY) return 'weeks_2_4';
  return 'month_2_plus';
}

export function coldStartStage(options: { readonly now: number; readonly createdAt: number }): ColdStartStage {
  return stageForAge(accountAgeDays(options.now, options.createdAt));
}

export function weightsForStage(stage: ColdStartStage): Required<ScoreWeights> {
  return STAGE_WEIGHTS[stage];
}
