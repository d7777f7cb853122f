/**
 * The whole demo on a tiny Last.fm fixture (3 users, 13 lines, 5 catalog tracks) against
 * the real Kafka, Postgres, Redis and the real event-processor process, in its own
 * schema, topic prefix, consumer group and Redis prefix. Run twice: the second run must
 * reset the event state, skip the catalog import and land the same interactions.
 */
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { Redis } from 'ioredis';
import pg from 'pg';
import { loadConfig, type AppConfig } from '../../src/config/config.js';
import { createKafka } from '../../src/infra/kafka/kafka-client.js';
import { createPool } from '../../src/infra/postgres/pool.js';
import { TEST_DATABASE_URL, testSchemaName } from '../../src/infra/postgres/test-schema.js';
import { resolveDataSource } from '../../src/demo/demo-data.js';
import { learnerEnv } from '../../src/demo/demo-env.js';
import { parseDemoOptions } from '../../src/demo/demo-options.js';
import { freePort } from '../support/private-services.js';
import { DemoOutput } from '../../src/demo/demo-output.js';
import { runDemo } from '../../src/demo/demo-pipeline.js';
import type { DemoSummary } from '../../src/demo/demo-report.js';
import { BROKERS, REDIS_URL } from '../support/event-path.js';
import { uniqueName } from '../support/wait-for.js';

const ROOT = process.cwd();
const FIXTURE = join(ROOT, 'test/fixtures/lastfm/tiny');
const name = uniqueName('demo');
const schema = testSchemaName('demo');
const config: AppConfig = loadConfig({
  DATABASE_URL: TEST_DATABASE_URL,
  DATABASE_SCHEMA: schema,
  KAFKA_BROKERS: BROKERS.join(','),
  KAFKA_TOPIC_PREFIX: `${name}.`,
  KAFKA_CONSUMER_GROUP: `${name}-learner`,
  RECOMMENDER_CONSUMER_GROUP: `${name}-recommender`,
  KAFKA_CLIENT_ID: name,
  KAFKA_EVENT_PARTITIONS: '2',
  KAFKA_SESSION_TIMEOUT_MS: '6000',
  REDIS_URL,
  REDIS_KEY_PREFIX: `${name}:`,
  MUSIC_DATA_DIR: FIXTURE,
});
const pool = createPool({ connectionString: TEST_DATABASE_URL, schema, max: 2 });
const MIN = 60_000;
const T1 = Date.UTC(2009, 0, 1, 10);

async function demo(): Promise<{ summary: DemoSummary; lines: string[] }> {
  const lines: string[] = [];
  const port = await freePort();
  const out = new DemoOutput({ isTTY: false, write: (t: string) => lines.push(...t.split('\n').filter(Boolean)) });
  const summary = await runDemo({
    config,
    options: { ...parseDemoOptions(['--rate', '0', '--view-every', '1', '--port', String(port)]) },
    data: resolveDataSource({ configuredDir: config.dataDir, forceGenerated: false, repoRoot: ROOT }),
    repoRoot: ROOT,
    learnerEnv: learnerEnv(process.env, config),
    learnerLog: join(tmpdir(), `${name}-learner.log`),
    out,
  });
  return { summary, lines };
}

