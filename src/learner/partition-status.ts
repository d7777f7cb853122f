/**
 * The learner's readiness as the consumer group sees it: joined, and every assigned
 * partition restored — its stored position loaded from Postgres, by the seek at
 * assignment or by the partition's first chunk. Until then the processor may still be
 * replaying or skipping records, and its users' snapshots can be behind.
 */
export interface PartitionStatusView {
  readonly joined: boolean;
  readonly assigned: number;
  readonly restoring: number;
  /** The consumer crashed and kafkajs will not restart it: only a process restart helps. */
  readonly crashed: boolean;
}

export class PartitionStatus {
  private readonly pending = new Set<string>();
  private assigned = 0;
  private joined = false;
  private crashed = false;

  /** After a (re)join: every partition of the new assignment starts restoring. */
  assign(assignment: Record<string, number[]>): void {
    this.pending.clear();
    this.assigned = 0;
    for (const [topic, partitions] of Object.entries(assignment)) {
      for (const partition of partitions) this.pending.add(keyOf(topic, partition));
      this.assigned += partitions.length;
    }
    this.joined = true;
  }

  /** A rebalance started: the assignment is about to change. */
  rebalancing(): void {
    this.joined = false;
  }

  restored(topic: string, partition: number): void {
    this.pending.delete(keyOf(topic, partition));
  }

  crash(restart: boolean): void {
    if (!restart) this.crashed = true;
  }

  view(): PartitionStatusView {
    return { joined: this.joined, assigned: this.assigned, restoring: this.pending.size, crashed: this.crashed };
  }
}

function keyOf(topic: string, partition: number): string {
  return `${topic}:${partition}`;
}
