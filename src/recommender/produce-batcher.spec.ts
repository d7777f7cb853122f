import type { Producer, ProducerBatch } from 'kafkajs';
import { ProduceBatcher, withBatchedSends } from './produce-batcher.js';

/** A producer that records its produce requests (topic → value sizes) and can be told to fail. */
function fakeProducer(fail = false) {
  const requests: Array<Record<string, number[]>> = [];
  let disconnected = false;
  const producer = {
    async sendBatch(batch: ProducerBatch) {
      requests.push(
        Object.fromEntries((batch.topicMessages ?? []).map((t) => [t.topic, t.messages.map((m) => m.value!.length)])),
      );
      if (fail) throw new Error('broker down');
      return [];
    },
    async disconnect() {
      disconnected = true;
    },
  } as unknown as Producer;
  return { producer, requests, disconnected: () => disconnected };
}

const bytes = (n: number) => ({ value: Buffer.alloc(n) });

describe('ProduceBatcher', () => {
  it('sends the records of one turn in one produce request, grouped by topic', async () => {
    const fake = fakeProducer();
    const batcher = new ProduceBatcher(() => fake.producer);
    await Promise.all([batcher.send('a', bytes(1)), batcher.send('b', bytes(2)), batcher.send('a', bytes(3))]);
    expect(fake.requests).toEqual([{ a: [1, 3], b: [2] }]);
  });

  it('splits a turn into produce requests of at most 512 KB of values', async () => {
    const fake = fakeProducer();
    const batcher = new ProduceBatcher(() => fake.producer);
    const kb = 1024;
    await Promise.all([200, 200, 200, 600, 1].map((k) => batcher.send('r', bytes(k * kb))));
    expect(fake.requests).toEqual([{ r: [200 * kb, 200 * kb] }, { r: [200 * kb] }, { r: [600 * kb] }, { r: [kb] }]);
  });

  it('rejects every sender of a failed request', async () => {
    const fake = fakeProducer(true);
    const batcher = new ProduceBatcher(() => fake.producer);
    const sends = [batcher.send('a', bytes(1)), batcher.send('a', bytes(1))];
    await expect(Promise.allSettled(sends)).resolves.toEqual([
      { status: 'rejected', reason: new Error('broker down') },
      { status: 'rejected', reason: new Error('broker down') },
    ]);
  });

  it('rejects when the producer is gone', async () => {
    await expect(new ProduceBatcher(() => null).send('a', bytes(1))).rejects.toThrow('the producer is closed');
  });
});

describe('withBatchedSends', () => {
  it('batches send() calls of one turn and sends what is queued before disconnecting', async () => {
    const fake = fakeProducer();
    const producer = withBatchedSends(fake.producer);
    const sent = [1, 2].map((n) => producer.send({ topic: 't', messages: [bytes(n)] }));
    const late = producer.send({ topic: 't', messages: [bytes(3)] });
    await producer.disconnect();
    await Promise.all([...sent, late]);
    expect(fake.requests).toEqual([{ t: [1, 2, 3] }]);
    expect(fake.disconnected()).toBe(true);
  });
});
