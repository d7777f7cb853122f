/** What every scenario runner gets from the CLI, and what it hands back to be written. */
import type { LoadedCatalog } from '../data/catalog-loader.js';
import { loadCatalog } from '../data/catalog-loader.js';
import { dataPath } from '../data/data-paths.js';
import type { ProcessEnv } from '../kafka/replay-environment.js';
import type { Progress } from '../progress.js';

export interface RunContext {
  readonly dataDir: string;
  readonly seed: string;
  readonly users: number | undefined;
  readonly rounds: number;
  /** next-play: ε of `ours`. */
  readonly epsilon: number;
  /** The caller's environment (service addresses), for the processes a replay through Kafka starts. */
  readonly env: ProcessEnv;
  readonly progress: (label: string) => Progress;
  readonly log: (line: string) => void;
}

export interface ScenarioOutput {
  /** Written as <scenario>.json; deterministic for a seed (no clock values). */
  readonly json: unknown;
  /** Written as <scenario>.md. */
  readonly markdown: string;
  /** More files for the output folder (charts), by file name. */
  readonly files?: ReadonlyArray<{ readonly name: string; readonly bytes: Buffer }>;
  /** File name instead of the scenario's. */
  readonly name?: string;
  /** Set when the run completed but its check failed: the files are written, the exit code is 1. */
  readonly failed?: string;
}

export interface CatalogSummary {
  readonly path: string;
  readonly rows: number;
  readonly badRows: number;
  readonly badSamples: readonly string[];
  readonly tracks: number;
}

export async function catalogFrom(ctx: RunContext): Promise<{ catalog: LoadedCatalog; summary: CatalogSummary }> {
  const path = dataPath(ctx.dataDir, 'catalog');
  ctx.log(`reading catalog ${path}`);
  const progress = ctx.progress('catalog bytes');
  const catalog = await loadCatalog(path, (read, size) => progress.update(read, size));
  progress.finish();
  const summary = {
    path,
    rows: catalog.rows,
    badRows: catalog.badRows,
    badSamples: catalog.badSamples,
    tracks: catalog.index.size,
  };
  ctx.log(`catalog: ${summary.rows} rows, ${summary.badRows} bad, ${summary.tracks} distinct tracks`);
  return { catalog, summary };
}

export function describeCatalog(c: CatalogSummary): string {
  return `${c.path}: ${c.rows} rows read, ${c.badRows} bad rows, ${c.tracks} distinct tracks`;
}
