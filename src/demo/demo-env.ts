/**
 * The demo's own corner of the shared services: schema `demo`, topics `demo.*`, consumer
 * group `demo-learner`, Redis keys `demo:*`. Applied over the caller's environment, so
 * the demo never touches what tests or a local run use, whatever is exported.
 */
import type { AppConfig } from '../config/config.js';

export const DEMO_ENV: Readonly<Record<string, string>> = Object.freeze({
  DATABASE_SCHEMA: 'demo',
  KAFKA_TOPIC_PREFIX: 'demo.',
  KAFKA_CONSUMER_GROUP: 'demo-learner',
  RECOMMENDER_CONSUMER_GROUP: 'demo-recommender',
  KAFKA_CLIENT_ID: 'music-rl-demo',
  REDIS_KEY_PREFIX: 'demo:',
});

/**
 * The event processor's environment, derived from the demo's config so both always use
 * the same schema, topics, group and keys. Info logs: its start-up line is the ready signal.
 */
export function learnerEnv(base: NodeJS.ProcessEnv, config: AppConfig): NodeJS.ProcessEnv {
  return {
    ...base,
    DATABASE_URL: config.database.url,
    DATABASE_SCHEMA: config.database.schema,
    KAFKA_BROKERS: config.kafka.brokers.join(','),
    KAFKA_TOPIC_PREFIX: config.kafka.topicPrefix,
    KAFKA_CONSUMER_GROUP: config.kafka.consumerGroup,
    RECOMMENDER_CONSUMER_GROUP: config.recommender.consumerGroup,
    KAFKA_EVENT_PARTITIONS: String(config.kafka.eventPartitions),
    KAFKA_CLIENT_ID: `${config.kafka.clientId}-learner`,
    REDIS_URL: config.redis.url,
    REDIS_KEY_PREFIX: config.redis.keyPrefix,
    LOG_LEVEL: 'info',
  };
}
