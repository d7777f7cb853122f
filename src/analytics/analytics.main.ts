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
import { OpsServer } from '../observability/http/ops-server.js';
import { registerEngagementMetrics } from '../observability/metrics/engagement.metrics.js';
import { createMetricsRegistry } from '../observability/metrics/metrics-registry.js';
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
  const ops = await startOps(consumer, config.observability.metricsPort, log);
  log.info({ group: name, metrics: ops.url }, 'engagement analytics started');
  const report = (): void => {
    const { overall, goals } = consumer.snapshot();
    log.info({ overall, goals, ...consumer.counters }, 'engagement');
  };
  const timer = setInterval(report, LOG_EVERY_MS);
  const stop = async (): Promise<void> => {
    clearInterval(timer);
    process.stdout.write(`${consumer.summaryJson()}\n`);
    await ops.server?.stop();
    await consumer.stop();
    await pool.end();
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => void stop());
}

/** Prometheus /metrics (and health) on METRICS_PORT, like the learner and recommender; off when unset. */
async function startOps(consumer: EngagementConsumer, port: number | null, log: ReturnType<typeof createLogger>) {
  if (port === null) return { server: null, url: null };
  const registry = createMetricsRegistry();
  registerEngagementMetrics(registry, () => consumer.snapshot());
  const server = new OpsServer({
    registry,
    live: async () => ({ status: 'ok' }),
    ready: async () => ({ status: 'ready', checks: {} }),
    log,
  });
  return { server, url: await server.start(port) };
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
