/** Identifier rules shared by the gateway's routes (path ids, event ids, track ids). */
import { invalidInput } from '../gateway.error.js';

/**
 * User and event ids: 1–128 characters of letters, digits and `. _ : -`. Enough for
 * UUIDs, numeric ids and namespaced ids (`lastfm:alice`), and safe as a Kafka key, a
 * Redis key part and a log field without escaping.
 */
export const ID_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;
export const ID_PATTERN_TEXT = '1–128 characters of A–Z, a–z, 0–9, ".", "_", ":", "-"';

/** Catalog track ids are only required to be non-empty without spaces (see catalog import). */
export const TRACK_ID_PATTERN = /^\S{1,128}$/;

export function parseUserId(raw: unknown): string {
  if (typeof raw === 'string' && ID_PATTERN.test(raw)) return raw;
  throw invalidInput('userId', `userId must be ${ID_PATTERN_TEXT}; got ${JSON.stringify(raw)}`);
}
