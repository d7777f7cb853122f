/** The file's header lacks required columns: nothing in it can be mapped. */
export class CatalogHeaderError extends Error {
  readonly retriable = false;
  constructor(
    readonly missing: readonly string[],
    readonly found: readonly string[],
  ) {
    super(
      `CSV header is missing column(s) ${missing.join(', ')} (found: ${found.map((f) => JSON.stringify(f)).join(',')})`,
    );
    this.name = 'CatalogHeaderError';
  }
}

/** The input cannot be read at all (missing file, empty file, not CSV). */
export class CatalogInputError extends Error {
  readonly retriable = false;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CatalogInputError';
  }
}
