/**
 * The users row as a session sees it: created on first contact (created_at = now starts
 * the cold-start stages) and the time of the last Spotify sync (users.spotify_synced_at).
 * Kept apart from users.repository.ts, which the event path uses, so the two change independently.
 */
import type { Executor } from './pool.js';

export interface UserSessionRow {
  /** True when this call created the user. */
  readonly created: boolean;
  /** Epoch ms. */
  readonly createdAt: number;
  /** Epoch ms of the last Spotify sync, null if never synced. */
  readonly spotifySyncedAt: number | null;
}

/**
 * Two statements rather than one CTE: a single statement's snapshot would not see a row a
 * concurrent session committed while ON CONFLICT waited for it, and would return nothing.
 */
export async function openUserSession(db: Executor, userId: string, now: number): Promise<UserSessionRow> {
  const inserted = await db.query(
    `INSERT INTO users (user_id, created_at) VALUES ($1, to_timestamp($2 / 1000.0))
     ON CONFLICT (user_id) DO NOTHING RETURNING user_id`,
    [userId, now],
  );
  const { rows } = await db.query<{ created_ms: string; synced_ms: string | null }>(
    `SELECT (extract(epoch FROM created_at) * 1000)::bigint AS created_ms,
            (extract(epoch FROM spotify_synced_at) * 1000)::bigint AS synced_ms
       FROM users WHERE user_id = $1`,
    [userId],
  );
  return {
    created: (inserted.rowCount ?? 0) > 0,
    createdAt: Number(rows[0].created_ms),
    spotifySyncedAt: rows[0].synced_ms === null ? null : Number(rows[0].synced_ms),
  };
}

export async function markSpotifySynced(db: Executor, userId: string, at: number): Promise<void> {
  await db.query('UPDATE users SET spotify_synced_at = to_timestamp($2 / 1000.0) WHERE user_id = $1', [userId, at]);
}
