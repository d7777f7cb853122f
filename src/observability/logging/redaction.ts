/**
 * What a log line may carry. Secrets are removed twice: by key (any depth) and by shape
 * inside strings (messages, error messages, URLs), because a token most often leaks
 * through an error message or a URL rather than a field named "token".
 */

/** Keys whose values are never written, whatever component logs them. */
export const SECRET_KEY = /token|secret|password|passwd|authorization|cookie|api[-_]?key|credential/i;

export const REDACTED = '[redacted]';

const TEXT_RULES: ReadonlyArray<readonly [RegExp, string]> = [
  // Authorization header values: Bearer/Basic <credential>. Capitalised Basic and 8+ characters,
  // so prose such as "basic checks" stays readable.
  [/\b(Bearer|bearer|BEARER|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/g, `$1 ${REDACTED}`],
  // The password of a URL's user info: postgres://user:pw@host, redis://:pw@host.
  [/\b([a-z][a-z0-9+.-]*:\/\/[^\s:/@]*):[^\s@/]+@/gi, `$1:${REDACTED}@`],
  // Query strings, form bodies and JSON: access_token=…, "client_secret": "…".
  [
    /\b((?:access|refresh|id)_token|client_secret|password|api_?key|token)("?\s*[:=]\s*"?)[^\s"&,;}]+/gi,
    `$1$2${REDACTED}`,
  ],
];

/** Removes credentials from free text. */
export function scrubText(text: string): string {
  let out = text;
  for (const [pattern, replacement] of TEXT_RULES) out = out.replace(pattern, replacement);
  return out;
}

const MAX_DEPTH = 6;
const MAX_ARRAY = 50;

/** A JSON-safe copy of a log context: secret keys redacted, strings scrubbed, errors flattened. */
export function sanitize(context: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return sanitizeObject(context, 0, new WeakSet());
}

function sanitizeObject(obj: object, depth: number, seen: WeakSet<object>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(obj)) {
    out[key] = SECRET_KEY.test(key) ? REDACTED : sanitizeValue(value, depth + 1, seen);
  }
  return out;
}

function sanitizeValue(value: unknown, depth: number, seen: WeakSet<object>): unknown {
  if (typeof value === 'string') return scrubText(value);
  if (typeof value === 'bigint') return value.toString();
  if (value === null || typeof value !== 'object') return typeof value === 'function' ? undefined : value;
  if (Buffer.isBuffer(value)) return `[${value.length} bytes]`;
  if (value instanceof Error) return errorOf(value, depth, seen);
  if (value instanceof Date) return value.toISOString();
  if (seen.has(value)) return '[circular]';
  if (depth > MAX_DEPTH) return '[nested]';
  seen.add(value);
  if (Array.isArray(value)) {
    const items = value.slice(0, MAX_ARRAY).map((v) => sanitizeValue(v, depth + 1, seen));
    return value.length > MAX_ARRAY ? [...items, `[+${value.length - MAX_ARRAY} more]`] : items;
  }
  return sanitizeObject(value, depth, seen);
}

/** Type, message and code: what every log line has always carried for an error (tests match on it). */
function errorOf(error: Error, depth: number, seen: WeakSet<object>): Record<string, unknown> {
  const out: Record<string, unknown> = { type: error.name, message: scrubText(error.message) };
  const code = (error as { code?: unknown }).code;
  if (code !== undefined) out.code = sanitizeValue(code, depth + 1, seen);
  return out;
}
