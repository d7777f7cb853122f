/**
 * How a simulated user reacts to a shown track, as logistic functions of its hidden
 * utility u ∈ [0, 1] (σ(x) = 1 / (1 + e^−x), slope s):
 *
 *   P(play)          = σ(s·(u − playAt))        else the track is skipped
 *   P(like | play)   = σ(s·(u − likeAt))
 *   P(save | like)   = σ(s·(u − saveAt))        a save replaces the like
 *   P(dislike | skip)= σ(s·(dislikeAt − u))
 *
 * Outcome → events sent through the reducer: every outcome is one listening event (a full
 * listen, or 10 % of the track, which the implicit rule reads as a skip); like, save and
 * dislike add a feedback event. The simulation's reward of an outcome is the sum of the
 * product's base rewards of its events (docs/learning.md), so it is on the product's scale.
 */
import { BASE_REWARDS } from '../../domain/reward.js';
import type { Rng } from '../../domain/rng.js';
import type { FeedbackType } from '../../domain/types.js';

export const OUTCOMES = ['save', 'like', 'play', 'skip', 'dislike'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export interface ReactionModel {
  readonly slope: number;
  readonly playAt: number;
  readonly likeAt: number;
  readonly saveAt: number;
  readonly dislikeAt: number;
}

/**
 * Thresholds sit on the utility scale of DEFAULT_TASTE_MODEL: a random catalog track
 * (u ≈ 0.2) is played ≈ 12 % of the time, a liked-genre track near the preferred sound
 * (u ≈ 0.85) almost always, and liked then too.
 */
export const DEFAULT_REACTION_MODEL: ReactionModel = Object.freeze({
  slope: 10,
  playAt: 0.4,
  likeAt: 0.65,
  saveAt: 0.8,
  dislikeAt: 0.15,
});

export const OUTCOME_FEEDBACK: Readonly<Record<Outcome, FeedbackType | null>> = {
  save: 'save',
  like: 'like',
  play: null,
  skip: null,
  dislike: 'dislike',
};

export const OUTCOME_REWARD: Readonly<Record<Outcome, number>> = Object.freeze({
  save: BASE_REWARDS.play + BASE_REWARDS.save,
  like: BASE_REWARDS.play + BASE_REWARDS.like,
  play: BASE_REWARDS.play,
  skip: BASE_REWARDS.skip,
  dislike: BASE_REWARDS.skip + BASE_REWARDS.dislike,
});

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

export function outcomeProbabilities(u: number, m: ReactionModel = DEFAULT_REACTION_MODEL): Record<Outcome, number> {
  const play = sigmoid(m.slope * (u - m.playAt));
  const like = sigmoid(m.slope * (u - m.likeAt));
  const save = sigmoid(m.slope * (u - m.saveAt));
  const dislike = sigmoid(m.slope * (m.dislikeAt - u));
  return {
    save: play * like * save,
    like: play * like * (1 - save),
    play: play * (1 - like),
    skip: (1 - play) * (1 - dislike),
    dislike: (1 - play) * dislike,
  };
}

/** E[reward | u]; strictly increasing in u, so ranking by it equals ranking by utility. */
export function expectedReward(u: number, m: ReactionModel = DEFAULT_REACTION_MODEL): number {
  const p = outcomeProbabilities(u, m);
  return OUTCOMES.reduce((sum, o) => sum + p[o] * OUTCOME_REWARD[o], 0);
}

/** One draw: a single uniform number against the cumulative probabilities, in OUTCOMES order. */
export function drawOutcome(u: number, rng: Rng, m: ReactionModel = DEFAULT_REACTION_MODEL): Outcome {
  const p = outcomeProbabilities(u, m);
  let x = rng.next();
  for (const o of OUTCOMES) {
    if (x < p[o]) return o;
    x -= p[o];
  }
  return 'dislike'; // float remainder of the last bucket
}
