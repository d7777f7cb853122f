/**
 * Users to ask recommendations for, with realistic read models: each user's state is
 * built by the pure learning code from generated events over the scenario's catalog,
 * then its snapshot is written to Redis exactly as the event path writes it, and the
 * account exists in `users` with a creation date spread over 60 days (so every
 * cold-start stage is exercised).
 */
import type { Pool } from 'pg';
import type { Redis } from 'ioredis';
import { learningParams } from '../../src/domain/learning-params.js';
import type { Track } from '../../src/domain/types.js';
import {
  applyEvent,
  initialUserState,
  snapshotOf,
  SNAPSHOT_LIMITS,
  type UserSnapshot,
} from '../../src/domain/user-state.js';
import { redisKeys } from '../../src/infra/redis/redis-keys.js';
import { SnapshotCache } from '../../src/infra/redis/snapshot.cache.js';
import { ensureUsers } from '../../src/infra/postgres/users.repository.js';
import { eventMaker, userIdOf } from '../event-path/event-generator.js';

const DAY = 86_400_000;

export interface SeededUsers {
  readonly ids: readonly string[];
  readonly snapshots: ReadonlyMap<string, UserSnapshot>;
  readonly createdAt: ReadonlyMap<string, number>;
}

/** Builds `users` snapshots from `eventsPerUser` events each, ending now. */
export function buildUsers(o: {
  tracks: readonly Track[];
  users: number;
  eventsPerUser: number;
  now: number;
}): SeededUsers {
  const params = learningParams();
  const byId = new Map(o.tracks.map((t) => [t.trackId, t]));
  const make = eventMaker({ users: o.users, tracks: o.tracks, tag: 'seed' });
  const states = Array.from({ length: o.users }, (_, u) =>
    initialUserState(userIdOf(u), { replayCapacity: params.replayCapacity }),
  );
  const total = o.users * o.eventsPerUser;
  for (let i = 0; i < total; i++) {
    const e = make(i, o.now - (total - i) * 1000);
    applyEvent(states[i % o.users], e, byId.get(e.trackId) ?? null, params);
  }
  const snapshots = new Map(states.map((s) => [s.userId, snapshotOf(s, SNAPSHOT_LIMITS)]));
  const createdAt = new Map(states.map((s, u) => [s.userId, o.now - (u % 60) * DAY - DAY / 2]));
  return { ids: states.map((s) => s.userId), snapshots, createdAt };
}

export async function storeUsers(o: {
  users: SeededUsers;
  pool: Pool;
  redis: Redis;
  redisPrefix: string;
}): Promise<void> {
  const cache = new SnapshotCache<UserSnapshot>(o.redis, redisKeys(o.redisPrefix), 3600);
  const all = [...o.users.snapshots].map(([userId, snapshot]) => ({ userId, snapshot }));
  for (let i = 0; i < all.length; i += 1000) await cache.writeMany(all.slice(i, i + 1000));
  await ensureUsers(
    o.pool,
    [...o.users.createdAt].map(([userId, createdAt]) => ({ userId, createdAt })),
  );
}
