/** Users and their account creation time (which drives the cold-start stages). */
import type { Executor } from './pool.js';

export interface NewUser {
  readonly userId: string;
  /** Epoch ms. */
  readonly createdAt: number;
}

/** Creates the users not yet known; an existing user's creation time never changes. */
export async function ensureUsers(db: Executor, users: readonly NewUser[]): Promise<void> {
  if (users.length === 0) return;
  await db.query(
    `INSERT INTO users (user_id, created_at)
     SELECT u, to_timestamp(c / 1000.0) FROM unnest($1::text[], $2::float8[]) AS x(u, c)
     ON CONFLICT (user_id) DO NOTHING`,
    [users.map((u) => u.userId), users.map((u) => u.createdAt)],
  );
}

/** Epoch ms of the account's creation, or null for an unknown user. */
export async function findCreatedAt(db: Executor, userId: string): Promise<number | null> {
  const { rows } = await db.query<{ ms: string }>(
    'SELECT (extract(epoch FROM created_at) * 1000)::bigint AS ms FROM users WHERE user_id = $1',
    [userId],
  );
  return rows.length ? Number(rows[0].ms) : null;
}
