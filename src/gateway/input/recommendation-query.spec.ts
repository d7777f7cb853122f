import { GatewayError } from '../gateway.error.js';
import { parseUserId } from './identifiers.js';
import { parseRecommendationQuery } from './recommendation-query.js';

function failure(run: () => unknown): { field?: string; message: string; status: number } {
  try {
    run();
  } catch (error) {
    if (error instanceof GatewayError)
      return { field: error.details.field, message: error.message, status: error.status };
    throw error;
  }
  throw new Error('expected a GatewayError');
}

describe('parseUserId', () => {
  it.each(['u', 'alice', 'lastfm:alice_01', 'a.b-c', '7b0c9f4e-1c2d-4e5f-8a9b-0c1d2e3f4a5b', 'x'.repeat(128)])(
    'accepts %s',
    (id) => expect(parseUserId(id)).toBe(id),
  );

  it.each(['', 'x'.repeat(129), 'a b', 'a/b', 'ü', 'a\n', undefined, 42])('rejects %p as userId', (id) => {
    expect(failure(() => parseUserId(id))).toMatchObject({ status: 400, field: 'userId' });
  });
});

describe('parseRecommendationQuery', () => {
  it.each([
    [{}, { limit: 50, refresh: false, context: null }],
    [{ limit: '1' }, { limit: 1, refresh: false, context: null }],
    [
      { limit: '100', refresh: 'true' },
      { limit: 100, refresh: true, context: null },
    ],
    [
      { refresh: '1', context: 'focus' },
      { limit: 50, refresh: true, context: 'focus' },
    ],
    [{ refresh: 'false' }, { limit: 50, refresh: false, context: null }],
    [
      { refresh: '0', limit: '007' },
      { limit: 7, refresh: false, context: null },
    ],
  ])('reads %p', (query, expected) => {
    expect(parseRecommendationQuery(query)).toEqual(expected);
  });

  it.each([
    [{ limit: '0' }, 'limit', 'limit must be an integer in [1, 100]; got "0"'],
    [{ limit: '101' }, 'limit', 'limit must be an integer in [1, 100]; got "101"'],
    [{ limit: '' }, 'limit', 'limit must be an integer in [1, 100]; got ""'],
    [{ limit: '5.0' }, 'limit', 'limit must be an integer in [1, 100]; got "5.0"'],
    [{ limit: '-1' }, 'limit', 'limit must be an integer in [1, 100]; got "-1"'],
    [{ limit: '1e1' }, 'limit', 'limit must be an integer in [1, 100]; got "1e1"'],
    [{ limit: ['1', '2'] }, 'limit', 'limit must be given at most once as a plain value'],
    [{ refresh: 'yes' }, 'refresh', 'refresh must be true, false, 1 or 0; got "yes"'],
    [{ refresh: 'toString' }, 'refresh', 'refresh must be true, false, 1 or 0; got "toString"'],
    [
      { context: 'gym' },
      'context',
      'context must be one of workout, party, study, commute, relax, sleep, focus; got "gym"',
    ],
    [{ max: '5' }, 'max', 'unknown query parameter "max"; allowed: limit, refresh, context'],
  ])('rejects %p naming %s', (query, field, message) => {
    expect(failure(() => parseRecommendationQuery(query))).toEqual({ status: 400, field, message });
  });
});
