/** Query string of GET /v1/users/:userId/insights; unknown or repeated parameters are rejected. */
import { invalidInput } from '../gateway.error.js';

export interface InsightsQuery {
  /** IANA time zone the hour-of-day histogram is binned in. */
  readonly timeZone: string;
  /** Entries of the top-bucket and top-artist lists. */
  readonly top: number;
}

export const TOP_DEFAULT = 5;
export const TOP_MAX = 50;
const KNOWN = new Set(['timeZone', 'top']);
/** IANA names: letters, digits and `/ _ + -` (e.g. America/Argentina/Buenos_Aires, Etc/GMT+5). */
const ZONE_PATTERN = /^[A-Za-z][A-Za-z0-9/_+-]{0,63}$/;

export function parseInsightsQuery(query: Readonly<Record<string, unknown>>): InsightsQuery {
  const unknown = Object.keys(query).find((k) => !KNOWN.has(k));
  if (unknown !== undefined) {
    throw invalidInput(unknown, `unknown query parameter ${JSON.stringify(unknown)}; allowed: timeZone, top`);
  }
  return { timeZone: parseTimeZone(single(query, 'timeZone')), top: parseTop(single(query, 'top')) };
}

function single(query: Readonly<Record<string, unknown>>, name: string): string | undefined {
  const value = query[name];
  if (value === undefined || typeof value === 'string') return value;
  throw invalidInput(name, `${name} must be given at most once as a plain value`);
}

function parseTimeZone(raw: string | undefined): string {
  if (raw === undefined) return 'UTC';
  if (ZONE_PATTERN.test(raw) && isKnownZone(raw)) return raw;
  throw invalidInput(
    'timeZone',
    `timeZone must be an IANA time zone such as Europe/Berlin; got ${JSON.stringify(raw)}`,
  );
}

/** Intl throws a RangeError for a zone it does not know; Postgres knows the same IANA database. */
function isKnownZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch (error) {
    if (error instanceof RangeError) return false;
    throw error;
  }
}

function parseTop(raw: string | undefined): number {
  if (raw === undefined) return TOP_DEFAULT;
  const n = /^\d{1,3}$/.test(raw) ? Number(raw) : NaN;
  if (n >= 1 && n <= TOP_MAX) return n;
  throw invalidInput('top', `top must be an integer in [1, ${TOP_MAX}]; got ${JSON.stringify(raw)}`);
}
