/**
 * The user's most recently served list, from the recommendation log
 * (music_recommendations: one row per served track, cached answers included) joined with
 * the catalog for names. Read-only, for the dashboard's user inspector.
 */
import type { Executor } from '../infra/postgres/pool.js';

export interface ServedTrack {
  readonly rank: number;
  readonly trackId: string;
  readonly name: string | null;
  readonly artists: readonly string[];
  readonly scores: {
    readonly historySimilarity: number;
    readonly personalityMatch: number;
    readonly diversity: number;
    readonly novelty: number;
    readonly rlAdjustment: number;
    readonly final: number;
  };
  readonly reason: string | null;
  readonly exploration: boolean;
}

export interface ServedList {
  readonly requestId: string;
  /** Epoch ms. */
  readonly servedAt: number;
  readonly coldStartStage: string;
  readonly modelVersion: string;
  readonly tracks: readonly ServedTrack[];
}

interface Row {
  request_id: string;
  served_at: number;
  cold_start_stage: string;
  model_version: string;
  rank: number;
  track_id: string;
  name: string | null;
  artists: string[] | null;
  history_similarity: number;
  personality_match: number;
  diversity: number;
  novelty: number;
  rl_adjustment: number;
  final_score: number;
  reason: string | null;
  exploration: boolean;
}

export async function findLatestServedList(db: Executor, userId: string, limit: number): Promise<ServedList | null> {
  const { rows } = await db.query<Row>(
    `WITH latest AS (
       SELECT request_id FROM music_recommendations
        WHERE user_id = $1 ORDER BY created_at DESC, id DESC LIMIT 1)
     SELECT r.request_id, (extract(epoch FROM r.created_at) * 1000)::float8 AS served_at, r.cold_start_stage,
            r.model_version, r.rank, r.track_id, t.name, t.artists, r.history_similarity, r.personality_match,
            r.diversity, r.novelty, r.rl_adjustment, r.final_score, r.reason, r.exploration
       FROM music_recommendations r JOIN latest USING (request_id)
       LEFT JOIN tracks t ON t.track_id = r.track_id
      WHERE r.user_id = $1
      ORDER BY r.rank LIMIT $2`,
    [userId, limit],
  );
  if (rows.length === 0) return null;
  const first = rows[0];
  return {
    requestId: first.request_id,
    servedAt: first.served_at,
    coldStartStage: first.cold_start_stage,
    modelVersion: first.model_version,
    tracks: rows.map(trackOf),
  };
}

function trackOf(r: Row): ServedTrack {
  return {
    rank: r.rank,
    trackId: r.track_id,
    name: r.name,
    artists: r.artists ?? [],
    scores: {
      historySimilarity: r.history_similarity,
      personalityMatch: r.personality_match,
      diversity: r.diversity,
      novelty: r.novelty,
      rlAdjustment: r.rl_adjustment,
      final: r.final_score,
    },
    reason: r.reason,
    exploration: r.exploration,
  };
}
