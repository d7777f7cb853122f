/**
 * Two processors share one consumer group; one is killed mid-stream. The survivor takes
 * over its partitions and the persisted state still equals the pure domain reference.
 * A tiny actor cache (50 users) also makes both evict and reload users all the time.
 */
import { learningParams } from '../../src/domain/learning-params.js';
import { encodeUserState } from '../../src/domain/user-state-codec.js';
import { spawnProcessor } from '../support/child-processor.js';
import { createEventPathEnv, insertTracks, type EventPathEnv } from '../support/event-path.js';
import { referenceStates, workload } from '../support/reference.js';
import { waitFor } from '../support/wait-for.js';

const USERS = 400;
const PER_USER = 50;
const PARTITIONS = 4;

describe('event path rebalances onto the survivor', () => {
  let env: EventPathEnv;
  const { tracks, events } = workload({ users: USERS, perUser: PER_USER, tracks: 300, resent: 50 });
  const unique = USERS * PER_USER;

  beforeAll(async () => {
    env = await createEventPathEnv('rebalance', { partitions: PARTITIONS });
    await insertTracks(env, tracks);
  });

  afterAll(async () => {
    await env?.close();
  });

  it('loses nothing and applies nothing twice when a member dies', async () => {
    const options = {
      partitions: PARTITIONS,
      extraEnv: { LEARNER_ACTOR_CAPACITY: '50', KAFKA_PARTITIONS_CONCURRENCY: '2' },
    };
    const a = spawnProcessor(env, { id: 'a', ...options });
    const b = spawnProcessor(env, { id: 'b', ...options });
    const admin = env.kafka.admin();
    await admin.connect();
    const assigned = await waitFor(
      async () => {
        const { groups } = await admin.describeGroups([env.group]);
        return groups[0]?.state === 'Stable' && groups[0].members.length === 2 && groups[0].members;
      },
      { timeoutMs: 60_000, what: `two members in ${env.group} (logs ${a.logFile}, ${b.logFile})` },
    );
    expect(assigned).toHaveLength(2);
    await env.produce(events);

    const applied = async () =>
      (await env.db.pool.query('SELECT count(*)::int AS n FROM music_interactions')).rows[0].n as number;
    await waitFor(async () => (await applied()) >= unique * 0.25, {
      timeoutMs: 120_000,
      intervalMs: 20,
      what: '25% applied',
    });
    await b.kill('SIGKILL');
    const atKill = await applied();
    expect(atKill).toBeLessThan(unique);

    await waitFor(async () => (await applied()) === unique, {
      timeoutMs: 180_000,
      what: `survivor finished (log ${a.logFile})`,
    });
    const { groups } = await admin.describeGroups([env.group]);
    expect(groups[0].members).toHaveLength(1);
    await admin.disconnect();
    await a.kill('SIGTERM');
    process.stdout.write(`rebalance test: member b killed at ${atKill}/${unique} applied; survivor finished\n`);

    const counts = await env.db.pool.query(
      'SELECT count(*)::int AS n, count(DISTINCT event_id)::int AS d FROM music_interactions',
    );
    expect(counts.rows[0]).toEqual({ n: unique, d: unique });
    const reference = referenceStates(events, new Map(tracks.map((t) => [t.trackId, t])), learningParams());
    const { rows } = await env.db.pool.query<{ user_id: string; state: Buffer }>(
      'SELECT user_id, state FROM music_rl_models',
    );
    expect(rows).toHaveLength(USERS);
    const mismatched = rows.filter((r) => !Buffer.from(encodeUserState(reference.get(r.user_id)!)).equals(r.state));
    expect(mismatched.map((r) => r.user_id)).toEqual([]);
  });
});
