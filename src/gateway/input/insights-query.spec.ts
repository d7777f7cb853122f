import { GatewayError } from '../gateway.error.js';
import { parseInsightsQuery, TOP_DEFAULT } from './insights-query.js';

function rejectedField(query: Record<string, unknown>): string | undefined {
  try {
    parseInsightsQuery(query);
  } catch (error) {
    if (error instanceof GatewayError && error.status === 400) return error.details.field;
    throw error;
  }
  throw new Error('expected a 400');
}

describe('parseInsightsQuery', () => {
  it.each([
    [{}, { timeZone: 'UTC', top: TOP_DEFAULT }],
    [
      { timeZone: 'Europe/Berlin', top: '10' },
      { timeZone: 'Europe/Berlin', top: 10 },
    ],
    [{ timeZone: 'America/Argentina/Buenos_Aires' }, { timeZone: 'America/Argentina/Buenos_Aires', top: TOP_DEFAULT }],
  ])('reads %p', (query, expected) => {
    expect(parseInsightsQuery(query)).toEqual(expected);
  });

  it.each([
    [{ tz: 'UTC' }, 'tz'],
    [{ timeZone: 'Mars/Olympus' }, 'timeZone'],
    [{ timeZone: "UTC'; drop table x" }, 'timeZone'],
    [{ timeZone: ['UTC', 'UTC'] }, 'timeZone'],
    [{ top: '0' }, 'top'],
    [{ top: '51' }, 'top'],
    [{ top: '1.5' }, 'top'],
  ])('rejects %p naming %s', (query, field) => {
    expect(rejectedField(query)).toBe(field);
  });
});
