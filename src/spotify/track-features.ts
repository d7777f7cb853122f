/**
 * Audio features as the catalog stores them (the `CatalogTrack` feature columns), whichever
 * source supplied them: Spotify's audio-features endpoint or our own catalog.
 */
import type { CatalogTrackRow } from '../catalog/catalog-track.js';

export const FEATURE_FIELDS = [
  'danceability',
  'energy',
  'key',
  'loudness',
  'mode',
  'speechiness',
  'acousticness',
  'instrumentalness',
  'liveness',
  'valence',
  'tempo',
  'time_signature',
] as const satisfies readonly (keyof CatalogTrackRow)[];

export type TrackFeatures = Pick<CatalogTrackRow, (typeof FEATURE_FIELDS)[number]>;

/**
 * Port: features our catalog already holds (e.g. from the Kaggle dataset), by track id.
 * Ids the catalog does not know are simply absent from the map.
 */
export interface CatalogFeatureSource {
  featuresFor(trackIds: readonly string[]): Promise<ReadonlyMap<string, TrackFeatures>>;
}

/** Where a call's data came from, for callers and logs. */
export interface SourceMetadata {
  readonly source: 'spotify' | 'catalog-fallback';
  /** Why the fallback was used; null when Spotify answered. */
  readonly reason: string | null;
}
