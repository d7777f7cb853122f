/** What the recommender leaves behind an answered request: decision records and log rows. */
import type { Decision } from '../../src/contracts/records.js';
import { consumeAll, type EventPathEnv } from './event-path.js';

/** The decisions topic read until every request id in `ids` has its record (all records read, ids or not). */
export function decisionsFor(env: EventPathEnv, ids: ReadonlySet<string>, timeoutMs = 30_000): Promise<Decision[]> {
  return consumeAll<Decision>(
    env,
    env.topic('decisions'),
    (v) => env.registry.decode(v, 'music.Decision'),
    (items) => items.filter((d) => ids.has(d.request_id)).length >= ids.size,
    timeoutMs,
  );
}

/** Logged tracks per request id, for the requests of `ids` that have any. */
export async function logRowCounts(env: EventPathEnv, ids: ReadonlySet<string>): Promise<Record<string, number>> {
  const { rows } = await env.db.pool.query<{ request_id: string; n: number }>(
    'SELECT request_id, count(*)::int AS n FROM music_recommendations WHERE request_id = ANY($1) GROUP BY request_id',
    [[...ids]],
  );
  return Object.fromEntries(rows.map((r) => [r.request_id, r.n]));
}
