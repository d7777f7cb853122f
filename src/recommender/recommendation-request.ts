/** What a RecommendationRequest must satisfy before any work is done for it. */
import type { RecommendationRequest } from '../contracts/records.js';

/** Bounds of max_results (the Avro default is 50). */
export const MAX_RESULTS = Object.freeze({ min: 1, max: 100 });

/** Every problem of the request in one message, or null when it is valid. */
export function requestProblem(request: RecommendationRequest): string | null {
  const problems: string[] = [];
  if (request.request_id.trim() === '') problems.push('request_id must not be empty');
  if (request.user_id.trim() === '') problems.push('user_id must not be empty');
  const n = request.max_results;
  if (!Number.isInteger(n) || n < MAX_RESULTS.min || n > MAX_RESULTS.max) {
    problems.push(`max_results must be an integer in ${MAX_RESULTS.min}..${MAX_RESULTS.max}, got ${n}`);
  }
  return problems.length ? `invalid request: ${problems.join('; ')}` : null;
}
