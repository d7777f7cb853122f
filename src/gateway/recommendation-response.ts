/**
 * Maps a RecommendationReply (Avro, snake_case) to the gateway's JSON (camelCase, like the
 * event bodies it accepts) or to the GatewayError its status stands for.
 */
import type { RecommendationReply, RecommendationRequest, RecommendedTrack } from '../contracts/records.js';
import type { RecommendationsResponse, RecommendedTrackDto } from './api/recommendation.dto.js';
import { GatewayError } from './gateway.error.js';

/** Retry-After when a RATE_LIMITED reply gives no retry_after_ms. */
const DEFAULT_RETRY_AFTER_SECONDS = 1;

export function toRecommendationsResponse(
  request: RecommendationRequest,
  reply: RecommendationReply,
): RecommendationsResponse {
  checkCorrelation(request, reply);
  switch (reply.status) {
    case 'OK':
      return toBody(reply);
    case 'RATE_LIMITED':
      throw new GatewayError(429, reply.error ?? `rate limit reached for user ${reply.user_id}`, {
        retryAfterSeconds: retryAfterSeconds(reply.retry_after_ms),
      });
    case 'BAD_REQUEST':
      throw new GatewayError(400, reply.error ?? 'the recommender rejected the request');
    default:
      // ERROR, and any symbol a newer schema adds (readers map unknown symbols to ERROR).
      throw new GatewayError(502, `recommender failed: ${reply.error ?? reply.status}`);
  }
}

/** Whole seconds, rounded up, and at least 1: "Retry-After: 0" would invite a retry storm. */
export function retryAfterSeconds(retryAfterMs: number | null): number {
  if (retryAfterMs === null || !(retryAfterMs > 0)) return DEFAULT_RETRY_AFTER_SECONDS;
  return Math.max(1, Math.ceil(retryAfterMs / 1000));
}

/** The transport correlates by header; this guards against a responder answering the wrong request. */
function checkCorrelation(request: RecommendationRequest, reply: RecommendationReply): void {
  if (reply.request_id !== request.request_id || reply.user_id !== request.user_id) {
    throw new GatewayError(
      502,
      `reply for request ${reply.request_id} (user ${reply.user_id}) does not answer request ` +
        `${request.request_id} (user ${request.user_id})`,
    );
  }
}

function toBody(reply: RecommendationReply): RecommendationsResponse {
  return {
    requestId: reply.request_id,
    userId: reply.user_id,
    tracks: reply.tracks.map(toTrack),
    coldStartStage: reply.cold_start_stage,
    responseTimeMs: reply.response_time_ms,
    fromCache: reply.from_cache,
    totalCandidates: reply.total_candidates,
    modelVersion: reply.model_version,
    generatedAt: reply.generated_at,
  };
}

function toTrack(t: RecommendedTrack): RecommendedTrackDto {
  return {
    trackId: t.track_id,
    name: t.name,
    artists: t.artists,
    genres: t.genres,
    rank: t.rank,
    scores: {
      historySimilarity: t.scores.history_similarity,
      personalityMatch: t.scores.personality_match,
      diversity: t.scores.diversity,
      novelty: t.scores.novelty,
      rlAdjustment: t.scores.rl_adjustment,
      final: t.scores.final,
    },
    reason: t.reason,
    exploration: t.exploration,
    selectionProbability: t.selection_probability,
  };
}
