import { DatabaseUnavailableError, isConnectionError, toDatabaseError } from './database.error.js';

function withCode(code: string, message = 'x'): Error {
  return Object.assign(new Error(message), { code });
}

describe('isConnectionError', () => {
  it.each<[string, unknown, boolean]>([
    ['ECONNREFUSED', withCode('ECONNREFUSED'), true],
    ['ECONNRESET', withCode('ECONNRESET'), true],
    ['admin shutdown 57P01', withCode('57P01'), true],
    ['cannot connect now 57P03', withCode('57P03'), true],
    ['too many connections 53300', withCode('53300'), true],
    ['connection failure 08006', withCode('08006'), true],
    ['protocol violation 08P01', withCode('08P01'), true],
    ['pg terminated message', new Error('Connection terminated unexpectedly'), true],
    ['pool connect timeout', new Error('timeout exceeded when trying to connect'), true],
    ['refused inside AggregateError', new AggregateError([withCode('ECONNREFUSED')]), true],
    ['refused as cause', new Error('wrapped', { cause: withCode('ECONNREFUSED') }), true],
    ['unique violation 23505', withCode('23505'), false],
    ['syntax error 42601', withCode('42601'), false],
    ['serialization failure 40001', withCode('40001'), false],
    ['plain error', new Error('boom'), false],
    ['non-error value', 'ECONNREFUSED', false],
    ['undefined', undefined, false],
  ])('%s → %s', (_name, err, expected) => {
    expect(isConnectionError(err)).toBe(expected);
  });
});

describe('toDatabaseError', () => {
  it('wraps connection errors, keeping code and cause', () => {
    const cause = withCode('57P01', 'terminating connection due to administrator command');
    const mapped = toDatabaseError(cause);
    expect(mapped).toBeInstanceOf(DatabaseUnavailableError);
    expect(mapped).toMatchObject({ retriable: true, code: '57P01', cause });
  });

  it('returns other errors and already-mapped errors unchanged', () => {
    const other = withCode('23505');
    const mapped = new DatabaseUnavailableError(withCode('ECONNREFUSED'));
    expect(toDatabaseError(other)).toBe(other);
    expect(toDatabaseError(mapped)).toBe(mapped);
  });
});
