import type { SpotifyTrack } from '../spotify/spotify-schemas.js';
import { SPOTIFY_PLAY_EVENT_PREFIX, SPOTIFY_TOP_EVENT_PREFIX, spotifyPlayEvents } from './spotify-plays.js';

function fakeTrackFor(id: string, durationMs: number): SpotifyTrack {
  const album = { id: `al${id}`, name: 'Album', release_date: '2024-01-01' };
  return {
    id,
    name: id,
    artists: [{ id: `ar${id}`, name: 'Artist' }],
    album,
    duration_ms: durationMs,
    explicit: false,
    popularity: 50,
  };
}

const NOW = Date.parse('2026-03-01T12:00:00Z');
const a = fakeTrackFor('trackA', 200_000);
const b = fakeTrackFor('trackB', 180_000);

describe('spotifyPlayEvents', () => {
  const input = {
    userId: 'alice',
    topTracks: [a, b],
    recentPlays: [
      { track: b, played_at: '2026-03-01T10:00:00Z' },
      { track: a, played_at: '2026-03-01T09:00:00.000Z' },
      { track: a, played_at: '2026-03-01T11:00:00Z' },
    ],
    now: NOW,
  };

  it('makes one full-length listening event per play and per top track, oldest first', () => {
    const { events, rejected } = spotifyPlayEvents(input);
    expect(rejected).toBe(0);
    expect(
      events.map((e) => [e.trackId, new Date(e.occurredAt).toISOString(), e.msListened, e.trackDurationMs]),
    ).toEqual([
      ['trackA', '2026-03-01T09:00:00.000Z', 200_000, 200_000],
      ['trackB', '2026-03-01T10:00:00.000Z', 180_000, 180_000],
      ['trackA', '2026-03-01T11:00:00.000Z', 200_000, 200_000],
      ['trackA', '2026-03-01T12:00:00.000Z', 200_000, 200_000],
      ['trackB', '2026-03-01T12:00:00.000Z', 180_000, 180_000],
    ]);
    expect(events.every((e) => e.kind === 'listening' && e.userId === 'alice' && e.context === null)).toBe(true);
    expect(events.slice(0, 3).every((e) => e.eventId.startsWith(SPOTIFY_PLAY_EVENT_PREFIX))).toBe(true);
    expect(events.slice(3).every((e) => e.eventId.startsWith(SPOTIFY_TOP_EVENT_PREFIX))).toBe(true);
  });

  it('derives ids from user, track and play time only, so a re-sync repeats them', () => {
    const first = spotifyPlayEvents(input).events.map((e) => e.eventId);
    const later = spotifyPlayEvents({
      ...input,
      now: NOW + 7 * 3_600_000,
      // Same play spelled with another precision is the same play.
      recentPlays: [{ track: a, played_at: '2026-03-01T09:00:00Z' }],
    }).events.map((e) => e.eventId);
    expect(later.filter((id) => first.includes(id))).toHaveLength(3); // the play of A at 09:00 and both top tracks
    expect(new Set(first).size).toBe(first.length);
    expect(first.every((id) => /^[A-Za-z0-9._:-]{1,128}$/.test(id))).toBe(true);
    const bob = spotifyPlayEvents({ ...input, userId: 'bob' }).events.map((e) => e.eventId);
    expect(bob.filter((id) => first.includes(id))).toEqual([]);
  });

  it('drops duplicates and plays the learner would reject', () => {
    const { events, rejected } = spotifyPlayEvents({
      ...input,
      topTracks: [a, a],
      recentPlays: [
        { track: b, played_at: 'yesterday' },
        { track: b, played_at: '1999-12-31T23:59:59Z' },
        { track: b, played_at: '2026-03-01T10:00:00Z' },
        { track: b, played_at: '2026-03-01T10:00:00Z' },
      ],
    });
    expect(events.map((e) => e.trackId)).toEqual(['trackB', 'trackA']);
    expect(rejected).toBe(2);
  });
});
