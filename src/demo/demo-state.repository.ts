/** The SQL the demo runs besides migrations and the catalog import: reset and progress counts. */
import type { Executor } from '../infra/postgres/pool.js';

/** Tables that survive a reset: the catalog (slow to re-import) and the migrator's ledger. */
export const KEPT_TABLES: readonly string[] = ['tracks', 'schema_migrations'];

/**
 * Empties every other table of the schema (whatever later migrations add), so a re-run
 * starts from new users. Returns the tables emptied.
 */
export async function truncateEventState(db: Executor, schema: string): Promise<string[]> {
  const { rows } = await db.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables
      WHERE table_schema = $1 AND table_type = 'BASE TABLE' AND NOT (table_name = ANY($2::text[]))
      ORDER BY table_name`,
    [schema, KEPT_TABLES],
  );
  const names = rows.map((r) => r.table_name);
  if (names.length > 0) {
    await db.query(`TRUNCATE ${names.map((n) => `${quote(schema)}.${quote(n)}`).join(', ')} RESTART IDENTITY`);
  }
  return names;
}

export async function countInteractions(db: Executor): Promise<number> {
  const { rows } = await db.query<{ n: string }>('SELECT count(*) AS n FROM music_interactions');
  return Number(rows[0].n);
}

/** Records the processor has consumed (applied, duplicate or dead-lettered), per Postgres's fenced offsets. */
export async function consumedRecords(db: Executor, group: string, topic: string): Promise<number> {
  const { rows } = await db.query<{ n: string | null }>(
    'SELECT sum(next_offset) AS n FROM processor_offsets WHERE consumer_group = $1 AND topic = $2',
    [group, topic],
  );
  return Number(rows[0].n ?? 0);
}

/** Applied events by the feedback the learner read into them (play / skip from listens, repeat …). */
export async function interactionsByFeedback(db: Executor): Promise<Map<string, number>> {
  const { rows } = await db.query<{ feedback_type: string; n: string }>(
    'SELECT feedback_type, count(*) AS n FROM music_interactions GROUP BY feedback_type ORDER BY feedback_type',
  );
  return new Map(rows.map((r) => [r.feedback_type, Number(r.n)]));
}

export async function countTracksFrom(db: Executor, source: string): Promise<number> {
  const { rows } = await db.query<{ n: string }>('SELECT count(*) AS n FROM tracks WHERE source = $1', [source]);
  return Number(rows[0].n);
}

function quote(identifier: string): string {
  return `"${identifier.replace(/"/g, '""')}"`;
}
