/** Maps a session outcome and its fresh recommendations to the JSON reply. */
import type { SessionOutcome } from '../session/session.service.js';
import type { RecommendationsResponse } from './api/recommendation.dto.js';
import type { SessionResponse } from './api/session.dto.js';

export function toSessionResponse(outcome: SessionOutcome, recommendations: RecommendationsResponse): SessionResponse {
  const { status, syncedAt, report, historyApplied } = outcome.spotify;
  return {
    userId: outcome.userId,
    newUser: outcome.created,
    createdAt: outcome.createdAt,
    spotify: {
      status,
      syncedAt,
      topTracks: report?.topTracks ?? 0,
      recentPlays: report?.recentPlays ?? 0,
      playsPublished: report?.eventIds.length ?? 0,
      tracksAdded: report?.tracksAdded ?? 0,
      tracksWithoutFeatures: report?.tracksWithoutFeatures ?? 0,
      audioFeatures: report?.audioFeatures ? { ...report.audioFeatures } : null,
      historyApplied,
    },
    warnings: [...outcome.warnings],
    recommendations,
  };
}
