import type { SchemaRegistry } from '../infra/avro/schema-registry.js';
import type { CatalogTrackRow } from './catalog-track.js';

/** The slice of a kafkajs Producer used here (structural, so this module needs no kafkajs import). */
export interface CatalogProducer {
  send(record: { topic: string; acks: number; messages: Array<{ key: string; value: Buffer }> }): Promise<unknown>;
}

export type PublishCatalog = (rows: readonly CatalogTrackRow[]) => Promise<void>;

/** acks = -1 (all in-sync replicas): a catalog record must not vanish on a leader change. */
const ACKS_ALL = -1;

/**
 * Produces rows to the compacted catalog topic, key = track_id, value = Avro
 * `music.CatalogTrack`. Callers pass rows as stored in Postgres (genres merged), so the
 * latest value per key always carries every genre of the track.
 */
export function catalogPublisher(deps: {
  producer: CatalogProducer;
  registry: SchemaRegistry;
  topic: string;
}): PublishCatalog {
  return async (rows) => {
    if (rows.length === 0) return;
    const messages = rows.map((row) => ({ key: row.track_id, value: deps.registry.encode('music.CatalogTrack', row) }));
    await deps.producer.send({ topic: deps.topic, acks: ACKS_ALL, messages });
  };
}
