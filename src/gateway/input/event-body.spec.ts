import { GatewayError } from '../gateway.error.js';
import { MAX_BATCH, parseEventBody } from './event-body.js';

const T0 = Date.parse('2026-03-01T12:00:00Z');
const options = { userId: 'alice', newEventId: () => 'generated-1' };
const listening = { kind: 'listening', eventId: 'e1', trackId: 't1', occurredAt: T0, msListened: 30_000 };
const feedback = {
  kind: 'feedback',
  eventId: 'e2',
  trackId: 't2',
  occurredAt: T0,
  feedbackType: 'skip',
  msListened: 5000,
};

function rejection(body: unknown): { field?: string; message: string } {
  try {
    parseEventBody(body, options);
  } catch (error) {
    if (error instanceof GatewayError && error.status === 400)
      return { field: error.details.field, message: error.message };
    throw error;
  }
  throw new Error('expected a 400');
}

describe('parseEventBody', () => {
  it('reads one listening event into the domain event the learner would build', () => {
    expect(parseEventBody({ ...listening, trackDurationMs: 200_000, context: 'relax' }, options)).toEqual([
      {
        kind: 'listening',
        eventId: 'e1',
        userId: 'alice',
        trackId: 't1',
        occurredAt: T0,
        msListened: 30_000,
        trackDurationMs: 200_000,
        context: 'relax',
        recommendationId: null,
        recommendedAt: null,
      },
    ]);
  });

  it('reads a batch in order, generates a missing event id and accepts ISO times and the path user id', () => {
    const events = parseEventBody(
      [
        { ...feedback, occurredAt: '2026-03-01T12:00:00Z', userId: 'alice' },
        { ...listening, eventId: undefined },
      ],
      options,
    );
    expect(events.map((e) => [e.kind, e.eventId, e.occurredAt, e.userId])).toEqual([
      ['feedback', 'e2', T0, 'alice'],
      ['listening', 'generated-1', T0, 'alice'],
    ]);
    expect(events[0].feedbackType).toBe('skip');
  });

  it('accepts a full batch and reads a raw 0 duration as unknown, as the domain does', () => {
    expect(parseEventBody(Array(MAX_BATCH).fill(listening), options)).toHaveLength(MAX_BATCH);
    expect(parseEventBody({ ...listening, trackDurationMs: 0 }, options)[0].trackDurationMs).toBeNull();
  });

  it.each([
    [null, 'body', /body must be a JSON object/],
    [[], 'body', /a batch must hold 1 to 100 events; got 0/],
    [Array(MAX_BATCH + 1).fill(listening), 'body', /got 101/],
    [[listening, 'x'], 'body[1]', /body\[1\] must be a JSON object/],
    [{ ...listening, kind: undefined }, 'body.kind', /got undefined/],
    [{ ...listening, extra: 1 }, 'body.extra', /body.extra is not an event field/],
    [{ ...listening, eventId: '' }, 'body.eventId', /body.eventId must be 1–128 characters/],
    [{ ...listening, eventId: 'has space' }, 'body.eventId', /got "has space"/],
    [{ ...listening, trackId: '' }, 'body.trackId', /without spaces; got ""/],
    [{ ...listening, trackId: null }, 'body.trackId', /body.trackId is required/],
    [{ ...listening, userId: 'bob' }, 'body.userId', /"bob" does not match the path user id "alice"/],
    [{ ...listening, occurredAt: undefined }, 'body.occurredAt', /body.occurredAt is required/],
    [{ ...listening, occurredAt: T0 + 0.5 }, 'body.occurredAt', /epoch milliseconds or an ISO-8601 time/],
    [{ ...listening, occurredAt: 1_772_366_400 }, 'body.occurredAt', /between 2000 and 2100/],
    [{ ...listening, recommendedAt: '1999-12-31T23:59:59Z' }, 'body.recommendedAt', /between 2000 and 2100/],
    [{ ...listening, msListened: '30000' }, 'body.msListened', /whole number of milliseconds; got "30000"/],
    [{ ...listening, msListened: 86_400_001 }, 'body.msListened', /\[0, 24 h\]/],
    [{ ...listening, trackDurationMs: -5 }, 'body.trackDurationMs', /\[0, 24 h\]/],
    [{ ...listening, msListened: 400_000, trackDurationMs: 100_000 }, 'body.msListened', /exceeds 3 ×/],
    [{ ...listening, msListened: undefined }, 'body.msListened', /a listening event needs msListened/],
    [{ ...listening, context: 'gym' }, 'body.context', /must be one of workout, .* or null; got "gym"/],
    [{ ...listening, feedbackType: 'like' }, 'body.feedbackType', /only allowed on feedback events/],
    [{ ...feedback, feedbackType: 'love' }, 'body.feedbackType', /must be one of like, save, .*skip; got "love"/],
    [{ ...feedback, feedbackType: undefined }, 'body.feedbackType', /got undefined/],
    [{ ...listening, recommendationId: 'a/b' }, 'body.recommendationId', /got "a\/b"/],
  ])('rejects %p naming %s', (body, field, message) => {
    const { field: actual, message: text } = rejection(body);
    expect(actual).toBe(field);
    expect(text).toMatch(message);
  });
});
