/**
 * Turns a raw record of the user-events topic into a validated domain event, or into
 * the reason it must go to the dead-letter topic. Never throws for bad input.
 */
import type { FeedbackEvent, ListeningEvent, PersonalityProfileUpdate } from '../contracts/records.js';
import { validateBigFive } from '../domain/bfi44.js';
import type { ProfileChange } from './apply-batch.js';
import { validateUserEvent, type UserEvent } from '../domain/user-state.js';
import { DomainValidationError } from '../domain/types.js';
import { AvroDecodeError } from '../infra/avro/avro.error.js';
import type { SchemaRegistry } from '../infra/avro/schema-registry.js';

export type Decoded =
  | { readonly ok: true; readonly input: { event: UserEvent } | { profile: ProfileChange } }
  | { readonly ok: false; readonly code: string; readonly reason: string };

const LISTENING = 'music.ListeningEvent';
const FEEDBACK = 'music.FeedbackEvent';
const PROFILE = 'music.PersonalityProfileUpdate';

export function decodeUserEvent(registry: SchemaRegistry, key: Buffer | null, value: Buffer | null): Decoded {
  if (!value || value.length === 0) return { ok: false, code: 'undecodable', reason: 'record has no value' };
  try {
    const writer = registry.writerName(value);
    const input = decodeInput(registry, writer, value);
    if (!input)
      return { ok: false, code: 'unexpected-record', reason: `${writer} does not belong on the user-events topic` };
    const userId = 'event' in input ? input.event.userId : input.profile.userId;
    const keyText = key?.toString('utf8') ?? null;
    if (keyText !== userId) {
      // A record keyed by another user may sit in another user's partition: its owner is unknown.
      return {
        ok: false,
        code: 'key-mismatch',
        reason: `record key ${JSON.stringify(keyText)} is not its user_id ${JSON.stringify(userId)}`,
      };
    }
    return { ok: true, input };
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

/** Throws DomainValidationError for invalid content; null for a record kind this topic does not carry. */
function decodeInput(
  registry: SchemaRegistry,
  writer: string,
  value: Buffer,
): { event: UserEvent } | { profile: ProfileChange } | null {
  switch (writer) {
    case LISTENING:
      return { event: validateUserEvent(fromListening(registry.decode(value, LISTENING))) };
    case FEEDBACK:
      return { event: validateUserEvent(fromFeedback(registry.decode(value, FEEDBACK))) };
    case PROFILE:
      return { profile: fromProfile(registry.decode(value, PROFILE)) };
    default:
      return null;
  }
}

function fromProfile(p: PersonalityProfileUpdate): ProfileChange {
  if (!p.user_id) throw new DomainValidationError('missing-user-id', 'profile update without user_id');
  return { userId: p.user_id, bigFive: validateBigFive(p) };
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
