/**
 * SIGTERM while events stream in: the real learner (dist/) stops fetching, finishes and
 * commits the chunk in flight, flushes the reward outbox and exits by itself, promptly.
 * After a restart every user's state equals the pure domain reference byte for byte,
 * every event has exactly one interaction row and every event id is on the reward topic.
 */
import { readFileSync } from 'node:fs';
import { learningParams } from '../../src/domain/learning-params.js';
import { spawnProcessor } from '../support/child-processor.js';
import { rewardEventIds, createEventPathEnv, insertTracks, type EventPathEnv } from '../support/event-path.js';
import { compareWithReference, referenceStates, workload } from '../support/reference.js';
import { waitFor } from '../support/wait-for.js';

const USERS = 400;
const PER_USER = 40;
const RESENT = 100;
const PARTITIONS = 4;
/** Generous for a 2-core CI machine; a graceful stop takes ~2–3 s here (the fetch long-poll dominates). */
const EXIT_WITHIN_MS = 15_000;

describe('learner: graceful shutdown on SIGTERM', () => {
  let env: EventPathEnv;
  const { tracks, events } = workload({ users: USERS, perUser: PER_USER, tracks: 300, resent: RESENT });
  const unique = USERS * PER_USER;
  const count = async (sql: string): Promise<number> => (await env.db.pool.query(sql)).rows[0].n as number;
  const applied = () => count('SELECT count(*)::int AS n FROM music_interactions');

  beforeAll(async () => {
    env = await createEventPathEnv('sigterm', { partitions: PARTITIONS });
    await insertTracks(env, tracks);
  });

  afterAll(async () => {
    await env?.close();
  });

  it('loses nothing and applies nothing twice across a SIGTERM mid-stream', async () => {
    const first = spawnProcessor(env, { id: 'first', partitions: PARTITIONS });
    // The stream: slices produced while the learner consumes, at most AHEAD records in front of
    // it, so the stream is still running when the signal lands (and goes on across the restart).
    const AHEAD = 2000;
    let produced = 0;
    const streaming = (async () => {
      for (let i = 0; i < events.length; i += 400) {
        await waitFor(async () => (await applied()) >= produced - AHEAD, { timeoutMs: 180_000, intervalMs: 20 });
        await env.produce(events.slice(i, i + 400));
        produced = Math.min(events.length, i + 400);
      }
    })();
    await waitFor(async () => (await applied()) >= unique * 0.25, {
      timeoutMs: 120_000,
      intervalMs: 20,
      what: `a quarter applied (log ${first.logFile})`,
    });
    const sentAtSigterm = produced;
    const termAt = Date.now();
    const exit = await first.kill('SIGTERM');
    const exitMs = Date.now() - termAt;
    const appliedAtExit = await applied();
    // Nest re-raises the signal once shutdown is done: ending "by SIGTERM" means by itself.
    expect(exit).toEqual({ code: null, signal: 'SIGTERM' });
    expect(exitMs).toBeLessThan(EXIT_WITHIN_MS);
    expect(sentAtSigterm).toBeLessThan(events.length); // the stream was still running
    expect(appliedAtExit).toBeLessThan(unique);
    const log = readFileSync(first.logFile, 'utf8');
    expect(log).toContain('event processor stopped');
    for (const line of log.split('\n').filter(Boolean)) expect(() => JSON.parse(line)).not.toThrow();
    // Flushed: everything committed was relayed; and no half-applied chunk (offset = rows written).
    expect(await count('SELECT count(*)::int AS n FROM reward_outbox WHERE published_at IS NULL')).toBe(0);
    expect(await count('SELECT coalesce(sum(cardinality(event_ids)), 0)::int AS n FROM reward_outbox')).toBe(
      appliedAtExit,
    );

    const second = spawnProcessor(env, { id: 'second', partitions: PARTITIONS });
    await streaming;
    await waitFor(async () => (await applied()) === unique, {
      timeoutMs: 180_000,
      what: `all events applied after the restart (log ${second.logFile})`,
    });
    expect(await second.kill('SIGTERM')).toEqual({ code: null, signal: 'SIGTERM' });
    process.stdout.write(
      `sigterm test: stopped in ${exitMs} ms with ${appliedAtExit}/${unique} applied, ${sentAtSigterm}/${events.length} sent\n`,
    );

    expect(await count('SELECT count(DISTINCT event_id)::int AS n FROM music_interactions')).toBe(unique);
    const reference = referenceStates(events, new Map(tracks.map((t) => [t.trackId, t])), learningParams());
    const compared = await compareWithReference(env.db.pool, reference);
    expect(compared.users).toBe(USERS);
    if (compared.first) expect(compared.first.persisted).toEqual(compared.first.expected);
    expect(compared.mismatched).toEqual([]);

    expect((await rewardEventIds(env, unique)).size).toBe(unique);
  });
});
