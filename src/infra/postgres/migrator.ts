import { createHash } from 'node:crypto';
import pg from 'pg';
import type { Pool, PoolClient } from 'pg';
import { toDatabaseError } from './database.error.js';
import { MigrationError } from './migration.error.js';
import { readMigrationFiles, type MigrationFile } from './migration-files.js';
import { planMigrations, type AppliedMigration } from './migration-plan.js';
import { assertSchemaName } from './pool.js';

export { MigrationError, type MigrationErrorKind } from './migration.error.js';
export { defaultMigrationsDir } from './migration-files.js';

export interface MigrateOptions {
  pool: Pool;
  /** Target schema; created if missing. Holds its own schema_migrations table. */
  schema: string;
  /** Directory of NNNN_description.sql files. */
  dir: string;
  log?: (message: string) => void;
}

/**
 * Applies the pending migrations of `dir` to `schema`, each file in its own
 * transaction with `SET LOCAL search_path` to the schema. Serialised per
 * schema by a session advisory lock, so concurrent callers are safe: the
 * later one waits and then finds nothing to do. Returns the filenames applied.
 */
export async function migrate(options: MigrateOptions): Promise<string[]> {
  assertSchemaName(options.schema);
  const files = await readMigrationFiles(options.dir);
  const client = await options.pool.connect().catch((err: unknown) => {
    throw toDatabaseError(err);
  });
  const key = advisoryLockKey(options.schema);
  let broken: Error | undefined;
  try {
    await client.query('SELECT pg_advisory_lock($1::bigint)', [key]);
    try {
      return await migrateLocked(client, options, files);
    } finally {
      broken = await unlock(client, key);
    }
  } catch (err) {
    throw toDatabaseError(err);
  } finally {
    client.release(broken);
  }
}

/** Stable signed 64-bit key per schema, namespaced so it cannot collide with app locks by accident. */
export function advisoryLockKey(schema: string): string {
  const digest = createHash('sha256').update(`music-rl-stream:migrate:${schema}`).digest();
  return digest.readBigInt64BE(0).toString();
}

async function unlock(client: PoolClient, key: string): Promise<Error | undefined> {
  try {
    await client.query('SELECT pg_advisory_unlock($1::bigint)', [key]);
    return undefined;
  } catch (err) {
    // Returned so the client is destroyed: closing the session frees the lock.
    return err instanceof Error ? err : new Error(String(err));
  }
}

async function migrateLocked(client: PoolClient, options: MigrateOptions, files: MigrationFile[]): Promise<string[]> {
  const schema = pg.escapeIdentifier(options.schema);
  await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  await client.query(
    `CREATE TABLE IF NOT EXISTS ${schema}.schema_migrations (
       filename   text        PRIMARY KEY,
       checksum   text        NOT NULL,
       applied_at timestamptz NOT NULL DEFAULT now()
     )`,
  );
  const { rows } = await client.query<AppliedMigration>(
    `SELECT filename, checksum FROM ${schema}.schema_migrations ORDER BY filename`,
  );
  const pending = planMigrations(files, rows);
  for (const file of pending) {
    await applyFile(client, schema, file);
    options.log?.(`migrated ${options.schema}: ${file.filename}`);
  }
  return pending.map((f) => f.filename);
}

async function applyFile(client: PoolClient, schema: string, file: MigrationFile): Promise<void> {
  await client.query('BEGIN');
  try {
    await client.query(`SET LOCAL search_path TO ${schema}`);
    await client.query(file.sql);
    await client.query(`INSERT INTO ${schema}.schema_migrations (filename, checksum) VALUES ($1, $2)`, [
      file.filename,
      file.checksum,
    ]);
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK');
    throw new MigrationError('failed', file.filename, describeFailure(err, file.sql), { cause: err });
  }
}

function describeFailure(err: unknown, sql: string): string {
  if (!(err instanceof pg.DatabaseError)) return err instanceof Error ? err.message : String(err);
  const position = Number(err.position);
  const line = Number.isInteger(position) && position > 0 ? sql.slice(0, position).split('\n').length : undefined;
  const where = line === undefined ? '' : ` at line ${line}`;
  return `${err.message}${where} (SQLSTATE ${err.code ?? 'unknown'})`;
}
