/**
 * Polls processor_offsets (written in the same transaction as the events' rows) every
 * `intervalMs` from the bench process, keeping when each partition's next offset moved.
 * An event at (partition, offset) was committed by the first poll that saw next_offset
 * beyond it: a Postgres-committed time at most one interval late, on the bench's clock.
 */
import type { Pool } from 'pg';
import { sleep } from '../lib/stats.js';

interface Step {
  readonly at: number;
  readonly next: number;
}

export class CommitObserver {
  private readonly steps = new Map<number, Step[]>();
  private running = false;
  private loop: Promise<void> | null = null;

  constructor(
    private readonly pool: Pool,
    private readonly group: string,
    private readonly intervalMs = 10,
  ) {}

  start(): void {
    this.running = true;
    this.loop = this.poll();
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
  }

  /** Epoch ms of the first poll that saw (partition, offset) committed; null if none did. */
  committedAt(partition: number, offset: number): number | null {
    for (const s of this.steps.get(partition) ?? []) if (s.next > offset) return s.at;
    return null;
  }

  private async poll(): Promise<void> {
    while (this.running) {
      const { rows } = await this.pool.query<{ partition: number; next: string }>(
        'SELECT partition, next_offset AS next FROM processor_offsets WHERE consumer_group = $1',
        [this.group],
      );
      const at = Date.now();
      for (const r of rows) {
        const list = this.steps.get(r.partition) ?? [];
        const next = Number(r.next);
        if (list.length === 0 || list[list.length - 1].next !== next) list.push({ at, next });
        this.steps.set(r.partition, list);
      }
      await sleep(this.intervalMs);
    }
  }
}
