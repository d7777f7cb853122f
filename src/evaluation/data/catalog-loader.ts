/**
 * Loads the Spotify catalog CSV into a CatalogIndex with the importer's own reader and
 * merge rules (a track listed under several genres becomes one track with all of them),
 * so the evaluation ranks over exactly what the service would hold. Bad rows are counted,
 * never dropped silently.
 */
import { createReadStream, statSync } from 'node:fs';
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
const PROGRESS_EVERY = 10_000;

/** `onProgress(bytesRead, fileBytes)` every PROGRESS_EVERY rows. */
export async function loadCatalog(
  path: string,
  onProgress?: (read: number, size: number) => void,
): Promise<LoadedCatalog> {
  const rows: CatalogTrackRow[] = [];
  const badSamples: string[] = [];
  let badRows = 0;
  const file = createReadStream(path);
  const size = statSync(path).size;
  for await (const item of readSpotifyCsv(file)) {
    if (item.kind === 'row') rows.push(item.row);
    else if (badRows++ < BAD_SAMPLES) badSamples.push(`line ${item.lineNumber}: ${item.reason}`);
    if (item.lineNumber % PROGRESS_EVERY === 0) onProgress?.(file.bytesRead, size);
  }
  onProgress?.(size, size);
  const tracks = mergeByTrackId(rows).map(toDomainTrack);
  return { index: buildCatalogIndex(tracks), rows: rows.length, badRows, badSamples };
}
