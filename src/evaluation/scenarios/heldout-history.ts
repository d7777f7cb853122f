/**
 * Turns a user's training artists into listening history through the real reducer.
 * HetRec has only total play counts per artist, so we synthesise HISTORY_PLAYS plays split
 * in proportion to the counts (every matched artist at least one play, so it is known), on
 * the artist's catalog tracks in popularity order (round robin), in a seeded random order,
 * evenly spaced over the HISTORY_DAYS before `now`. Each play is a full listen.
 */
import type { CatalogIndex } from '../../domain/catalog-index.js';
import { MS_PER_DAY } from '../../domain/history-similarity.js';
import { DEFAULT_LEARNING_PARAMS } from '../../domain/learning-params.js';
import { createRng } from '../../domain/rng.js';
import type { ListeningUserEvent } from '../../domain/user-event.js';
import { applyEvent, initialUserState, type UserState } from '../../domain/user-state.js';

/** Fixed budget so heavy and light Last.fm users weigh alike; ≈ 4 weeks of moderate listening. */
export const HISTORY_PLAYS = 200;
/** Two history half-lives (14 days each): old plays still count, recent ones more. */
export const HISTORY_DAYS = 28;

export interface TrainArtist {
  readonly key: string;
  readonly weight: number;
  /** Catalog indices, most popular first. */
  readonly tracks: Int32Array;
}

export function playsPerArtist(artists: readonly TrainArtist[], budget = HISTORY_PLAYS): number[] {
  const total = artists.reduce((s, a) => s + a.weight, 0);
  return artists.map((a) => Math.max(1, Math.round((budget * a.weight) / total)));
}

/** Catalog index of every synthesised play, shuffled with the user's seed. */
export function historyPlays(artists: readonly TrainArtist[], rngSeed: string): number[] {
  const counts = playsPerArtist(artists);
  const plays: number[] = [];
  artists.forEach((a, k) => {
    for (let p = 0; p < counts[k]; p++) plays.push(a.tracks[p % a.tracks.length]);
  });
  const rng = createRng(rngSeed);
  for (let i = plays.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [plays[i], plays[j]] = [plays[j], plays[i]];
  }
  return plays;
}

export function historyState(o: {
  userId: string;
  plays: readonly number[];
  index: CatalogIndex;
  now: number;
}): UserState {
  const state = initialUserState(o.userId);
  const span = HISTORY_DAYS * MS_PER_DAY;
  o.plays.forEach((i, p) => {
    const track = o.index.tracks[i];
    const event: ListeningUserEvent = {
      kind: 'listening',
      eventId: `${o.userId}:h${p}`,
      userId: o.userId,
      trackId: track.trackId,
      occurredAt: Math.round(o.now - span + ((p + 1) * span) / (o.plays.length + 1)),
      msListened: track.durationMs,
      trackDurationMs: track.durationMs > 0 ? track.durationMs : null,
      context: null,
      recommendationId: null,
      recommendedAt: null,
    };
    applyEvent(state, event, track, DEFAULT_LEARNING_PARAMS);
  });
  return state;
}
