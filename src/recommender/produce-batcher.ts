/**
 * Records produced in batches: every record handed over while a produce request is being
 * built or is in flight goes out in the next one (one produce request for many records,
 * split by kafkajs per partition). Each caller's promise settles with its batch, so a
 * failure still reaches whoever sent the record. The recommender's replies and the
 * gateway's requests go through one; per-record sends would cost a produce request each.
 */
import type { Message, Producer, ProducerRecord, RecordMetadata, TopicMessages } from 'kafkajs';
import { WriteBehind } from './write-behind.js';

interface PendingRecord {
  readonly topic: string;
  readonly message: Message;
  settle(error?: unknown): void;
}

/** Records per produce request at most (a 50-track reply is ≈ 3 KB). */
const MAX_RECORDS = 500;

export class ProduceBatcher {
  private readonly queue = new WriteBehind<PendingRecord>({
    maxItems: MAX_RECORDS,
    // The next turn of the event loop: records sent in the same turn share a request.
    maxDelayMs: 0,
    write: (records) => this.write(records),
    onError: (error, records) => records.forEach((r) => r.settle(error)),
  });

  constructor(private readonly producer: () => Producer | null) {}

  send(topic: string, message: Message): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.add({ topic, message, settle: (error) => (error === undefined ? resolve() : reject(error)) });
    });
  }

  /** Sends what is queued; call before disconnecting the producer. */
  flush(): Promise<void> {
    return this.queue.flush();
  }

  private async write(records: readonly PendingRecord[]): Promise<void> {
    const producer = this.producer();
    if (!producer) throw new Error('the producer is closed');
    const byTopic = new Map<string, Message[]>();
    for (const { topic, message } of records) {
      const messages = byTopic.get(topic);
      if (messages) messages.push(message);
      else byTopic.set(topic, [message]);
    }
    const topicMessages: TopicMessages[] = [...byTopic].map(([topic, messages]) => ({ topic, messages }));
    await producer.sendBatch({ topicMessages });
    records.forEach((r) => r.settle());
  }
}

/**
 * The producer with `send` going through a ProduceBatcher (for clients such as Nest's
 * ClientKafka that send one record per call). Per-send options (acks, timeout,
 * compression) are the producer's defaults; the resolved metadata is empty.
 * `disconnect` sends what is queued first.
 */
export function withBatchedSends(producer: Producer): Producer {
  const batcher = new ProduceBatcher(() => producer);
  return {
    ...producer,
    async send(record: ProducerRecord): Promise<RecordMetadata[]> {
      await Promise.all(record.messages.map((m) => batcher.send(record.topic, m)));
      return [];
    },
    async disconnect(): Promise<void> {
      await batcher.flush();
      await producer.disconnect();
    },
  };
}
