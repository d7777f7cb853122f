/**
 * A user's Spotify listening as ListeningEvents for the user-events topic. The learner's
 * actor owns listening_history (it rewrites its own aggregates on every batch), so Spotify
 * plays enter as events like any other play instead of being written to the table directly.
 *
 * Event ids are derived from what identifies the play, so a re-sync produces the same ids
 * and the learner applies each play once:
 *   - a recently-played item: user + track + played_at  → `spotify:play:<digest>`
 *   - a top track (no play time): user + track           → `spotify:top:<digest>`; it counts
 *     as one play at the sync that first saw it, and never again.
 * Spotify only lists a play after ~30 s, so a play is a full listen (ms = duration).
 */
import { createHash } from 'node:crypto';
import { DomainValidationError } from '../domain/types.js';
import { validateUserEvent, type ListeningUserEvent } from '../domain/user-state.js';
import type { SpotifyPlay, SpotifyTrack } from '../spotify/spotify-schemas.js';

export const SPOTIFY_PLAY_EVENT_PREFIX = 'spotify:play:';
/** Events without a real play time; insights leave them out of the hour-of-day histogram. */
export const SPOTIFY_TOP_EVENT_PREFIX = 'spotify:top:';

export interface SpotifyPlaysInput {
  readonly userId: string;
  readonly topTracks: readonly SpotifyTrack[];
  readonly recentPlays: readonly SpotifyPlay[];
  /** Epoch ms of the sync: the time given to top tracks. */
  readonly now: number;
}

export interface SpotifyPlayEvents {
  /** Oldest first, one per distinct event id. */
  readonly events: readonly ListeningUserEvent[];
  /** Items the learner would reject (a played_at outside 2000..2100, an absurd duration). */
  readonly rejected: number;
}

export function spotifyPlayEvents(input: SpotifyPlaysInput): SpotifyPlayEvents {
  const { userId, now } = input;
  const candidates = [
    ...input.recentPlays.map((p) => {
      // The parsed instant, not the text: the same play spelled with other precision is the same play.
      const at = Date.parse(p.played_at);
      return { id: `${SPOTIFY_PLAY_EVENT_PREFIX}${digest(userId, p.track.id, String(at))}`, track: p.track, at };
    }),
    ...input.topTracks.map((t) => ({ id: `${SPOTIFY_TOP_EVENT_PREFIX}${digest(userId, t.id)}`, track: t, at: now })),
  ];
  const byId = new Map<string, ListeningUserEvent>();
  let rejected = 0;
  for (const c of candidates) {
    if (byId.has(c.id)) continue;
    const event = toEvent(userId, c);
    if (event) byId.set(c.id, event);
    else rejected++;
  }
  // Stable sort: equal times keep input order (recent plays first, then top tracks by rank).
  const events = [...byId.values()].sort((a, b) => a.occurredAt - b.occurredAt);
  return { events, rejected };
}

function toEvent(userId: string, c: { id: string; track: SpotifyTrack; at: number }): ListeningUserEvent | null {
  try {
    return validateUserEvent({
      kind: 'listening',
      eventId: c.id,
      userId,
      trackId: c.track.id,
      occurredAt: c.at,
      msListened: c.track.duration_ms,
      trackDurationMs: c.track.duration_ms,
      context: null,
      recommendationId: null,
      recommendedAt: null,
    }) as ListeningUserEvent;
  } catch (error) {
    if (error instanceof DomainValidationError) return null;
    throw error;
  }
}

/** 128 bits of SHA-256 in hex: collision-free in practice and within the 128-character id limit. */
function digest(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\n')).digest('hex').slice(0, 32);
}
