/**
 * Generated listening/feedback events, streamed (never all in memory): user `i mod U`
 * sends event i, so users are interleaved round-robin as a live stream would be. The
 * mix follows the specs' synthetic stream (60 % listening, 40 % feedback of every type,
 * contexts and recommendation ids on a share of them), seeded so every run sends the same.
 */
import type { Producer } from 'kafkajs';
import { createRng } from '../../src/domain/rng.js';
import { FEEDBACK_TYPES, LISTENING_CONTEXTS, type Track } from '../../src/domain/types.js';
import type { UserEvent } from '../../src/domain/user-state.js';
import type { SchemaRegistry } from '../../src/infra/avro/schema-registry.js';
import { toEventMessage } from '../../src/learner/event-encoder.js';

export interface EventStreamOptions {
  readonly users: number;
  readonly tracks: readonly Track[];
  /** Prefix of event ids, unique per run. */
  readonly tag: string;
  readonly seed?: string;
}

export const userIdOf = (u: number): string => `user-${u}`;

/** Makes event `i` with the given occurrence time; call with increasing i. */
export function eventMaker(o: EventStreamOptions): (i: number, occurredAt: number) => UserEvent {
  const rng = createRng(o.seed ?? o.tag);
  return (i, occurredAt) => {
    const track = o.tracks[rng.int(o.tracks.length)];
    const recommended = rng.next() < 0.2;
    const common = {
      eventId: `${o.tag}-${i}`,
      userId: userIdOf(i % o.users),
      trackId: track.trackId,
      occurredAt,
      context: rng.next() < 0.3 ? null : LISTENING_CONTEXTS[rng.int(LISTENING_CONTEXTS.length)],
      trackDurationMs: track.durationMs,
      recommendationId: recommended ? `rec-${i}` : null,
      recommendedAt: recommended ? occurredAt - rng.int(120_000) : null,
    };
    const msListened = rng.int(track.durationMs + 1);
    if (rng.next() < 0.6) return { ...common, kind: 'listening', msListened };
    const feedbackType = FEEDBACK_TYPES[rng.int(FEEDBACK_TYPES.length)];
    return { ...common, kind: 'feedback', feedbackType, msListened: rng.next() < 0.5 ? msListened : null };
  };
}

export interface ProduceStats {
  readonly events: number;
  readonly bytes: number;
  readonly seconds: number;
}

/**
 * Pre-fills the topic with `count` events, one send (acks=all) of `batch` records at a
 * time, in order, so each user's events keep their order. Event i of a user happens a
 * minute after its previous one.
 */
export async function prefill(o: {
  producer: Producer;
  registry: SchemaRegistry;
  topic: string;
  count: number;
  stream: EventStreamOptions;
  batch?: number;
}): Promise<ProduceStats> {
  const make = eventMaker(o.stream);
  const batch = o.batch ?? 10_000;
  const t0 = 1_700_000_000_000;
  const started = performance.now();
  let bytes = 0;
  for (let from = 0; from < o.count; from += batch) {
    const messages = [];
    for (let i = from; i < Math.min(o.count, from + batch); i++) {
      const m = toEventMessage(o.registry, make(i, t0 + Math.floor(i / o.stream.users) * 60_000));
      bytes += m.value.length;
      messages.push(m);
    }
    await o.producer.send({ topic: o.topic, acks: -1, messages });
  }
  return { events: o.count, bytes, seconds: (performance.now() - started) / 1000 };
}

/** Sends already-built events in order (e.g. the Last.fm replay), `batch` per send. */
export async function produceEvents(o: {
  producer: Producer;
  registry: SchemaRegistry;
  topic: string;
  events: Iterable<UserEvent>;
  batch?: number;
}): Promise<ProduceStats> {
  const started = performance.now();
  let bytes = 0;
  let count = 0;
  let messages: Array<{ key: string; value: Buffer }> = [];
  const flush = async (): Promise<void> => {
    if (messages.length) await o.producer.send({ topic: o.topic, acks: -1, messages });
    messages = [];
  };
  for (const e of o.events) {
    const m = toEventMessage(o.registry, e);
    bytes += m.value.length;
    count++;
    messages.push(m);
    if (messages.length >= (o.batch ?? 10_000)) await flush();
  }
  await flush();
  return { events: count, bytes, seconds: (performance.now() - started) / 1000 };
}
