/**
 * Maps rows of the Kaggle "Spotify Tracks Dataset" (shared/data/spotify-tracks) to
 * CatalogTrackRow. Text is kept verbatim: artist names with leading/trailing spaces
 * (e.g. `Terra `) are data, not noise (see the dataset README), so nothing is trimmed.
 */
import type { CatalogTrackRow } from './catalog-track.js';
import { CatalogHeaderError } from './catalog-import.error.js';
import { parseFloatStrict, parseIntStrict, type Range } from './strict-number.js';

/** The 20 named columns; the file also has a leading unnamed row-number column. */
// prettier-ignore
export const SPOTIFY_COLUMNS = [
  'track_id', 'artists', 'album_name', 'track_name', 'popularity', 'duration_ms', 'explicit',
  'danceability', 'energy', 'key', 'loudness', 'mode', 'speechiness', 'acousticness',
  'instrumentalness', 'liveness', 'valence', 'tempo', 'time_signature', 'track_genre',
] as const;
type Column = (typeof SPOTIFY_COLUMNS)[number];

export interface SpotifyHeader {
  readonly width: number;
  readonly index: Readonly<Record<Column, number>>;
}

export type MapResult = { ok: true; row: CatalogTrackRow } | { ok: false; reason: string };

const UNIT: Range = { min: 0, max: 1 };
/** Column bounds mirror the CHECK constraints of the `tracks` table (migration 0001). */
const INT_RANGES = {
  popularity: { min: 0, max: 100 },
  duration_ms: { min: 0, max: 2_147_483_647 }, // Postgres int
  key: { min: -1, max: 11 },
  mode: { min: 0, max: 1 },
  time_signature: { min: 0, max: 7 },
} as const satisfies Partial<Record<Column, Range>>;
// prettier-ignore
const FLOAT_RANGES = {
  danceability: UNIT, energy: UNIT, speechiness: UNIT, acousticness: UNIT,
  instrumentalness: UNIT, liveness: UNIT, valence: UNIT,
  tempo: { min: 0, max: Number.MAX_VALUE },
  loudness: { min: -Number.MAX_VALUE, max: Number.MAX_VALUE },
} as const satisfies Partial<Record<Column, Range>>;

/** Finds every named column (any order, extra columns ignored); throws naming the missing ones. */
export function readSpotifyHeader(fields: readonly string[]): SpotifyHeader {
  const missing = SPOTIFY_COLUMNS.filter((c) => !fields.includes(c));
  if (missing.length > 0) throw new CatalogHeaderError(missing, fields);
  const index = Object.fromEntries(SPOTIFY_COLUMNS.map((c) => [c, fields.indexOf(c)])) as Record<Column, number>;
  return { width: fields.length, index };
}

export function mapSpotifyRow(fields: readonly string[], header: SpotifyHeader): MapResult {
  if (fields.length !== header.width) {
    return { ok: false, reason: `expected ${header.width} fields, got ${fields.length}` };
  }
  const get = (c: Column): string => fields[header.index[c]];
  try {
    return { ok: true, row: toRow(get) };
  } catch (error) {
    if (error instanceof BadField) return { ok: false, reason: error.message };
    throw error;
  }
}

function toRow(get: (c: Column) => string): CatalogTrackRow {
  const int = (c: keyof typeof INT_RANGES): number => field(c, () => parseIntStrict(get(c), INT_RANGES[c]));
  const float = (c: keyof typeof FLOAT_RANGES): number => field(c, () => parseFloatStrict(get(c), FLOAT_RANGES[c]));
  const trackId = get('track_id');
  if (!/^\S+$/.test(trackId))
    throw new BadField('track_id', `must be non-empty without spaces, got ${JSON.stringify(trackId)}`);
  // Row 65900 of the shared file has all three empty: nothing to show or match on.
  if (get('track_name') === '' || get('artists') === '')
    throw new BadField('track_name/artists', 'empty track name/artists');
  const genre = get('track_genre');
  if (genre === '') throw new BadField('track_genre', 'empty');
  return {
    track_id: trackId,
    name: get('track_name'),
    artists: get('artists').split(';'),
    album: get('album_name') === '' ? null : get('album_name'),
    popularity: int('popularity'),
    duration_ms: int('duration_ms'),
    explicit: field('explicit', () => parseExplicit(get('explicit'))),
    danceability: float('danceability'),
    energy: float('energy'),
    key: int('key'),
    loudness: float('loudness'),
    mode: int('mode'),
    speechiness: float('speechiness'),
    acousticness: float('acousticness'),
    instrumentalness: float('instrumentalness'),
    liveness: float('liveness'),
    valence: float('valence'),
    tempo: float('tempo'),
    time_signature: int('time_signature'),
    genres: [genre],
    release_date: null, // the dataset has no release dates
    source: 'spotify-dataset',
  };
}

function parseExplicit(text: string): boolean {
  if (text === 'True') return true;
  if (text === 'False') return false;
  throw new Error(`expected True or False, got ${JSON.stringify(text)}`);
}

/** Runs a field parser and prefixes its error with the column name. */
function field<T>(column: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    throw new BadField(column, error instanceof Error ? error.message : String(error));
  }
}

class BadField extends Error {
  constructor(column: string, detail: string) {
    super(`${column}: ${detail}`);
  }
}
