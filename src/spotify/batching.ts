/**
 * Id-list endpoints (`/audio-features?ids=`, `/tracks?ids=`, `/artists?ids=`): serve per-id
 * cache hits, fetch the distinct misses in batches of at most the endpoint's maximum, and
 * return one entry per requested id, in the caller's order (duplicates and nulls kept).
 */
import type { Decoder } from './decode.js';
import { type CacheName, isMiss, type SpotifyCache } from './spotify.cache.js';
import { SpotifyInputError, SpotifyResponseError } from './spotify.error.js';

/** Spotify ids are base62; anything else would change the meaning of a comma-separated query. */
const SPOTIFY_ID = /^[A-Za-z0-9]{1,64}$/;

export function chunk<T>(items: readonly T[], size: number): T[][] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`chunk size must be a positive integer, got ${size}`);
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export function assertSpotifyIds(ids: readonly string[]): void {
  const bad = ids.find((id) => !SPOTIFY_ID.test(id));
  if (bad !== undefined) throw new SpotifyInputError(`not a Spotify id: ${JSON.stringify(bad)}`);
}

export interface FetchByIdsOptions<T> {
  readonly ids: readonly string[];
  readonly batchSize: number;
  readonly cache: SpotifyCache;
  readonly cacheName: CacheName;
  /** Key kind, e.g. `audio-features`: keys are `<prefix>spotify:<kind>:<id>`. */
  readonly kind: string;
  readonly decoder: Decoder<T | null>;
  /** Fetches one batch; the answer is aligned with the batch (null where Spotify knows nothing). */
  readonly load: (batch: readonly string[]) => Promise<readonly (T | null)[]>;
  readonly label: string;
}

export async function fetchByIds<T>(options: FetchByIdsOptions<T>): Promise<(T | null)[]> {
  const { ids, cache, cacheName, kind, decoder } = options;
  assertSpotifyIds(ids);
  const distinct = [...new Set(ids)];
  const cached = await cache.getMany(
    cacheName,
    distinct.map((id) => cache.key(kind, id)),
    decoder,
  );
  const found = new Map<string, T | null>();
  distinct.forEach((id, i) => {
    const value = cached[i];
    if (!isMiss(value)) found.set(id, value);
  });
  const misses = distinct.filter((id) => !found.has(id));
  for (const batch of chunk(misses, options.batchSize)) {
    const values = await options.load(batch);
    if (values.length !== batch.length) {
      throw new SpotifyResponseError(options.label, `asked for ${batch.length} ids, got ${values.length} entries`);
    }
    batch.forEach((id, i) => found.set(id, values[i]));
    await cache.setMany(
      cacheName,
      batch.map((id, i) => ({ key: cache.key(kind, id), value: values[i] })),
    );
  }
  return ids.map((id) => found.get(id) ?? null);
}
