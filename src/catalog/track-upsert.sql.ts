/**
 * SQL of TrackRepository.upsertMany. One statement per batch: scalars travel as typed
 * arrays through unnest; artists/genres as jsonb, because Postgres arrays must be
 * rectangular, so text[][] cannot carry ragged lists.
 */

/** Columns the upsert writes, besides track_id. */
// prettier-ignore
const WRITTEN = [
  'name', 'artists', 'album', 'popularity', 'duration_ms', 'explicit', 'danceability', 'energy', 'loudness',
  'speechiness', 'acousticness', 'instrumentalness', 'liveness', 'valence', 'tempo', 'key', 'mode',
  'time_signature', 'genres', 'release_date', 'source',
] as const;

/**
 * Merge rules on conflict (mirrored by mergeTrackRows for rows within one batch):
 * - genres: union, in order of first appearance;
 * - popularity: the maximum when both rows come from the static dataset, whose rows of
 *   one track are snapshots taken at different times; an order-independent rule is
 *   what makes a re-import write nothing. Any other source: the incoming value;
 * - every other column: the incoming value.
 * Expressed against `t` (the stored row) and EXCLUDED, and evaluated on the latest row
 * version, so concurrent imports cannot lose each other's genres.
 */
const MERGED: Partial<Record<(typeof WRITTEN)[number], string>> = {
  genres: `ARRAY(SELECT g FROM unnest(t.genres || EXCLUDED.genres) WITH ORDINALITY AS x(g, i) GROUP BY g ORDER BY min(i))`,
  popularity: `CASE WHEN t.source = 'spotify-dataset' AND EXCLUDED.source = 'spotify-dataset'
    THEN GREATEST(t.popularity, EXCLUDED.popularity) ELSE EXCLUDED.popularity END`,
};
const merged = (c: (typeof WRITTEN)[number]): string => MERGED[c] ?? `EXCLUDED.${c}`;

/** Output columns; release_date as text because node-pg turns `date` into a local-time Date. */
export function trackColumns(alias: string): string {
  return ['track_id', ...WRITTEN]
    .map((c) => (c === 'release_date' ? `${alias}.release_date::text AS release_date` : `${alias}.${c}`))
    .join(', ');
}

// The WHERE skips rows that would not change (a re-import writes nothing, updated_at
// included). Skipped rows are returned from the pre-statement snapshot, which for them
// is also the final state, so every input track comes back exactly once (unordered).
// `old` also reads that snapshot: the genre count before this statement.
// Plan shape matters: joining the CTEs to each other made the planner guess ~n²/200
// rows, which past ~4,000-row batches crossed jit_above_cost and spent 0.5 s per batch
// compiling JIT code. Index lookups by `= ANY($1)` and per-row subqueries keep the
// estimate linear in the batch and independent of the table size.
export const UPSERT_SQL = `
WITH input AS (
  SELECT u.track_id, u.name, ARRAY(SELECT jsonb_array_elements_text(u.artists)) AS artists, u.album,
    u.popularity, u.duration_ms, u.explicit, u.danceability, u.energy, u.loudness, u.speechiness,
    u.acousticness, u.instrumentalness, u.liveness, u.valence, u.tempo, u.key, u.mode, u.time_signature,
    ARRAY(SELECT jsonb_array_elements_text(u.genres)) AS genres, u.release_date, u.source, u.ord
  FROM unnest($1::text[], $2::text[], $3::jsonb[], $4::text[], $5::int[], $6::int[], $7::boolean[],
    $8::float8[], $9::float8[], $10::float8[], $11::float8[], $12::float8[], $13::float8[], $14::float8[],
    $15::float8[], $16::float8[], $17::int[], $18::int[], $19::int[], $20::jsonb[], $21::date[], $22::text[])
    WITH ORDINALITY AS u(track_id, name, artists, album, popularity, duration_ms, explicit, danceability,
      energy, loudness, speechiness, acousticness, instrumentalness, liveness, valence, tempo, key, mode,
      time_signature, genres, release_date, source, ord)
), written AS (
  INSERT INTO tracks AS t (track_id, ${WRITTEN.join(', ')})
  SELECT track_id, ${WRITTEN.join(', ')} FROM input ORDER BY ord
  ON CONFLICT (track_id) DO UPDATE SET
    ${WRITTEN.map((c) => `${c} = ${merged(c)}`).join(',\n    ')},
    updated_at = now()
  WHERE (${WRITTEN.map((c) => `t.${c}`).join(', ')})
    IS DISTINCT FROM (${WRITTEN.map(merged).join(', ')})
  RETURNING t.*
)
SELECT ${trackColumns('r')}, true AS written,
  (SELECT cardinality(old.genres) FROM tracks old WHERE old.track_id = r.track_id) AS old_genre_count
FROM written r
UNION ALL
SELECT ${trackColumns('cur')}, false, cardinality(cur.genres)
FROM tracks cur
WHERE cur.track_id = ANY($1::text[]) AND NOT EXISTS (SELECT 1 FROM written w WHERE w.track_id = cur.track_id)`;

/** Parameter order of UPSERT_SQL ($1 … $22), as [column, value-of-row] pairs. */
// prettier-ignore
export const UPSERT_PARAMS = [
  'track_id', 'name', 'artists', 'album', 'popularity', 'duration_ms', 'explicit', 'danceability', 'energy',
  'loudness', 'speechiness', 'acousticness', 'instrumentalness', 'liveness', 'valence', 'tempo', 'key', 'mode',
  'time_signature', 'genres', 'release_date', 'source',
] as const;
