/** How far the event processor has got with a user: its model's applied events. */
import type { Executor } from '../../infra/postgres/pool.js';

/**
 * Events applied to the user's model (`music_rl_models.episodes`, committed in the same
 * transaction as the state), 0 before the first. Once it reaches n, the first n events are
 * durable and the Redis snapshot is either fresh or absent (rebuilt from this state).
 */
export async function appliedEvents(db: Executor, userId: string): Promise<number> {
  const { rows } = await db.query<{ episodes: string }>('SELECT episodes FROM music_rl_models WHERE user_id = $1', [
    userId,
  ]);
  return rows.length === 0 ? 0 : Number(rows[0].episodes);
}
