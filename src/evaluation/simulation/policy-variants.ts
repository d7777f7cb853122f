/**
 * The policies the simulation compares. All use the real candidate generation, ranking and
 * reducer; they differ only in what is allowed to learn, ε and replay:
 *
 *   learned      production defaults: ε = 0.1, replay every 10th event
 *   eps-0 / eps-0.3   the same with another ε
 *   no-replay    replay never runs (replayEvery = MAX_SAFE_INTEGER)
 *   no-learning  "same scorer, RL off": the recommender sees Q frozen at zero and no learned
 *                genre/bucket preference; listening history and recent negatives still
 *                evolve, as they are plain records, not learning
 *   static       nothing the user does reaches the recommender (the initial snapshot forever)
 */
export type Learning = 'full' | 'frozen' | 'none';

export interface PolicyVariant {
  readonly name: string;
  readonly epsilon: number;
  readonly replay: boolean;
  readonly learning: Learning;
}

export const POLICY_VARIANTS: readonly PolicyVariant[] = Object.freeze([
  { name: 'learned', epsilon: 0.1, replay: true, learning: 'full' },
  { name: 'eps-0', epsilon: 0, replay: true, learning: 'full' },
  { name: 'eps-0.3', epsilon: 0.3, replay: true, learning: 'full' },
  { name: 'no-replay', epsilon: 0.1, replay: false, learning: 'full' },
  { name: 'no-learning', epsilon: 0.1, replay: true, learning: 'frozen' },
  { name: 'static', epsilon: 0.1, replay: true, learning: 'none' },
]);

export function variantNamed(name: string): PolicyVariant {
  const found = POLICY_VARIANTS.find((v) => v.name === name);
  if (!found) throw new RangeError(`unknown policy variant ${name}`);
  return found;
}
