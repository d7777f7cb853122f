/**
 * When Postgres or Redis goes away the processor pauses and retries, commits nothing past
 * what is persisted, and resumes by itself when the dependency returns. Uses private,
 * killable Postgres and Redis servers; Kafka is the shared broker.
 */
import { Redis } from 'ioredis';
import type { Pool } from 'pg';
import { upsertMany } from '../../src/catalog/track.repository.js';
import { learningParams } from '../../src/domain/learning-params.js';
import type { UserSnapshot } from '../../src/domain/user-state.js';
import { encodeUserState } from '../../src/domain/user-state-codec.js';
import { createLogger } from '../../src/infra/logging/logger.js';
import { defaultMigrationsDir } from '../../src/infra/postgres/migration-files.js';
import { migrate } from '../../src/infra/postgres/migrator.js';
import { createPool } from '../../src/infra/postgres/pool.js';
import { createRedis } from '../../src/infra/redis/redis-client.js';
import { redisKeys } from '../../src/infra/redis/redis-keys.js';
import { SnapshotCache } from '../../src/infra/redis/snapshot.cache.js';
import { EventProcessor } from '../../src/learner/event-processor.js';
import { catalogRow, createEventPathEnv, type EventPathEnv } from '../support/event-path.js';
import {
  createPrivatePostgres,
  createPrivateRedis,
  type PrivatePostgres,
  type PrivateRedis,
} from '../support/private-services.js';
import { referenceStates, workload } from '../support/reference.js';
import { waitFor } from '../support/wait-for.js';

describe('event path with a dependency down', () => {
  let env: EventPathEnv;
  let pg: PrivatePostgres;
  let redisServer: PrivateRedis;
  let pool: Pool;
  let redis: Redis;
  let processor: EventProcessor;
  const { tracks, events } = workload({ users: 30, perUser: 30, tracks: 100, resent: 0 });
  const thirds = [events.slice(0, 300), events.slice(300, 600), events.slice(600)];

  beforeAll(async () => {
    env = await createEventPathEnv('depsdown', { partitions: 2 });
    pg = await createPrivatePostgres();
    redisServer = await createPrivateRedis();
    pool = createPool({ connectionString: pg.url, schema: 'public', max: 4 });
    await migrate({ pool, schema: 'public', dir: defaultMigrationsDir() });
    await upsertMany(pool, tracks.map(catalogRow));
    redis = createRedis({ url: redisServer.url, name: 'depsdown', failFast: true });
    redis.on('error', () => undefined); // reconnect noise while the server is down is expected
    processor = new EventProcessor({
      kafka: env.kafka,
      pool,
      registry: env.registry,
      snapshots: new SnapshotCache<UserSnapshot>(redis, redisKeys('dd:'), 3600),
      params: learningParams(),
      log: createLogger({ level: 'fatal', name: 'depsdown' }),
      topics: { events: env.topic('userEvents'), rewards: env.topic('rewards'), deadLetters: env.topic('deadLetters') },
      groupId: env.group,
      partitionsConsumedConcurrently: 2,
    });
    await processor.start();
  });

  afterAll(async () => {
    await processor?.stop();
    redis?.disconnect();
    await pool?.end();
    await redisServer?.stop();
    pg?.destroy();
    await env?.close();
  });

  const applied = async () =>
    (await pool.query('SELECT count(*)::int AS n FROM music_interactions')).rows[0].n as number;

  it('pauses while Postgres is down and resumes when it returns', async () => {
    await env.produce(thirds[0]);
    await waitFor(async () => (await applied()) === 300, { what: 'first third applied' });
    pg.stop();
    const before = { ...processor.counters };
    await env.produce(thirds[1]);
    await waitFor(() => processor.counters.retries > before.retries, {
      what: 'a failed attempt while Postgres is down',
    });
    expect(processor.counters.applied).toBe(before.applied);
    pg.start();
    await waitFor(async () => (await applied().catch(() => 0)) === 600, {
      timeoutMs: 60_000,
      what: 'second third applied after restart',
    });
  });

  it('pauses while Redis is down without committing, and resumes when it returns', async () => {
    await redisServer.stop();
    const retries = processor.counters.retries;
    await env.produce(thirds[2]);
    await waitFor(() => processor.counters.retries > retries, { what: 'a failed attempt while Redis is down' });
    expect(await applied()).toBe(600);
    await redisServer.start();
    await waitFor(async () => (await applied()) === events.length, {
      timeoutMs: 60_000,
      what: 'last third applied after Redis returned',
    });
    const lastUser = thirds[2][thirds[2].length - 1].userId;
    const snapshot = await waitFor(() => redis.get(`dd:snapshot:{${lastUser}}`).then((v) => v ?? undefined), {
      what: 'fresh snapshot',
    });
    expect((JSON.parse(snapshot) as UserSnapshot).episodes).toBe(30);
  });

  it('ends exactly at the domain reference', async () => {
    const reference = referenceStates(events, new Map(tracks.map((t) => [t.trackId, t])), learningParams());
    const { rows } = await pool.query<{ user_id: string; state: Buffer }>('SELECT user_id, state FROM music_rl_models');
    expect(rows).toHaveLength(30);
    expect(rows.filter((r) => !Buffer.from(encodeUserState(reference.get(r.user_id)!)).equals(r.state))).toEqual([]);
  });
});
