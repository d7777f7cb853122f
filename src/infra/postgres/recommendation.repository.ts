/**
 * The recommender's durable side: the latest list per user (recommendations_cache,
 * read when Redis is down) and the log of every answered request
 * (music_recommendation_lists, read per track through the music_recommendations view and
 * joined later with listening events by request id).
 */
import type { Executor } from './pool.js';

export interface CachedListRow {
  readonly userId: string;
  /** Serialised list; stored as jsonb. */
  readonly payload: string;
  readonly modelVersion: string;
  /** Epoch ms. */
  readonly createdAt: number;
  readonly expiresAt: number;
}

export interface RecommendationLogRow {
  readonly requestId: string;
  readonly userId: string;
  readonly trackId: string;
  readonly rank: number;
  readonly historySimilarity: number;
  readonly personalityMatch: number;
  readonly diversity: number;
  readonly novelty: number;
  readonly rlAdjustment: number;
  readonly finalScore: number;
  readonly reason: string;
  readonly exploration: boolean;
  readonly selectionProbability: number;
  readonly coldStartStage: string;
  readonly modelVersion: string;
  /** Epoch ms. */
  readonly createdAt: number;
}

export async function upsertCachedList(db: Executor, row: CachedListRow): Promise<void> {
  await db.query(
    `INSERT INTO recommendations_cache (user_id, payload, model_version, created_at, expires_at, is_valid)
     VALUES ($1, $2::jsonb, $3, to_timestamp($4 / 1000.0), to_timestamp($5 / 1000.0), true)
     ON CONFLICT (user_id) DO UPDATE
        SET payload = EXCLUDED.payload, model_version = EXCLUDED.model_version, created_at = EXCLUDED.created_at,
            expires_at = EXCLUDED.expires_at, is_valid = true`,
    [row.userId, row.payload, row.modelVersion, row.createdAt, row.expiresAt],
  );
}

/** The user's list if it is valid and not expired at `now` (epoch ms); pg parses the jsonb. */
export async function findValidCachedList(db: Executor, userId: string, now: number): Promise<unknown> {
  const { rows } = await db.query<{ payload: unknown }>(
    `SELECT payload FROM recommendations_cache
      WHERE user_id = $1 AND is_valid AND expires_at > to_timestamp($2 / 1000.0)`,
    [userId, now],
  );
  return rows.length ? rows[0].payload : null;
}

export async function invalidateCachedList(db: Executor, userId: string): Promise<void> {
  await db.query('UPDATE recommendations_cache SET is_valid = false WHERE user_id = $1', [userId]);
}

/**
 * One statement for any number of requests, one row per request (migration 0008: the
 * tracks and their scores as parallel arrays; the `music_recommendations` view shows them
 * one row per track). The rows travel as one JSON parameter: no per-element array
 * escaping here, one parse in Postgres. A request id seen before (a client retrying the
 * same request) keeps its first list: the log records what was first shown for that id.
 */
export async function insertRecommendationLog(db: Executor, rows: readonly RecommendationLogRow[]): Promise<void> {
  if (rows.length === 0) return;
  const lists = new Map<string, LogList>();
  for (const r of rows) {
    let l = lists.get(r.requestId);
    if (!l) {
      l = {
        request_id: r.requestId,
        user_id: r.userId,
        cold_start_stage: r.coldStartStage,
        model_version: r.modelVersion,
        created_at: r.createdAt,
        track_ids: [],
        ranks: [],
        history_similarity: [],
        personality_match: [],
        diversity: [],
        novelty: [],
        rl_adjustment: [],
        final_score: [],
        reasons: [],
        exploration: [],
        selection_probability: [],
      };
      lists.set(r.requestId, l);
    }
    l.track_ids.push(r.trackId);
    l.ranks.push(r.rank);
    l.history_similarity.push(r.historySimilarity);
    l.personality_match.push(r.personalityMatch);
    l.diversity.push(r.diversity);
    l.novelty.push(r.novelty);
    l.rl_adjustment.push(r.rlAdjustment);
    l.final_score.push(r.finalScore);
    l.reasons.push(r.reason);
    l.exploration.push(r.exploration);
    l.selection_probability.push(r.selectionProbability);
  }
  await db.query(
    `INSERT INTO music_recommendation_lists (request_id, user_id, cold_start_stage, model_version, created_at, track_ids,
            ranks, history_similarity, personality_match, diversity, novelty, rl_adjustment, final_score, reasons,
            exploration, selection_probability)
     SELECT request_id, user_id, cold_start_stage, model_version, to_timestamp(created_at / 1000.0), track_ids, ranks,
            history_similarity, personality_match, diversity, novelty, rl_adjustment, final_score, reasons, exploration,
            selection_probability
       FROM jsonb_to_recordset($1::jsonb) AS x(request_id text, user_id text, cold_start_stage text, model_version text,
            created_at float8, track_ids text[], ranks int[], history_similarity float8[], personality_match float8[],
            diversity float8[], novelty float8[], rl_adjustment float8[], final_score float8[], reasons text[],
            exploration boolean[], selection_probability float8[])
     ON CONFLICT (request_id) DO NOTHING`,
    [JSON.stringify([...lists.values()])],
  );
}

/** One logged request as the INSERT reads it from JSON (column names as in the table). */
interface LogList {
  readonly request_id: string;
  readonly user_id: string;
  readonly cold_start_stage: string;
  readonly model_version: string;
  readonly created_at: number;
  readonly track_ids: string[];
  readonly ranks: number[];
  readonly history_similarity: number[];
  readonly personality_match: number[];
  readonly diversity: number[];
  readonly novelty: number[];
  readonly rl_adjustment: number[];
  readonly final_score: number[];
  readonly reasons: Array<string | null>;
  readonly exploration: boolean[];
  readonly selection_probability: number[];
}
