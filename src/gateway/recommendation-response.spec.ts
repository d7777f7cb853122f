import type { RecommendationReply, RecommendationRequest } from '../contracts/records.js';
import { GatewayError } from './gateway.error.js';
import { retryAfterSeconds, toRecommendationsResponse } from './recommendation-response.js';

const request: RecommendationRequest = {
  request_id: 'r-1',
  user_id: 'alice',
  max_results: 2,
  force_refresh: false,
  requested_at: 1_767_225_600_000,
  context: null,
};

const reply = (over: Partial<RecommendationReply> = {}): RecommendationReply => ({
  request_id: 'r-1',
  user_id: 'alice',
  status: 'OK',
  error: null,
  retry_after_ms: null,
  tracks: [
    {
      track_id: 't1',
      name: 'One',
      artists: ['A'],
      genres: ['jazz', 'soul'],
      rank: 1,
      scores: {
        history_similarity: 0.1,
        personality_match: 0.2,
        diversity: 0.3,
        novelty: 0.4,
        rl_adjustment: -0.5,
        final: 0.6,
      },
      reason: 'because',
      exploration: true,
      selection_probability: 0.05,
    },
  ],
  cold_start_stage: 'cold',
  response_time_ms: 1.25,
  from_cache: true,
  total_candidates: 40,
  model_version: 'm3',
  generated_at: 1_767_225_600_100,
  ...over,
});

function thrown(run: () => unknown): GatewayError {
  try {
    run();
  } catch (error) {
    if (error instanceof GatewayError) return error;
    throw error;
  }
  throw new Error('expected a GatewayError');
}

describe('toRecommendationsResponse', () => {
  it('maps every field of an OK reply to camelCase', () => {
    expect(toRecommendationsResponse(request, reply())).toEqual({
      requestId: 'r-1',
      userId: 'alice',
      coldStartStage: 'cold',
      responseTimeMs: 1.25,
      fromCache: true,
      totalCandidates: 40,
      modelVersion: 'm3',
      generatedAt: 1_767_225_600_100,
      tracks: [
        {
          trackId: 't1',
          name: 'One',
          artists: ['A'],
          genres: ['jazz', 'soul'],
          rank: 1,
          scores: {
            historySimilarity: 0.1,
            personalityMatch: 0.2,
            diversity: 0.3,
            novelty: 0.4,
            rlAdjustment: -0.5,
            final: 0.6,
          },
          reason: 'because',
          exploration: true,
          selectionProbability: 0.05,
        },
      ],
    });
  });

  it.each([
    [reply({ status: 'RATE_LIMITED', error: 'slow down', retry_after_ms: 1500 }), 429, 'slow down', 2],
    [reply({ status: 'RATE_LIMITED', retry_after_ms: null }), 429, 'rate limit reached for user alice', 1],
    [reply({ status: 'BAD_REQUEST', error: 'bad max_results' }), 400, 'bad max_results', undefined],
    [reply({ status: 'ERROR', error: 'db down' }), 502, 'recommender failed: db down', undefined],
    [
      reply({ request_id: 'r-2' }),
      502,
      'reply for request r-2 (user alice) does not answer request r-1 (user alice)',
      undefined,
    ],
    [
      reply({ user_id: 'bob' }),
      502,
      'reply for request r-1 (user bob) does not answer request r-1 (user alice)',
      undefined,
    ],
  ])('maps a non-OK reply to its HTTP error (%#)', (r, status, message, retryAfter) => {
    const error = thrown(() => toRecommendationsResponse(request, r));
    expect([error.status, error.message, error.details.retryAfterSeconds]).toEqual([status, message, retryAfter]);
  });
});

describe('retryAfterSeconds', () => {
  it.each([
    [null, 1],
    [0, 1],
    [-5, 1],
    [1, 1],
    [999, 1],
    [1000, 1],
    [1001, 2],
    [59_999, 60],
  ])('%p ms → %i s', (ms, seconds) => expect(retryAfterSeconds(ms)).toBe(seconds));
});
