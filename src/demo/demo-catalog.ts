/**
 * The catalog step: import the catalog unless the schema already holds all of it (a
 * second run stays fast), then load it once into the matcher's in-memory maps.
 */
import { createReadStream } from 'node:fs';
import { runCatalogImport } from '../catalog/catalog-import.cli.js';
import type { CatalogInput } from '../catalog/catalog-import.args.js';
import type { ImportSummary } from '../catalog/catalog-importer.js';
import type { CatalogSource } from '../catalog/catalog-track.js';
import { readSpotifyCsv } from '../catalog/spotify-csv.source.js';
import { loadAll } from '../catalog/track.repository.js';
import type { AppConfig } from '../config/config.js';
import type { Executor } from '../infra/postgres/pool.js';
import { CatalogMatcher } from '../lastfm/catalog-matcher.js';
import { countTracksFrom } from './demo-state.repository.js';

export interface CatalogOutcome {
  /** Distinct tracks the input holds. */
  readonly expected: number;
  /** Null when the import was skipped because the schema already held every track. */
  readonly imported: ImportSummary | null;
}

export async function ensureCatalog(o: {
  config: AppConfig;
  db: Executor;
  input: CatalogInput;
}): Promise<CatalogOutcome> {
  const expected = o.input.kind === 'file' ? await distinctTracksIn(o.input.path) : o.input.count;
  const have = await countTracksFrom(o.db, sourceOf(o.input));
  if (have >= expected) return { expected, imported: null };
  const imported = await runCatalogImport({ input: o.input, kafka: true, batchSize: 2000 }, o.config);
  return { expected, imported };
}

/** One streaming pass (~1 s for the 114k-row file) to learn how many tracks a complete import leaves. */
async function distinctTracksIn(path: string): Promise<number> {
  const ids = new Set<string>();
  for await (const item of readSpotifyCsv(createReadStream(path))) if (item.kind === 'row') ids.add(item.row.track_id);
  return ids.size;
}

/** The source tag the input's rows carry in `tracks`. */
export function sourceOf(input: CatalogInput): CatalogSource {
  return input.kind === 'file' ? 'spotify-dataset' : 'generated';
}

/**
 * Only the input's own tracks: the schema may also hold the other mode's catalog, and a
 * generated artist name must never match a real scrobble (or the reverse).
 */
export async function loadMatcher(db: Executor, source: CatalogSource): Promise<CatalogMatcher> {
  const matcher = new CatalogMatcher();
  for await (const row of loadAll(db)) {
    if (row.source !== source) continue;
    matcher.add({
      trackId: row.track_id,
      name: row.name,
      artists: row.artists,
      popularity: row.popularity,
      durationMs: row.duration_ms,
    });
  }
  return matcher;
}
