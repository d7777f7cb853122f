/**
 * The catalog index the recommender ranks against, held in memory. Built from the
 * Postgres `tracks` table at start and rebuilt on an interval (or on demand); a rebuild
 * replaces the index atomically, so requests in flight keep ranking against the old one.
 * A failed reload keeps the previous index.
 */
import { toDomainTrack } from '../catalog/domain-track.js';
import { loadAll } from '../catalog/track.repository.js';
import { buildCatalogIndex, type CatalogIndex } from '../domain/catalog-index.js';
import type { Track } from '../domain/types.js';
import type { Logger } from '../infra/logging/logger.js';
import type { Executor } from '../infra/postgres/pool.js';

export interface CatalogLoad {
  readonly tracks: number;
  /** Reading the rows from Postgres. */
  readonly readMs: number;
  /** Building the in-memory index. */
  readonly indexMs: number;
}

export class CatalogStore {
  private index: CatalogIndex | null = null;
  private inFlight: Promise<CatalogLoad> | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly deps: { readonly db: Executor; readonly log: Logger }) {}

  /** The current index; null until the first load finished. */
  current(): CatalogIndex | null {
    return this.index;
  }

  /** Reloads now; concurrent callers share one load. */
  reload(): Promise<CatalogLoad> {
    this.inFlight ??= this.load().finally(() => (this.inFlight = null));
    return this.inFlight;
  }

  /** Reloads every `intervalMs` (0 = never) until stop(). */
  startReloading(intervalMs: number): void {
    if (intervalMs <= 0 || this.timer) return;
    this.timer = setInterval(() => {
      this.reload().catch((err: unknown) =>
        this.deps.log.error({ err }, 'catalog reload failed; keeping the old index'),
      );
    }, intervalMs);
    // The timer alone must not keep the process alive at shutdown.
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private async load(): Promise<CatalogLoad> {
    const started = performance.now();
    const tracks: Track[] = [];
    for await (const row of loadAll(this.deps.db)) tracks.push(toDomainTrack(row));
    const read = performance.now();
    const index = buildCatalogIndex(tracks);
    const stats = { tracks: tracks.length, readMs: round(read - started), indexMs: round(performance.now() - read) };
    this.index = index;
    this.deps.log.info(stats, tracks.length ? 'catalog index loaded' : 'catalog is EMPTY: requests get an ERROR reply');
    return stats;
  }
}

const round = (ms: number): number => Math.round(ms * 10) / 10;
