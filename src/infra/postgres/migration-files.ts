import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MigrationError } from './migration.error.js';

export interface MigrationFile {
  filename: string;
  sql: string;
  /** Hex sha256 of the file's bytes, as stored in schema_migrations.checksum. */
  checksum: string;
}

const NAME = /^(\d{4})_[a-z0-9_]+\.sql$/;

/** Reads `dir`'s *.sql files sorted by name, refusing misnamed files and duplicate numbers. */
export async function readMigrationFiles(dir: string): Promise<MigrationFile[]> {
  const names = (await readdir(dir)).filter((n) => n.endsWith('.sql')).sort();
  const seen = new Map<string, string>();
  const files: MigrationFile[] = [];
  for (const filename of names) {
    const number = NAME.exec(filename)?.[1];
    if (number === undefined) {
      throw new MigrationError('invalid_name', filename, 'expected NNNN_lower_snake_description.sql');
    }
    const clash = seen.get(number);
    if (clash !== undefined) {
      throw new MigrationError('invalid_name', filename, `number ${number} already used by ${clash}`);
    }
    seen.set(number, filename);
    const bytes = await readFile(join(dir, filename));
    files.push({ filename, sql: bytes.toString('utf8'), checksum: sha256(bytes) });
  }
  return files;
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * The repository's `migrations/` directory, found by walking up from this
 * module to the nearest package.json, so it works from src/ (jest) and from
 * the compiled dist/ tree alike.
 */
export function defaultMigrationsDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return join(dir, 'migrations');
    const parent = dirname(dir);
    if (parent === dir) throw new Error('no package.json above the postgres infra module');
    dir = parent;
  }
}
