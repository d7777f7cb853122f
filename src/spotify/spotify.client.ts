/**
 * The Spotify Web API client: one method per endpoint we use, with rate limits, retries,
 * boundary validation and the Redis cache underneath. Framework-free: build it with
 * createSpotifyClient (spotify.factory.ts) or from its parts.
 */
import { assertSpotifyIds, fetchByIds } from './batching.js';
import { array, type Decoder, nullable } from './decode.js';
import { collectPages } from './paging.js';
import type { ApiRequest, SpotifyApi, SpotifyAuth } from './spotify-api.js';
import { type CacheStats, type SpotifyCache, sha256Hex } from './spotify.cache.js';
import * as schema from './spotify-schemas.js';
import type { Page, SpotifyAlbum, SpotifyArtist, SpotifyAudioFeatures, SpotifyPlay } from './spotify-schemas.js';
import type { SpotifyTrack } from './spotify-schemas.js';
import { SpotifyInputError } from './spotify.error.js';
import type { SpotifyCallStats } from './retrying-transport.js';

/** A user's id (hashed into cache keys) and OAuth access token (never stored or logged). */
export interface SpotifyUser {
  readonly userId: string;
  readonly accessToken: string;
}

export type TimeRange = 'short_term' | 'medium_term' | 'long_term';

/** Documented API maxima per request. */
export const MAX_IDS = { audioFeatures: 100, tracks: 50, artists: 50 } as const;
export const MAX_RECOMMENDATION_SEEDS = 5;
export const MAX_PAGE_SIZE = 50;
/** Pages followed per listing unless a call asks otherwise (4 × 50 items). */
export const DEFAULT_MAX_PAGES = 4;

const APP: SpotifyAuth = { kind: 'app' };
const present = <T>(x: T | null): x is T => x !== null;
const whole = <T>(page: Page<T>): Page<T> => page;

const NO_CALLS: SpotifyCallStats = Object.freeze({ requests: 0, attempts: 0, retries: 0, rateLimited: 0, failures: 0 });

export class SpotifyClient {
  constructor(
    private readonly api: SpotifyApi,
    private readonly cache: SpotifyCache,
    /** The transport's counters (metrics); absent when built without one. */
    private readonly calls: () => SpotifyCallStats = () => NO_CALLS,
  ) {}

  cacheStats(): CacheStats {
    return this.cache.stats();
  }

  callStats(): SpotifyCallStats {
    return this.calls();
  }

  async topTracks(user: SpotifyUser, timeRange: TimeRange = 'medium_term'): Promise<SpotifyTrack[]> {
    const path = `/me/top/tracks?limit=${MAX_PAGE_SIZE}&time_range=${timeRange}`;
    return this.userListing(user, `top-tracks:${timeRange}`, array(schema.track), async () => {
      const items = await this.pages({ endpoint: 'top-tracks', path, ...this.userPage(user, schema.trackOrLocal) });
      return items.filter(present);
    });
  }

  async recentlyPlayed(user: SpotifyUser): Promise<SpotifyPlay[]> {
    const path = `/me/player/recently-played?limit=${MAX_PAGE_SIZE}`;
    return this.userListing(user, 'recently-played', array(schema.catalogPlay), async () => {
      const items = await this.pages({ endpoint: 'recently-played', path, ...this.userPage(user, schema.play) });
      return items.filter((p): p is SpotifyPlay => p.track !== null);
    });
  }

  async topArtists(user: SpotifyUser, timeRange: TimeRange = 'medium_term'): Promise<SpotifyArtist[]> {
    const path = `/me/top/artists?limit=${MAX_PAGE_SIZE}&time_range=${timeRange}`;
    return this.userListing(user, `top-artists:${timeRange}`, array(schema.artist), () =>
      this.pages({ endpoint: 'top-artists', path, ...this.userPage(user, schema.artist) }),
    );
  }

  /** One entry per id, in order; null where Spotify has none. SpotifyEndpointUnavailableError when closed. */
  async audioFeatures(trackIds: readonly string[]): Promise<(SpotifyAudioFeatures | null)[]> {
    return fetchByIds({
      ids: trackIds,
      batchSize: MAX_IDS.audioFeatures,
      cache: this.cache,
      cacheName: 'audioFeatures',
      kind: 'audio-features',
      decoder: nullable(schema.audioFeatures),
      label: 'GET /audio-features',
      load: async (batch) => {
        const path = `/audio-features?ids=${batch.join(',')}`;
        const request = { endpoint: 'audio-features', path, auth: APP, closedOnForbidden: true } as const;
        return (await this.api.get({ ...request, decoder: schema.audioFeaturesBody })).audio_features;
      },
    });
  }

