/**
 * The shape every catalog source (CSV, generator) produces and every sink
 * (Postgres, the catalog topic) consumes: exactly the Avro `music.CatalogTrack` record,
 * whose snake_case fields are also the `tracks` column names.
 */
import type { CatalogTrack } from '../contracts/records.js';

export const CATALOG_SOURCES = ['spotify-dataset', 'spotify-api', 'generated'] as const;
export type CatalogSource = (typeof CATALOG_SOURCES)[number];

export interface CatalogTrackRow extends CatalogTrack {
  source: CatalogSource;
}

/** What a source yields: a valid row or a reported bad row, both with their input line. */
export type SourceItem =
  | { readonly kind: 'row'; readonly lineNumber: number; readonly row: CatalogTrackRow }
  | { readonly kind: 'bad'; readonly lineNumber: number; readonly reason: string };

/** Union of genre lists in order of first appearance, without duplicates. */
export function unionGenres(a: readonly string[], b: readonly string[]): string[] {
  const out = [...a];
  for (const g of b) if (!out.includes(g)) out.push(g);
  return out;
}

/**
 * Merges a later row of a track into an earlier one with the upsert's rules
 * (track-upsert.sql.ts): genres unioned, popularity the maximum between two dataset
 * rows, every other field from the later row.
 */
export function mergeTrackRows(earlier: CatalogTrackRow, later: CatalogTrackRow): CatalogTrackRow {
  const bothDataset = earlier.source === 'spotify-dataset' && later.source === 'spotify-dataset';
  return {
    ...later,
    popularity: bothDataset ? Math.max(earlier.popularity, later.popularity) : later.popularity,
    genres: unionGenres(earlier.genres, later.genres),
  };
}

/**
 * Folds rows sharing a track_id into one, so a batch never hits the same key twice
 * (Postgres rejects ON CONFLICT DO UPDATE touching one row twice), keeping the order of
 * first appearance. Same rules as the upsert, so batch boundaries do not matter.
 */
export function mergeByTrackId(rows: readonly CatalogTrackRow[]): CatalogTrackRow[] {
  const byId = new Map<string, CatalogTrackRow>();
  for (const row of rows) {
    const seen = byId.get(row.track_id);
    byId.set(row.track_id, seen ? mergeTrackRows(seen, row) : row);
  }
  return [...byId.values()];
}
