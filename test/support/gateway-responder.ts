/**
 * A stand-in for the recommender that speaks exactly what Nest's ServerKafka writes for a
 * `@MessagePattern` handler returning one value: the Avro reply to `kafka_replyTopic`,
 * partition `kafka_replyPartition`, with the `kafka_correlationId` header echoed and
 * `kafka_nest-is-disposed` set.
 */
import type { Consumer, IHeaders, Producer } from 'kafkajs';
import type { RecommendationReply, RecommendationRequest } from '../../src/contracts/records.js';
import { createProducer } from '../../src/infra/kafka/kafka-client.js';
import type { GatewayEnv } from './gateway-env.js';
import { uniqueName } from './wait-for.js';

export interface ReceivedRequest {
  readonly key: string | null;
  readonly partition: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly request: RecommendationRequest;
}

/** What to answer, possibly later; `null` answers nothing (the gateway must time out). */
export type Behaviour = (
  request: RecommendationRequest,
) => RecommendationReply | null | Promise<RecommendationReply | null>;

export interface FakeResponder {
  readonly received: ReceivedRequest[];
  stop(): Promise<void>;
}

export async function startFakeResponder(env: GatewayEnv, behaviour: Behaviour = okReply): Promise<FakeResponder> {
  const consumer: Consumer = env.kafka.consumer({ groupId: uniqueName('fake-recommender'), maxWaitTimeInMs: 50 });
  const producer: Producer = createProducer(env.kafka, { idempotent: false });
  await Promise.all([consumer.connect(), producer.connect()]);
  const received: ReceivedRequest[] = [];
  // From the beginning: a request sent before this group is assigned is still answered.
  await consumer.subscribe({ topic: env.topic('recommendationRequests'), fromBeginning: true });
  await consumer.run({
    partitionsConsumedConcurrently: 4,
    eachMessage: async ({ message, partition }) => {
      const headers = textHeaders(message.headers);
      const request = env.registry.decode(message.value as Buffer, 'music.RecommendationRequest');
      received.push({ key: message.key?.toString() ?? null, partition, headers, request });
      const reply = await behaviour(request);
      if (reply === null) return;
      await producer.send({
        topic: headers.kafka_replyTopic,
        messages: [
          {
            key: request.user_id,
            partition: Number(headers.kafka_replyPartition),
            value: env.registry.encode('music.RecommendationReply', reply),
            headers: { kafka_correlationId: headers.kafka_correlationId, 'kafka_nest-is-disposed': Buffer.alloc(1) },
          },
        ],
      });
    },
  });
  return {
    received,
    async stop() {
      await consumer.disconnect();
      await producer.disconnect();
    },
  };
}

function textHeaders(headers: IHeaders | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers ?? {})) if (v !== undefined) out[k] = String(v);
  return out;
}

/** An OK reply with min(max_results, 3) tracks whose ids name the request, so a mix-up shows. */
export function okReply(request: RecommendationRequest): RecommendationReply {
  const count = Math.min(request.max_results, 3);
  return {
    ...replyBase(request, 'OK'),
    tracks: Array.from({ length: count }, (_, i) => ({
      track_id: `${request.request_id}-t${i + 1}`,
      name: `Track ${i + 1}`,
      artists: ['Artist A', 'Artist B'],
      genres: ['indie-pop'],
      rank: i + 1,
      scores: {
        history_similarity: 0.5,
        personality_match: 0.25,
        diversity: 0.125,
        novelty: 0.75,
        rl_adjustment: -0.0625,
        final: 0.4375,
      },
      reason: 'Because you like indie-pop',
      exploration: i === 2,
      selection_probability: i === 2 ? 0.05 : 0.95,
    })),
  };
}

export function replyBase(
  request: RecommendationRequest,
  status: RecommendationReply['status'],
  extra: Partial<RecommendationReply> = {},
): RecommendationReply {
  return {
    request_id: request.request_id,
    user_id: request.user_id,
    status,
    error: null,
    retry_after_ms: null,
    tracks: [],
    cold_start_stage: 'warm',
    response_time_ms: 3.5,
    from_cache: false,
    total_candidates: 120,
    model_version: 'v7',
    generated_at: 1_767_225_600_000,
    ...extra,
  };
}
