import { mkdtemp, readdir, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Pool } from 'pg';
import { advisoryLockKey, defaultMigrationsDir, migrate, MigrationError } from './migrator.js';
import { createPool } from './pool.js';
import { TEST_DATABASE_URL, testSchemaName } from './test-schema.js';

const pools: Pool[] = [];
const schemas: string[] = [];
const dirs: string[] = [];

function newPool(schema: string): Pool {
  const pool = createPool({ connectionString: TEST_DATABASE_URL, schema, max: 2 });
  pools.push(pool);
  return pool;
}

function newSchema(): string {
  const schema = testSchemaName('migrator');
  schemas.push(schema);
  return schema;
}

async function tempDir(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'migrations-'));
  dirs.push(dir);
  await Promise.all(Object.entries(files).map(([name, sql]) => writeFile(join(dir, name), sql)));
  return dir;
}

async function appliedFiles(pool: Pool, schema: string): Promise<string[]> {
  const { rows } = await pool.query<{ filename: string }>(
    `SELECT filename FROM ${pg.escapeIdentifier(schema)}.schema_migrations ORDER BY filename`,
  );
  return rows.map((r) => r.filename);
}

async function rejection(promise: Promise<unknown>): Promise<MigrationError> {
  const err = await promise.then(
    () => new Error('expected a rejection'),
    (e: unknown) => e,
  );
  if (!(err instanceof MigrationError)) throw err;
  return err;
}

async function waitFor(check: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('waitFor: deadline exceeded');
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** Sessions waiting for this schema's migration lock (pg_locks splits the bigint key in two oids). */
async function lockWaiters(pool: Pool, schema: string): Promise<number> {
  const key = BigInt.asUintN(64, BigInt(advisoryLockKey(schema)));
  const { rows } = await pool.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM pg_locks
     WHERE locktype = 'advisory' AND NOT granted AND classid = $1::oid AND objid = $2::oid AND objsubid = 1`,
    [(key >> 32n).toString(), (key & 0xffffffffn).toString()],
  );
  return rows[0]?.n ?? 0;
}

afterAll(async () => {
  const admin = createPool({ connectionString: TEST_DATABASE_URL, schema: 'public', max: 1 });
  for (const schema of schemas) await admin.query(`DROP SCHEMA IF EXISTS ${pg.escapeIdentifier(schema)} CASCADE`);
  await admin.end();
  await Promise.all(pools.map((p) => p.end()));
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

describe('migrate (real migrations)', () => {
  it('applies every file in order, creates the tables, and a second run applies none', async () => {
    const schema = newSchema();
    const pool = newPool(schema);
    const expected = (await readdir(defaultMigrationsDir())).filter((f) => f.endsWith('.sql')).sort();

    expect(await migrate({ pool, schema, dir: defaultMigrationsDir() })).toEqual(expected);
    expect(await migrate({ pool, schema, dir: defaultMigrationsDir() })).toEqual([]);
    expect(await appliedFiles(pool, schema)).toEqual(expected);

    const { rows } = await pool.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name`,
      [schema],
    );
    expect(rows.map((r) => r.table_name)).toEqual([
      'listening_history',
      'music_genre_preferences',
      'music_interactions',
      'music_recommendation_lists',
      'music_recommendations',
      'music_rl_models',
      'personality_scores',
      'processor_offsets',
      'recommendations_cache',
      'reward_outbox',
      'schema_migrations',
      'tracks',
      'users',
    ]);
  });

  it('is safe when two pools migrate the same schema at once', async () => {
    const schema = newSchema();
    const [a, b, holder] = [newPool(schema), newPool(schema), newPool(schema)];
    const dir = defaultMigrationsDir();
    // Hold the lock so both migrations are provably waiting on it at the same time.
    const lockClient = await holder.connect();
    await lockClient.query('SELECT pg_advisory_lock($1::bigint)', [advisoryLockKey(schema)]);
    const runs = Promise.all([migrate({ pool: a, schema, dir }), migrate({ pool: b, schema, dir })]);
    await waitFor(async () => (await lockWaiters(holder, schema)) === 2);
    await lockClient.query('SELECT pg_advisory_unlock($1::bigint)', [advisoryLockKey(schema)]);
    lockClient.release();

    const [first, second] = await runs;
    const expected = (await readdir(dir)).filter((f) => f.endsWith('.sql')).sort();
    expect([...first, ...second].sort()).toEqual(expected);
    expect([first.length, second.length].sort()).toEqual([0, expected.length]);
    expect(await appliedFiles(a, schema)).toEqual(expected);
  });
});

