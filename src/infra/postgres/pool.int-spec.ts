import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { migrate } from './migrator.js';
import { createPool, DatabaseUnavailableError, withTransaction } from './pool.js';
import { createTestSchema, TEST_DATABASE_URL, testSchemaName, type TestSchema } from './test-schema.js';

let db: TestSchema;

beforeAll(async () => {
  db = await createTestSchema('pool');
  await db.pool.query('CREATE TABLE probe (x int PRIMARY KEY)');
});

afterAll(async () => {
  await db.drop();
});

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => new Error('expected a rejection'),
    (e: unknown) => e,
  );
}

describe('createPool', () => {
  it('sets search_path on every connection, even for a schema name needing quotes and escapes', async () => {
    const schema = `${testSchemaName('pool')} "odd" \\ name`;
    const dir = await mkdtemp(join(tmpdir(), 'migrations-'));
    await writeFile(join(dir, '0001_probe.sql'), 'CREATE TABLE probe (x int);');
    const pool = createPool({ connectionString: TEST_DATABASE_URL, schema, max: 2 });
    try {
      await migrate({ pool, schema, dir });
      await pool.query('INSERT INTO probe VALUES (1)');
      const { rows } = await pool.query('SELECT current_schema() AS s, (SELECT count(*)::int FROM probe) AS n');
      expect(rows).toEqual([{ s: schema, n: 1 }]);
    } finally {
      await pool.query(`DROP SCHEMA IF EXISTS ${pg.escapeIdentifier(schema)} CASCADE`);
      await pool.end();
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('withTransaction', () => {
  it('commits and returns the result', async () => {
    const result = await withTransaction(db.pool, async (client) => {
      await client.query('INSERT INTO probe VALUES (10)');
      return 'done';
    });
    expect(result).toBe('done');
    expect((await db.pool.query('SELECT x FROM probe WHERE x = 10')).rows).toEqual([{ x: 10 }]);
  });

  it('rolls back and rethrows a non-connection error unchanged', async () => {
    const failure = new Error('domain failure');
    const err = await rejectionOf(
      withTransaction(db.pool, async (client) => {
        await client.query('INSERT INTO probe VALUES (20)');
        throw failure;
      }),
    );
    expect(err).toBe(failure);
    expect((await db.pool.query('SELECT x FROM probe WHERE x = 20')).rowCount).toBe(0);
    expect(db.pool.totalCount - db.pool.idleCount).toBe(0);
  });

  it('maps a terminated backend (57P01) to a retriable DatabaseUnavailableError without crashing', async () => {
    const reported: Error[] = [];
    const pool = createPool({
      connectionString: TEST_DATABASE_URL,
      schema: db.schema,
      max: 1,
      onConnectionError: (e) => reported.push(e),
    });
    try {
      const err = await rejectionOf(
        withTransaction(pool, async (client) => {
          await client.query('SELECT pg_terminate_backend(pg_backend_pid())');
        }),
      );
      expect(err).toBeInstanceOf(DatabaseUnavailableError);
      expect(err).toMatchObject({ retriable: true, code: '57P01' });
      expect(reported.map((e) => e.message)).toEqual(['Connection terminated unexpectedly']);
      // The dead client was destroyed, not returned: the single slot reconnects.
      expect((await pool.query('SELECT 1 AS ok')).rows).toEqual([{ ok: 1 }]);
    } finally {
      await pool.end();
    }
  });

  it('maps a refused connection to DatabaseUnavailableError', async () => {
    const pool = createPool({ connectionString: 'postgres://postgres@127.0.0.1:1/test', schema: 'x', max: 1 });
    try {
      const err = await rejectionOf(withTransaction(pool, async () => 'never'));
      expect(err).toBeInstanceOf(DatabaseUnavailableError);
      expect(err).toMatchObject({ retriable: true, code: 'ECONNREFUSED' });
    } finally {
      await pool.end();
    }
  });
});
