/**
 * Read side of what the learner writes: listening_history (per-track aggregates, joined
 * with the catalog for artists and current genres) and music_interactions (one row per
 * applied event). Nothing here writes: the learner's actor owns both tables.
 */
import type { Executor } from './pool.js';

export interface HistoryTrackRow {
  readonly trackId: string;
  readonly playCount: number;
  /** The catalog's genres, else those copied into the history at first play. */
  readonly genres: readonly string[];
  /** Empty when the track is not in the catalog. */
  readonly artists: readonly string[];
}

export interface PlayMomentCount {
  /** Hour of day 0..23 in the requested time zone; null for plays without a real time. */
  readonly hour: number | null;
  readonly context: string | null;
  readonly plays: number;
}

export async function findHistoryTracks(db: Executor, userId: string): Promise<HistoryTrackRow[]> {
  const { rows } = await db.query<{ track_id: string; play_count: number; genres: string[]; artists: string[] }>(
    `SELECT lh.track_id, lh.play_count, COALESCE(t.genres, lh.genres) AS genres, COALESCE(t.artists, '{}') AS artists
       FROM listening_history lh LEFT JOIN tracks t ON t.track_id = lh.track_id
      WHERE lh.user_id = $1
      ORDER BY lh.track_id`,
    [userId],
  );
  return rows.map((r) => ({ trackId: r.track_id, playCount: r.play_count, genres: r.genres, artists: r.artists }));
}

/**
 * Listening events (the same plays listening_history counts) grouped by local hour and
 * context. Events whose id starts with `undatedPrefix` carry the time they were recorded,
 * not a play time, so their hour is null.
 */
export async function countPlayMoments(
  db: Executor,
  query: { readonly userId: string; readonly timeZone: string; readonly undatedPrefix: string },
): Promise<PlayMomentCount[]> {
  const { rows } = await db.query<{ hour: number | null; context: string | null; plays: number }>(
    `SELECT CASE WHEN starts_with(event_id, $3) THEN NULL
                 ELSE extract(hour FROM occurred_at AT TIME ZONE $2)::int END AS hour,
            context, count(*)::int AS plays
       FROM music_interactions
      WHERE user_id = $1 AND event_kind = 'listening'
      GROUP BY 1, 2
      ORDER BY 1, 2`,
    [query.userId, query.timeZone, query.undatedPrefix],
  );
  return rows;
}

/** How many of the given events the learner has applied (each has its music_interactions row). */
export async function countAppliedEvents(db: Executor, eventIds: readonly string[]): Promise<number> {
  if (eventIds.length === 0) return 0;
  const { rows } = await db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM music_interactions WHERE event_id = ANY($1::text[])',
    [eventIds],
  );
  return rows[0].n;
}
