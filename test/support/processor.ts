import { learningParams, type LearningParams } from '../../src/domain/learning-params.js';
import type { UserSnapshot } from '../../src/domain/user-state.js';
import { createLogger } from '../../src/infra/logging/logger.js';
import { redisKeys } from '../../src/infra/redis/redis-keys.js';
import { SnapshotCache } from '../../src/infra/redis/snapshot.cache.js';
import { EventProcessor } from '../../src/learner/event-processor.js';
import type { EventPathEnv } from './event-path.js';

/** An in-process event processor wired to an isolated environment. */
export function startProcessor(env: EventPathEnv, params: LearningParams = learningParams()): Promise<EventProcessor> {
  const processor = new EventProcessor({
    kafka: env.kafka,
    pool: env.db.pool,
    registry: env.registry,
    snapshots: new SnapshotCache<UserSnapshot>(env.redis, redisKeys(env.redisPrefix), 3600),
    params,
    log: createLogger({ level: 'error', name: env.name }),
    topics: { events: env.topic('userEvents'), rewards: env.topic('rewards'), deadLetters: env.topic('deadLetters') },
    groupId: env.group,
    partitionsConsumedConcurrently: 2,
  });
  return processor.start().then(() => processor);
}
