export type MigrationErrorKind =
  | 'checksum_mismatch' // an applied file was edited: migrations are forward-only
  | 'missing' // an applied file was deleted or renamed
  | 'out_of_order' // a new file sorts before one already applied
  | 'invalid_name' // a .sql file not named NNNN_description.sql, or a duplicate number
  | 'failed'; // the file's SQL raised an error; its transaction was rolled back

/** Migrations cannot proceed without a human fixing the files or the schema. */
export class MigrationError extends Error {
  readonly retriable = false;

  constructor(
    readonly kind: MigrationErrorKind,
    readonly file: string,
    detail: string,
    options?: { cause?: unknown },
  ) {
    super(`migration ${file}: ${detail}`, options);
    this.name = 'MigrationError';
  }
}
