/**
 * The recommender's durable side: the latest list per user (recommendations_cache,
 * read when Redis is down) and the per-track log of every answered request
 * (music_recommendations, joined later with listening events by request id).
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
 * One statement per request. A request id seen before (a client retrying the same
 * request) keeps its first rows: the log records what was first shown for that id.
 */
export async function insertRecommendationLog(db: Executor, rows: readonly RecommendationLogRow[]): Promise<void> {
  if (rows.length === 0) return;
  const col = <K extends keyof RecommendationLogRow>(k: K) => rows.map((r) => r[k]);
  await db.query(
    `INSERT INTO music_recommendations (request_id, user_id, track_id, rank, history_similarity, personality_match,
            diversity, novelty, rl_adjustment, final_score, reason, exploration, selection_probability,
            cold_start_stage, model_version, created_at)
     SELECT q, u, t, r, h, p, d, n, rl, f, why, e, sp, st, mv, to_timestamp(c / 1000.0)
       FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::float8[], $6::float8[], $7::float8[],
                   $8::float8[], $9::float8[], $10::float8[], $11::text[], $12::bool[], $13::float8[], $14::text[],
                   $15::text[], $16::float8[])
            AS v(q, u, t, r, h, p, d, n, rl, f, why, e, sp, st, mv, c)
     ON CONFLICT DO NOTHING`,
    [
      col('requestId'),
      col('userId'),
      col('trackId'),
      col('rank'),
      col('historySimilarity'),
      col('personalityMatch'),
      col('diversity'),
      col('novelty'),
      col('rlAdjustment'),
      col('finalScore'),
      col('reason'),
      col('exploration'),
      col('selectionProbability'),
      col('coldStartStage'),
      col('modelVersion'),
      col('createdAt'),
    ],
  );
}
