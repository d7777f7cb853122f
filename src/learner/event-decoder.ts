/**
 * Turns a raw record of the user-events topic into a validated domain event, or into
 * the reason it must go to the dead-letter topic. Never throws for bad input.
 */
import type { FeedbackEvent, ListeningEvent } from '../contracts/records.js';
import { validateUserEvent, type UserEvent } from '../domain/user-state.js';
import { DomainValidationError } from '../domain/types.js';
import { AvroDecodeError } from '../infra/avro/avro.error.js';
import type { SchemaRegistry } from '../infra/avro/schema-registry.js';

export type Decoded =
  | { readonly ok: true; readonly event: UserEvent }
  | { readonly ok: false; readonly code: string; readonly reason: string };

const LISTENING = 'music.ListeningEvent';
const FEEDBACK = 'music.FeedbackEvent';

export function decodeUserEvent(registry: SchemaRegistry, key: Buffer | null, value: Buffer | null): Decoded {
  if (!value || value.length === 0) return { ok: false, code: 'undecodable', reason: 'record has no value' };
  try {
    const writer = registry.writerName(value);
    if (writer !== LISTENING && writer !== FEEDBACK) {
      return { ok: false, code: 'unexpected-record', reason: `${writer} does not belong on the user-events topic` };
    }
    const event = validateUserEvent(
      writer === LISTENING
        ? fromListening(registry.decode(value, LISTENING))
        : fromFeedback(registry.decode(value, FEEDBACK)),
    );
    const keyText = key?.toString('utf8') ?? null;
    if (keyText !== event.userId) {
      // A record keyed by another user may sit in another user's partition: its owner is unknown.
      return {
        ok: false,
        code: 'key-mismatch',
        reason: `record key ${JSON.stringify(keyText)} is not its user_id ${JSON.stringify(event.userId)}`,
      };
    }
    return { ok: true, event };
  } catch (error) {
    if (error instanceof AvroDecodeError) {
      return {
        ok: false,
        code: error.code === 'unknown-fingerprint' ? 'unknown-fingerprint' : 'undecodable',
        reason: error.message,
      };
    }
    if (error instanceof DomainValidationError) return { ok: false, code: error.code, reason: error.message };
    throw error;
  }
}

function fromListening(e: ListeningEvent): Record<string, unknown> {
  return {
    kind: 'listening',
    eventId: e.event_id,
    userId: e.user_id,
    trackId: e.track_id,
    occurredAt: e.occurred_at,
    msListened: e.ms_listened,
    trackDurationMs: e.track_duration_ms,
    context: e.context,
    recommendationId: e.recommendation_id,
    recommendedAt: e.recommended_at,
  };
}

function fromFeedback(e: FeedbackEvent): Record<string, unknown> {
  return {
    kind: 'feedback',
    eventId: e.event_id,
    userId: e.user_id,
    trackId: e.track_id,
    occurredAt: e.occurred_at,
    feedbackType: e.feedback_type,
    msListened: e.ms_listened,
    trackDurationMs: e.track_duration_ms,
    context: e.context,
    recommendationId: e.recommendation_id,
    recommendedAt: e.recommended_at,
  };
}
