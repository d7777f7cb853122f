/** The inverse of event-decoder: a domain event as the Avro record a client would produce. */
import type { FeedbackEvent, ListeningEvent } from '../contracts/records.js';
import type { UserEvent } from '../domain/user-state.js';
import type { SchemaRegistry } from '../infra/avro/schema-registry.js';

export function toEventRecord(
  e: UserEvent,
): { name: 'music.ListeningEvent'; value: ListeningEvent } | { name: 'music.FeedbackEvent'; value: FeedbackEvent } {
  const common = {
    event_id: e.eventId,
    user_id: e.userId,
    track_id: e.trackId,
    occurred_at: e.occurredAt,
    context: e.context,
  };
  if (e.kind === 'listening') {
    return {
      name: 'music.ListeningEvent',
      value: {
        ...common,
        ms_listened: e.msListened,
        track_duration_ms: e.trackDurationMs ?? 0,
        recommendation_id: e.recommendationId,
        recommended_at: e.recommendedAt,
        client: null,
      },
    };
  }
  return {
    name: 'music.FeedbackEvent',
    value: {
      ...common,
      feedback_type: e.feedbackType,
      ms_listened: e.msListened,
      track_duration_ms: e.trackDurationMs,
      recommendation_id: e.recommendationId,
      recommended_at: e.recommendedAt,
    },
  };
}

/** A Kafka message for the user-events topic: keyed by user, Avro single-object value. */
export function toEventMessage(registry: SchemaRegistry, e: UserEvent): { key: string; value: Buffer } {
  const record = toEventRecord(e);
  const value =
    record.name === 'music.ListeningEvent'
      ? registry.encode(record.name, record.value)
      : registry.encode(record.name, record.value);
  return { key: e.userId, value };
}
