/**
 * One recommendation with the real domain functions (generateCandidates → rankCandidates)
 * and the serving path's snapshot → profile rule, split in two so ablations can share a
 * candidate pool. With FULL_MODEL and one rng for both steps the result equals
 * src/recommender's computeRecommendations (tested): cold-start weights for the stage, the
 * snapshot's Q advantage as the RL signal.
 *
 * Ablations change one thing each:
 *   rl: false               RL signal 0 for every track (Q frozen at zero)
 *   personality: false      personality weight 0, the other weights rescaled to sum 1
 *   diversityNovelty: false diversity and novelty weights 0, the rest rescaled
 */
import { generateCandidates, type CandidateSet } from '../../domain/candidates.js';
import type { CatalogIndex } from '../../domain/catalog-index.js';
import { rankCandidates, type RankedTrack } from '../../domain/ranking.js';
import type { Rng } from '../../domain/rng.js';
import type { ScoreWeights } from '../../domain/scorer.js';
import { snapshotRlAdjustment, type UserSnapshot } from '../../domain/user-snapshot.js';
import { listeningProfileOf, type ListeningProfile } from '../../recommender/listening-profile.js';

export interface Ablation {
  readonly rl: boolean;
  readonly personality: boolean;
  readonly diversityNovelty: boolean;
}

export const FULL_MODEL: Ablation = Object.freeze({ rl: true, personality: true, diversityNovelty: true });

/** Zeroes the ablated weights and rescales the rest to sum 1 (the scorer requires it). */
export function ablatedWeights(weights: Required<ScoreWeights>, ablation: Ablation): Required<ScoreWeights> {
  const kept: Required<ScoreWeights> = {
    ...weights,
    personality: ablation.personality ? weights.personality : 0,
    diversity: ablation.diversityNovelty ? weights.diversity : 0,
    novelty: ablation.diversityNovelty ? weights.novelty : 0,
  };
  const sum = kept.history + kept.personality + kept.diversity + kept.novelty + kept.popularity;
  if (!(sum > 0)) throw new RangeError('the ablation leaves no scoring weight');
  return {
    history: kept.history / sum,
    personality: kept.personality / sum,
    diversity: kept.diversity / sum,
    novelty: kept.novelty / sum,
    popularity: kept.popularity / sum,
  };
}

export interface CandidateInput {
  readonly index: CatalogIndex;
  readonly snapshot: UserSnapshot;
  readonly now: number;
  readonly rng: Rng;
}

export interface Candidates {
  readonly profile: ListeningProfile;
  readonly set: CandidateSet;
}

export function candidatesFor(input: CandidateInput): Candidates {
  const profile = listeningProfileOf(input.snapshot, input.index, input.now);
  const set = generateCandidates({
    index: input.index,
    historyTrackIds: profile.historyTrackIds,
    topGenres: profile.topGenres,
    topBuckets: profile.topBuckets,
    excludeTrackIds: input.snapshot.negatives,
    now: input.now,
    rng: input.rng,
  });
  return { profile, set };
}

export interface RankInput {
  readonly index: CatalogIndex;
  readonly snapshot: UserSnapshot;
  readonly candidates: Candidates;
  readonly weights: Required<ScoreWeights>;
  readonly ablation: Ablation;
  readonly epsilon: number;
  readonly rng: Rng;
  readonly maxResults: number;
}

export function rankFor(input: RankInput): RankedTrack[] {
  const { snapshot, ablation } = input;
  return rankCandidates({
    index: input.index,
    candidates: input.candidates.set,
    user: input.candidates.profile.user,
    weights: ablatedWeights(input.weights, ablation),
    rlSignal: ablation.rl ? (track) => snapshotRlAdjustment(snapshot, track) : () => 0,
    epsilon: input.epsilon,
    rng: input.rng,
    maxResults: input.maxResults,
  });
}
