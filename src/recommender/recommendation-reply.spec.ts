import type { RecommendedTrack } from '../contracts/records.js';
import { LIST_FORMAT_VERSION, type RecommendationList } from './recommendation-list.js';
import { decisionOf, logRowsOf, okReply, statusReply, type Served } from './recommendation-reply.js';

const track: RecommendedTrack = {
  track_id: 't9',
  name: 'Nine',
  artists: ['x'],
  genres: ['jazz'],
  rank: 1,
  scores: {
    history_similarity: 0.8,
    personality_match: 0.6,
    diversity: 1,
    novelty: 0.3,
    rl_adjustment: -0.01,
    final: 0.65,
  },
  reason: 'Similar to your recent plays (energy, valence)',
  exploration: true,
  selection_probability: 1.0000000000000002,
};
const list: RecommendationList = {
  format: LIST_FORMAT_VERSION,
  user_id: 'u1',
  request_id: 'first',
  model_version: '12',
  cold_start_stage: 'weeks_2_4',
  total_candidates: 250,
  generated_at: 5000,
  max_results: 10,
  epsilon: 0.2,
  tracks: [track],
};
const served: Served = { requestId: 'second', list, tracks: [track], fromCache: true };

describe('replies and records of a served list', () => {
  it('OK reply: request id of this request, stage, model and generation time of the list', () => {
    expect(okReply(served)).toEqual({
      request_id: 'second',
      user_id: 'u1',
      status: 'OK',
      error: null,
      retry_after_ms: null,
      tracks: [track],
      cold_start_stage: 'weeks_2_4',
      response_time_ms: 0,
      from_cache: true,
      total_candidates: 250,
      model_version: '12',
      generated_at: 5000,
    });
  });

  it('status replies carry no tracks', () => {
    expect(
      statusReply({ request_id: 'r', user_id: 'u' }, 'RATE_LIMITED', {
        error: 'slow down',
        retryAfterMs: 1500,
        now: 9,
      }),
    ).toEqual({
      request_id: 'r',
      user_id: 'u',
      status: 'RATE_LIMITED',
      error: 'slow down',
      retry_after_ms: 1500,
      tracks: [],
      cold_start_stage: '',
      response_time_ms: 0,
      from_cache: false,
      total_candidates: 0,
      model_version: '',
      generated_at: 9,
    });
  });

  it('decision: what was shown for this request, with the propensities that chose it', () => {
    expect(decisionOf(served, 7000)).toEqual({
      request_id: 'second',
      user_id: 'u1',
      decided_at: 7000,
      candidates_considered: 250,
      epsilon: 0.2,
      cold_start_stage: 'weeks_2_4',
      model_version: '12',
      chosen: [
        { track_id: 't9', rank: 1, final_score: 0.65, exploration: true, selection_probability: 1.0000000000000002 },
      ],
    });
  });

  it('log rows: one per track, probability clamped to the column range', () => {
    expect(logRowsOf(served, 7000)).toEqual([
      {
        requestId: 'second',
        userId: 'u1',
        trackId: 't9',
        rank: 1,
        historySimilarity: 0.8,
        personalityMatch: 0.6,
        diversity: 1,
        novelty: 0.3,
        rlAdjustment: -0.01,
        finalScore: 0.65,
        reason: 'Similar to your recent plays (energy, valence)',
        exploration: true,
        selectionProbability: 1,
        coldStartStage: 'weeks_2_4',
        modelVersion: '12',
        createdAt: 7000,
      },
    ]);
  });
});
