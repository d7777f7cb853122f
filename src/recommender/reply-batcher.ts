/**
 * Replies produced in batches: every reply handed over while a produce request is being
 * built or is in flight goes out in the next one (one produce request for many replies,
 * split by kafkajs per partition). Each caller's promise settles with its batch, so Nest
 * still logs a reply that could not be sent.
 */
import type { Message, Producer, TopicMessages } from 'kafkajs';
import { WriteBehind } from './write-behind.js';

interface PendingReply {
  readonly topic: string;
  readonly message: Message;
  settle(error?: unknown): void;
}

/** Replies per produce request at most (a 50-track reply is ≈ 3 KB). */
const MAX_REPLIES = 500;

export class ReplyBatcher {
  private readonly queue = new WriteBehind<PendingReply>({
    maxItems: MAX_REPLIES,
    // The next turn of the event loop: replies finished in the same turn share a request.
    maxDelayMs: 0,
    write: (replies) => this.write(replies),
    onError: (error, replies) => replies.forEach((r) => r.settle(error)),
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

  private async write(replies: readonly PendingReply[]): Promise<void> {
    const producer = this.producer();
    if (!producer) throw new Error('reply producer is closed');
    const byTopic = new Map<string, Message[]>();
    for (const { topic, message } of replies) {
      const messages = byTopic.get(topic);
      if (messages) messages.push(message);
      else byTopic.set(topic, [message]);
    }
    const topicMessages: TopicMessages[] = [...byTopic].map(([topic, messages]) => ({ topic, messages }));
    await producer.sendBatch({ topicMessages });
    replies.forEach((r) => r.settle());
  }
}
