import pg from 'pg';
import type { Pool, PoolClient } from 'pg';
import { toDatabaseError } from './database.error.js';

export { DatabaseUnavailableError, isConnectionError, toDatabaseError } from './database.error.js';

/** What repositories accept: run a single statement on the pool or inside a transaction. */
export type Executor = Pool | PoolClient;

export interface CreatePoolOptions {
  connectionString: string;
  /** Schema every connection resolves unqualified names in (its search_path). */
  schema: string;
  max?: number;
  applicationName?: string;
  /** Told of connections that die (server restart, pg_terminate_backend); see createPool. */
  onConnectionError?: (err: Error) => void;
}

/**
 * `-c search_path=<schema>` for the libpq `options` startup parameter. The
 * schema is a double-quoted identifier (search_path is parsed as an identifier
 * list), then spaces and backslashes are backslash-escaped because the server
 * splits `options` on whitespace with `\` as the only escape.
 */
export function searchPathOption(schema: string): string {
  assertSchemaName(schema);
  const value = pg.escapeIdentifier(schema).replace(/[\\\s]/g, (c) => `\\${c}`);
  return `-c search_path=${value}`;
}

export function assertSchemaName(schema: string): void {
  // 63 = NAMEDATALEN - 1; longer names are silently truncated by the server.
  if (schema.length === 0 || Buffer.byteLength(schema) > 63 || schema.includes('\0')) {
    throw new Error(`invalid schema name ${JSON.stringify(schema)}: 1..63 bytes, no NUL`);
  }
}

export function createPool(options: CreatePoolOptions): Pool {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    options: searchPathOption(options.schema),
    max: options.max ?? 10,
    application_name: options.applicationName,
  });
  // A client whose socket dies emits 'error'; unlistened, that crashes the
  // process. pg-pool only listens while a client is idle, so listen on every
  // client for its whole life. The dead client is unusable and its next query
  // fails as DatabaseUnavailableError, so reporting is all that is left to do.
  pool.on('connect', (client) => {
    client.on('error', (err) => options.onConnectionError?.(err));
  });
  // pg-pool re-emits idle clients' errors here; the client listener above has
  // already reported them, but the pool must listen too or it would throw.
  pool.on('error', () => undefined);
  return pool;
}

/**
 * Runs `fn` inside BEGIN/COMMIT on one pooled client, rolls back on any error
 * and rethrows it (connection errors as DatabaseUnavailableError). The client
 * is always released; one whose rollback failed is destroyed, not reused.
 */
export async function withTransaction<T>(pool: Pool, fn: (client: PoolClient) => Promise<T>): Promise<T> {
  let client: PoolClient;
  try {
    client = await pool.connect();
  } catch (err) {
    throw toDatabaseError(err);
  }
  try {
    await client.query('BEGIN');
    const result = await fn(client);
    await client.query('COMMIT');
    client.release();
    return result;
  } catch (err) {
    await rollbackAndRelease(client);
    throw toDatabaseError(err);
  }
}

async function rollbackAndRelease(client: PoolClient): Promise<void> {
  try {
    await client.query('ROLLBACK');
    client.release();
  } catch (rollbackErr) {
    // The connection is in an unknown state; passing the error destroys it.
    client.release(rollbackErr instanceof Error ? rollbackErr : new Error(String(rollbackErr)));
  }
}
