import type { RecommendationRequest } from '../contracts/records.js';
import { requestProblem } from './recommendation-request.js';

const valid: RecommendationRequest = {
  request_id: 'r1',
  user_id: 'u1',
  max_results: 50,
  force_refresh: false,
  requested_at: 0,
  context: null,
};

describe('requestProblem', () => {
  it.each([
    [{}, null],
    [{ max_results: 1 }, null],
    [{ max_results: 100 }, null],
    [{ max_results: 0 }, 'invalid request: max_results must be an integer in 1..100, got 0'],
    [{ max_results: 101 }, 'invalid request: max_results must be an integer in 1..100, got 101'],
    [{ max_results: -5 }, 'invalid request: max_results must be an integer in 1..100, got -5'],
    [{ user_id: '  ' }, 'invalid request: user_id must not be empty'],
    [
      { request_id: '', user_id: '', max_results: 0 },
      'invalid request: request_id must not be empty; user_id must not be empty; max_results must be an integer in 1..100, got 0',
    ],
    [{ context: 'not-a-context' }, null],
  ])('%j → %s', (override, expected) => {
    expect(requestProblem({ ...valid, ...override })).toBe(expected);
  });
});
