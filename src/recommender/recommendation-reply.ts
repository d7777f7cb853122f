/** Replies, decision records and log rows, built from a served list. Pure. */
import type {
  Decision,
  RecommendationReply,
  RecommendationRequest,
  RecommendedTrack,
  ReplyStatus,
} from '../contracts/records.js';
import type { RecommendationLogRow } from '../infra/postgres/recommendation.repository.js';
import type { RecommendationList } from './recommendation-list.js';

/** What one answered request serves: a list and the tracks of it shown this time. */
export interface Served {
  readonly requestId: string;
  readonly list: RecommendationList;
  readonly tracks: readonly RecommendedTrack[];
  readonly fromCache: boolean;
}

/** response_time_ms is filled in by the caller once everything is done. */
export function okReply(served: Served): RecommendationReply {
  const { list } = served;
  return {
    request_id: served.requestId,
    user_id: list.user_id,
    status: 'OK',
    error: null,
    retry_after_ms: null,
    tracks: [...served.tracks],
    cold_start_stage: list.cold_start_stage,
    response_time_ms: 0,
    from_cache: served.fromCache,
    total_candidates: list.total_candidates,
    model_version: list.model_version,
    // When the list was computed: a cached answer shows its age.
    generated_at: list.generated_at,
  };
}

/** A reply without tracks; stage and model version are empty because none was looked at. */
export function statusReply(
  request: Pick<RecommendationRequest, 'request_id' | 'user_id'>,
  status: Exclude<ReplyStatus, 'OK'>,
  details: { error: string; retryAfterMs?: number; now: number },
): RecommendationReply {
  return {
    request_id: request.request_id,
    user_id: request.user_id,
    status,
    error: details.error,
    retry_after_ms: details.retryAfterMs ?? null,
    tracks: [],
    cold_start_stage: '',
    response_time_ms: 0,
    from_cache: false,
    total_candidates: 0,
    model_version: '',
    generated_at: details.now,
  };
}

/**
 * The decision record of one answered request. Selection probabilities are those of the
 * computation that produced the list; a cache hit re-serves them with renumbered ranks.
 */
export function decisionOf(served: Served, decidedAt: number): Decision {
  const { list } = served;
  return {
    request_id: served.requestId,
    user_id: list.user_id,
    decided_at: decidedAt,
    candidates_considered: list.total_candidates,
    epsilon: list.epsilon,
    cold_start_stage: list.cold_start_stage,
    model_version: list.model_version,
    chosen: served.tracks.map((t) => ({
      track_id: t.track_id,
      rank: t.rank,
      final_score: t.scores.final,
      exploration: t.exploration,
      selection_probability: t.selection_probability,
    })),
  };
}

export function logRowsOf(served: Served, createdAt: number): RecommendationLogRow[] {
  const { list } = served;
  return served.tracks.map((t) => ({
    requestId: served.requestId,
    userId: list.user_id,
    trackId: t.track_id,
    rank: t.rank,
    historySimilarity: t.scores.history_similarity,
    personalityMatch: t.scores.personality_match,
    diversity: t.scores.diversity,
    novelty: t.scores.novelty,
    rlAdjustment: t.scores.rl_adjustment,
    finalScore: t.scores.final,
    reason: t.reason,
    exploration: t.exploration,
    // (1 − ε) + ε/r can round a hair above 1; the column is CHECKed to [0, 1].
    selectionProbability: Math.min(1, t.selection_probability),
    coldStartStage: list.cold_start_stage,
    modelVersion: list.model_version,
    createdAt,
  }));
}
