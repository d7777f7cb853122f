/**
 * Consumer lag per partition = the topic's end offset − the group's committed offset,
 * read with the admin API. Kafka's committed offset trails Postgres (the processor's
 * authority) by at most one batch, so this slightly over-states lag, never hides it.
 * A partition the group has not committed yet counts everything retained (end − start).
 */
import type { Admin } from 'kafkajs';

export interface PartitionLag {
  readonly topic: string;
  readonly partition: number;
  readonly lag: number;
}

export class ConsumerLagSampler {
  private latest: readonly PartitionLag[] = [];

  constructor(private readonly o: { admin: () => Promise<Admin>; groupId: string; topic: string }) {}

  get lags(): readonly PartitionLag[] {
    return this.latest;
  }

  async sample(): Promise<void> {
    const { groupId, topic } = this.o;
    try {
      const admin = await this.o.admin();
      const [ends, committed] = await Promise.all([
        admin.fetchTopicOffsets(topic),
        admin.fetchOffsets({ groupId, topics: [topic] }),
      ]);
      const byPartition = new Map((committed[0]?.partitions ?? []).map((p) => [p.partition, Number(p.offset)]));
      this.latest = ends.map((end) => {
        const done = byPartition.get(end.partition) ?? -1;
        const from = done >= 0 ? done : Number(end.low);
        return { topic, partition: end.partition, lag: Math.max(0, Number(end.high) - from) };
      });
    } catch (error) {
      this.latest = [];
      throw error;
    }
  }
}
