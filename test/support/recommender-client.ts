/**
 * A requester that talks to the recommender exactly as the gateway does: the gateway's
 * ClientKafka (kafka_correlationId / kafka_replyTopic / kafka_replyPartition headers,
 * replies on `<request topic>.reply`, requests of one turn in one produce request), with
 * binary values kept intact.
 */
import { lastValueFrom, timeout } from 'rxjs';
import type { RecommendationReply, RecommendationRequest } from '../../src/contracts/records.js';
import { RecommendationKafkaClient } from '../../src/gateway/kafka/recommendation-kafka.client.js';
import { createKafka } from '../../src/infra/kafka/kafka-client.js';
import { BROKERS, type EventPathEnv } from './event-path.js';
import { uniqueName, waitFor } from './wait-for.js';

export interface Requester {
  /** Sends one request (defaults: 20 results, no refresh, a fresh request id) and decodes the reply. */
  request(
    request: Partial<RecommendationRequest> & { user_id: string },
    timeoutMs?: number,
  ): Promise<RecommendationReply>;
  /** Sends raw bytes as the request value; resolves with the raw reply bytes. */
  send(key: string, value: Buffer, timeoutMs?: number): Promise<Buffer>;
  close(): Promise<void>;
}

let counter = 0;

export async function createRequester(env: EventPathEnv): Promise<Requester> {
  const topic = env.topic('recommendationRequests');
  const name = uniqueName('gateway');
  const kafka = createKafka({ brokers: BROKERS, clientId: name, level: 'error' });
  const client = new RecommendationKafkaClient(kafka, `${topic}.reply`, {
    postfixId: '',
    consumer: { groupId: name },
    // A reply consumer's offsets are never read (a new group starts at the log end): no commit per batch.
    run: { autoCommit: false },
    parser: { keepBinary: true },
  });
  client.subscribeToResponseOf(topic);
  await client.connect();
  const send = async (key: string, value: Buffer, timeoutMs = 15_000): Promise<Buffer> =>
    Buffer.from(await lastValueFrom(client.send<Buffer>(topic, { key, value }).pipe(timeout(timeoutMs))));
  return {
    send,
    async request(partial, timeoutMs) {
      const request = fullRequest(partial);
      const bytes = await send(request.user_id, env.registry.encode('music.RecommendationRequest', request), timeoutMs);
      return env.registry.decode(bytes, 'music.RecommendationReply');
    },
    close: () => client.close(),
  };
}

export function fullRequest(partial: Partial<RecommendationRequest> & { user_id: string }): RecommendationRequest {
  return {
    request_id: `req-${Date.now().toString(36)}-${++counter}`,
    max_results: 20,
    force_refresh: false,
    requested_at: Date.now(),
    context: null,
    ...partial,
  };
}

/**
 * Polls with a probe user until the recommender answers: a new consumer group starts at
 * the log end once it has joined, so requests sent before that are never seen.
 */
export async function waitUntilServing(requester: Requester, timeoutMs = 60_000): Promise<void> {
  await waitFor(
    () => requester.request({ user_id: 'probe-user', max_results: 1 }, 2000).then((r) => r.status === 'OK'),
    { timeoutMs, intervalMs: 100, what: 'the recommender to answer' },
  );
}
