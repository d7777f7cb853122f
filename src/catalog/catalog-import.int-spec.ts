import { jest } from '@jest/globals';
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { waitFor, uniqueName } from '../../test/support/wait-for.js';
import type { CatalogTrack } from '../contracts/records.js';
import { SchemaRegistry } from '../infra/avro/schema-registry.js';
import { createKafka, createProducer } from '../infra/kafka/kafka-client.js';
import { ensureTopics } from '../infra/kafka/topic-bootstrap.js';
import { topicName } from '../infra/kafka/topics.js';
import { createTestSchema, type TestSchema } from '../infra/postgres/test-schema.js';
import { importCatalog, type ImportSummary } from './catalog-importer.js';
import { catalogPublisher, type PublishCatalog } from './catalog.producer.js';
import { generatedSource } from './generated-catalog.js';
import { readSpotifyCsv } from './spotify-csv.source.js';
import { count, findByIds, loadAll } from './track.repository.js';

jest.setTimeout(60_000);

// kafkajs types by inference: only src/infra/kafka imports the client package.
type Kafka = ReturnType<typeof createKafka>;
type Admin = ReturnType<Kafka['admin']>;
type Producer = ReturnType<Kafka['producer']>;

const FIXTURE = join(process.cwd(), 'test/fixtures/catalog/not-ok/duplicates-and-empty-name.csv');
const ID = (n: number) => `0iiiiiiiiiiiiiiiiiiii${n}`;

describe('catalog import (Postgres + Kafka)', () => {
  const registry = SchemaRegistry.load();
  const prefix = `${uniqueName('catalog')}.`;
  const topic = topicName('catalogTracks', { prefix });
  let db: TestSchema;
  let kafka: Kafka;
  let admin: Admin;
  let producer: Producer;
  let publish: PublishCatalog;

  beforeAll(async () => {
    db = await createTestSchema('catalog_import');
    kafka = createKafka({ brokers: ['127.0.0.1:9092'], clientId: 'catalog-import-int' });
    admin = kafka.admin();
    await admin.connect();
    await ensureTopics(admin, { prefix, eventPartitions: 1 }, ['catalogTracks']);
    producer = createProducer(kafka, { idempotent: true });
    await producer.connect();
    publish = catalogPublisher({ producer, registry, topic });
  });

  afterAll(async () => {
    await producer?.disconnect();
    await admin?.deleteTopics({ topics: [topic] });
    await admin?.disconnect();
    await db?.drop();
  });

  // Batches of 2 put the duplicates of track 1 in three batches, one of them twice.
  const importFixture = () =>
    importCatalog(readSpotifyCsv(createReadStream(FIXTURE)), { pool: db.pool, publish, batchSize: 2 });

  it('imports, merging genres across batches and within one, and reports the bad row', async () => {
    const summary = await importFixture();
    expect(counts(summary)).toEqual({
      rowsRead: 7,
      badRows: 1,
      tracks: 3,
      inserted: 3,
      updated: 2,
      unchanged: 0,
      genresAdded: 2,
      published: 5,
    });
    expect(summary.badRowSamples).toEqual([{ lineNumber: 4, reason: 'track_name/artists: empty track name/artists' }]);
    expect(await count(db.pool)).toBe(3);
    const [one, two] = await findByIds(db.pool, [ID(1), ID(2)]);
    expect(one).toMatchObject({ genres: ['acoustic', 'k-pop', 'pop'], popularity: 45, artists: ['Kai Vale'] });
    expect(two).toMatchObject({
      name: 'The "Best" Song',
      album: 'Second, Album',
      artists: ['Lee Rivers', 'Mo Kim'],
      explicit: true,
    });
  });

  it('puts every genre into the latest catalog record of each track on the compacted topic', async () => {
    const latest = await consumeLatest(5);
    expect(latest.get(ID(1))?.genres).toEqual(['acoustic', 'k-pop', 'pop']);
    expect(latest.get(ID(1))?.popularity).toBe(45);
    expect([...latest.keys()].sort()).toEqual([ID(1), ID(2), ID(4)]);
    expect(latest.get(ID(2))).toEqual((await findByIds(db.pool, [ID(2)]))[0]);
  });

  it('re-import writes nothing new: same rows, same genres, everything re-published', async () => {
    const before = await findByIds(db.pool, [ID(1), ID(2), ID(4)]);
    const summary = await importFixture();
    expect(counts(summary)).toEqual({
      rowsRead: 7,
      badRows: 1,
      tracks: 3,
      inserted: 0,
      updated: 0,
      unchanged: 5,
      genresAdded: 0,
      published: 5,
    });
    expect(await count(db.pool)).toBe(3);
    expect(await findByIds(db.pool, [ID(1), ID(2), ID(4)])).toEqual(before);
    const latest = await consumeLatest(10);
    expect(latest.get(ID(1))?.genres).toEqual(['acoustic', 'k-pop', 'pop']);
  });

  it('imports a generated catalog through the same path; loadAll pages through every track', async () => {
    const summary = await importCatalog(generatedSource({ count: 300, seed: 'int' }), {
      pool: db.pool,
      batchSize: 128,
    });
    expect(summary).toMatchObject({ rowsRead: 300, tracks: 300, inserted: 300, badRows: 0, published: 0 });
    const all: string[] = [];
    for await (const row of loadAll(db.pool, { pageSize: 7 })) all.push(row.track_id);
    expect(all).toHaveLength(303);
    expect(new Set(all).size).toBe(303);
    expect([...all].sort()).toEqual(all);
  });

  it('stops on the first publish failure, after the batches in flight finished', async () => {
    const published: number[] = [];
    let calls = 0;
    const failing: PublishCatalog = async (rows) => {
      if (++calls === 2) throw new Error('broker gone');
      published.push(rows.length);
    };
    const source = generatedSource({ count: 500, seed: 'publish-failure' });
    await expect(importCatalog(source, { pool: db.pool, publish: failing, batchSize: 100 })).rejects.toThrow(
      'broker gone',
    );
    expect(published).toEqual([100]);
    // Committed batches stay committed; a re-run re-publishes them (every row, changed or not).
    const stored = await count(db.pool);
    expect(stored).toBeGreaterThanOrEqual(303 + 200);
    expect(stored).toBeLessThanOrEqual(303 + 300);
  });

  /** Reads the topic from the start until `expected` records arrived; latest value per key. */
  async function consumeLatest(expected: number): Promise<Map<string, CatalogTrack>> {
    const groupId = uniqueName('catalog-int');
    const consumer = kafka.consumer({ groupId });
    const latest = new Map<string, CatalogTrack>();
    let seen = 0;
    await consumer.connect();
    try {
      await consumer.subscribe({ topic, fromBeginning: true });
      await consumer.run({
        eachMessage: async ({ message }) => {
          latest.set(String(message.key), registry.decode(message.value as Buffer, 'music.CatalogTrack'));
          seen++;
        },
      });
      await waitFor(() => seen >= expected, { what: `${expected} catalog records`, timeoutMs: 30_000 });
    } finally {
      await consumer.disconnect();
      await admin.deleteGroups([groupId]);
    }
    expect(seen).toBe(expected);
    return latest;
  }
});

function counts(s: ImportSummary) {
  const { elapsedMs: _e, badRowSamples: _b, ...rest } = s;
  return rest;
}
