/**
 * The real learner process (dist/) with METRICS_PORT: readiness stays false while its
 * partitions are restoring (their stored positions cannot be read: the offsets table is
 * locked), turns true once they are; its counters, histograms and lag match what
 * Postgres holds; its stderr is JSON lines carrying topic/partition/offset context.
 */
import { readFileSync } from 'node:fs';
import type { PoolClient } from 'pg';
import { spawnProcessor, type ChildProcessor } from '../support/child-processor.js';
import { createEventPathEnv, insertTracks, type EventPathEnv } from '../support/event-path.js';
import { freePort } from '../support/private-services.js';
import { workload } from '../support/reference.js';
import { waitFor } from '../support/wait-for.js';
import { opsEndpoint, type OpsEndpoint } from './ops-endpoint.js';

const PARTITIONS = 2;

describe('learner operations endpoint', () => {
  let env: EventPathEnv;
  let learner: ChildProcessor;
  let ops: OpsEndpoint;
  let lock: PoolClient | null = null;
  const { tracks, events } = workload({ users: 20, perUser: 10, tracks: 50, resent: 5 });
  const unique = 200;

  beforeAll(async () => {
    env = await createEventPathEnv('ops_learner', { partitions: PARTITIONS });
    await insertTracks(env, tracks);
    lock = await env.db.pool.connect();
    await lock.query('BEGIN');
    await lock.query('LOCK TABLE processor_offsets IN ACCESS EXCLUSIVE MODE');
    const port = await freePort();
    ops = opsEndpoint(port);
    learner = spawnProcessor(env, {
      id: 'ops',
      partitions: PARTITIONS,
      extraEnv: { METRICS_PORT: String(port), METRICS_SAMPLE_INTERVAL_MS: '200', LOG_LEVEL: 'debug' },
    });
  });

  afterAll(async () => {
    await lock?.query('ROLLBACK').catch(() => undefined);
    lock?.release();
    await learner?.kill('SIGTERM');
    await env?.close();
  });

  it('is live at once and not ready while its partitions restore', async () => {
    await waitFor(async () => (await ops.value('music_learner_partitions_assigned')) === PARTITIONS, {
      timeoutMs: 60_000,
      what: `partitions assigned (log ${learner.logFile})`,
    });
    expect(await ops.value('music_learner_partitions_restoring')).toBe(PARTITIONS);
    expect(await ops.health('live')).toEqual({ status: 200, body: { status: 'ok', checks: { consumer: true } } });
    expect(await ops.health('ready')).toEqual({
      status: 503,
      body: {
        status: 'not-ready',
        checks: { running: true, kafka: true, postgres: true, redis: true, partitions: false },
      },
    });
    await lock!.query('COMMIT');
    await waitFor(async () => (await ops.health('ready')).status === 200, { what: 'ready after restore' });
    expect(await ops.value('music_learner_partitions_restoring')).toBe(0);
  });

  it('counts what it applied, dead-lettered and skipped, with per-chunk distributions', async () => {
    await env.produce(events);
    await env.produceRaw([{ key: 'broken-user', value: Buffer.from('not avro') }]);
    const topic = env.topic('userEvents');
    await waitFor(async () => (await ops.value('music_learner_events_dead_lettered_total', { topic })) === 1, {
      timeoutMs: 60_000,
      what: 'the bad record dead-lettered',
    });
    await waitFor(async () => (await ops.value('music_learner_events_applied_total', { topic })) === unique, {
      timeoutMs: 60_000,
      what: `${unique} applied`,
    });
    const samples = await ops.samples();
    const value = (name: string, where: Record<string, string> = {}) =>
      samples
        .filter((s) => s.name === name && Object.entries(where).every(([k, v]) => s.labels[k] === v))
        .reduce((n, s) => n + s.value, 0);
    expect(value('music_learner_events_duplicate_total', { topic })).toBe(5);
    expect(value('music_learner_records_consumed_total', { topic })).toBe(events.length + 1);
    const chunks = value('music_learner_chunk_records_count');
    expect(chunks).toBeGreaterThan(0);
    expect(value('music_learner_chunk_records_sum')).toBe(events.length + 1);
    expect(value('music_learner_postgres_transaction_seconds_count')).toBeGreaterThan(0);
    expect(value('music_learner_stage_seconds_total', { stage: 'commit' })).toBeGreaterThan(0);
    expect(value('music_postgres_pool_clients', { state: 'total' })).toBeGreaterThan(0);
    expect(value('music_redis_connected')).toBe(1);
    expect(value('music_errors_total', { kind: 'chunk_retry' })).toBe(0);

    const { rows } = await env.db.pool.query<{ feedback_type: string; n: number; total: number }>(
      'SELECT feedback_type, count(*)::int AS n, sum(final_reward)::float8 AS total FROM music_interactions GROUP BY 1',
    );
    expect(rows.reduce((n, r) => n + r.n, 0)).toBe(unique);
    for (const r of rows) {
      expect(value('music_learner_reward_count', { feedback_type: r.feedback_type })).toBe(r.n);
      expect(value('music_learner_reward_sum', { feedback_type: r.feedback_type })).toBeCloseTo(r.total, 6);
    }
    await waitFor(
      async () => {
        const lag = (await ops.samples()).filter((s) => s.name === 'music_learner_consumer_lag');
        return lag.length === PARTITIONS && lag.every((s) => s.value === 0);
      },
      { what: 'consumer lag back to 0 on every partition' },
    );
  });

  it('writes JSON lines with topic, partition and offset on event-path lines, and no secrets', () => {
    const lines = readFileSync(learner.logFile, 'utf8').split('\n').filter(Boolean);
    const parsed = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    for (const line of parsed)
      expect(line).toMatchObject({ level: expect.any(String), time: expect.any(String), msg: expect.any(String) });
    const dead = parsed.find((l) => l.reasonCode !== undefined);
    expect(dead).toMatchObject({
      level: 'warn',
      topic: env.topic('userEvents'),
      partition: expect.any(Number),
      offset: expect.any(String),
      userId: 'broken-user',
    });
    const chunk = parsed.find((l) => l.msg === 'chunk processed');
    expect(chunk).toMatchObject({
      level: 'debug',
      topic: env.topic('userEvents'),
      partition: expect.any(Number),
      offset: expect.any(String),
    });
  });
});
