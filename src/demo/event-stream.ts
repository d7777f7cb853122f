/** Produces the planned plays to the user-events topic, keyed by user, in stream order. */
import type { Producer } from 'kafkajs';
import type { SchemaRegistry } from '../infra/avro/schema-registry.js';
import { eventsOfPlay } from '../lastfm/play-events.js';
import type { PlannedPlay } from '../lastfm/user-timeline.js';
import { toEventMessage } from '../learner/event-encoder.js';

export interface StreamCounters {
  plays: number;
  /** Records produced: one listening event per play, plus derived feedback. */
  events: number;
  repeats: number;
}

export interface StreamTarget {
  readonly producer: Producer;
  readonly registry: SchemaRegistry;
  readonly topic: string;
  /** Events per second; 0 or absent = as fast as the broker takes them. */
  readonly rate?: number;
}

/** Unpaced sends are large for throughput; paced ones are a tenth of a second's worth, for a smooth rate. */
const UNPACED_BATCH = 2000;

export async function producePlays(
  plays: Iterable<PlannedPlay>,
  t: StreamTarget,
  counters: StreamCounters,
): Promise<void> {
  const rate = t.rate ?? 0;
  const size = rate > 0 ? Math.max(1, Math.min(UNPACED_BATCH, Math.round(rate / 10))) : UNPACED_BATCH;
  const started = Date.now();
  let batch: Array<{ key: string; value: Buffer }> = [];
  let pending = { plays: 0, repeats: 0 };
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    // One send in flight at a time: the idempotent producer then keeps each user's order.
    await t.producer.send({ topic: t.topic, acks: -1, messages: batch });
    // Counted once acknowledged, so "produced" never runs ahead of the broker.
    counters.events += batch.length;
    counters.plays += pending.plays;
    counters.repeats += pending.repeats;
    batch = [];
    pending = { plays: 0, repeats: 0 };
    if (rate > 0) await sleepUntil(started + (1000 * counters.events) / rate);
  };
  for (const play of plays) {
    const events = eventsOfPlay(play);
    for (const e of events) batch.push(toEventMessage(t.registry, e));
    pending.plays += 1;
    pending.repeats += events.length - 1;
    if (batch.length >= size) await flush();
  }
  await flush();
}

async function sleepUntil(at: number): Promise<void> {
  const wait = at - Date.now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
}
