// Node socket errors that mean "the server is not reachable right now".
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

// SQLSTATEs (PostgreSQL appendix A) outside class 08 that mean the server
// is shutting down, starting up or out of connection slots.
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);

// pg / pg-pool raise these as plain Errors without a code.
const UNAVAILABLE_MESSAGES: readonly RegExp[] = [
  /^Connection terminated/,
  /^timeout exceeded when trying to connect$/,
  /^Client has encountered a connection error and is not queryable$/,
  /^timeout expired$/,
  /^Query read timeout$/,
];

/** The database cannot be reached; the operation may succeed later unchanged. */
export class DatabaseUnavailableError extends Error {
  readonly retriable = true;
  readonly code: string | undefined;

  constructor(cause: unknown) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    super(`database unavailable: ${detail}`, { cause });
    this.name = 'DatabaseUnavailableError';
    this.code = codeOf(cause);
  }
}

function codeOf(err: unknown): string | undefined {
  if (typeof err !== 'object' || err === null || !('code' in err)) return undefined;
  return typeof err.code === 'string' ? err.code : undefined;
}

function isUnavailableLeaf(err: unknown): boolean {
  const code = codeOf(err);
  if (code !== undefined) {
    return NETWORK_CODES.has(code) || UNAVAILABLE_SQLSTATES.has(code) || /^08[0-9A-Z]{3}$/.test(code);
  }
  return err instanceof Error && UNAVAILABLE_MESSAGES.some((re) => re.test(err.message));
}

/**
 * True when `err` (or anything in its cause chain / AggregateError list, as
 * produced by dual-stack connects) says the database is unreachable.
 */
export function isConnectionError(err: unknown, depth = 0): boolean {
  if (depth > 5 || err === null || err === undefined) return false;
  if (err instanceof DatabaseUnavailableError || isUnavailableLeaf(err)) return true;
  if (err instanceof AggregateError && err.errors.some((e) => isConnectionError(e, depth + 1))) {
    return true;
  }
  return err instanceof Error && isConnectionError(err.cause, depth + 1);
}

/** Wraps connection errors in DatabaseUnavailableError; returns anything else unchanged. */
export function toDatabaseError(err: unknown): unknown {
  if (err instanceof DatabaseUnavailableError) return err;
  return isConnectionError(err) ? new DatabaseUnavailableError(err) : err;
}
