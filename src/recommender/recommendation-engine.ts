/**
 * One recommendation, computed: cold-start stage → candidates → ε-greedy ranking.
 * Pure (time and the rng seed are inputs), so a request id and a snapshot always give
 * the same list — which is what makes a logged decision reproducible.
 */
import { generateCandidates } from '../domain/candidates.js';
import type { CatalogIndex } from '../domain/catalog-index.js';
import { coldStartStage, type ColdStartStage, weightsForStage } from '../domain/cold-start.js';
import { rankCandidates, type RankedTrack } from '../domain/ranking.js';
import { createRng } from '../domain/rng.js';
import { snapshotRlAdjustmentOfKey, type UserSnapshot } from '../domain/user-snapshot.js';
import { listeningProfileOf } from './listening-profile.js';

export interface EngineInput {
  readonly index: CatalogIndex;
  readonly snapshot: UserSnapshot;
  /** Account creation, epoch ms (drives the cold-start stage). */
  readonly createdAt: number;
  readonly now: number;
  readonly epsilon: number;
  readonly maxResults: number;
  /** Seeds candidate sampling and exploration; the request id, so a retried request ranks alike. */
  readonly seed: string;
}

export interface EngineResult {
  readonly stage: ColdStartStage;
  readonly ranked: readonly RankedTrack[];
  readonly totalCandidates: number;
}

export function computeRecommendations(input: EngineInput): EngineResult {
  const { index, snapshot, now } = input;
  const stage = coldStartStage({ now, createdAt: input.createdAt });
  const profile = listeningProfileOf(snapshot, index, now);
  const rng = createRng(input.seed);
  const candidates = generateCandidates({
    index,
    historyTrackIds: profile.historyTrackIds,
    topGenres: profile.topGenres,
    topBuckets: profile.topBuckets,
    excludeTrackIds: snapshot.negatives,
    now,
    rng,
  });
  const ranked = rankCandidates({
    index,
    candidates,
    user: profile.user,
    weights: weightsForStage(stage),
    rlSignalOfKey: (key) => snapshotRlAdjustmentOfKey(snapshot, key),
    epsilon: input.epsilon,
    rng,
    maxResults: input.maxResults,
  });
  return { stage, ranked, totalCandidates: candidates.indices.length };
}
