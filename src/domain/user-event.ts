/** Events entering the learning path, and their validation at the boundary. */
import {
  DomainValidationError,
  isFeedbackType,
  isListeningContext,
  type FeedbackType,
  type ListeningContext,
} from './types.js';

interface UserEventBase {
  readonly eventId: string;
  readonly userId: string;
  readonly trackId: string;
  /** Epoch milliseconds. */
  readonly occurredAt: number;
  readonly msListened: number | null;
  /** > 0 when known; null when unknown (a raw 0 is read as unknown). */
  readonly trackDurationMs: number | null;
  /** null when absent or not one of LISTENING_CONTEXTS. */
  readonly context: ListeningContext | null;
  readonly recommendationId: string | null;
  readonly recommendedAt: number | null;
}

export interface ListeningUserEvent extends UserEventBase {
  readonly kind: 'listening';
  readonly msListened: number;
  readonly feedbackType?: undefined;
}

export interface FeedbackUserEvent extends UserEventBase {
  readonly kind: 'feedback';
  readonly feedbackType: FeedbackType;
}

export type UserEvent = ListeningUserEvent | FeedbackUserEvent;

const DAY_MS = 86_400_000;
/** Plausible epoch-ms window (2000-01-01 .. 2100-01-01): catches seconds-vs-ms and garbage. */
const MIN_TS = 946_684_800_000;
const MAX_TS = 4_102_444_800_000;

const fail = (code: string, message: string): never => {
  throw new DomainValidationError(code, message);
};

const nonEmpty = (x: unknown): string | null => (typeof x === 'string' && x.trim() !== '' ? x : null);
const absent = (x: unknown): boolean => x === null || x === undefined;

/** Accepts epoch ms, a Date (avsc timestamp-millis) or an ISO string. */
function timestamp(x: unknown, field: string): number {
  const ms = x instanceof Date ? x.getTime() : typeof x === 'string' ? Date.parse(x) : x;
  if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < MIN_TS || ms >= MAX_TS) {
    fail('invalid-timestamp', `${field} must be an epoch-ms time between 2000 and 2100, got ${String(x)}`);
  }
  return ms as number;
}

function duration(x: unknown, field: string): number | null {
  if (absent(x)) return null;
  if (typeof x !== 'number' || !Number.isFinite(x) || x < 0 || x > DAY_MS) {
    fail('invalid-duration', `${field} must be a number of ms in [0, 24 h], got ${String(x)}`);
  }
  return x as number;
}

/** A listen may overrun the track (crossfade, pauses counted by some clients), but not by more than 3× + 60 s. */
function checkListenVsTrack(msListened: number | null, trackDurationMs: number | null): void {
  if (msListened !== null && trackDurationMs !== null && msListened > 3 * trackDurationMs + 60_000) {
    fail('invalid-duration', `msListened ${msListened} exceeds 3 × trackDurationMs ${trackDurationMs} + 60 s`);
  }
}

function kindOf(raw: Record<string, unknown>): 'listening' | 'feedback' {
  if (raw.kind === 'listening' || raw.kind === 'feedback') return raw.kind;
  return fail('unknown-event-kind', `kind must be 'listening' or 'feedback', got ${String(raw.kind)}`);
}

function feedbackTypeOf(raw: Record<string, unknown>): FeedbackType {
  const t = raw.feedbackType;
  if (typeof t === 'string' && isFeedbackType(t)) return t;
  return fail('unknown-feedback-type', `unknown feedbackType ${JSON.stringify(t) ?? 'undefined'}`);
}

function baseOf(raw: Record<string, unknown>): UserEventBase {
  const eventId = nonEmpty(raw.eventId) ?? fail('missing-event-id', 'eventId is required');
  const userId = nonEmpty(raw.userId) ?? fail('missing-user-id', `event ${eventId}: userId is required`);
  const trackId = nonEmpty(raw.trackId) ?? fail('missing-track-id', `event ${eventId}: trackId is required`);
  const msListened = duration(raw.msListened, 'msListened');
  const rawDuration = duration(raw.trackDurationMs, 'trackDurationMs');
  const trackDurationMs = rawDuration === 0 ? null : rawDuration;
  checkListenVsTrack(msListened, trackDurationMs);
  const context = typeof raw.context === 'string' && isListeningContext(raw.context) ? raw.context : null;
  return {
    eventId,
    userId,
    trackId,
    occurredAt: timestamp(raw.occurredAt, 'occurredAt'),
    msListened,
    trackDurationMs,
    context,
    recommendationId: nonEmpty(raw.recommendationId),
    recommendedAt: absent(raw.recommendedAt) ? null : timestamp(raw.recommendedAt, 'recommendedAt'),
  };
}

/**
 * Typed event from a decoded message (camelCase fields), or DomainValidationError with code
 * missing-event-id | missing-user-id | missing-track-id | unknown-event-kind |
 * unknown-feedback-type | invalid-duration | invalid-timestamp.
 */
export function validateUserEvent(raw: unknown): UserEvent {
  if (typeof raw !== 'object' || raw === null) return fail('invalid-event', 'event must be an object');
  const r = raw as Record<string, unknown>;
  const kind = kindOf(r);
  const base = baseOf(r);
  if (kind === 'feedback') return { ...base, kind, feedbackType: feedbackTypeOf(r) };
  if (base.msListened === null)
    return fail('invalid-duration', `event ${base.eventId}: a listening event needs msListened`);
  return { ...base, kind, msListened: base.msListened };
}
