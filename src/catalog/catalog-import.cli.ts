/**
 * `npm run catalog:import -- <file.csv[.gz]> | --generated [--count N] [--seed S] [--no-kafka]`
 *
 * Migrates the configured schema, imports the catalog into `tracks` and the compacted
 * catalog topic, prints a summary. Exit codes: 0 done (bad rows are reported, not
 * fatal), 1 fatal (missing file, wrong header, database or Kafka unavailable), 2 usage.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { loadConfig, type AppConfig } from '../config/config.js';
import { SchemaRegistry } from '../infra/avro/schema-registry.js';
import { createKafka, createProducer } from '../infra/kafka/kafka-client.js';
import { ensureTopics } from '../infra/kafka/topic-bootstrap.js';
import { topicName } from '../infra/kafka/topics.js';
import { defaultMigrationsDir, migrate } from '../infra/postgres/migrator.js';
import { createPool } from '../infra/postgres/pool.js';
import {
  parseCatalogImportArgs,
  USAGE,
  UsageError,
  type CatalogImportArgs,
  type CatalogInput,
} from './catalog-import.args.js';
import { CatalogInputError } from './catalog-import.error.js';
import { importCatalog, type CatalogPool, type ImportStats, type ImportSummary } from './catalog-importer.js';
import type { SourceItem } from './catalog-track.js';
import { catalogPublisher, type PublishCatalog } from './catalog.producer.js';
import { generatedSource } from './generated-catalog.js';
import { formatSummary, ImportProgress } from './import-progress.js';
import { readSpotifyCsv } from './spotify-csv.source.js';

interface OpenedSource {
  readonly items: AsyncIterable<SourceItem>;
  readonly fraction: (stats: Readonly<ImportStats>) => number | null;
}

const log = (line: string): void => void process.stderr.write(`${line}\n`);

export async function runCatalogImport(args: CatalogImportArgs, config: AppConfig): Promise<ImportSummary> {
  const source = await openSource(args.input);
  const pool = createPool({
    connectionString: config.database.url,
    schema: config.database.schema,
    max: 2,
    applicationName: 'catalog-import',
  });
  try {
    await migrate({ pool, schema: config.database.schema, dir: defaultMigrationsDir(), log });
    return await withPublisher(args.kafka ? config : null, (publish) => runImport({ args, source, pool, publish }));
  } finally {
    await pool.end();
  }
}

async function runImport(ctx: {
  args: CatalogImportArgs;
  source: OpenedSource;
  pool: CatalogPool;
  publish?: PublishCatalog;
}) {
  const progress = new ImportProgress({ out: process.stderr, fraction: ctx.source.fraction });
  try {
    return await importCatalog(ctx.source.items, {
      pool: ctx.pool,
      publish: ctx.publish,
      batchSize: ctx.args.batchSize,
      onProgress: (stats) => progress.update(stats),
    });
  } finally {
    progress.finish();
  }
}

/** Connects an idempotent producer to the (ensured) catalog topic for the duration of `fn`. */
async function withPublisher<T>(config: AppConfig | null, fn: (publish?: PublishCatalog) => Promise<T>): Promise<T> {
  if (!config) return fn(undefined);
  const kafka = createKafka({ brokers: config.kafka.brokers, clientId: `${config.kafka.clientId}-catalog-import` });
  const naming = { prefix: config.kafka.topicPrefix, eventPartitions: config.kafka.eventPartitions };
  const admin = kafka.admin();
  await admin.connect();
  try {
    await ensureTopics(admin, naming, ['catalogTracks']);
  } finally {
    await admin.disconnect();
  }
  const producer = createProducer(kafka, { idempotent: true });
  await producer.connect();
  try {
    const topic = topicName('catalogTracks', naming);
    return await fn(catalogPublisher({ producer, registry: SchemaRegistry.load(), topic }));
  } finally {
    await producer.disconnect();
  }
}

async function openSource(input: CatalogInput): Promise<OpenedSource> {
  if (input.kind === 'generated') {
    return { items: generatedSource(input), fraction: (stats) => stats.rowsRead / input.count };
  }
  const size = await fileSize(input.path);
  const stream = createReadStream(input.path, { highWaterMark: 64 * 1024 });
  // Progress by bytes of the (compressed) file read: known up front, unlike the row count.
  return { items: readSpotifyCsv(stream), fraction: () => (size > 0 ? stream.bytesRead / size : null) };
}

async function fileSize(path: string): Promise<number> {
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new CatalogInputError(`not a regular file: ${path}`);
    return info.size;
  } catch (error) {
    if (error instanceof CatalogInputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const what = code === 'ENOENT' ? 'dataset file not found' : `cannot read dataset file (${code ?? String(error)})`;
    throw new CatalogInputError(`${what}: ${path}`, { cause: error });
  }
}

async function main(argv: readonly string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    log(USAGE);
    return 0;
  }
  try {
    const summary = await runCatalogImport(parseCatalogImportArgs(argv), loadConfig());
    process.stdout.write(formatSummary(summary));
    return 0;
  } catch (error) {
    log(`catalog import failed: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
    if (error instanceof UsageError) log(USAGE);
    return error instanceof UsageError ? 2 : 1;
  }
}

const isEntryPoint = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isEntryPoint) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
