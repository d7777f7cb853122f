/**
 * Watches the reward topic from the bench process. The processor's outbox relay sends a
 * reward only after the chunk's Postgres transaction committed (and, normally, after its
 * Redis snapshots were written: a relay sweep already running for another partition can
 * pick the rows up a few ms before that). So the moment the bench receives an event's
 * reward, measured on the bench's clock, is an upper bound of when that event became
 * durable — a time the processor cannot fake.
 */
import type { Consumer } from 'kafkajs';
import type { RewardRecord } from '../../src/contracts/records.js';
import type { BenchEnv } from '../lib/bench-env.js';

export class RewardObserver {
  /** Milliseconds from occurred_at to receipt, for the events `measured` accepts. */
  readonly latencies: number[] = [];
  private consumer: Consumer | null = null;
  /** Rewards are at-least-once: a resent one must not count twice. */
  private readonly seen = new Set<string>();

  constructor(
    private readonly env: BenchEnv,
    private readonly measured: (eventId: string) => boolean,
  ) {}

  async start(): Promise<void> {
    const groupId = `${this.env.name}-rewards`;
    this.env.groups.add(groupId);
    this.consumer = this.env.kafka.consumer({ groupId, maxWaitTimeInMs: 20 });
    await this.consumer.connect();
    await this.consumer.subscribe({ topic: this.env.topic('rewards'), fromBeginning: true });
    await this.consumer.run({
      eachBatch: async ({ batch }) => {
        const received = Date.now();
        for (const m of batch.messages) {
          if (!m.value) continue;
          const r: RewardRecord = this.env.registry.decode(m.value, 'music.RewardRecord');
          if (!this.measured(r.event_id) || this.seen.has(r.event_id)) continue;
          this.seen.add(r.event_id);
          this.latencies.push(received - Number(r.occurred_at));
        }
      },
    });
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
  }
}
