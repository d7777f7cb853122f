/**
 * Spotify shapes → our catalog row and domain features. Features are never invented: a
 * track whose features neither Spotify nor the catalog knows (or whose values break the
 * catalog's bounds) maps to `featuresKnown: false` with its metadata only, so no sink can
 * store made-up numbers that scoring would then trust. See docs/spotify.md.
 */
import type { CatalogTrackRow } from '../catalog/catalog-track.js';
import { unionGenres } from '../catalog/catalog-track.js';
import type { AudioFeatures } from '../domain/types.js';
import type { SpotifyTrack } from './spotify-schemas.js';
import { FEATURE_FIELDS, type TrackFeatures } from './track-features.js';

export type TrackMetadata = Omit<CatalogTrackRow, (typeof FEATURE_FIELDS)[number]>;

export type MappedTrack =
  | { readonly featuresKnown: true; readonly featureSource: 'spotify' | 'catalog'; readonly row: CatalogTrackRow }
  | { readonly featuresKnown: false; readonly metadata: TrackMetadata; readonly reason: string };

export interface MapTrackInput {
  readonly track: SpotifyTrack;
  readonly features: TrackFeatures | null;
  readonly featureSource: 'spotify' | 'catalog';
  /** Genres by Spotify artist id, when known (top artists, /artists). */
  readonly artistGenres: ReadonlyMap<string, readonly string[]>;
}

const UNIT = [0, 1] as const;
/** Mirrors the CHECK constraints of the `tracks` table (migration 0001) and the Avro docs. */
const BOUNDS: Readonly<Record<(typeof FEATURE_FIELDS)[number], readonly [number, number]>> = {
  danceability: UNIT,
  energy: UNIT,
  speechiness: UNIT,
  acousticness: UNIT,
  instrumentalness: UNIT,
  liveness: UNIT,
  valence: UNIT,
  key: [-1, 11],
  mode: [0, 1],
  time_signature: [0, 7],
  tempo: [0, Number.MAX_VALUE],
  loudness: [-Number.MAX_VALUE, Number.MAX_VALUE],
};
const INTEGER_FIELDS = new Set(['key', 'mode', 'time_signature']);
/** Spotify release dates come at day, month or year precision. */
const RELEASE_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

export function toTrackMetadata(
  track: SpotifyTrack,
  artistGenres: ReadonlyMap<string, readonly string[]>,
): TrackMetadata {
  const genres = track.artists.reduce<string[]>((acc, a) => unionGenres(acc, artistGenres.get(a.id) ?? []), []);
  const date = track.album.release_date;
  return {
    track_id: track.id,
    name: track.name,
    artists: track.artists.map((a) => a.name),
    album: track.album.name === '' ? null : track.album.name,
    // The row needs an int; 0 ("no popularity signal") is what Spotify reports for unknown tracks too.
    popularity: track.popularity ?? 0,
    duration_ms: track.duration_ms,
    explicit: track.explicit,
    genres,
    release_date: date !== null && RELEASE_DATE.test(date) ? date : null,
    source: 'spotify-api',
  };
}

/** The first out-of-bounds feature, or null when all fit the catalog's constraints. */
export function featureProblem(features: TrackFeatures): string | null {
  for (const field of FEATURE_FIELDS) {
    const value = features[field];
    const [min, max] = BOUNDS[field];
    if (!(value >= min && value <= max)) return `${field}=${value} outside [${min}, ${max}]`;
    if (INTEGER_FIELDS.has(field) && !Number.isInteger(value)) return `${field}=${value} is not an integer`;
  }
  return null;
}

export function mapTrack(input: MapTrackInput): MappedTrack {
  const metadata = toTrackMetadata(input.track, input.artistGenres);
  const known = input.features;
  if (known === null) return { featuresKnown: false, metadata, reason: 'no audio features' };
  const problem = featureProblem(known);
  if (problem !== null) return { featuresKnown: false, metadata, reason: problem };
  // Copy only the feature fields: Spotify's object also carries id, uri, duration_ms…
  const features = Object.fromEntries(FEATURE_FIELDS.map((f) => [f, known[f]])) as unknown as TrackFeatures;
  return { featuresKnown: true, featureSource: input.featureSource, row: { ...metadata, ...features } };
}

/** The subset of features the domain scores on. */
export function toAudioFeatures(features: TrackFeatures): AudioFeatures {
  return {
    danceability: features.danceability,
    energy: features.energy,
    valence: features.valence,
    tempo: features.tempo,
    acousticness: features.acousticness,
    instrumentalness: features.instrumentalness,
    speechiness: features.speechiness,
  };
}
