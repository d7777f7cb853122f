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

/** Records per write at most. */
const MAX_RECORDS = 500;
/**
 * Bytes of values per produce request at most. All replies to one client go to one partition,
 * i.e. one record batch, which the broker refuses above message.max.bytes (1 MB by default);
 * a 50-track reply is ≈ 9 KB, a 100-track one ≈ 18 KB.
 */
const MAX_REQUEST_BYTES = 512 * 1024;

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
    for (const chunk of chunksOf(records)) {
      await producer.sendBatch({ topicMessages: byTopic(chunk) });
      chunk.forEach((r) => r.settle());
    }
  }
}

/** Consecutive runs of records whose values add up to at most MAX_REQUEST_BYTES (at least one record each). */
function chunksOf(records: readonly PendingRecord[]): PendingRecord[][] {
  const chunks: PendingRecord[][] = [];
  let current: PendingRecord[] = [];
  let bytes = 0;
  for (const record of records) {
    const size = valueBytes(record.message);
    if (current.length > 0 && bytes + size > MAX_REQUEST_BYTES) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
    current.push(record);
    bytes += size;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

function valueBytes({ value }: Message): number {
  if (value === null || value === undefined) return 0;
  return typeof value === 'string' ? Buffer.byteLength(value) : value.length;
}

function byTopic(records: readonly PendingRecord[]): TopicMessages[] {
  const messages = new Map<string, Message[]>();
  for (const { topic, message } of records) {
    const list = messages.get(topic);
    if (list) list.push(message);
    else messages.set(topic, [message]);
  }
  return [...messages].map(([topic, list]) => ({ topic, messages: list }));
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
