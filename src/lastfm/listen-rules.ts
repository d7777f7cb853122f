/**
 * How a scrobble log becomes listening behaviour (docs/demo.md, "Rules"). Last.fm records
 * only the start of each play, so the time heard is read off the gap to the user's next
 * play, whatever that next play was.
 */
import { implicitFeedbackType } from '../domain/reward.js';

/** A longer silence ends a listening session (the common 30-minute inactivity rule). */
export const SESSION_GAP_MS = 30 * 60_000;
/** A track played again within this window after its previous play counts as a `repeat`. */
export const REPEAT_WINDOW_MS = 24 * 60 * 60_000;

/**
 * Milliseconds heard: the gap to the next play, capped by the track's length. The last
 * play of a session (no next play, or a gap over SESSION_GAP_MS) is taken as heard in
 * full: Last.fm only scrobbles a track after half of it (or 4 min) was played, so a
 * scrobble is evidence of a listen, and nothing suggests it was cut short. A gap of 0
 * (two scrobbles stamped the same second, typical of offline batch submission) carries
 * no timing either and is read the same way.
 */
export function inferListenMs(play: { playedAt: number; durationMs: number }, nextPlayedAt: number | null): number {
  if (nextPlayedAt === null) return play.durationMs;
  const gap = nextPlayedAt - play.playedAt;
  if (gap <= 0 || gap > SESSION_GAP_MS) return play.durationMs;
  return Math.min(gap, play.durationMs);
}

/**
 * A replay is a `repeat` when the previous play of the same track started at most
 * REPEAT_WINDOW_MS earlier and the replay itself was not cut short: the learner reads a
 * short listen as a skip (docs/learning.md), and coming back only to skip is no taste signal.
 */
export function isRepeat(play: {
  playedAt: number;
  previousPlayedAt: number | null;
  msListened: number;
  durationMs: number;
}): boolean {
  if (play.previousPlayedAt === null) return false;
  const since = play.playedAt - play.previousPlayedAt;
  return since >= 0 && since <= REPEAT_WINDOW_MS && implicitFeedbackType(play.msListened, play.durationMs) === 'play';
}
