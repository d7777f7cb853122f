/**
 * The learning aggregate of a user: the serialised actor state (music_rl_models), its
 * genre preferences and listening-history rows, and the active personality profile.
 * Every write takes an explicit executor so it runs inside the batch's transaction.
 */
import { packBytea } from './packed-bytea.js';
import type { Executor } from './pool.js';

export interface StoredModel {
  readonly userId: string;
  readonly modelVersion: number;
  readonly state: Buffer;
}

export interface ModelRow extends StoredModel {
  readonly qEntries: number;
  readonly episodes: number;
}

export interface GenrePreferenceRow {
  readonly userId: string;
  readonly genre: string;
  readonly kind: 'genre' | 'bucket';
  readonly score: number;
  readonly interactions: number;
}

export interface HistoryRow {
  readonly userId: string;
  readonly trackId: string;
  readonly playCount: number;
  readonly totalListenMs: number;
  readonly firstPlayedAt: number;
  readonly playedAt: number;
  readonly features: readonly (number | null)[];
  readonly genres: readonly string[];
}

export interface ActiveProfile {
  readonly userId: string;
  readonly openness: number;
  readonly conscientiousness: number;
  readonly extraversion: number;
  readonly agreeableness: number;
  readonly neuroticism: number;
}

export async function findModelsByUserIds(db: Executor, userIds: readonly string[]): Promise<StoredModel[]> {
  if (userIds.length === 0) return [];
  const { rows } = await db.query<{ user_id: string; model_version: string; state: Buffer }>(
    'SELECT user_id, model_version, state FROM music_rl_models WHERE user_id = ANY($1::text[])',
    [userIds],
  );
  return rows.map((r) => ({ userId: r.user_id, modelVersion: Number(r.model_version), state: r.state }));
}

/** The newest active profile per user, as get_active_personality_profile picks it. */
export async function findActiveProfiles(db: Executor, userIds: readonly string[]): Promise<ActiveProfile[]> {
  if (userIds.length === 0) return [];
  const { rows } = await db.query<Record<string, string>>(
    `SELECT DISTINCT ON (user_id) user_id, openness, conscientiousness, extraversion, agreeableness, neuroticism
       FROM personality_scores
      WHERE user_id = ANY($1::text[]) AND is_active
      ORDER BY user_id, assessment_date DESC, id DESC`,
    [userIds],
  );
  return rows.map((r) => ({
    userId: r.user_id,
    openness: Number(r.openness),
    conscientiousness: Number(r.conscientiousness),
    extraversion: Number(r.extraversion),
    agreeableness: Number(r.agreeableness),
    neuroticism: Number(r.neuroticism),
  }));
}

/** Writes absolute model state; one multi-row statement per batch. */
export async function upsertModels(db: Executor, models: readonly ModelRow[]): Promise<void> {
  if (models.length === 0) return;
  const packed = packBytea(models.map((m) => m.state));
  await db.query(
    `INSERT INTO music_rl_models (user_id, model_version, state, q_entries, episodes, updated_at)
     SELECT u, v, substring($3::bytea FROM s FOR l), q, e, now()
       FROM unnest($1::text[], $2::bigint[], $4::int[], $5::int[], $6::int[], $7::bigint[]) AS x(u, v, s, l, q, e)
     ON CONFLICT (user_id) DO UPDATE
        SET model_version = EXCLUDED.model_version, state = EXCLUDED.state,
            q_entries = EXCLUDED.q_entries, episodes = EXCLUDED.episodes, updated_at = now()`,
    [
      models.map((m) => m.userId),
      models.map((m) => m.modelVersion),
      packed.blob,
      packed.starts,
      packed.lengths,
      models.map((m) => m.qEntries),
      models.map((m) => m.episodes),
    ],
  );
}

export async function upsertGenrePreferences(db: Executor, rows: readonly GenrePreferenceRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db.query(
    `INSERT INTO music_genre_preferences (user_id, genre, kind, score, interactions, updated_at)
     SELECT *, now() FROM unnest($1::text[], $2::text[], $3::text[], $4::float8[], $5::int[])
     ON CONFLICT (user_id, genre) DO UPDATE
        SET kind = EXCLUDED.kind, score = EXCLUDED.score, interactions = EXCLUDED.interactions, updated_at = now()`,
    [
      rows.map((r) => r.userId),
      rows.map((r) => r.genre),
      rows.map((r) => r.kind),
      rows.map((r) => r.score),
      rows.map((r) => r.interactions),
    ],
  );
}

/**
 * Writes the actor's aggregates as absolute values. They were computed with exactly the
 * semantics of upsert_listening_history (count +1, time +=, played_at = greatest), so
 * writing them is idempotent and needs one statement per batch instead of one per play.
 * Features and genres fill gaps only, as in the SQL function.
 */
export async function upsertHistory(db: Executor, rows: readonly HistoryRow[]): Promise<void> {
  if (rows.length === 0) return;
  const f = (i: number) => rows.map((r) => r.features[i] ?? null);
  await db.query(
    `INSERT INTO listening_history AS lh (user_id, track_id, play_count, total_listen_time_ms, first_played_at, played_at,
            danceability, energy, valence, tempo, acousticness, instrumentalness, speechiness, genres)
     SELECT u, t, c, ms, to_timestamp(f / 1000.0), to_timestamp(p / 1000.0), d, e, v, te, a, i, s,
            COALESCE(string_to_array(g, chr(31)), '{}')
       FROM unnest($1::text[], $2::text[], $3::int[], $4::bigint[], $5::float8[], $6::float8[], $7::float8[], $8::float8[],
                   $9::float8[], $10::float8[], $11::float8[], $12::float8[], $13::float8[], $14::text[])
            AS x(u, t, c, ms, f, p, d, e, v, te, a, i, s, g)
     ON CONFLICT (user_id, track_id) DO UPDATE
        SET play_count = EXCLUDED.play_count, total_listen_time_ms = EXCLUDED.total_listen_time_ms,
            first_played_at = EXCLUDED.first_played_at, played_at = EXCLUDED.played_at,
            danceability = COALESCE(lh.danceability, EXCLUDED.danceability), energy = COALESCE(lh.energy, EXCLUDED.energy),
            valence = COALESCE(lh.valence, EXCLUDED.valence), tempo = COALESCE(lh.tempo, EXCLUDED.tempo),
            acousticness = COALESCE(lh.acousticness, EXCLUDED.acousticness),
            instrumentalness = COALESCE(lh.instrumentalness, EXCLUDED.instrumentalness),
            speechiness = COALESCE(lh.speechiness, EXCLUDED.speechiness),
            genres = CASE WHEN cardinality(lh.genres) = 0 THEN EXCLUDED.genres ELSE lh.genres END`,
    [
      rows.map((r) => r.userId),
      rows.map((r) => r.trackId),
      rows.map((r) => r.playCount),
      rows.map((r) => r.totalListenMs),
      rows.map((r) => r.firstPlayedAt),
      rows.map((r) => r.playedAt),
      f(0),
      f(1),
      f(2),
      f(3),
      f(4),
      f(5),
      f(6),
      // text[][] must be rectangular, so each row's genres travel as one joined string.
      rows.map((r) => (r.genres.length ? r.genres.join('\u001f') : null)),
    ],
  );
}
