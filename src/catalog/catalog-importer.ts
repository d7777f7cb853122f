/**
 * Streams source items into Postgres and the catalog topic, batch by batch. Each
 * batch is one transaction, then one produce of the rows Postgres returned. The next
 * batch is parsed while the previous one is written (one batch in flight), and batches
 * are written strictly in order, so per-key order on the topic follows the file.
 *
 * A crash between commit and produce loses nothing: a re-run re-produces every
 * row of every batch, unchanged or not.
 */
import { performance } from 'node:perf_hooks';
import { withTransaction } from '../infra/postgres/pool.js';
import type { CatalogTrackRow, SourceItem } from './catalog-track.js';
import type { PublishCatalog } from './catalog.producer.js';
import { upsertMany, type UpsertResult } from './track.repository.js';

/** The pool type, named without importing pg outside src/infra. */
export type CatalogPool = Parameters<typeof withTransaction>[0];

export interface BadRow {
  readonly lineNumber: number;
  readonly reason: string;
}

export interface ImportStats {
  rowsRead: number;
  badRows: number;
  /** Distinct track ids among the valid rows of this run. */
  tracks: number;
  inserted: number;
  updated: number;
  unchanged: number;
  genresAdded: number;
  published: number;
  elapsedMs: number;
}

export interface ImportSummary extends ImportStats {
  /** The first `maxBadRowsListed` bad rows, in input order. */
  readonly badRowSamples: readonly BadRow[];
}

export interface ImportOptions {
  readonly pool: CatalogPool;
  /** Omit to skip the topic (`--no-kafka`). */
  readonly publish?: PublishCatalog;
  readonly batchSize?: number;
  readonly maxBadRowsListed?: number;
  readonly onProgress?: (stats: Readonly<ImportStats>) => void;
}

export async function importCatalog(source: AsyncIterable<SourceItem>, options: ImportOptions): Promise<ImportSummary> {
  const batchSize = options.batchSize ?? 2000;
  if (!Number.isInteger(batchSize) || batchSize < 1)
    throw new RangeError(`batchSize must be a positive integer, got ${batchSize}`);
  const run = new ImportRun(options);
  let batch: CatalogTrackRow[] = [];
  try {
    for await (const item of source) {
      run.stats.rowsRead++;
      if (item.kind === 'bad') {
        run.bad(item);
        continue;
      }
      run.seen(item.row.track_id);
      batch.push(item.row);
      if (batch.length >= batchSize) {
        await run.write(batch);
        batch = [];
      }
    }
    await run.write(batch);
  } catch (error) {
    // Let batches already in flight commit and publish, so the caller can close the
    // pool and producer safely; the first error is the one worth reporting.
    await run.drain();
    throw error;
  }
  await run.settle();
  return run.summary();
}

/** Mutable bookkeeping of one import; keeps importCatalog a plain loop. */
class ImportRun {
  readonly stats: ImportStats = {
    rowsRead: 0,
    badRows: 0,
    tracks: 0,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    genresAdded: 0,
    published: 0,
    elapsedMs: 0,
  };
  private readonly started = performance.now();
  private readonly badRowSamples: BadRow[] = [];
  // ~90k ids of ~22 chars: a few MB, the price of an exact distinct count.
  private readonly ids = new Set<string>();
  /** Postgres write of the latest batch, and produce of the latest and the one before. */
  private storing: Promise<unknown> = Promise.resolve();
  private publishing: Promise<void> = Promise.resolve();
  private publishingBefore: Promise<void> = Promise.resolve();
  private failure: { error: unknown } | null = null;

  constructor(private readonly options: ImportOptions) {}

  bad(row: BadRow): void {
    this.stats.badRows++;
    if (this.badRowSamples.length < (this.options.maxBadRowsListed ?? 20))
      this.badRowSamples.push({ lineNumber: row.lineNumber, reason: row.reason });
  }

  seen(trackId: string): void {
    this.ids.add(trackId);
  }

  /**
   * Starts this batch's transaction once the previous one committed, and its produce
   * once both that commit and the previous produce are done: Postgres and Kafka work
   * overlap, each stays strictly in batch order, and at most three batches are held.
   */
  async write(batch: CatalogTrackRow[]): Promise<void> {
    await Promise.all([this.storing, this.publishingBefore]);
    this.throwIfFailed();
    if (batch.length === 0) return;
    const stored = withTransaction(this.options.pool, (client) => upsertMany(client, batch));
    const previous = this.publishing;
    // Failures are parked and rethrown by settle()/the next write(): a bare rejected
    // promise would be reported as unhandled while the next batch is still being parsed.
    this.storing = stored.then((result) => this.count(result)).catch(this.park);
    this.publishingBefore = previous;
    this.publishing = Promise.all([stored, previous])
      .then(([result]) => this.publish(result))
      .catch(this.park);
  }

  /** Waits for everything in flight; never rejects (failures are parked). */
  async drain(): Promise<void> {
    await Promise.all([this.storing, this.publishing]);
  }

  async settle(): Promise<void> {
    await this.drain();
    this.throwIfFailed();
  }

  summary(): ImportSummary {
    return { ...this.tick(), badRowSamples: [...this.badRowSamples] };
  }

  private async publish(result: UpsertResult): Promise<void> {
    if (this.failure || !this.options.publish) return;
    await this.options.publish(result.rows);
    this.stats.published += result.rows.length;
    this.options.onProgress?.(this.tick());
  }

  private readonly park = (error: unknown): void => {
    this.failure ??= { error };
  };

  private throwIfFailed(): void {
    if (this.failure) throw this.failure.error;
  }

  private count(result: UpsertResult): void {
    this.stats.inserted += result.inserted;
    this.stats.updated += result.updated;
    this.stats.unchanged += result.unchanged;
    this.stats.genresAdded += result.genresAdded;
    if (!this.options.publish) this.options.onProgress?.(this.tick());
  }

  private tick(): ImportStats {
    this.stats.tracks = this.ids.size;
    this.stats.elapsedMs = performance.now() - this.started;
    return { ...this.stats };
  }
}
