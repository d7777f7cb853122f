/** Turns a simulated reaction into the events the product would receive for it. */
import type { Track } from '../../domain/types.js';
import type { UserEvent } from '../../domain/user-event.js';
import { OUTCOME_FEEDBACK, type Outcome } from './user-reaction.js';

/** A skip listens to 10 % of the track: below min(30 s, 50 %) for any length, so the implicit rule reads a skip. */
export const SKIP_LISTEN_FRACTION = 0.1;

export interface ReactionContext {
  readonly userId: string;
  readonly track: Track;
  readonly outcome: Outcome;
  /** Unique per shown slot, e.g. `u3:r17:2`. */
  readonly slotId: string;
  readonly recommendationId: string;
  readonly recommendedAt: number;
  readonly occurredAt: number;
}

export function reactionEvents(c: ReactionContext): UserEvent[] {
  const skipped = c.outcome === 'skip' || c.outcome === 'dislike';
  const duration = c.track.durationMs > 0 ? c.track.durationMs : null;
  const msListened = Math.round((duration ?? 180_000) * (skipped ? SKIP_LISTEN_FRACTION : 1));
  const base = {
    userId: c.userId,
    trackId: c.track.trackId,
    msListened,
    trackDurationMs: duration,
    context: null,
    recommendationId: c.recommendationId,
    recommendedAt: c.recommendedAt,
  };
  const events: UserEvent[] = [{ ...base, kind: 'listening', eventId: `${c.slotId}:listen`, occurredAt: c.occurredAt }];
  const feedbackType = OUTCOME_FEEDBACK[c.outcome];
  if (feedbackType) {
    events.push({
      ...base,
      kind: 'feedback',
      feedbackType,
      eventId: `${c.slotId}:${feedbackType}`,
      occurredAt: c.occurredAt + 1000,
    });
  }
  return events;
}
