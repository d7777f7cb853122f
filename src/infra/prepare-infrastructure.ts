/** Start-up preparation shared by every process: migrate the schema, create topics. Both are idempotent. */
import type { Kafka } from 'kafkajs';
import type { Pool } from 'pg';
import type { AppConfig } from '../config/config.js';
import type { Logger } from './logging/logger.js';
import { ensureTopics } from './kafka/topic-bootstrap.js';
import { defaultMigrationsDir } from './postgres/migration-files.js';
import { migrate } from './postgres/migrator.js';

export async function prepareInfrastructure(deps: {
  config: AppConfig;
  pool: Pool;
  kafka: Kafka;
  log: Logger;
}): Promise<void> {
  const { config, pool, kafka, log } = deps;
  const applied = await migrate({ pool, schema: config.database.schema, dir: defaultMigrationsDir() });
  if (applied.length > 0) log.info({ applied }, 'database migrated');
  const admin = kafka.admin();
  await admin.connect();
  try {
    const created = await ensureTopics(admin, {
      prefix: config.kafka.topicPrefix,
      eventPartitions: config.kafka.eventPartitions,
    });
    if (created.length > 0) log.info({ created }, 'topics created');
  } finally {
    await admin.disconnect();
  }
}
