/**
 * The fake Spotify's user endpoints, scripted per user token: each token owns a listening
 * history (top tracks, recently played); unknown tokens get 401 as Spotify answers an
 * expired or revoked token; a "down" token gets 503 on every call, a "slow" one answers late. App endpoints (audio
 * features, artists) answer for any id.
 */
import { fakeFeatures, fakeTrack } from '../support/fake-spotify-data.js';
import type { FakeSpotify, Reply, SeenRequest } from '../support/fake-spotify.js';

export interface FakeListening {
  readonly top: readonly string[];
  readonly recent: ReadonlyArray<{ readonly trackId: string; readonly playedAt: string }>;
}

export const DOWN_TOKEN = 'user-token-down-0c9e';
/** Answers after SLOW_MS: longer than the session's Spotify budget in the tests. */
export const SLOW_TOKEN = 'user-token-slow-5b7d';
export const SLOW_MS = 3000;
export const ARTIST_GENRES = ['indie-pop'];

const EXPIRED: Reply = { status: 401, body: { error: { status: 401, message: 'The access token expired' } } };

export function scriptListening(fake: FakeSpotify, byToken: ReadonlyMap<string, FakeListening>): void {
  const user = (handle: (l: FakeListening) => Reply) => (req: SeenRequest) => {
    const token = req.authorization?.replace(/^Bearer /, '') ?? '';
    if (token === DOWN_TOKEN) return { status: 503, body: { error: { status: 503, message: 'Service unavailable' } } };
    if (token === SLOW_TOKEN) return { delayMs: SLOW_MS, body: { items: [], next: null } };
    const listening = byToken.get(token);
    return listening ? handle(listening) : EXPIRED;
  };
  fake.route(
    'GET',
    '/me/top/tracks',
    user((l) => ({ body: { items: l.top.map((id) => fakeTrack(id)), next: null } })),
  );
  fake.route(
    'GET',
    '/me/player/recently-played',
    user((l) => ({
      body: { items: l.recent.map((p) => ({ track: fakeTrack(p.trackId), played_at: p.playedAt })), next: null },
    })),
  );
  answerAudioFeatures(fake);
  fake.route('GET', '/artists', (req) => ({
    body: { artists: ids(req).map((id) => ({ id, name: `Artist ${id}`, genres: ARTIST_GENRES })) },
  }));
}

export function answerAudioFeatures(fake: FakeSpotify): void {
  fake.route('GET', '/audio-features', (req) => ({
    body: { audio_features: ids(req).map((id, i) => fakeFeatures(id, i + 1)) },
  }));
}

/** Spotify closed audio features to apps created after 27 Nov 2024. */
export function closeAudioFeatures(fake: FakeSpotify): void {
  fake.route('GET', '/audio-features', () => ({ status: 403, body: { error: { status: 403, message: 'Forbidden' } } }));
}

function ids(req: SeenRequest): string[] {
  return (req.query.get('ids') ?? '').split(',').filter(Boolean);
}
