/** Query string of GET /v1/users/:userId/recommendations, checked strictly so typos fail loudly. */
import { isListeningContext, LISTENING_CONTEXTS, type ListeningContext } from '../../domain/types.js';
import { invalidInput } from '../gateway.error.js';

export const LIMIT_MIN = 1;
export const LIMIT_MAX = 100;
/** The RecommendationRequest schema's own default for max_results. */
export const LIMIT_DEFAULT = 50;

export interface RecommendationQuery {
  readonly limit: number;
  readonly refresh: boolean;
  readonly context: ListeningContext | null;
}

const KNOWN = new Set(['limit', 'refresh', 'context']);
const BOOLEANS: ReadonlyMap<string, boolean> = new Map([
  ['true', true],
  ['false', false],
  ['1', true],
  ['0', false],
]);

export function parseRecommendationQuery(query: Readonly<Record<string, unknown>>): RecommendationQuery {
  const unknown = Object.keys(query).find((k) => !KNOWN.has(k));
  if (unknown !== undefined) {
    throw invalidInput(unknown, `unknown query parameter ${JSON.stringify(unknown)}; allowed: limit, refresh, context`);
  }
  return {
    limit: parseLimit(single(query, 'limit')),
    refresh: parseRefresh(single(query, 'refresh')),
    context: parseContext(single(query, 'context')),
  };
}

/** A repeated parameter (`?limit=1&limit=2`) is ambiguous: reject it rather than pick one. */
function single(query: Readonly<Record<string, unknown>>, name: string): string | undefined {
  const value = query[name];
  if (value === undefined || typeof value === 'string') return value;
  throw invalidInput(name, `${name} must be given at most once as a plain value`);
}

function parseLimit(raw: string | undefined): number {
  if (raw === undefined) return LIMIT_DEFAULT;
  const n = /^\d{1,4}$/.test(raw) ? Number(raw) : NaN;
  if (n >= LIMIT_MIN && n <= LIMIT_MAX) return n;
  throw invalidInput('limit', `limit must be an integer in [${LIMIT_MIN}, ${LIMIT_MAX}]; got ${JSON.stringify(raw)}`);
}

function parseRefresh(raw: string | undefined): boolean {
  if (raw === undefined) return false;
  const value = BOOLEANS.get(raw);
  if (value !== undefined) return value;
  throw invalidInput('refresh', `refresh must be true, false, 1 or 0; got ${JSON.stringify(raw)}`);
}

function parseContext(raw: string | undefined): ListeningContext | null {
  if (raw === undefined) return null;
  if (isListeningContext(raw)) return raw;
  throw invalidInput('context', `context must be one of ${LISTENING_CONTEXTS.join(', ')}; got ${JSON.stringify(raw)}`);
}