  async tracks(trackIds: readonly string[]): Promise<(SpotifyTrack | null)[]> {
    return fetchByIds({
      ids: trackIds,
      batchSize: MAX_IDS.tracks,
      cache: this.cache,
      cacheName: 'responses',
      kind: 'track',
      decoder: nullable(schema.track),
      label: 'GET /tracks',
      load: async (batch) => {
        const path = `/tracks?ids=${batch.join(',')}`;
        return (await this.api.get({ endpoint: 'tracks', path, auth: APP, decoder: schema.tracksBody })).tracks;
      },
    });
  }

  async artists(artistIds: readonly string[]): Promise<(SpotifyArtist | null)[]> {
    return fetchByIds({
      ids: artistIds,
      batchSize: MAX_IDS.artists,
      cache: this.cache,
      cacheName: 'responses',
      kind: 'artist',
      decoder: nullable(schema.artist),
      label: 'GET /artists',
      load: async (batch) => {
        const path = `/artists?ids=${batch.join(',')}`;
        return (await this.api.get({ endpoint: 'artists', path, auth: APP, decoder: schema.artistsBody })).artists;
      },
    });
  }

  /** SpotifyEndpointUnavailableError when closed to this app (see SpotifyDataSource for the fallback). */
  async recommendations(seedTrackIds: readonly string[], limit = 20): Promise<SpotifyTrack[]> {
    if (seedTrackIds.length < 1 || seedTrackIds.length > MAX_RECOMMENDATION_SEEDS) {
      throw new SpotifyInputError(
        `recommendations take 1..${MAX_RECOMMENDATION_SEEDS} seeds, got ${seedTrackIds.length}`,
      );
    }
    assertSpotifyIds(seedTrackIds);
    const path = `/recommendations?seed_tracks=${seedTrackIds.join(',')}&limit=${limit}`;
    const request = { endpoint: 'recommendations', path, auth: APP, closedOnForbidden: true } as const;
    return this.response('recommendations', path, array(schema.track), async () => {
      return (await this.api.get({ ...request, decoder: schema.recommendationsBody })).tracks;
    });
  }

  async newReleases(maxPages = DEFAULT_MAX_PAGES): Promise<SpotifyAlbum[]> {
    const path = `/browse/new-releases?limit=${MAX_PAGE_SIZE}`;
    const first = { endpoint: 'new-releases', path, auth: APP, decoder: schema.newReleasesBody } as const;
    return this.response('new-releases', `${path}#${maxPages}`, array(schema.album), () =>
      collectPages({ api: this.api, first, pageOf: (body) => body.albums, maxPages }),
    );
  }

  /** The first `limit` matching tracks (pages of up to 50). */
  async searchTracks(query: string, limit = 20): Promise<SpotifyTrack[]> {
    if (query.trim() === '') throw new SpotifyInputError('search query is empty');
    const pageSize = Math.min(limit, MAX_PAGE_SIZE);
    const path = `/search?type=track&q=${encodeURIComponent(query)}&limit=${pageSize}`;
    const first = { endpoint: 'search', path, auth: APP, decoder: schema.searchBody } as const;
    const maxPages = Math.ceil(limit / MAX_PAGE_SIZE);
    return this.response('search', `${path}#${limit}`, array(schema.track), async () => {
      const items = await collectPages({ api: this.api, first, pageOf: (body) => body.tracks, maxPages });
      return items.slice(0, limit);
    });
  }

  private userPage<T>(user: SpotifyUser, item: Decoder<T>) {
    return { auth: { kind: 'user', accessToken: user.accessToken }, decoder: schema.page(item) } as const;
  }

  private pages<T>(first: ApiRequest<Page<T>>): Promise<T[]> {
    return collectPages({ api: this.api, first, pageOf: whole, maxPages: DEFAULT_MAX_PAGES });
  }

  private userListing<T>(user: SpotifyUser, kind: string, decoder: Decoder<T>, load: () => Promise<T>): Promise<T> {
    return this.cache.getOrLoad('userData', this.cache.key(kind, sha256Hex(user.userId)), decoder, load);
  }

  private response<T>(kind: string, request: string, decoder: Decoder<T>, load: () => Promise<T>): Promise<T> {
    return this.cache.getOrLoad('responses', this.cache.key(kind, sha256Hex(request)), decoder, load);
  }
}
