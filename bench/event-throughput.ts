/**
 * Event path throughput: a topic pre-filled with N events over U users, then one
 * in-process event processor from a cold start until every event is durable (Postgres
 * committed, Redis snapshot written). Prints events/s.
 *
 *   npm run build && node dist/bench/event-throughput.js [--users 1000] [--per-user 100]
 */
import { parseArgs } from 'node:util';
import { learningParams } from '../src/domain/learning-params.js';
import { createEventPathEnv, insertTracks } from '../test/support/event-path.js';
import { startProcessor } from '../test/support/processor.js';
import { workload } from '../test/support/reference.js';

const { values } = parseArgs({
  options: {
    users: { type: 'string', default: '1000' },
    'per-user': { type: 'string', default: '100' },
    partitions: { type: 'string', default: '6' },
  },
});
const users = Number(values.users);
const perUser = Number(values['per-user']);

async function main(): Promise<void> {
  const env = await createEventPathEnv('bench', { partitions: Number(values.partitions) });
  try {
    const { tracks, events } = workload({ users, perUser, tracks: 2000, resent: 0 });
    await insertTracks(env, tracks);
    const t0 = Date.now();
    await env.produce(events);
    const produced = Date.now() - t0;
    const start = Date.now();
    const processor = await startProcessor(env, learningParams());
    for (;;) {
      const { rows } = await env.db.pool.query('SELECT count(*)::int AS n FROM music_interactions');
      if (rows[0].n >= events.length) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const seconds = (Date.now() - start) / 1000;
    await processor.stop();
    console.log(
      JSON.stringify({
        events: events.length,
        users,
        produceSeconds: produced / 1000,
        processSeconds: seconds,
        eventsPerSecond: Math.round(events.length / seconds),
        batches: processor.counters.batches,
        stageSeconds: Object.fromEntries(Object.entries(processor.stageMs).map(([k, v]) => [k, Math.round(v) / 1000])),
      }),
    );
  } finally {
    await env.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
