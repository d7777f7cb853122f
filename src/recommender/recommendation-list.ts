/**
 * A computed recommendation list as it is cached (Redis and Postgres) and replayed:
 * the reply's tracks plus what is needed to answer and log a later request from it.
 */
import type { RecommendedTrack } from '../contracts/records.js';
import type { CatalogIndex } from '../domain/catalog-index.js';
import type { RankedTrack } from '../domain/ranking.js';
import type { EngineResult } from './recommendation-engine.js';

export const LIST_FORMAT_VERSION = 1;

export interface RecommendationList {
  readonly format: typeof LIST_FORMAT_VERSION;
  readonly user_id: string;
  readonly request_id: string;
  readonly model_version: string;
  readonly cold_start_stage: string;
  readonly total_candidates: number;
  /** Epoch ms of the computation. */
  readonly generated_at: number;
  /** max_results of the request that computed it. */
  readonly max_results: number;
  readonly epsilon: number;
  readonly tracks: readonly RecommendedTrack[];
}

export interface ListMeta {
  readonly userId: string;
  readonly requestId: string;
  readonly modelVersion: string;
  readonly generatedAt: number;
  readonly maxResults: number;
  readonly epsilon: number;
}

export function recommendedTrack(index: CatalogIndex, r: RankedTrack, rank: number): RecommendedTrack {
  const track = index.tracks[r.catalogIndex];
  const s = r.scores;
  return {
    track_id: track.trackId,
    name: track.name,
    artists: [...track.artists],
    genres: [...track.genres],
    rank,
    // The popularity component has no field of its own in the reply; it is part of final.
    scores: {
      history_similarity: s.historySimilarity,
      personality_match: s.personalityMatch,
      diversity: s.diversity,
      novelty: s.novelty,
      rl_adjustment: s.rlAdjustment,
      final: s.final,
    },
    reason: r.reason,
    exploration: r.exploration,
    selection_probability: r.selectionProbability,
  };
}

export function listOf(index: CatalogIndex, result: EngineResult, meta: ListMeta): RecommendationList {
  return {
    format: LIST_FORMAT_VERSION,
    user_id: meta.userId,
    request_id: meta.requestId,
    model_version: meta.modelVersion,
    cold_start_stage: result.stage,
    total_candidates: result.totalCandidates,
    generated_at: meta.generatedAt,
    max_results: meta.maxResults,
    epsilon: meta.epsilon,
    tracks: result.ranked.map((r, i) => recommendedTrack(index, r, i + 1)),
  };
}

/**
 * The tracks a cached list can still serve: without the user's current negatives, at
 * most `maxResults`, ranks renumbered 1..n. Null when the list cannot answer the request
 * and must be recomputed: fewer tracks remain than requested, unless the list was cut
 * short only because its candidates ran out (it holds fewer tracks than it was asked
 * for, and was asked for at least as many) — recomputing could not find more then.
 */
export function reusableTracks(
  list: RecommendationList,
  negatives: readonly string[],
  maxResults: number,
): RecommendedTrack[] | null {
  const banned = new Set(negatives);
  const kept = list.tracks.filter((t) => !banned.has(t.track_id));
  const exhausted = list.tracks.length < list.max_results && list.max_results >= maxResults;
  if (kept.length < maxResults && !exhausted) return null;
  return kept.slice(0, maxResults).map((t, i) => (t.rank === i + 1 ? t : { ...t, rank: i + 1 }));
}

/** A cached payload (JSON text or parsed jsonb) as a list, or null if it is not one this version wrote. */
export function parseList(payload: unknown): RecommendationList | null {
  const value = typeof payload === 'string' ? parseJson(payload) : payload;
  if (typeof value !== 'object' || value === null) return null;
  const list = value as Partial<RecommendationList>;
  const ok =
    list.format === LIST_FORMAT_VERSION &&
    typeof list.user_id === 'string' &&
    typeof list.max_results === 'number' &&
    Array.isArray(list.tracks);
  return ok ? (list as RecommendationList) : null;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    if (error instanceof SyntaxError) return null;
    throw error;
  }
}
