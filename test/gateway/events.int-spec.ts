/** POST /v1/users/:userId/events on the real Kafka: what is accepted lands keyed and decodable; what is not writes nothing. */
import type { FeedbackEvent, ListeningEvent } from '../../src/contracts/records.js';
import { decodeUserEvent } from '../../src/learner/event-decoder.js';
import type { ErrorResponse } from '../../src/gateway/api/common.dto.js';
import type { EventsAcceptedResponse } from '../../src/gateway/api/event.dto.js';
import { createGatewayEnv, readJson, type GatewayEnv, type GatewayInstance } from '../support/gateway-env.js';

const T0 = Date.parse('2026-03-01T12:00:00Z');

const listening = {
  kind: 'listening',
  eventId: 'evt-listen-1',
  trackId: 'track-a',
  occurredAt: T0,
  msListened: 180_000,
  trackDurationMs: 200_000,
  context: 'workout',
};
const feedback = {
  kind: 'feedback',
  eventId: 'evt-like-1',
  trackId: 'track-b',
  occurredAt: '2026-03-01T12:05:00Z',
  feedbackType: 'like',
  recommendationId: 'req-9',
  recommendedAt: T0 - 60_000,
};

describe('gateway: events onto the user-events topic', () => {
  let env: GatewayEnv;
  let gateway: GatewayInstance;

  beforeAll(async () => {
    env = await createGatewayEnv('gw_events');
    gateway = await env.startGateway();
  });

  afterAll(async () => {
    await env?.close();
  });

  it('writes a batch in order, keyed by the user id, as Avro the learner decodes', async () => {
    const before = await env.endOffset('userEvents');
    const res = await gateway.post('/v1/users/carol/events', [
      listening,
      feedback,
      { ...listening, eventId: undefined },
    ]);
    expect(res.status).toBe(202);
    const { eventIds } = await readJson<EventsAcceptedResponse>(res);
    expect(eventIds).toEqual(['evt-listen-1', 'evt-like-1', expect.stringMatching(/^[0-9a-f-]{36}$/)]);
    expect((await env.endOffset('userEvents')) - before).toBe(3);

    const records = await env.readRecords('userEvents', 3);
    expect(records.map((r) => r.key?.toString())).toEqual(['carol', 'carol', 'carol']);
    expect(new Set(records.map((r) => r.partition)).size).toBe(1);
    const names = records.map((r) => env.registry.writerName(r.value as Buffer));
    expect(names).toEqual(['music.ListeningEvent', 'music.FeedbackEvent', 'music.ListeningEvent']);
    expect(env.registry.decode<ListeningEvent>(records[0].value as Buffer, 'music.ListeningEvent')).toEqual({
      event_id: 'evt-listen-1',
      user_id: 'carol',
      track_id: 'track-a',
      occurred_at: T0,
      ms_listened: 180_000,
      track_duration_ms: 200_000,
      context: 'workout',
      recommendation_id: null,
      recommended_at: null,
      client: null,
    });
    expect(env.registry.decode<FeedbackEvent>(records[1].value as Buffer, 'music.FeedbackEvent')).toMatchObject({
      event_id: 'evt-like-1',
      user_id: 'carol',
      feedback_type: 'like',
      occurred_at: T0 + 300_000,
      recommendation_id: 'req-9',
      recommended_at: T0 - 60_000,
    });
    // The learner's own decoder accepts every record (no dead letter for gateway input).
    for (const r of records) expect(decodeUserEvent(env.registry, r.key ?? null, r.value).ok).toBe(true);
  });

  const bad: Array<[string, string, unknown, string, RegExp]> = [
    ['user id with a space', 'bad%20user', listening, 'userId', /userId must be 1–128 characters/],
    ['user id too long', 'u'.repeat(129), listening, 'userId', /userId must be/],
    ['not JSON', 'dave', '{"kind": "listening",', 'body', /body is not valid JSON/],
    ['a bare JSON string', 'dave', '"hello"', 'body', /body is not valid JSON/],
    ['a batch of strings', 'dave', ['hello'], 'body[0]', /body\[0\] must be a JSON object/],
    ['an empty batch', 'dave', [], 'body', /a batch must hold 1 to 100 events; got 0/],
    ['an oversized batch', 'dave', Array(101).fill(listening), 'body', /got 101/],
    [
      'an unknown feedback type',
      'dave',
      { ...feedback, feedbackType: 'love' },
      'body.feedbackType',
      /must be one of like, save/,
    ],
    ['an unknown kind', 'dave', { ...listening, kind: 'scrobble' }, 'body.kind', /"listening" or "feedback"/],
    ['an unknown field', 'dave', { ...listening, msListend: 1 }, 'body.msListend', /is not an event field/],
    ['a missing track id', 'dave', { ...listening, trackId: undefined }, 'body.trackId', /trackId is required/],
    [
      'a seconds timestamp',
      'dave',
      { ...listening, occurredAt: 1_772_366_400 },
      'body.occurredAt',
      /between 2000 and 2100/,
    ],
    ['a garbage time', 'dave', { ...listening, occurredAt: 'yesterday' }, 'body.occurredAt', /ISO-8601/],
    ['a negative duration', 'dave', { ...listening, msListened: -1 }, 'body.msListened', /\[0, 24 h\]/],
    ['a fractional duration', 'dave', { ...listening, msListened: 1.5 }, 'body.msListened', /whole number/],
    ['a listen far past the track', 'dave', { ...listening, msListened: 900_000 }, 'body.msListened', /exceeds 3 ×/],
    ['a listen without msListened', 'dave', { ...listening, msListened: null }, 'body.msListened', /needs msListened/],
    ['another user in the body', 'dave', { ...listening, userId: 'erin' }, 'body.userId', /does not match the path/],
    ['an unknown context', 'dave', { ...listening, context: 'gym' }, 'body.context', /must be one of workout/],
    [
      'one bad event in a batch',
      'dave',
      [listening, { ...feedback, feedbackType: 1 }],
      'body[1].feedbackType',
      /got 1/,
    ],
  ];

  it.each(bad)('rejects %s with 400 naming the field and writes nothing', async (_case, user, body, field, message) => {
    const before = await env.endOffset('userEvents');
    const res = await gateway.post(`/v1/users/${user}/events`, body);
    expect(res.status).toBe(400);
    const error = await readJson<ErrorResponse>(res);
    expect(error).toMatchObject({ statusCode: 400, error: 'Bad Request', field });
    expect(error.message).toMatch(message);
    expect(await env.endOffset('userEvents')).toBe(before);
  });

  it('rejects a body that is not sent as JSON', async () => {
    const before = await env.endOffset('userEvents');
    const res = await fetch(`${gateway.url}/v1/users/dave/events`, { method: 'POST', body: JSON.stringify(listening) });
    expect(res.status).toBe(400);
    expect(await readJson<ErrorResponse>(res)).toMatchObject({
      field: 'body',
      message: expect.stringMatching(/sent as application\/json/),
    });
    expect(await env.endOffset('userEvents')).toBe(before);
  });

  it.each([
    ['limit=0', 'limit', /limit must be an integer in \[1, 100\]; got "0"/],
    ['limit=101', 'limit', /got "101"/],
    ['limit=abc', 'limit', /got "abc"/],
    ['limit=5&limit=6', 'limit', /at most once/],
    ['refresh=yes', 'refresh', /refresh must be true, false, 1 or 0/],
    ['context=gym', 'context', /context must be one of/],
    ['limt=5', 'limt', /unknown query parameter "limt"/],
  ])('rejects ?%s with 400 naming %s and sends no request', async (query, field, message) => {
    const before = await env.endOffset('recommendationRequests');
    const res = await gateway.get(`/v1/users/dave/recommendations?${query}`);
    expect(res.status).toBe(400);
    const error = await readJson<ErrorResponse>(res);
    expect(error.field).toBe(field);
    expect(error.message).toMatch(message);
    expect(await env.endOffset('recommendationRequests')).toBe(before);
  });

  it('rejects a bad user id on GET before anything is sent', async () => {
    const before = await env.endOffset('recommendationRequests');
    const res = await gateway.get('/v1/users/a%2Fb/recommendations');
    expect(res.status).toBe(400);
    expect(await readJson<ErrorResponse>(res)).toMatchObject({ field: 'userId' });
    expect(await env.endOffset('recommendationRequests')).toBe(before);
  });
});
