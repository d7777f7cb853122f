/**
 * Bytes in, bytes out for one Kafka request: Avro-decode the request, ask the use case,
 * Avro-encode the reply. Undecodable input still gets a BAD_REQUEST reply, so the
 * caller is told at once instead of waiting for its timeout.
 */
import type { RecommendationReply, RecommendationRequest } from '../contracts/records.js';
import type { SchemaRegistry } from '../infra/avro/schema-registry.js';
import type { Logger } from '../infra/logging/logger.js';
import { statusReply } from './recommendation-reply.js';

export interface Recommender {
  recommend(request: RecommendationRequest, now: number): Promise<RecommendationReply>;
}

export interface IncomingRequest {
  readonly value: unknown;
  /** Record key as Nest's parser left it (a string for our producers: the user id). */
  readonly key: unknown;
  readonly now: number;
}

/** Decoded request, or the reason it cannot be read. */
export function decodeRequest(
  registry: SchemaRegistry,
  value: unknown,
): { request: RecommendationRequest } | { problem: string } {
  if (!Buffer.isBuffer(value) || value.length === 0) {
    return { problem: 'request value must be an Avro single-object encoded music.RecommendationRequest, got no bytes' };
  }
  try {
    return { request: registry.decode(value, 'music.RecommendationRequest') };
  } catch (error) {
    return { problem: `undecodable music.RecommendationRequest: ${(error as Error).message}` };
  }
}

export async function answerBytes(
  deps: { registry: SchemaRegistry; recommender: Recommender; log: Logger },
  incoming: IncomingRequest,
): Promise<{ reply: RecommendationReply; bytes: Buffer }> {
  const decoded = decodeRequest(deps.registry, incoming.value);
  const reply =
    'request' in decoded
      ? await deps.recommender.recommend(decoded.request, incoming.now)
      : statusReply({ request_id: '', user_id: typeof incoming.key === 'string' ? incoming.key : '' }, 'BAD_REQUEST', {
          error: decoded.problem,
          now: incoming.now,
        });
  return { reply, bytes: encodeReply(deps, reply, incoming.now) };
}

/** A reply the schema rejects is a bug here; the caller still gets an ERROR reply saying so. */
function encodeReply(deps: { registry: SchemaRegistry; log: Logger }, reply: RecommendationReply, now: number): Buffer {
  try {
    return deps.registry.encode('music.RecommendationReply', reply);
  } catch (error) {
    deps.log.error({ userId: reply.user_id, requestId: reply.request_id, err: error }, 'reply does not encode');
    const fallback = statusReply(reply, 'ERROR', { error: 'internal error: reply could not be encoded', now });
    return deps.registry.encode('music.RecommendationReply', fallback);
  }
}
