/**
 * What the ranker needs to know about a user, derived from their snapshot and the
 * catalog: the history profile (recency- and play-weighted mean of the history tracks'
 * features), known tracks and artists, and the sources that seed candidate generation.
 */
import type { CatalogIndex } from '../domain/catalog-index.js';
import type { GenZBucket } from '../domain/genre.js';
import { buildHistoryProfile, type HistoryEntry } from '../domain/history-similarity.js';
import type { RankUser } from '../domain/ranking.js';
import type { UserSnapshot } from '../domain/user-snapshot.js';

/**
 * Genre and bucket seeds per request. Candidate shares are split evenly over the seeds,
 * so a few strong ones give each a useful sample; only liked ones (score > 0) seed, a
 * disliked genre must not pull candidates in.
 */
export const SEED_GENRES = 5;
export const SEED_BUCKETS = 3;

export interface ListeningProfile {
  readonly user: RankUser;
  /** Snapshot order (plays, listen time, recency): the first ones seed the neighbour search. */
  readonly historyTrackIds: readonly string[];
  readonly topGenres: readonly string[];
  readonly topBuckets: readonly GenZBucket[];
}

export function listeningProfileOf(snapshot: UserSnapshot, index: CatalogIndex, now: number): ListeningProfile {
  const entries: HistoryEntry[] = [];
  const knownArtists = new Set<string>();
  for (const [trackId, playCount, lastPlayedAt] of snapshot.history) {
    const i = index.idToIndex.get(trackId);
    // A track no longer in the catalog has no features to add to the profile.
    if (i === undefined) continue;
    const track = index.tracks[i];
    entries.push({ features: track, playCount, lastPlayedAt });
    for (const artist of track.artists) knownArtists.add(artist);
  }
  const liked = <T extends string>(rows: UserSnapshot['genres'], n: number): T[] =>
    rows
      .filter(([, score]) => score > 0)
      .slice(0, n)
      .map(([name]) => name as T);
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
