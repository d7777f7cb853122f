import { ConfigResourceTypes } from 'kafkajs';
import { uniqueName } from '../../../test/support/wait-for.js';
import { createKafka } from './kafka-client.js';
import { ensureTopics } from './topic-bootstrap.js';
import { TOPICS, topicName, type TopicId } from './topics.js';

describe('topic bootstrap on the real broker', () => {
  const prefix = `${uniqueName('topics')}.`;
  const kafka = createKafka({ brokers: ['127.0.0.1:9092'], clientId: prefix, level: 'error' });
  const admin = kafka.admin();
  const ids = Object.keys(TOPICS) as TopicId[];

  beforeAll(() => admin.connect());
  afterAll(async () => {
    await admin.deleteTopics({ topics: ids.map((id) => topicName(id, { prefix })) });
    await admin.disconnect();
  });

  it('creates every topic once, then nothing', async () => {
    const first = await ensureTopics(admin, { prefix, eventPartitions: 3 });
    expect(first.sort()).toEqual(ids.map((id) => topicName(id, { prefix })).sort());
    expect(await ensureTopics(admin, { prefix, eventPartitions: 3 })).toEqual([]);
  });

  it('gives each topic its partitions and cleanup policy', async () => {
    const metadata = await admin.fetchTopicMetadata({ topics: ids.map((id) => topicName(id, { prefix })) });
    const partitions = Object.fromEntries(
      metadata.topics.map((t) => [t.name.slice(prefix.length), t.partitions.length]),
    );
    expect(partitions).toEqual({
      'music.user-events.v1': 3,
      'music.rewards.v1': 3,
      'music.recommendation-requests.v1': 3,
      'music.recommendation-requests.v1.reply': 3,
      'music.decisions.v1': 3,
      'music.personality-profiles.v1': 3,
      'music.catalog-tracks.v1': 3,
      'music.dead-letters.v1': 1,
    });
    const { resources } = await admin.describeConfigs({
      includeSynonyms: false,
      resources: ids.map((id) => ({
        type: ConfigResourceTypes.TOPIC,
        name: topicName(id, { prefix }),
        configNames: ['cleanup.policy'],
      })),
    });
    const policy = Object.fromEntries(
      resources.map((r) => [r.resourceName.slice(prefix.length), r.configEntries[0].configValue]),
    );
    expect(policy['music.catalog-tracks.v1']).toBe('compact');
    expect(policy['music.personality-profiles.v1']).toBe('compact');
    expect(policy['music.user-events.v1']).toBe('delete');
  });
});
