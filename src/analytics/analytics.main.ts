/**
 * Engagement analytics as a process: `node dist/src/analytics/analytics.main.js`, configured
 * like the other processes (brokers, topic prefix, database for the catalog facts). Its
 * group is `<KAFKA_CLIENT_ID>-analytics`. Logs the overall metrics and goals every minute and
 * prints the full JSON summary (per user too) on stdout when it stops.
 */
import { loadConfig } from '../config/config.js';
import { SchemaRegistry } from '../infra/avro/schema-registry.js';
import { createKafka } from '../infra/kafka/kafka-client.js';
import { topicName } from '../infra/kafka/topics.js';
import { createLogger } from '../infra/logging/logger.js';
import { createPool } from '../infra/postgres/pool.js';
import { EngagementConsumer } from './engagement.consumer.js';

const LOG_EVERY_MS = 60_000;

async function main(): Promise<void> {
  const config = loadConfig();
  const name = `${config.kafka.clientId}-analytics`;
  const log = createLogger({ level: config.logLevel, name });
  const pool = createPool({
    connectionString: config.database.url,
    schema: config.database.schema,
    max: 2,
    applicationName: name,
  });
  const prefix = { prefix: config.kafka.topicPrefix };
  const consumer = new EngagementConsumer({
    kafka: createKafka({ brokers: config.kafka.brokers, clientId: name, level: 'error' }),
    registry: SchemaRegistry.load(),
    db: pool,
    topics: { rewards: topicName('rewards', prefix), decisions: topicName('decisions', prefix) },
    groupId: name,
    log,
  });
  await consumer.start();
  log.info({ group: name }, 'engagement analytics started');
  const report = (): void => {
    const { overall, goals } = consumer.snapshot();
    log.info({ overall, goals, ...consumer.counters }, 'engagement');
  };
  const timer = setInterval(report, LOG_EVERY_MS);
  const stop = async (): Promise<void> => {
    clearInterval(timer);
    process.stdout.write(`${consumer.summaryJson()}\n`);
    await consumer.stop();
    await pool.end();
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => void stop());
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