describe('npm run demo, end to end on a tiny fixture', () => {
  let first: { summary: DemoSummary; lines: string[] };

  beforeAll(async () => {
    first = await demo();
  });

  afterAll(async () => {
    await pool.query(`DROP SCHEMA IF EXISTS ${pg.escapeIdentifier(schema)} CASCADE`);
    await pool.end();
    const admin = createKafka({ brokers: BROKERS, clientId: name, level: 'error' }).admin();
    await admin.connect();
    const topics = (await admin.listTopics()).filter((t) => t.startsWith(`${name}.`));
    if (topics.length > 0) await admin.deleteTopics({ topics });
    await admin.deleteGroups([config.kafka.consumerGroup]).catch(() => undefined);
    await admin.disconnect();
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${name}:*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  });

  it('reports exact read, match, stream and apply counts', () => {
    const s = first.summary;
    expect(s.stats).toEqual({ plays: 12, matchedByTitle: 10, matchedByArtist: 1, unmatched: 1, malformed: 1 });
    expect(s.malformedSamples).toEqual([{ lineNumber: 12, reason: 'expected 6 tab-separated fields, got 4' }]);
    expect(s.duplicates).toBe(1);
    expect(s.catalog).toEqual({ tracks: 5, source: 'spotify-dataset', imported: true });
    expect(s.users).toEqual({ streamed: 3, withSignUpDate: 1 });
    expect(s.streamed).toEqual({ plays: 10, events: 13, repeats: 3 });
    expect(s.applied).toBe(13);
    expect(s.deadLetters).toBe(0);
    expect(Object.fromEntries(s.byFeedback)).toEqual({ play: 9, repeat: 3, skip: 1 });
    expect(first.lines).toContain('  dead letters   0');
    // The last phase asks the real gateway (and through it the recommender) for each kind of user.
    expect(first.lines.some((l) => /^user_\w+ \(learned from the stream\) — stage \w+, \d+ candidates/.test(l))).toBe(
      true,
    );
    expect(first.lines.some((l) => /^demo-newcomer-\d+ \(brand-new user, no history\) — stage week_1/.test(l))).toBe(
      true,
    );
    expect(first.lines.some((l) => /\(asked again\) — .*from cache:$/.test(l))).toBe(true);
    expect(first.lines.filter((l) => /^ {2}\d\. /.test(l)).length).toBeGreaterThanOrEqual(3);
  });

  it('lands one interaction per event, in each user’s time order, with the inferred listen times', async () => {
    const { rows } = await pool.query<{ track_id: string; feedback_type: string; ms_listened: string; at: string }>(
      `SELECT track_id, feedback_type, ms_listened, (extract(epoch FROM occurred_at) * 1000)::bigint AS at
         FROM music_interactions WHERE user_id = 'user_000001' ORDER BY source_offset`,
    );
    expect(rows.map((r) => [r.track_id.slice(-1), r.feedback_type, Number(r.ms_listened), Number(r.at) - T1])).toEqual([
      ['1', 'play', 180_000, 0],
      ['2', 'skip', 20_000, 3 * MIN],
      ['4', 'play', 243_000, 7 * MIN],
      ['2', 'play', 248_000, 20 * MIN],
      ['1', 'play', 120_000, 120 * MIN],
      ['1', 'repeat', 120_000, 120 * MIN],
      ['1', 'play', 220_000, 122 * MIN],
      ['1', 'repeat', 220_000, 122 * MIN],
    ]);
  });

  it('creates the users at their sign-up date, or their first play when that is earlier or unknown', async () => {
    const { rows } = await pool.query<{ user_id: string; ms: string }>(
      'SELECT user_id, (extract(epoch FROM created_at) * 1000)::bigint AS ms FROM users ORDER BY user_id',
    );
    expect(rows.map((r) => [r.user_id, Number(r.ms)])).toEqual([
      ['user_000001', Date.UTC(2006, 7, 13)],
      ['user_000002', Date.UTC(2008, 0, 15, 8)],
      ['user_000005', Date.UTC(2007, 5, 1, 20)],
    ]);
  });

  it('shows the watched users learning and stops the processor cleanly', () => {
    expect(first.lines).toContain('[demo] stream: done: 13 of 13 events applied (100.0%)');
    expect(first.lines.some((l) => /^ {2}user_000001 {2}8 events learned$/.test(l))).toBe(true);
    expect(first.lines.some((l) => /^\[demo\] learner: stopped cleanly/.test(l))).toBe(true);
  });

  it('runs again from a clean event state, skipping the catalog import', async () => {
    const second = await demo();
    expect(second.summary.catalog).toEqual({ tracks: 5, source: 'spotify-dataset', imported: false });
    expect(second.summary.applied).toBe(13);
    expect(
      second.lines.some((l) => /^\[demo\] reset: .*deleted [1-9]\d* .* topics and the old consumer group/.test(l)),
    ).toBe(true);
    const { rows } = await pool.query<{ n: string }>('SELECT count(*) AS n FROM music_interactions');
    expect(Number(rows[0].n)).toBe(13);
  });
});
