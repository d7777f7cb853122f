/**
 * The `tracks` table. Upserts are idempotent: re-importing a file leaves identical
 * rows (updated_at included) because unchanged rows are not rewritten.
 */
import type { Executor } from '../infra/postgres/pool.js';
import { mergeByTrackId, type CatalogSource, type CatalogTrackRow } from './catalog-track.js';
import { trackColumns, UPSERT_PARAMS, UPSERT_SQL } from './track-upsert.sql.js';

export interface UpsertResult {
  /** Every track of the batch as stored after the statement (genres merged), in batch order. */
  readonly rows: CatalogTrackRow[];
  readonly inserted: number;
  /** Existing tracks that changed (new genre, new popularity …). */
  readonly updated: number;
  readonly unchanged: number;
  /** Genres a track gained beyond its first one, in this batch or from earlier imports. */
  readonly genresAdded: number;
}

interface UpsertedRow extends CatalogTrackRow {
  written: boolean;
  old_genre_count: number | null;
}

/** Upserts a batch in one statement (rows sharing a track_id are merged first). */
export async function upsertMany(executor: Executor, rows: readonly CatalogTrackRow[]): Promise<UpsertResult> {
  const merged = mergeByTrackId(rows);
  if (merged.length === 0) return { rows: [], inserted: 0, updated: 0, unchanged: 0, genresAdded: 0 };
  const result = await executor.query<UpsertedRow>(UPSERT_SQL, columnArrays(merged));
  let inserted = 0;
  let updated = 0;
  let genresAdded = 0;
  for (const r of result.rows) {
    if (r.written && r.old_genre_count === null) inserted++;
    else if (r.written) updated++;
    genresAdded += r.genres.length - (r.old_genre_count ?? 1);
  }
  const out = inBatchOrder(merged, result.rows);
  return { rows: out, inserted, updated, unchanged: out.length - inserted - updated, genresAdded };
}

/** The statement returns rows unordered; the topic should see them in file order. */
function inBatchOrder(batch: readonly CatalogTrackRow[], rows: readonly UpsertedRow[]): CatalogTrackRow[] {
  const byId = new Map(rows.map((r) => [r.track_id, r]));
  return batch.map((b) => {
    const row = byId.get(b.track_id);
    // Invariant of UPSERT_SQL: every input track comes back exactly once.
    if (!row) throw new Error(`upsert returned no row for track ${b.track_id}`);
    return toCatalogRow(row);
  });
}

function columnArrays(rows: readonly CatalogTrackRow[]): unknown[] {
  return UPSERT_PARAMS.map((c) =>
    c === 'artists' || c === 'genres' ? rows.map((r) => JSON.stringify(r[c])) : rows.map((r) => r[c]),
  );
}

export async function findByIds(executor: Executor, ids: readonly string[]): Promise<CatalogTrackRow[]> {
  const result = await executor.query<CatalogTrackRow>(
    `SELECT ${trackColumns('t')} FROM tracks t WHERE track_id = ANY($1::text[]) ORDER BY track_id`,
    [ids],
  );
  return result.rows.map(toCatalogRow);
}

export async function count(executor: Executor): Promise<number> {
  const result = await executor.query<{ n: string }>('SELECT count(*) AS n FROM tracks');
  return Number(result.rows[0].n);
}

/**
 * Every track in track_id order, fetched in pages by keyset (`track_id > last`), so
 * memory stays at one page and no transaction or cursor is held open between pages.
 */
export async function* loadAll(
  executor: Executor,
  options: { pageSize?: number } = {},
): AsyncGenerator<CatalogTrackRow> {
  const pageSize = options.pageSize ?? 5000;
  let after = '';
  for (;;) {
    const page = await executor.query<CatalogTrackRow>(
      `SELECT ${trackColumns('t')} FROM tracks t WHERE track_id > $1 ORDER BY track_id LIMIT $2`,
      [after, pageSize],
    );
    for (const row of page.rows) yield toCatalogRow(row);
    if (page.rows.length < pageSize) return;
    after = page.rows[page.rows.length - 1].track_id;
  }
}

/** Picks exactly the record fields (query rows carry extra bookkeeping columns). */
function toCatalogRow(r: CatalogTrackRow): CatalogTrackRow {
  return {
    track_id: r.track_id,
    name: r.name,
    artists: r.artists,
    album: r.album,
    popularity: r.popularity,
    duration_ms: r.duration_ms,
    explicit: r.explicit,
    danceability: r.danceability,
    energy: r.energy,
    key: r.key,
    loudness: r.loudness,
    mode: r.mode,
    speechiness: r.speechiness,
    acousticness: r.acousticness,
    instrumentalness: r.instrumentalness,
    liveness: r.liveness,
    valence: r.valence,
    tempo: r.tempo,
    time_signature: r.time_signature,
    genres: r.genres,
    release_date: r.release_date,
    source: r.source as CatalogSource,
  };
}
