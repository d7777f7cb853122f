import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Pool } from 'pg';
import { defaultMigrationsDir } from './migration-files.js';
import { migrate } from './migrator.js';
import { createPool } from './pool.js';

/** The shared test database (docs/CONVENTIONS.md); tests isolate by schema, not database. */
export const TEST_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/test';

export interface TestSchema {
  schema: string;
  /** search_path is the test schema on every connection. */
  pool: Pool;
  /** Drops the schema CASCADE and ends the pool; safe to call twice. */
  drop(): Promise<void>;
}

export interface TestSchemaOptions {
  connectionString?: string;
  /** Defaults to the repository's migrations/; pass an empty dir for a bare schema. */
  migrationsDir?: string;
  max?: number;
}

/** Creates and migrates a fresh schema `t_<prefix>_<random>`. */
export async function createTestSchema(prefix: string, options: TestSchemaOptions = {}): Promise<TestSchema> {
  const schema = testSchemaName(prefix);
  const pool = createPool({
    connectionString: options.connectionString ?? TEST_DATABASE_URL,
    schema,
    max: options.max ?? 5,
    applicationName: `test:${schema}`,
  });
  let dropped = false;
  const drop = async (): Promise<void> => {
    if (dropped) return;
    dropped = true;
    try {
      await pool.query(`DROP SCHEMA IF EXISTS ${pg.escapeIdentifier(schema)} CASCADE`);
    } finally {
      await pool.end();
    }
  };
  try {
    await migrate({ pool, schema, dir: options.migrationsDir ?? defaultMigrationsDir() });
  } catch (err) {
    await drop();
    throw err;
  }
  return { schema, pool, drop };
}

/** `t_<prefix>_<8 hex>`, prefix reduced to [a-z0-9_] and cut so the name fits 63 bytes. */
export function testSchemaName(prefix: string): string {
  const clean = prefix
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '_')
    .slice(0, 40);
  return `t_${clean}_${randomBytes(4).toString('hex')}`;
}
