/** Planned plays as the events a player client would have sent for them. */
import { createHash } from 'node:crypto';
import type { FeedbackUserEvent, ListeningUserEvent, UserEvent } from '../domain/user-state.js';
import type { LastfmPlay } from './lastfm-play.js';
import type { PlannedPlay } from './user-timeline.js';

/**
 * Stable id of a scrobble: the same line gives the same id on every run, so a replay
 * into a schema that already holds it is dropped by the processor's exactly-once check.
 */
export function scrobbleEventId(play: Pick<LastfmPlay, 'userId' | 'playedAt' | 'artistName' | 'trackName'>): string {
  const digest = createHash('sha1')
    .update([play.userId, String(play.playedAt), play.artistName, play.trackName].join('\t'))
    .digest('hex');
  return `lfm-${digest.slice(0, 32)}`;
}

/** The listening event of a play, followed by its derived `repeat` feedback when there is one. */
export function eventsOfPlay(p: PlannedPlay): UserEvent[] {
  const listen: ListeningUserEvent = {
    kind: 'listening',
    eventId: p.eventId,
    userId: p.userId,
    trackId: p.trackId,
    occurredAt: p.playedAt,
    msListened: p.msListened,
    trackDurationMs: p.durationMs,
    context: null,
    recommendationId: null,
    recommendedAt: null,
  };
  if (!p.repeat) return [listen];
  const repeat: FeedbackUserEvent = {
    ...listen,
    kind: 'feedback',
    feedbackType: 'repeat',
    eventId: `${p.eventId}:repeat`,
  };
  return [listen, repeat];
}
