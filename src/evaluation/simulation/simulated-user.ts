/**
 * A simulated user: hidden taste, per-track utility and expected reward over the whole
 * catalog, and the catalog oracle's value (the k best tracks by expected reward).
 */
import type { CatalogIndex } from '../../domain/catalog-index.js';
import { createRng } from '../../domain/rng.js';
import { DEFAULT_TASTE_MODEL, drawTaste, utilitiesOf, type HiddenTaste, type TasteModel } from './hidden-taste.js';
import { DEFAULT_REACTION_MODEL, expectedReward, type ReactionModel } from './user-reaction.js';

export interface SimulatedUser {
  readonly userId: string;
  readonly taste: HiddenTaste;
  /** Hidden utility per catalog index. */
  readonly utility: Float64Array;
  /** E[reward | utility] per catalog index. */
  readonly expected: Float64Array;
  /** Σ of the `shown` largest expected rewards in the catalog: the best any list could do. */
  readonly catalogOracle: number;
}

export interface UserModel {
  readonly taste: TasteModel;
  readonly reaction: ReactionModel;
}

export const DEFAULT_USER_MODEL: UserModel = Object.freeze({
  taste: DEFAULT_TASTE_MODEL,
  reaction: DEFAULT_REACTION_MODEL,
});

/** Sum of the k largest values. */
export function topSum(values: ArrayLike<number>, k: number): number {
  const sorted = Float64Array.from(values).sort().reverse();
  let sum = 0;
  for (let i = 0; i < Math.min(k, sorted.length); i++) sum += sorted[i];
  return sum;
}

export function simulatedUser(o: {
  index: CatalogIndex;
  userId: string;
  seed: string;
  shown: number;
  model?: UserModel;
}): SimulatedUser {
  const model = o.model ?? DEFAULT_USER_MODEL;
  const taste = drawTaste(o.index, createRng(`${o.seed}:taste:${o.userId}`), model.taste);
  const utility = utilitiesOf(o.index, taste, model.taste);
  const expected = utility.map((u) => expectedReward(u, model.reaction));
  return { userId: o.userId, taste, utility, expected, catalogOracle: topSum(expected, o.shown) };
}
