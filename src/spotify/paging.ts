/** Follows Spotify's `next` links (offset or cursor based) up to a page budget. */
import type { Page } from './spotify-schemas.js';
import type { ApiRequest, SpotifyApi } from './spotify-api.js';

export interface CollectPagesOptions<B, T> {
  readonly api: SpotifyApi;
  readonly first: ApiRequest<B>;
  /** Where the page sits in the body (`albums` for new releases, the body itself for /me/top). */
  readonly pageOf: (body: B) => Page<T>;
  /** Bounds requests when a listing is long (or a server keeps sending `next`). */
  readonly maxPages: number;
}

export async function collectPages<B, T>(options: CollectPagesOptions<B, T>): Promise<T[]> {
  const items: T[] = [];
  let path: string | null = options.first.path;
  for (let n = 0; path !== null && n < options.maxPages; n += 1) {
    const page = options.pageOf(await options.api.get({ ...options.first, path }));
    items.push(...page.items);
    path = page.next;
  }
  return items;
}
