import pg from 'pg';
import { createPool } from './pool.js';
import { createTestSchema, TEST_DATABASE_URL, type TestSchema } from './test-schema.js';

let db: TestSchema;

beforeAll(async () => {
  db = await createTestSchema('listening');
});

afterAll(async () => {
  await db.drop();
});

const T0 = '2024-05-01T10:00:00.000Z';
const T1 = '2024-05-02T10:00:00.000Z';
const T2 = '2024-05-03T10:00:00.000Z';

async function upsert(args: readonly unknown[]): Promise<number> {
  const placeholders = args.map((_, i) => `$${i + 1}`).join(', ');
  const { rows } = await db.pool.query<{ n: number }>(`SELECT upsert_listening_history(${placeholders}) AS n`, [
    ...args,
  ]);
  return rows[0]!.n;
}

describe('upsert_listening_history', () => {
  it('inserts with play_count 1, then increments count and time, keeping the latest played_at', async () => {
    // user, track, ms, played_at, danceability, energy, valence, tempo, acousticness, instrumentalness, speechiness, genres
    expect(await upsert(['u1', 't1', 1000, T1, 0.5, null, 0.3, 120, 0.1, 0.0, 0.05, ['rock']])).toBe(1);
    expect(await upsert(['u1', 't1', 2500, T0, 0.9, 0.7, 0.9, 90, 0.9, 0.9, 0.9, ['pop']])).toBe(2);
    expect(await upsert(['u1', 't1', 500, T2])).toBe(3);

    const { rows } = await db.pool.query(
      `SELECT play_count, total_listen_time_ms, first_played_at, played_at, danceability, energy, valence,
              tempo, acousticness, instrumentalness, speechiness, genres
       FROM listening_history WHERE user_id = 'u1' AND track_id = 't1'`,
    );
    expect(rows).toEqual([
      {
        play_count: 3,
        total_listen_time_ms: '4000',
        first_played_at: new Date(T0),
        played_at: new Date(T2),
        danceability: 0.5, // first known value kept
        energy: 0.7, // unknown at first play, filled later
        valence: 0.3,
        tempo: 120,
        acousticness: 0.1,
        instrumentalness: 0,
        speechiness: 0.05,
        genres: ['rock'],
      },
    ]);
  });

  it('never moves played_at backwards', async () => {
    await upsert(['u2', 't1', 100, T2]);
    await upsert(['u2', 't1', 100, T0]);
    const { rows } = await db.pool.query(
      `SELECT played_at, first_played_at FROM listening_history WHERE user_id = 'u2'`,
    );
    expect(rows).toEqual([{ played_at: new Date(T2), first_played_at: new Date(T0) }]);
  });

  it('works when called schema-qualified from a connection with another search_path', async () => {
    const other = createPool({ connectionString: TEST_DATABASE_URL, schema: 'no_such_schema', max: 1 });
    try {
      const fn = `${pg.escapeIdentifier(db.schema)}.upsert_listening_history`;
      const { rows } = await other.query(`SELECT ${fn}('u3', 't1', 10::bigint, now()) AS n`);
      expect(rows).toEqual([{ n: 1 }]);
    } finally {
      await other.end();
    }
  });
});

describe('get_user_top_50_tracks', () => {
  it('orders by play_count, then total listen time, then last play', async () => {
    await db.pool.query(
      `INSERT INTO listening_history (user_id, track_id, play_count, total_listen_time_ms, first_played_at, played_at)
       VALUES ('top', 'a', 5, 1000, $1, $2), ('top', 'b', 5, 2000, $1, $1),
              ('top', 'c', 5, 2000, $1, $3), ('top', 'd', 7, 10, $1, $1), ('other', 'z', 99, 1, $1, $1)`,
      [T0, T1, T2],
    );
    const { rows } = await db.pool.query<{ track_id: string; play_count: number }>(
      `SELECT track_id, play_count FROM get_user_top_50_tracks('top')`,
    );
    expect(rows).toEqual([
      { track_id: 'd', play_count: 7 },
      { track_id: 'c', play_count: 5 },
      { track_id: 'b', play_count: 5 },
      { track_id: 'a', play_count: 5 },
    ]);
  });

  it('returns at most 50 of 60 tracks, the most played first', async () => {
    await db.pool.query(
      `INSERT INTO listening_history (user_id, track_id, play_count, total_listen_time_ms, first_played_at, played_at)
       SELECT 'many', 'trk' || lpad(k::text, 2, '0'), k + 1, 1000, $1, $1 FROM generate_series(0, 59) k`,
      [T0],
    );
    const { rows } = await db.pool.query<{ track_id: string; play_count: number }>(
      `SELECT track_id, play_count FROM get_user_top_50_tracks('many')`,
    );
    const expected = Array.from({ length: 50 }, (_, i) => ({
      track_id: `trk${String(59 - i).padStart(2, '0')}`,
      play_count: 60 - i,
    }));
    expect(rows).toEqual(expected);
  });

  it('returns no rows for an unknown user', async () => {
    const { rowCount } = await db.pool.query(`SELECT * FROM get_user_top_50_tracks('nobody')`);
    expect(rowCount).toBe(0);
  });
});
