/**
 * Relays the transactional reward outbox to the reward topic. A row holds one chunk's
 * reward records and is written in the same transaction as the state they describe; this
 * publishes the records and marks the row published. A crash between publish and mark republishes them: the reward stream is
 * at-least-once and every duplicate carries the same event_id.
 */
import type { Producer } from 'kafkajs';
import { lockUnpublished, markPublished, type PendingOutboxChunk } from '../infra/postgres/event-log.repository.js';
import { withTransaction } from '../infra/postgres/pool.js';
import type { Pool } from 'pg';
import type { Logger } from '../infra/logging/logger.js';

/** Reward records per produce request (~150 B each). */
const SEND_SLICE = 2000;

export class RewardRelay {
  private running: Promise<number> | null = null;
  published = 0;

  constructor(
    private readonly deps: { pool: Pool; producer: Producer; topic: string; log: Logger; pageSize?: number },
  ) {}

  /** Publishes every unpublished reward; concurrent calls share one sweep. Returns rewards published. */
  sweep(): Promise<number> {
    if (!this.running) {
      this.running = this.sweepAll().finally(() => {
        this.running = null;
      });
    }
    return this.running;
  }

  private async sweepAll(): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await withTransaction(this.deps.pool, async (tx) => {
        const chunks = await lockUnpublished(tx, this.deps.pageSize ?? 8);
        if (chunks.length === 0) return 0;
        const rewards = await this.publish(chunks);
        await markPublished(
          tx,
          chunks.map((c) => c.id),
        );
        return rewards;
      });
      total += n;
      this.published += n;
      if (n === 0) return total;
    }
  }

  private async publish(chunks: readonly PendingOutboxChunk[]): Promise<number> {
    const messages = chunks.flatMap((c) =>
      c.rows.map((r) => ({ key: r.userId, value: r.payload, headers: { event_id: r.eventId } })),
    );
    // A chunk holds up to 5,000 rewards: send in slices so no partition's record batch
    // nears the broker's message size limit (1 MB by default).
    for (let i = 0; i < messages.length; i += SEND_SLICE) {
      await this.deps.producer.send({ topic: this.deps.topic, acks: -1, messages: messages.slice(i, i + SEND_SLICE) });
    }
    return messages.length;
  }
}
