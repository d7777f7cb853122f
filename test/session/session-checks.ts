/** What the session tests look at: stored history, the engine's list, what is in Redis. */
import { toDomainTrack } from '../../src/catalog/domain-track.js';
import { loadAll } from '../../src/catalog/track.repository.js';
import { buildCatalogIndex } from '../../src/domain/catalog-index.js';
import type { Track } from '../../src/domain/types.js';
import type { UserSnapshot } from '../../src/domain/user-snapshot.js';
import type { RecommendationsResponse } from '../../src/gateway/api/recommendation.dto.js';
import { findCreatedAt } from '../../src/infra/postgres/users.repository.js';
import type { EventPathEnv } from '../support/event-path.js';
import { expectedReplyTracks } from '../support/recommender-expected.js';

/** [track id, play count], most played first. */
export async function historyOf(env: EventPathEnv, userId: string): Promise<Array<[string, number]>> {
  const { rows } = await env.db.pool.query<{ track_id: string; play_count: number }>(
    'SELECT track_id, play_count FROM listening_history WHERE user_id = $1 ORDER BY play_count DESC, track_id',
    [userId],
  );
  return rows.map((r) => [r.track_id, r.play_count]);
}

/**
 * The engine's track ids for this reply. The recommender's in-memory catalog is the one it
 * loaded at start, before the sync added Spotify tracks, so those are left out here too.
 */
export async function expectedSessionList(
  env: EventPathEnv,
  reply: RecommendationsResponse,
  snapshot: UserSnapshot,
): Promise<string[]> {
  const tracks: Track[] = [];
  for await (const row of loadAll(env.db.pool)) if (row.source !== 'spotify-api') tracks.push(toDomainTrack(row));
  const expected = expectedReplyTracks(buildCatalogIndex(tracks), {
    snapshot,
    createdAt: (await findCreatedAt(env.db.pool, reply.userId)) as number,
    now: reply.generatedAt,
    maxResults: reply.tracks.length,
    seed: reply.requestId,
  });
  return expected.map((t) => t.track_id);
}

/** SCAN, not KEYS: the Redis is shared. Keys and string values under the prefix, as one text. */
export async function redisText(env: EventPathEnv): Promise<string> {
  const keys: string[] = [];
  let cursor = '0';
  do {
    const [next, batch] = await env.redis.scan(cursor, 'MATCH', `${env.redisPrefix}*`, 'COUNT', 1000);
    keys.push(...batch);
    cursor = next;
  } while (cursor !== '0');
  const values = await Promise.all(
    keys.map(async (k) => ((await env.redis.type(k)) === 'string' ? ((await env.redis.get(k)) ?? '') : '')),
  );
  return [...keys, ...values].join('\n');
}
