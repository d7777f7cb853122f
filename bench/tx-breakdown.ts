/**
 * Where the event path's commit time goes: times each statement of one chunk's
 * transaction on synthetic rows shaped like a real chunk (5,000 events, ~170 users).
 *   npm run build && node dist/bench/tx-breakdown.js [users=170] [events per chunk=5100] [chunks=8]
 * (e.g. `… 167 660 40` is the shape of the latency scenario: 1,000 users over 6 partitions).
 */
import { learningParams } from '../src/domain/learning-params.js';
import { initialUserState, type UserState } from '../src/domain/user-state.js';
import { applyBatch } from '../src/learner/apply-batch.js';
import { SchemaRegistry } from '../src/infra/avro/schema-registry.js';
import { advanceOffset, insertInteractions, insertOutbox } from '../src/infra/postgres/event-log.repository.js';
import { withTransaction } from '../src/infra/postgres/pool.js';
import { createTestSchema } from '../src/infra/postgres/test-schema.js';
import { upsertGenrePreferences, upsertHistory, upsertModels } from '../src/infra/postgres/user-model.repository.js';
import { ensureUsers } from '../src/infra/postgres/users.repository.js';
import { workload } from '../test/support/reference.js';

async function main(): Promise<void> {
  const db = await createTestSchema('txbreak');
  const registry = SchemaRegistry.load();
  const [users, size, chunks] = [170, 5100, 8].map((d, i) => Number(process.argv[2 + i] ?? d));
  try {
    const perUser = Math.ceil((size * chunks) / users);
    const { tracks, events } = workload({ users, perUser, tracks: 2000, resent: 0 });
    const trackMap = new Map(tracks.map((t) => [t.trackId, t]));
    const states = new Map<string, UserState>();
    for (const e of events) if (!states.has(e.userId)) states.set(e.userId, initialUserState(e.userId));
    const times: Record<string, number> = {};
    const lap = async (name: string, f: () => Promise<unknown>) => {
      const t = performance.now();
      await f();
      times[name] = (times[name] ?? 0) + performance.now() - t;
    };
    for (let c = 0; c < chunks; c++) {
      const chunk = events.slice(c * size, (c + 1) * size).map((event, i) => ({ offset: c * size + i, event }));
      const t0 = performance.now();
      const effects = applyBatch({
        topic: 't',
        partition: 0,
        events: chunk,
        states,
        tracks: trackMap,
        params: learningParams(),
        now: 0,
      });
      times.apply = (times.apply ?? 0) + performance.now() - t0;
      const t1 = performance.now();
      const outbox = effects.rewards.map((r) => ({
        eventId: r.event_id,
        userId: r.user_id,
        payload: registry.encode('music.RewardRecord', r),
      }));
      times.encodeRewards = (times.encodeRewards ?? 0) + performance.now() - t1;
      await withTransaction(db.pool, async (tx) => {
        await lap('users', () =>
          ensureUsers(
            tx,
            [...states.keys()].map((u) => ({ userId: u, createdAt: 0 })),
          ),
        );
        await lap('interactions', () => insertInteractions(tx, effects.interactions));
        await lap('models', () => upsertModels(tx, effects.models));
        await lap('preferences', () => upsertGenrePreferences(tx, effects.preferences));
        await lap('history', () => upsertHistory(tx, effects.history));
        await lap('outbox', () => insertOutbox(tx, outbox));
        await lap('offset', () =>
          advanceOffset(
            tx,
            { group: 'g', topic: 't', partition: 0 },
            c === 0 ? null : BigInt(c * size),
            BigInt((c + 1) * size),
          ),
        );
      });
    }
    const rows = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, Math.round(v)]));
    const perChunk = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, Math.round((v / chunks) * 10) / 10]));
    console.log(JSON.stringify({ users, chunks, eventsPerChunk: size, ms: rows, msPerChunk: perChunk }));
  } finally {
    await db.drop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
