/**
 * Exactly-once effect across crashes: the real processor (a child process) is killed
 * with SIGKILL twice mid-stream; after restarts the persisted state of every user equals
 * the pure domain reference byte for byte, each event has exactly one interaction row,
 * and every event id is on the reward topic.
 */
import { readFileSync } from 'node:fs';
import { learningParams } from '../../src/domain/learning-params.js';
import { spawnProcessor } from '../support/child-processor.js';
import { rewardEventIds, createEventPathEnv, insertTracks, type EventPathEnv } from '../support/event-path.js';
import { compareWithReference, referenceStates, workload } from '../support/reference.js';
import { waitFor } from '../support/wait-for.js';

const USERS = 1000;
const PER_USER = 50;
const RESENT = 200;
const PARTITIONS = 4;

describe('event path survives SIGKILL with exactly-once state', () => {
  let env: EventPathEnv;
  const { tracks, events } = workload({ users: USERS, perUser: PER_USER, tracks: 400, resent: RESENT });
  const unique = USERS * PER_USER;

  beforeAll(async () => {
    env = await createEventPathEnv('crash', { partitions: PARTITIONS });
    await insertTracks(env, tracks);
    await env.produce(events);
  });

  afterAll(async () => {
    await env?.close();
  });

  it('converges to the reference after two kills', async () => {
    const applied = async () =>
      (await env.db.pool.query('SELECT count(*)::int AS n FROM music_interactions')).rows[0].n as number;
    const started = Date.now();
    const killedAt: number[] = [];
    for (const [i, killAt] of [unique * 0.3, unique * 0.6].entries()) {
      const p = spawnProcessor(env, { id: `run${i}`, partitions: PARTITIONS });
      await waitFor(async () => (await applied()) >= killAt, {
        timeoutMs: 240_000,
        intervalMs: 20,
        what: `${killAt} applied (log ${p.logFile})`,
      });
      await p.kill('SIGKILL');
      killedAt.push(await applied());
    }
    // Both kills landed mid-stream, with work left to redo.
    expect(killedAt[0]).toBeLessThan(killedAt[1]);
    expect(killedAt[1]).toBeLessThan(unique);
    const last = spawnProcessor(env, { id: 'final', partitions: PARTITIONS });
    await waitFor(async () => (await applied()) === unique, {
      timeoutMs: 240_000,
      what: `all events applied (log ${last.logFile})`,
    });
    expect(await last.kill('SIGTERM')).toEqual({ code: null, signal: 'SIGTERM' });
    expect(readFileSync(last.logFile, 'utf8')).toContain('event processor stopped');
    const seconds = (Date.now() - started) / 1000;
    process.stdout.write(
      `crash test: ${unique} events (+${RESENT} resent) in ${seconds.toFixed(1)} s incl. 3 starts; killed at ${killedAt.join(', ')} applied\n`,
    );

    const dupes = await env.db.pool.query(
      'SELECT count(*)::int AS n, count(DISTINCT event_id)::int AS d FROM music_interactions',
    );
    expect(dupes.rows[0]).toEqual({ n: unique, d: unique });

    const reference = referenceStates(events, new Map(tracks.map((t) => [t.trackId, t])), learningParams());
    const compared = await compareWithReference(env.db.pool, reference);
    expect(compared.users).toBe(USERS);
    if (compared.first) expect(compared.first.persisted).toEqual(compared.first.expected);
    expect(compared.mismatched).toEqual([]);

    expect((await rewardEventIds(env, unique)).size).toBe(unique);
  });
});