describe('migrate (refusals)', () => {
  it('refuses a changed checksum, naming the file, and applies nothing new', async () => {
    const schema = newSchema();
    const pool = newPool(schema);
    const dir = await tempDir({ '0001_a.sql': 'CREATE TABLE a (x int);', '0002_b.sql': 'CREATE TABLE b (x int);' });
    expect(await migrate({ pool, schema, dir })).toEqual(['0001_a.sql', '0002_b.sql']);

    await writeFile(join(dir, '0001_a.sql'), 'CREATE TABLE a (x bigint);');
    await writeFile(join(dir, '0003_c.sql'), 'CREATE TABLE c (x int);');
    const err = await rejection(migrate({ pool, schema, dir }));

    expect(err.kind).toBe('checksum_mismatch');
    expect(err.file).toBe('0001_a.sql');
    expect(err.message).toContain('0001_a.sql');
    expect(err.retriable).toBe(false);
    expect(await appliedFiles(pool, schema)).toEqual(['0001_a.sql', '0002_b.sql']);
  });

  it('refuses when an applied file is missing', async () => {
    const schema = newSchema();
    const pool = newPool(schema);
    const dir = await tempDir({ '0001_a.sql': 'SELECT 1;', '0002_b.sql': 'SELECT 2;' });
    await migrate({ pool, schema, dir });
    await unlink(join(dir, '0002_b.sql'));

    const err = await rejection(migrate({ pool, schema, dir }));
    expect([err.kind, err.file]).toEqual(['missing', '0002_b.sql']);
  });

  it('refuses a new file numbered before the last applied one', async () => {
    const schema = newSchema();
    const pool = newPool(schema);
    const dir = await tempDir({ '0001_a.sql': 'SELECT 1;', '0003_c.sql': 'SELECT 3;' });
    await migrate({ pool, schema, dir });
    await writeFile(join(dir, '0002_b.sql'), 'SELECT 2;');

    const err = await rejection(migrate({ pool, schema, dir }));
    expect([err.kind, err.file]).toEqual(['out_of_order', '0002_b.sql']);
  });

  it('rolls back a failing file and keeps the ones before it', async () => {
    const schema = newSchema();
    const pool = newPool(schema);
    const dir = await tempDir({
      '0001_a.sql': 'CREATE TABLE a (x int);',
      '0002_b.sql': 'CREATE TABLE b (x int);\nCREATE TABLE broken (x no_such_type);',
    });

    const err = await rejection(migrate({ pool, schema, dir }));
    expect([err.kind, err.file]).toEqual(['failed', '0002_b.sql']);
    expect(err.message).toContain('line 2');
    expect(await appliedFiles(pool, schema)).toEqual(['0001_a.sql']);
    const { rows } = await pool.query(`SELECT to_regclass('b') AS b, to_regclass('a')::text AS a`);
    expect(rows).toEqual([{ a: 'a', b: null }]);
  });

  it('refuses a misnamed .sql file', async () => {
    const schema = newSchema();
    const dir = await tempDir({ '0001_a.sql': 'SELECT 1;', 'extra.sql': 'SELECT 2;' });
    const err = await rejection(migrate({ pool: newPool(schema), schema, dir }));
    expect([err.kind, err.file]).toEqual(['invalid_name', 'extra.sql']);
  });
});
