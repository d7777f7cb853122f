import { MigrationError } from './migration.error.js';
import type { MigrationFile } from './migration-files.js';
import { planMigrations, type AppliedMigration } from './migration-plan.js';

const file = (filename: string, checksum = `sum-${filename}`): MigrationFile => ({ filename, sql: '', checksum });
const row = (filename: string, checksum = `sum-${filename}`): AppliedMigration => ({ filename, checksum });

describe('planMigrations', () => {
  it.each<[string, MigrationFile[], AppliedMigration[], string[]]>([
    ['fresh schema: everything', [file('0001_a.sql'), file('0002_b.sql')], [], ['0001_a.sql', '0002_b.sql']],
    ['up to date: nothing', [file('0001_a.sql')], [row('0001_a.sql')], []],
    ['only the new tail', [file('0001_a.sql'), file('0002_b.sql')], [row('0001_a.sql')], ['0002_b.sql']],
    ['no files at all', [], [], []],
  ])('%s', (_name, files, applied, expected) => {
    expect(planMigrations(files, applied).map((f) => f.filename)).toEqual(expected);
  });

  it.each<[string, MigrationFile[], AppliedMigration[], string, string]>([
    ['changed checksum', [file('0001_a.sql', 'new')], [row('0001_a.sql', 'old')], 'checksum_mismatch', '0001_a.sql'],
    ['applied file gone', [file('0001_a.sql')], [row('0001_a.sql'), row('0002_b.sql')], 'missing', '0002_b.sql'],
    [
      'new file before the last applied',
      [file('0001_a.sql'), file('0002_b.sql'), file('0003_c.sql')],
      [row('0001_a.sql'), row('0003_c.sql')],
      'out_of_order',
      '0002_b.sql',
    ],
  ])('refuses: %s', (_name, files, applied, kind, culprit) => {
    let caught: unknown;
    try {
      planMigrations(files, applied);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(MigrationError);
    expect(caught).toMatchObject({ kind, file: culprit, retriable: false });
    expect((caught as Error).message).toContain(culprit);
  });
});
