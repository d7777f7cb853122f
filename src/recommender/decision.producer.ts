/** Publishes the decision log: one Avro music.Decision per answered request, keyed by user. */
import type { Producer } from 'kafkajs';
import type { Decision } from '../contracts/records.js';
import type { SchemaRegistry } from '../infra/avro/schema-registry.js';

export interface DecisionLog {
  /** All in one produce request (the producer splits it by partition). */
  publishMany(decisions: readonly Decision[]): Promise<void>;
}

export class DecisionProducer implements DecisionLog {
  constructor(
    private readonly producer: Producer,
    private readonly registry: SchemaRegistry,
    private readonly topic: string,
  ) {}

  async publishMany(decisions: readonly Decision[]): Promise<void> {
    if (decisions.length === 0) return;
    await this.producer.send({
      topic: this.topic,
      acks: -1,
      messages: decisions.map((d) => ({ key: d.user_id, value: this.registry.encode('music.Decision', d) })),
    });
  }
}
