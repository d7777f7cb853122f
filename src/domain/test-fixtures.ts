/** Deterministic synthetic tracks and events for specs (not used by production code). */
import { createRng } from './rng.js';
import type { FeedbackType, ListeningContext, Track } from './types.js';
import { FEEDBACK_TYPES, LISTENING_CONTEXTS } from './types.js';
import type { UserEvent } from './user-event.js';

const GENRES = [
  'singer-songwriter',
  'progressive-house',
  'detroit-techno',
  'drum-and-bass',
  'alternative',
  'world-music',
  'hip-hop',
  'k-pop',
  'ambient',
  'r-n-b',
  'emo',
  'indie-pop',
  'minimal-techno',
  'chicago-house',
  'psych-rock',
  'polka',
];

export function syntheticTracks(n: number, seed = 'tracks'): Track[] {
  const rng = createRng(seed);
  return Array.from({ length: n }, (_, i) => ({
    trackId: `${i.toString(36).padStart(4, '0')}TrackIdOfSpotify22c`.slice(0, 22),
    name: `Track ${i}`,
    artists: ['artist'],
    genres: [GENRES[rng.int(GENRES.length)], GENRES[rng.int(GENRES.length)]],
    popularity: rng.int(101),
    durationMs: 120_000 + rng.int(180_000),
    danceability: rng.next(),
    energy: rng.next(),
    valence: rng.next(),
    tempo: 60 + rng.next() * 140,
    acousticness: rng.next(),
    instrumentalness: rng.next(),
    speechiness: rng.next(),
  }));
}

/** A mixed stream of listening and feedback events for one user over the given tracks. */
export function syntheticEvents(
  userId: string,
  tracks: readonly Track[],
  n: number,
  seed = 'events',
): Array<[UserEvent, Track]> {
  const rng = createRng(seed);
  const t0 = T0;
  return Array.from({ length: n }, (_, i) => {
    const track = tracks[rng.int(tracks.length)];
    const context: ListeningContext | null =
      rng.next() < 0.3 ? null : LISTENING_CONTEXTS[rng.int(LISTENING_CONTEXTS.length)];
    const common = {
      eventId: `ev-${i}`,
      userId,
      trackId: track.trackId,
      occurredAt: t0 + i * 60_000,
      context,
      trackDurationMs: track.durationMs,
    };
    const recommended = rng.next() < 0.2;
    const rec = {
      recommendationId: recommended ? `rec-${i}` : null,
      recommendedAt: recommended ? common.occurredAt - rng.int(120_000) : null,
    };
    const msListened = rng.int(track.durationMs + 1);
    if (rng.next() < 0.6) return [{ ...common, ...rec, kind: 'listening', msListened }, track];
    const feedbackType: FeedbackType = FEEDBACK_TYPES[rng.int(FEEDBACK_TYPES.length)];
    return [
      { ...common, ...rec, kind: 'feedback', feedbackType, msListened: rng.next() < 0.5 ? msListened : null },
      track,
    ];
  });
}

/** Two hand-made tracks for worked examples. */
export const T0 = 1_700_000_000_000;
export const HYPE: Track = {
  trackId: 'T1',
  name: 'Hype',
  artists: ['a'],
  genres: ['edm', 'house'],
  popularity: 50,
  durationMs: 200_000,
  energy: 0.9,
  valence: 0.5,
  danceability: 0.8,
  tempo: 140,
  acousticness: 0.1,
  instrumentalness: 0,
  speechiness: 0.1,
};
export const CHILL: Track = {
  trackId: 'T2',
  name: 'Chill',
  artists: ['b'],
  genres: ['ambient'],
  popularity: 40,
  durationMs: 180_000,
  energy: 0.2,
  valence: 0.3,
  danceability: 0.3,
  tempo: 80,
  acousticness: 0.9,
  instrumentalness: 0.8,
  speechiness: 0.05,
};
const base = {
  userId: 'u1',
  msListened: null,
  trackDurationMs: null,
  context: null,
  recommendationId: null,
  recommendedAt: null,
};
export const listenEvent = (
  eventId: string,
  trackId: string,
  at: number,
  ms: number,
  dur: number,
  context: UserEvent['context'] = null,
): UserEvent => ({
  ...base,
  kind: 'listening',
  eventId,
  trackId,
  occurredAt: T0 + at,
  msListened: ms,
  trackDurationMs: dur,
  context,
});
export const feedbackEvent = (
  eventId: string,
  trackId: string,
  at: number,
  over: Partial<UserEvent> & Pick<UserEvent & { kind: 'feedback' }, 'feedbackType'>,
): UserEvent => ({ ...base, kind: 'feedback', eventId, trackId, occurredAt: T0 + at, ...over }) as UserEvent;
