/**
 * Relays the transactional reward outbox to the reward topic. Rows are written in the
 * same transaction as the state they describe; this publishes them and marks them
 * published. A crash between publish and mark republishes them: the reward stream is
 * at-least-once and every duplicate carries the same event_id.
 */
import type { Producer } from 'kafkajs';
import { lockUnpublished, markPublished, type PendingOutboxRow } from '../infra/postgres/event-log.repository.js';
import { withTransaction } from '../infra/postgres/pool.js';
import type { Pool } from 'pg';
import type { Logger } from '../infra/logging/logger.js';

export class RewardRelay {
  private running: Promise<number> | null = null;
  published = 0;

  constructor(
    private readonly deps: { pool: Pool; producer: Producer; topic: string; log: Logger; pageSize?: number },
  ) {}

  /** Publishes every unpublished row; concurrent calls share one sweep. Returns rows published. */
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
        const rows = await lockUnpublished(tx, this.deps.pageSize ?? 2000);
        if (rows.length === 0) return 0;
        await this.publish(rows);
        await markPublished(
          tx,
          rows.map((r) => r.id),
        );
        return rows.length;
      });
      total += n;
      this.published += n;
      if (n === 0) return total;
    }
  }

  private async publish(rows: readonly PendingOutboxRow[]): Promise<void> {
    await this.deps.producer.send({
      topic: this.deps.topic,
      acks: -1,
      messages: rows.map((r) => ({ key: r.userId, value: r.payload, headers: { event_id: r.eventId } })),
    });
  }
}
