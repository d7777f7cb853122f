import { parseMigrateCliArgs } from './migrate.cli.js';

describe('parseMigrateCliArgs', () => {
  it.each([
    [
      'flags win over env',
      ['--database-url', 'postgres://h/db', '--schema', 's1', '--dir', '/m'],
      { DATABASE_URL: 'postgres://env/db', DATABASE_SCHEMA: 'env' },
      { databaseUrl: 'postgres://h/db', schema: 's1', dir: '/m' },
    ],
    [
      'env when no flags',
      ['--dir', '/m'],
      { DATABASE_URL: 'postgres://env/db', DATABASE_SCHEMA: 'env' },
      { databaseUrl: 'postgres://env/db', schema: 'env', dir: '/m' },
    ],
    [
      'defaults',
      ['--dir=/m'],
      {},
      { databaseUrl: 'postgres://postgres@127.0.0.1:5432/test', schema: 'public', dir: '/m' },
    ],
  ])('%s', (_name, argv, env, expected) => {
    expect(parseMigrateCliArgs(argv, env)).toEqual(expected);
  });

  it('rejects unknown flags', () => {
    expect(() => parseMigrateCliArgs(['--schmea', 'x'], {})).toThrow();
  });
});
