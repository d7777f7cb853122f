/**
 * Loads the Spotify catalog CSV into a CatalogIndex with the importer's own reader and
 * merge rules (a track listed under several genres becomes one track with all of them),
 * so the evaluation ranks over exactly what the service would hold. Bad rows are counted,
 * never dropped silently.
 */
import { createReadStream } from 'node:fs';
import { mergeByTrackId, type CatalogTrackRow } from '../../catalog/catalog-track.js';
import { toDomainTrack } from '../../catalog/domain-track.js';
import { readSpotifyCsv } from '../../catalog/spotify-csv.source.js';
import { buildCatalogIndex, type CatalogIndex } from '../../domain/catalog-index.js';

export interface LoadedCatalog {
  readonly index: CatalogIndex;
  readonly rows: number;
  readonly badRows: number;
  /** First few bad rows as `line N: reason`, for the report. */
  readonly badSamples: readonly string[];
}

const BAD_SAMPLES = 5;

export async function loadCatalog(path: string): Promise<LoadedCatalog> {
  const rows: CatalogTrackRow[] = [];
  const badSamples: string[] = [];
  let badRows = 0;
  for await (const item of readSpotifyCsv(createReadStream(path))) {
    if (item.kind === 'row') rows.push(item.row);
    else if (badRows++ < BAD_SAMPLES) badSamples.push(`line ${item.lineNumber}: ${item.reason}`);
  }
  const tracks = mergeByTrackId(rows).map(toDomainTrack);
  return { index: buildCatalogIndex(tracks), rows: rows.length, badRows, badSamples };
}
