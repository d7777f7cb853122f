/**
 * Body of POST /v1/users/:userId/events: one event object, or an array of 1–100 (a batch,
 * written in order). Fields are camelCase, as `validateUserEvent` reads them; the HTTP layer
 * checks the JSON types (Avro longs must be integers) and unknown fields, then the domain's
 * own validation decides the rest, so the gateway can never accept what the learner rejects.
 */
import { DomainValidationError, FEEDBACK_TYPES, isListeningContext, LISTENING_CONTEXTS } from '../../domain/types.js';
import { validateUserEvent, type UserEvent } from '../../domain/user-state.js';
import { invalidInput } from '../gateway.error.js';
import { ID_PATTERN, ID_PATTERN_TEXT, TRACK_ID_PATTERN } from './identifiers.js';

export const MAX_BATCH = 100;

const FIELDS = [
  'kind',
  'eventId',
  'userId',
  'trackId',
  'occurredAt',
  'msListened',
  'trackDurationMs',
  'context',
  'recommendationId',
  'recommendedAt',
  'feedbackType',
] as const;
const KNOWN = new Set<string>(FIELDS);

export interface EventBodyOptions {
  /** The user id of the path; a body `userId`, when given, must equal it. */
  readonly userId: string;
  /** Makes the id of an event sent without `eventId`. */
  readonly newEventId: () => string;
}

export function parseEventBody(body: unknown, options: EventBodyOptions): UserEvent[] {
  if (!Array.isArray(body)) return [parseEvent(body, 'body', options)];
  if (body.length === 0 || body.length > MAX_BATCH) {
    throw invalidInput('body', `a batch must hold 1 to ${MAX_BATCH} events; got ${body.length}`);
  }
  return body.map((item: unknown, i) => parseEvent(item, `body[${i}]`, options));
}

type Fields = Readonly<Record<string, unknown>>;

function parseEvent(raw: unknown, at: string, options: EventBodyOptions): UserEvent {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw invalidInput(at, `${at} must be a JSON object (one event) or an array of them, sent as application/json`);
  }
  const fields = raw as Fields;
  const unknown = Object.keys(fields).find((k) => !KNOWN.has(k));
  if (unknown !== undefined) throw invalidInput(`${at}.${unknown}`, `${at}.${unknown} is not an event field`);
  checkTypes(fields, at, options.userId);
  const eventId = fields.eventId ?? options.newEventId();
  try {
    return validateUserEvent({ ...fields, eventId, userId: options.userId });
  } catch (error) {
    if (error instanceof DomainValidationError) throw fromDomain(error, at);
    throw error;
  }
}

function checkTypes(f: Fields, at: string, userId: string): void {
  const kind = f.kind;
  if (kind !== 'listening' && kind !== 'feedback') {
    throw invalidInput(`${at}.kind`, `${at}.kind must be "listening" or "feedback"; got ${show(kind)}`);
  }
  optionalMatch(f, at, 'eventId', ID_PATTERN, ID_PATTERN_TEXT);
  optionalMatch(f, at, 'recommendationId', ID_PATTERN, ID_PATTERN_TEXT);
  if (!present(f.trackId)) throw invalidInput(`${at}.trackId`, `${at}.trackId is required`);
  optionalMatch(f, at, 'trackId', TRACK_ID_PATTERN, '1–128 characters without spaces');
  if (present(f.userId) && f.userId !== userId) {
    throw invalidInput(
      `${at}.userId`,
      `${at}.userId ${show(f.userId)} does not match the path user id ${show(userId)}`,
    );
  }
  if (!present(f.occurredAt)) throw invalidInput(`${at}.occurredAt`, `${at}.occurredAt is required`);
  for (const name of ['occurredAt', 'recommendedAt'] as const) optionalTime(f, at, name);
  for (const name of ['msListened', 'trackDurationMs'] as const) optionalInteger(f, at, name);
  checkContext(f, at);
  checkFeedbackType(f, at, kind);
}

function checkContext(f: Fields, at: string): void {
  if (present(f.context) && !(typeof f.context === 'string' && isListeningContext(f.context))) {
    const allowed = LISTENING_CONTEXTS.join(', ');
    throw invalidInput(`${at}.context`, `${at}.context must be one of ${allowed} or null; got ${show(f.context)}`);
  }
}

function checkFeedbackType(f: Fields, at: string, kind: 'listening' | 'feedback'): void {
  if (kind === 'listening' && present(f.feedbackType)) {
    throw invalidInput(`${at}.feedbackType`, `${at}.feedbackType is only allowed on feedback events`);
  }
  if (kind === 'feedback' && !(typeof f.feedbackType === 'string' && isKnownFeedback(f.feedbackType))) {
    const allowed = FEEDBACK_TYPES.join(', ');
    throw invalidInput(
      `${at}.feedbackType`,
      `${at}.feedbackType must be one of ${allowed}; got ${show(f.feedbackType)}`,
    );
  }
}

/** The domain's list, checked here too so the message can name the allowed values. */
function isKnownFeedback(value: string): boolean {
  return (FEEDBACK_TYPES as readonly string[]).includes(value);
}

function optionalMatch(f: Fields, at: string, name: string, pattern: RegExp, text: string): void {
  const value = f[name];
  if (present(value) && !(typeof value === 'string' && pattern.test(value))) {
    throw invalidInput(`${at}.${name}`, `${at}.${name} must be ${text}; got ${show(value)}`);
  }
}

/** Epoch milliseconds (an integer) or an ISO-8601 string; the domain checks the range. */
function optionalTime(f: Fields, at: string, name: string): void {
  const value = f[name];
  if (!present(value) || Number.isSafeInteger(value)) return;
  if (typeof value === 'string' && Number.isFinite(Date.parse(value))) return;
  throw invalidInput(
    `${at}.${name}`,
    `${at}.${name} must be epoch milliseconds or an ISO-8601 time; got ${show(value)}`,
  );
}

/** Durations are Avro longs: whole milliseconds. The domain checks the range. */
function optionalInteger(f: Fields, at: string, name: string): void {
  const value = f[name];
  if (present(value) && !Number.isSafeInteger(value)) {
    throw invalidInput(`${at}.${name}`, `${at}.${name} must be a whole number of milliseconds; got ${show(value)}`);
  }
}

const DOMAIN_FIELDS = ['msListened', 'trackDurationMs', 'occurredAt', 'recommendedAt', 'trackId', 'feedbackType'];

/** The domain names the field in its message ("msListened must be …"); point at it. */
function fromDomain(error: DomainValidationError, at: string): Error {
  const field = DOMAIN_FIELDS.find((name) => new RegExp(`\\b${name}\\b`).test(error.message));
  const path = field ? `${at}.${field}` : at;
  return invalidInput(path, `${path}: ${error.message}`);
}

function present(value: unknown): boolean {
  return value !== undefined && value !== null;
}

function show(value: unknown): string {
  return JSON.stringify(value) ?? 'undefined';
}
