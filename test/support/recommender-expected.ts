/** What the recommender should answer, computed with the pure engine on the same inputs. */
import type { Pool } from 'pg';
import { toDomainTrack } from '../../src/catalog/domain-track.js';
import { loadAll } from '../../src/catalog/track.repository.js';
import type { RecommendedTrack } from '../../src/contracts/records.js';
import { buildCatalogIndex, type CatalogIndex } from '../../src/domain/catalog-index.js';
import type { BigFive, Track } from '../../src/domain/types.js';
import { computeRecommendations, type EngineInput } from '../../src/recommender/recommendation-engine.js';
import { recommendedTrack } from '../../src/recommender/recommendation-list.js';

/** The index exactly as the recommender builds it (same rows, same order). */
export async function loadCatalogIndex(pool: Pool): Promise<CatalogIndex> {
  const tracks: Track[] = [];
  for await (const row of loadAll(pool)) tracks.push(toDomainTrack(row));
  return buildCatalogIndex(tracks);
}

/** Reply tracks for the default ε (RL_EPSILON = 0.1). */
export function expectedReplyTracks(
  index: CatalogIndex,
  input: Omit<EngineInput, 'index' | 'epsilon'> & { epsilon?: number },
): RecommendedTrack[] {
  const result = computeRecommendations({ ...input, index, epsilon: input.epsilon ?? 0.1 });
  return result.ranked.map((r, i) => recommendedTrack(index, r, i + 1));
}

export async function insertProfile(pool: Pool, userId: string, p: BigFive): Promise<void> {
  await pool.query(
    `INSERT INTO personality_scores (user_id, openness, conscientiousness, extraversion, agreeableness, neuroticism,
       confidence, method) VALUES ($1, $2, $3, $4, $5, $6, 1, 'direct')`,
    [userId, p.openness, p.conscientiousness, p.extraversion, p.agreeableness, p.neuroticism],
  );
}
