/**
 * What the ranker needs to know about a user, derived from their snapshot and the catalog,
 * by the same rule as the serving path (src/recommender/listening-profile.ts, which this
 * mirrors so the evaluation does not depend on the service module): the history profile,
 * known tracks and artists, and the seeds of candidate generation. Only liked (score > 0)
 * genres and buckets seed: a disliked genre must not pull candidates in.
 */
import type { CatalogIndex } from '../../domain/catalog-index.js';
import type { GenZBucket } from '../../domain/genre.js';
import { buildHistoryProfile, type HistoryEntry } from '../../domain/history-similarity.js';
import type { RankUser } from '../../domain/ranking.js';
import type { UserSnapshot } from '../../domain/user-snapshot.js';

/** Genre and bucket seeds per request (the serving path's values). */
export const SEED_GENRES = 5;
export const SEED_BUCKETS = 3;

export interface SnapshotProfile {
  readonly user: RankUser;
  /** Snapshot order (plays, listen time, recency): the first ones seed the neighbour search. */
  readonly historyTrackIds: readonly string[];
  readonly topGenres: readonly string[];
  readonly topBuckets: readonly GenZBucket[];
}

function liked<T extends string>(rows: UserSnapshot['genres'], n: number): T[] {
  return rows
    .filter(([, score]) => score > 0)
    .slice(0, n)
    .map(([name]) => name as T);
}

export function profileOf(snapshot: UserSnapshot, index: CatalogIndex, now: number): SnapshotProfile {
  const entries: HistoryEntry[] = [];
  const knownArtists = new Set<string>();
  for (const [trackId, playCount, lastPlayedAt] of snapshot.history) {
    const i = index.idToIndex.get(trackId);
    if (i === undefined) continue; // no features to add for a track outside the catalog
    const track = index.tracks[i];
    entries.push({ features: track, playCount, lastPlayedAt });
    for (const artist of track.artists) knownArtists.add(artist);
  }
  return {
    user: {
      bigFive: snapshot.personality,
      historyProfile: buildHistoryProfile({ entries, now }),
      historyTrackIds: new Set(snapshot.history.map(([trackId]) => trackId)),
      knownArtists,
    },
    historyTrackIds: snapshot.history.map(([trackId]) => trackId),
    topGenres: liked<string>(snapshot.genres, SEED_GENRES),
    topBuckets: liked<GenZBucket>(snapshot.buckets, SEED_BUCKETS),
  };
}
