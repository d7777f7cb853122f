import type { Admin, ITopicConfig } from 'kafkajs';
import { TOPICS, partitionsOf, topicName, type TopicId, type TopicNaming } from './topics.js';

/** Kafka's error for a topic that already exists (racing creators). */
const TOPIC_ALREADY_EXISTS = 36;

export function topicConfigs(
  naming: TopicNaming,
  ids: readonly TopicId[] = Object.keys(TOPICS) as TopicId[],
): ITopicConfig[] {
  return ids.map((id) => {
    const spec = TOPICS[id];
    const configEntries: Array<{ name: string; value: string }> = [
      { name: 'cleanup.policy', value: spec.cleanupPolicy },
    ];
    if ('retentionMs' in spec) configEntries.push({ name: 'retention.ms', value: String(spec.retentionMs) });
    return {
      topic: topicName(id, naming),
      numPartitions: partitionsOf(id, naming),
      replicationFactor: 1,
      configEntries,
    };
  });
}

/**
 * Creates every missing topic; existing ones are left as they are (idempotent, safe
 * to run from several processes at start-up). Returns the names it created.
 */
export async function ensureTopics(admin: Admin, naming: TopicNaming, ids?: readonly TopicId[]): Promise<string[]> {
  const wanted = topicConfigs(naming, ids);
  const existing = new Set(await admin.listTopics());
  const missing = wanted.filter((t) => !existing.has(t.topic));
  if (missing.length === 0) return [];
  try {
    await admin.createTopics({ topics: missing, waitForLeaders: true });
  } catch (error) {
    if (!isAlreadyExists(error)) throw error;
  }
  return missing.map((t) => t.topic);
}

function isAlreadyExists(error: unknown): boolean {
  const e = error as { type?: string; code?: number; errors?: Array<{ code?: number; type?: string }> };
  const all = [e, ...(e.errors ?? [])];
  return all.every((x) => x.code === TOPIC_ALREADY_EXISTS || x.type === 'TOPIC_ALREADY_EXISTS');
}
