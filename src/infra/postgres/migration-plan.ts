import { MigrationError } from './migration.error.js';
import type { MigrationFile } from './migration-files.js';

export interface AppliedMigration {
  filename: string;
  checksum: string;
}

/**
 * The files still to apply, in order. Refuses (MigrationError) when history
 * and files disagree: an applied file changed or vanished, or a new file
 * sorts before the last applied one (forward-only: it would run out of order).
 */
export function planMigrations(files: readonly MigrationFile[], applied: readonly AppliedMigration[]): MigrationFile[] {
  const byName = new Map(files.map((f) => [f.filename, f]));
  for (const row of applied) {
    const file = byName.get(row.filename);
    if (file === undefined) {
      throw new MigrationError('missing', row.filename, 'applied but no longer in the migrations directory');
    }
    if (file.checksum !== row.checksum) {
      throw new MigrationError(
        'checksum_mismatch',
        row.filename,
        `changed after it was applied (sha256 ${row.checksum} → ${file.checksum}); add a new migration instead`,
      );
    }
  }
  const done = new Set(applied.map((a) => a.filename));
  const last = [...done].sort().at(-1);
  const pending = files.filter((f) => !done.has(f.filename));
  const early = pending.find((f) => last !== undefined && f.filename < last);
  if (early !== undefined) {
    throw new MigrationError('out_of_order', early.filename, `sorts before already applied ${last}; renumber it`);
  }
  return pending;
}
