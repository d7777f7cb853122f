/**
 * The in-process replay's equivalents of the deployed path's records: a reward record per
 * applied event (what the event processor relays to the reward stream) and a decision per
 * `ours` list (what the recommender logs), so the same engagement analytics can read both.
 */
import type { EngagementRecord } from '../../analytics/engagement-record.js';
import type { CatalogIndex } from '../../domain/catalog-index.js';
import type { EventOutcome, UserEvent } from '../../domain/user-state.js';

export function rewardRecordOf(event: UserEvent, outcome: EventOutcome): EngagementRecord {
  return {
    kind: 'reward',
    value: {
      event_id: event.eventId,
      user_id: event.userId,
      track_id: event.trackId,
      feedback_type: outcome.feedbackType,
      base_reward: outcome.baseReward,
      final_reward: outcome.finalReward,
      occurred_at: event.occurredAt,
    },
  };
}

export function decisionRecord(d: {
  requestId: string;
  userId: string;
  at: number;
  list: readonly number[];
  index: CatalogIndex;
}): EngagementRecord {
  return {
    kind: 'decision',
    value: {
      request_id: d.requestId,
      user_id: d.userId,
      decided_at: d.at,
      chosen: d.list.map((i) => ({ track_id: d.index.tracks[i].trackId })),
    },
  };
}
