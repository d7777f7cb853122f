/**
 * Per-track listening aggregates, with exactly the semantics of the SQL
 * `upsert_listening_history` (migrations/0002): play count +1, total time += ms,
 * first played = least, last played = greatest (never moves backward).
 * Only ListeningEvents count as plays: a 'play' or 'repeat' feedback usually accompanies
 * a listening event for the same play, and counting both would double it.
 */
import { topK } from './top-k.js';

export interface TrackHistory {
  playCount: number;
  totalListenMs: number;
  firstPlayedAt: number;
  lastPlayedAt: number;
}

export type ListeningHistory = Map<string, TrackHistory>;

export interface TrackHistoryRow extends Readonly<TrackHistory> {
  readonly trackId: string;
}

export function createListeningHistory(): ListeningHistory {
  return new Map();
}

export function playCountOf(history: ListeningHistory, trackId: string): number {
  return history.get(trackId)?.playCount ?? 0;
}

/** In place; returns the new play count, as the SQL function does. */
export function recordListen(
  history: ListeningHistory,
  listen: { trackId: string; msListened: number; occurredAt: number },
): number {
  const h = history.get(listen.trackId);
  if (!h) {
    const at = listen.occurredAt;
    history.set(listen.trackId, {
      playCount: 1,
      totalListenMs: listen.msListened,
      firstPlayedAt: at,
      lastPlayedAt: at,
    });
    return 1;
  }
  h.playCount += 1;
  h.totalListenMs += listen.msListened;
  h.firstPlayedAt = Math.min(h.firstPlayedAt, listen.occurredAt);
  h.lastPlayedAt = Math.max(h.lastPlayedAt, listen.occurredAt);
  return h.playCount;
}

/** Same order as SQL get_user_top_50_tracks: plays, listen time, recency desc; track id breaks ties. */
function compareEntries([idA, a]: [string, TrackHistory], [idB, b]: [string, TrackHistory]): number {
  return (
    b.playCount - a.playCount ||
    b.totalListenMs - a.totalListenMs ||
    b.lastPlayedAt - a.lastPlayedAt ||
    (idA < idB ? -1 : idA > idB ? 1 : 0)
  );
}

export function topHistory(history: ListeningHistory, n: number): TrackHistoryRow[] {
  return topK(history, n, compareEntries).map(([trackId, h]) => ({ trackId, ...h }));
}

export function cloneListeningHistory(history: ListeningHistory): ListeningHistory {
  return new Map(Array.from(history, ([k, h]) => [k, { ...h }]));
}
