/**
 * An open-loop producer: offers `rate` events/s for `seconds`, whatever the processor
 * does. Every 5 ms it sends the events that are due (one send, acks=all), each stamped
 * with the wall clock just before encoding: that occurred_at is the produce timestamp
 * latency is measured from. If a send is slow the next one carries the backlog, so the
 * offered rate holds on average (the achieved rate is reported).
 */
import type { Producer } from 'kafkajs';
import type { UserEvent } from '../../src/domain/user-state.js';
import type { SchemaRegistry } from '../../src/infra/avro/schema-registry.js';
import { toEventMessage } from '../../src/learner/event-encoder.js';
import { sleep } from '../lib/stats.js';

export interface PacedRun {
  readonly sent: number;
  readonly seconds: number;
  /** Mean time from stamping a send's events to the broker's acknowledgement. */
  readonly meanAckMs: number;
}

export async function producePaced(o: {
  producer: Producer;
  registry: SchemaRegistry;
  topic: string;
  rate: number;
  seconds: number;
  /** Index of the first event (continues a user round-robin across calls). */
  first: number;
  make: (i: number, occurredAt: number) => UserEvent;
}): Promise<PacedRun> {
  const started = performance.now();
  const total = Math.round(o.rate * o.seconds);
  let sent = 0;
  let ackMs = 0;
  let sends = 0;
  while (sent < total) {
    const due = Math.min(total, Math.floor(((performance.now() - started) / 1000) * o.rate));
    if (due > sent) {
      const stamp = Date.now();
      const messages = [];
      for (let i = sent; i < due; i++) messages.push(toEventMessage(o.registry, o.make(o.first + i, stamp)));
      await o.producer.send({ topic: o.topic, acks: -1, messages });
      ackMs += Date.now() - stamp;
      sends++;
      sent = due;
    }
    await sleep(5);
  }
  return { sent, seconds: (performance.now() - started) / 1000, meanAckMs: sends ? ackMs / sends : 0 };
}
