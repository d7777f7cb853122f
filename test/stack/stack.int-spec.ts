// The broker `npm run stack:up` leaves behind is a real Kafka: a fresh topic
// takes one message and gives it back to a fresh consumer group.
import { Kafka, logLevel, Partitioners } from 'kafkajs';
import { kafkaBrokers } from '../../scripts/stack/constants.mjs';
import { uniqueName, waitFor } from '../support/wait-for.js';

interface Received {
  key: string | undefined;
  value: string | undefined;
}

describe('local stack Kafka broker', () => {
  const prefix = uniqueName('stack_it');
  const topic = `${prefix}.roundtrip`;
  const groupId = `${prefix}.group`;
  const kafka = new Kafka({ clientId: prefix, brokers: kafkaBrokers(process.env), logLevel: logLevel.WARN });
  const admin = kafka.admin();
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
  // A short fetch wait lets disconnect() return at once instead of after the 5 s default.
  const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 100 });

  beforeAll(async () => {
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: 1, replicationFactor: 1 }], waitForLeaders: true });
  });

  afterAll(async () => {
    await consumer.disconnect();
    await producer.disconnect();
    await admin.deleteGroups([groupId]);
    await admin.deleteTopics({ topics: [topic] });
    await admin.disconnect();
  });

  it('creates a topic, produces and consumes one message', async () => {
    expect(await admin.listTopics()).toContain(topic);
    await producer.connect();
    await producer.send({ topic, messages: [{ key: 'user-1', value: 'hello stack' }] });
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    const received: Received[] = [];
    await consumer.run({
      eachMessage: async ({ message }) => {
        received.push({ key: message.key?.toString(), value: message.value?.toString() });
      },
    });

    await waitFor(() => received.length > 0, { timeoutMs: 20_000, what: `a message on ${topic}` });
    expect(received).toEqual([{ key: 'user-1', value: 'hello stack' }]);
  }, 60000);
});
