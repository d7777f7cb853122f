/**
 * The higher-level Spotify calls with fallbacks. Spotify closed audio features and
 * recommendations to new apps on 27 Nov 2024 (403/404): then features come from our
 * catalog and recommendations from our own candidate sources, and every result says
 * which source answered and why. Only "closed" and "not configured" fall back; a
 * transient failure (5xx, timeout, rate limit) propagates as a retriable error.
 */
import type { Logger } from '../infra/logging/logger.js';
import type { Clock } from './clock.js';
import type { SpotifyClient } from './spotify.client.js';
import { type MappedTrack, mapTrack } from './spotify-mappers.js';
import type { SpotifyTrack } from './spotify-schemas.js';
import { SpotifyEndpointUnavailableError, SpotifyNotConfiguredError } from './spotify.error.js';
import type { CatalogFeatureSource, SourceMetadata, TrackFeatures } from './track-features.js';

/** Port: our own recommendation candidates for seed tracks, best first. */
export interface RecommendationCandidateSource {
  candidatesFor(request: {
    readonly seedTrackIds: readonly string[];
    readonly limit: number;
  }): Promise<readonly string[]>;
}

export interface FeaturesResult {
  /** One entry per requested id, in order; null where the answering source has none. */
  readonly features: readonly (TrackFeatures | null)[];
  readonly meta: SourceMetadata;
}

export interface RecommendationsResult {
  readonly trackIds: readonly string[];
  /** Spotify's track objects when Spotify answered; empty on fallback (ids refer to our catalog). */
  readonly tracks: readonly SpotifyTrack[];
  readonly meta: SourceMetadata;
}

/** A closed endpoint stays closed: ask again only this often instead of spending a request per call. */
export const CLOSED_ENDPOINT_RECHECK_MS = 60 * 60 * 1000;

type Attempt<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };
type Closable = 'audio-features' | 'recommendations';

export interface SpotifyDataSourceOptions {
  readonly client: SpotifyClient;
  readonly catalogFeatures: CatalogFeatureSource;
  readonly candidates: RecommendationCandidateSource;
  readonly clock: Clock;
  readonly log: Logger;
}

export class SpotifyDataSource {
  private readonly closed = new Map<Closable, { readonly until: number; readonly reason: string }>();

  constructor(private readonly options: SpotifyDataSourceOptions) {}

  async audioFeatures(trackIds: readonly string[]): Promise<FeaturesResult> {
    const spotify = await this.trySpotify('audio-features', () => this.options.client.audioFeatures(trackIds));
    if (spotify.ok) return { features: spotify.value, meta: { source: 'spotify', reason: null } };
    const known = await this.options.catalogFeatures.featuresFor(trackIds);
    const features = trackIds.map((id) => known.get(id) ?? null);
    return { features, meta: { source: 'catalog-fallback', reason: spotify.reason } };
  }

  async recommendations(seedTrackIds: readonly string[], limit = 20): Promise<RecommendationsResult> {
    const spotify = await this.trySpotify('recommendations', () =>
      this.options.client.recommendations(seedTrackIds, limit),
    );
    if (spotify.ok) {
      const tracks = spotify.value;
      return { trackIds: tracks.map((t) => t.id), tracks, meta: { source: 'spotify', reason: null } };
    }
    const trackIds = await this.options.candidates.candidatesFor({ seedTrackIds, limit });
    return { trackIds, tracks: [], meta: { source: 'catalog-fallback', reason: spotify.reason } };
  }

  /**
   * Catalog rows for Spotify tracks: features from Spotify or the catalog fallback, genres
   * from the given artist genres (e.g. the user's top artists) or else from /artists.
   */
  async catalogRows(
    tracks: readonly SpotifyTrack[],
    artistGenres?: ReadonlyMap<string, readonly string[]>,
  ): Promise<{ readonly tracks: readonly MappedTrack[]; readonly meta: SourceMetadata }> {
    const { features, meta } = await this.audioFeatures(tracks.map((t) => t.id));
    const genres = artistGenres ?? (await this.genresOf(tracks));
    const featureSource = meta.source === 'spotify' ? 'spotify' : 'catalog';
    const mapped = tracks.map((track, i) =>
      mapTrack({ track, features: features[i], featureSource, artistGenres: genres }),
    );
    return { tracks: mapped, meta };
  }

  private async genresOf(tracks: readonly SpotifyTrack[]): Promise<ReadonlyMap<string, readonly string[]>> {
    const ids = [...new Set(tracks.flatMap((t) => t.artists.map((a) => a.id)))];
    const artists = await this.options.client.artists(ids);
    return new Map(artists.flatMap((a) => (a === null ? [] : [[a.id, a.genres] as const])));
  }

  private async trySpotify<T>(endpoint: Closable, call: () => Promise<T>): Promise<Attempt<T>> {
    const { clock, log } = this.options;
    const closed = this.closed.get(endpoint);
    if (closed && clock.now() < closed.until) return { ok: false, reason: closed.reason };
    try {
      return { ok: true, value: await call() };
    } catch (error) {
      if (error instanceof SpotifyNotConfiguredError)
        return { ok: false, reason: 'spotify credentials not configured' };
      if (!(error instanceof SpotifyEndpointUnavailableError)) throw error;
      const reason = `spotify ${endpoint} unavailable (HTTP ${error.status})`;
      this.closed.set(endpoint, { until: clock.now() + CLOSED_ENDPOINT_RECHECK_MS, reason });
      log.warn({ endpoint, status: error.status }, 'spotify endpoint closed to this app; using our own source');
      return { ok: false, reason };
    }
  }
}
