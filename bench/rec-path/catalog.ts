/**
 * The catalog a recommendation scenario ranks against, imported into the scenario's own
 * schema with the project's importer: the full shared Spotify dataset when it is there
 * (MUSIC_DATA_DIR, else ../shared/data), otherwise a generated catalog of the same size
 * (noted in the results). No topic publishing: the recommender reads Postgres.
 */
import { createReadStream, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Pool } from 'pg';
import { importCatalog } from '../../src/catalog/catalog-importer.js';
import { generatedSource } from '../../src/catalog/generated-catalog.js';
import { readSpotifyCsv } from '../../src/catalog/spotify-csv.source.js';
import { SHARED_DATA } from '../lib/paths.js';

export interface CatalogImport {
  readonly tracks: number;
  readonly source: 'spotify-dataset' | 'generated';
  readonly seconds: number;
  readonly note?: string;
}

/** Tracks in the full Spotify dataset after de-duplication; the generated fallback has as many. */
export const FULL_CATALOG_SIZE = 89_740;

export function spotifyDatasetPath(): string | null {
  const dir = process.env.MUSIC_DATA_DIR ?? SHARED_DATA;
  const path = join(dir, 'spotify-tracks', 'dataset.csv.gz');
  return existsSync(path) ? path : null;
}

export async function importFullCatalog(pool: Pool): Promise<CatalogImport> {
  const path = spotifyDatasetPath();
  if (!path) {
    const generated = await importGenerated(pool, FULL_CATALOG_SIZE);
    return { ...generated, note: 'Spotify dataset not found: generated catalog of the same size' };
  }
  const started = performance.now();
  const summary = await importCatalog(readSpotifyCsv(createReadStream(path)), { pool, batchSize: 2000 });
  return { tracks: summary.tracks, source: 'spotify-dataset', seconds: (performance.now() - started) / 1000 };
}

export async function importGenerated(pool: Pool, count: number): Promise<CatalogImport> {
  const started = performance.now();
  const summary = await importCatalog(generatedSource({ count, seed: `bench-${count}` }), { pool, batchSize: 5000 });
  return { tracks: summary.tracks, source: 'generated', seconds: (performance.now() - started) / 1000 };
}
