import { DomainValidationError } from './types.js';
import { validateUserEvent } from './user-event.js';

const T0 = 1_700_000_000_000;
const listening = {
  kind: 'listening',
  eventId: 'e1',
  userId: 'u1',
  trackId: 't1',
  occurredAt: T0,
  msListened: 120_000,
  trackDurationMs: 200_000,
  context: 'workout',
};
const feedback = {
  kind: 'feedback',
  eventId: 'e2',
  userId: 'u1',
  trackId: 't1',
  occurredAt: T0,
  feedbackType: 'like',
  recommendationId: 'r1',
  recommendedAt: T0 - 5_000,
};

const codeOf = (raw: unknown): string | undefined => {
  try {
    validateUserEvent(raw);
    return undefined;
  } catch (err) {
    expect(err).toBeInstanceOf(DomainValidationError);
    return (err as DomainValidationError).code;
  }
};

describe('validateUserEvent', () => {
  it('types a listening event, filling absent optionals with null', () => {
    expect(validateUserEvent(listening)).toEqual({
      ...listening,
      recommendationId: null,
      recommendedAt: null,
    });
  });

  it('types a feedback event', () => {
    expect(validateUserEvent(feedback)).toEqual({
      ...feedback,
      msListened: null,
      trackDurationMs: null,
      context: null,
    });
  });

  it.each<[string, Record<string, unknown>, Partial<Record<string, unknown>>]>([
    ['unknown context → null', { context: 'karaoke' }, { context: null }],
    ['duration 0 → unknown', { trackDurationMs: 0 }, { trackDurationMs: null }],
    ['Date timestamps', { occurredAt: new Date(T0) }, { occurredAt: T0 }],
    ['ISO timestamps', { occurredAt: new Date(T0).toISOString() }, { occurredAt: T0 }],
    ['overrun within 3× + 60 s', { msListened: 660_000 }, { msListened: 660_000 }],
  ])('normalises: %s', (_name, over, expected) => {
    expect(validateUserEvent({ ...listening, ...over })).toMatchObject(expected);
  });

  it.each<[string, unknown, string]>([
    ['no user id', { ...listening, userId: '' }, 'missing-user-id'],
    ['blank user id', { ...feedback, userId: '  ' }, 'missing-user-id'],
    ['no track id', { ...listening, trackId: undefined }, 'missing-track-id'],
    ['no event id', { ...listening, eventId: null }, 'missing-event-id'],
    ['unknown feedback type', { ...feedback, feedbackType: 'love' }, 'unknown-feedback-type'],
    ['missing feedback type', { ...feedback, feedbackType: undefined }, 'unknown-feedback-type'],
    ['unknown kind', { ...feedback, kind: 'click' }, 'unknown-event-kind'],
    ['negative ms', { ...listening, msListened: -1 }, 'invalid-duration'],
    ['NaN ms', { ...listening, msListened: NaN }, 'invalid-duration'],
    ['ms over 24 h', { ...listening, msListened: 86_400_001, trackDurationMs: null }, 'invalid-duration'],
    ['ms over 3× track + 60 s', { ...listening, msListened: 660_001 }, 'invalid-duration'],
    ['duration over 24 h', { ...listening, trackDurationMs: 86_400_001 }, 'invalid-duration'],
    ['listening without ms', { ...listening, msListened: null }, 'invalid-duration'],
    ['string ms', { ...listening, msListened: '1000' }, 'invalid-duration'],
    ['NaN time', { ...listening, occurredAt: NaN }, 'invalid-timestamp'],
    ['seconds not ms', { ...listening, occurredAt: 1_700_000_000 }, 'invalid-timestamp'],
    ['missing time', { ...listening, occurredAt: undefined }, 'invalid-timestamp'],
    ['bad recommended_at', { ...feedback, recommendedAt: 'yesterday' }, 'invalid-timestamp'],
    ['not an object', 'event', 'invalid-event'],
  ])('rejects %s', (_name, raw, code) => {
    expect(codeOf(raw)).toBe(code);
  });
});
