/** GET /v1/users/:userId/recommendations through real Kafka request/reply and a fake responder. */
import type { RecommendationReply, RecommendationRequest } from '../../src/contracts/records.js';
import type { ErrorResponse } from '../../src/gateway/api/common.dto.js';
import type { RecommendationsResponse } from '../../src/gateway/api/recommendation.dto.js';
import { createGatewayEnv, readJson, type GatewayEnv, type GatewayInstance } from '../support/gateway-env.js';
import { okReply, replyBase, startFakeResponder, type FakeResponder } from '../support/gateway-responder.js';
import { waitFor } from '../support/wait-for.js';

const TIMEOUT_MS = 1500;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** The responder's behaviour is chosen by the user id's prefix. */
function behaviour(request: RecommendationRequest): RecommendationReply | null | Promise<RecommendationReply> {
  const [kind] = request.user_id.split('-');
  switch (kind) {
    case 'throttled':
      return replyBase(request, 'RATE_LIMITED', { error: 'too many requests', retry_after_ms: 2001 });
    case 'rejected':
      return replyBase(request, 'BAD_REQUEST', { error: 'max_results out of range' });
    case 'broken':
      return replyBase(request, 'ERROR', { error: 'catalog unavailable' });
    case 'impostor':
      return okReply({ ...request, request_id: '00000000-0000-4000-8000-000000000000' });
    case 'silent':
      return null;
    case 'slow':
      return new Promise<RecommendationReply>((resolve) => setTimeout(() => resolve(okReply(request)), 400));
    default:
      return okReply(request);
  }
}

describe('gateway: recommendations over Kafka request/reply', () => {
  let env: GatewayEnv;
  let gateway: GatewayInstance;
  let responder: FakeResponder;

  beforeAll(async () => {
    env = await createGatewayEnv('gw_reco');
    responder = await startFakeResponder(env, behaviour);
    gateway = await env.startGateway({ requestTimeoutMs: TIMEOUT_MS });
  });

  afterAll(async () => {
    await responder?.stop();
    await env?.close();
  });

  it('sends a keyed Avro request with Nest reply headers and maps the reply to camelCase JSON', async () => {
    const before = Date.now();
    const res = await gateway.get('/v1/users/alice-1/recommendations?limit=7&refresh=true&context=focus');
    expect(res.status).toBe(200);
    const body = await readJson<RecommendationsResponse>(res);
    const seen = responder.received.find((r) => r.request.request_id === body.requestId);
    expect(seen).toBeDefined();
    const { request, key, headers } = seen!;
    expect(request).toEqual({
      request_id: expect.stringMatching(UUID),
      user_id: 'alice-1',
      max_results: 7,
      force_refresh: true,
      requested_at: expect.any(Number),
      context: 'focus',
    });
    expect(request.requested_at).toBeGreaterThanOrEqual(before);
    expect(key).toBe('alice-1');
    expect(headers.kafka_replyTopic).toBe(env.topic('recommendationReplies'));
    expect(headers.kafka_replyPartition).toMatch(/^\d+$/);
    expect(headers.kafka_correlationId).toBeTruthy();
    expect(body).toEqual({
      requestId: request.request_id,
      userId: 'alice-1',
      coldStartStage: 'warm',
      responseTimeMs: 3.5,
      fromCache: false,
      totalCandidates: 120,
      modelVersion: 'v7',
      generatedAt: 1_767_225_600_000,
      tracks: [1, 2, 3].map((rank) => ({
        trackId: `${request.request_id}-t${rank}`,
        name: `Track ${rank}`,
        artists: ['Artist A', 'Artist B'],
        genres: ['indie-pop'],
        rank,
        scores: {
          historySimilarity: 0.5,
          personalityMatch: 0.25,
          diversity: 0.125,
          novelty: 0.75,
          rlAdjustment: -0.0625,
          final: 0.4375,
        },
        reason: 'Because you like indie-pop',
        exploration: rank === 3,
        selectionProbability: rank === 3 ? 0.05 : 0.95,
      })),
    });
  });

  it('defaults to 50 results, no refresh, no context', async () => {
    const res = await gateway.get('/v1/users/bob/recommendations');
    expect(res.status).toBe(200);
    const { requestId } = await readJson<RecommendationsResponse>(res);
    const { request } = responder.received.find((r) => r.request.request_id === requestId)!;
    expect(request).toMatchObject({ max_results: 50, force_refresh: false, context: null });
  });

  it('answers RATE_LIMITED with 429 and Retry-After in whole seconds, rounded up', async () => {
    const res = await gateway.get('/v1/users/throttled-1/recommendations');
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('3');
    expect(await readJson<ErrorResponse>(res)).toEqual({
      statusCode: 429,
      error: 'Too Many Requests',
      message: 'too many requests',
      retryAfterSeconds: 3,
    });
  });

  it.each([
    ['rejected-1', 400, 'max_results out of range'],
    ['broken-1', 502, 'recommender failed: catalog unavailable'],
  ])('maps the reply status of %s to %i', async (userId, status, message) => {
    const res = await gateway.get(`/v1/users/${userId}/recommendations`);
    expect(res.status).toBe(status);
    expect(await readJson<ErrorResponse>(res)).toMatchObject({ statusCode: status, message });
  });

  it('rejects a reply that answers another request with 502', async () => {
    const res = await gateway.get('/v1/users/impostor-1/recommendations');
    expect(res.status).toBe(502);
    expect((await readJson<ErrorResponse>(res)).message).toMatch(/does not answer request/);
  });

  it('answers 504 when no reply comes within GATEWAY_REQUEST_TIMEOUT_MS', async () => {
    const started = Date.now();
    const res = await gateway.get('/v1/users/silent-1/recommendations');
    const elapsed = Date.now() - started;
    expect(res.status).toBe(504);
    expect((await readJson<ErrorResponse>(res)).message).toMatch(`no recommendation reply within ${TIMEOUT_MS} ms`);
    expect(elapsed).toBeGreaterThanOrEqual(TIMEOUT_MS);
    expect(elapsed).toBeLessThan(TIMEOUT_MS + 2000);
  });

  it('finishes a request in flight when the instance shuts down gracefully', async () => {
    const leaving = await env.startGateway({ requestTimeoutMs: TIMEOUT_MS });
    const pending = leaving.get('/v1/users/slow-1/recommendations');
    await waitFor(() => responder.received.some((r) => r.request.user_id === 'slow-1'), { what: 'the slow request' });
    const [res] = await Promise.all([pending, leaving.close()]);
    expect(res.status).toBe(200);
    expect((await readJson<RecommendationsResponse>(res)).userId).toBe('slow-1');
  });
});
