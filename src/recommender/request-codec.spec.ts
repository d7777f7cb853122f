import type { RecommendationReply, RecommendationRequest } from '../contracts/records.js';
import { SchemaRegistry } from '../infra/avro/schema-registry.js';
import { createLogger } from '../infra/logging/logger.js';
import { statusReply } from './recommendation-reply.js';
import { answerBytes, decodeRequest, type Recommender } from './request-codec.js';

const registry = SchemaRegistry.load();
const log = createLogger({ level: 'fatal', name: 'spec' });
const request: RecommendationRequest = {
  request_id: 'r1',
  user_id: 'u1',
  max_results: 5,
  force_refresh: true,
  requested_at: 1,
  context: 'focus',
};

/** Answers with a fixed reply and remembers what it was asked. */
function recorder(reply: (r: RecommendationRequest) => RecommendationReply) {
  const calls: Array<[RecommendationRequest, number]> = [];
  const recommender: Recommender = {
    recommend: async (r, now) => {
      calls.push([r, now]);
      return reply(r);
    },
  };
  return { recommender, calls };
}

describe('request codec', () => {
  it('decodes a request and encodes the use case reply', async () => {
    const ok = (r: RecommendationRequest) => ({
      ...statusReply(r, 'ERROR', { error: 'x', now: 2 }),
      status: 'OK' as const,
      error: null,
    });
    const { recommender, calls } = recorder(ok);
    const bytes = registry.encode('music.RecommendationRequest', request);
    const { reply, bytes: out } = await answerBytes(
      { registry, recommender, log },
      { value: bytes, key: 'u1', now: 42 },
    );
    expect(calls).toEqual([[request, 42]]);
    expect(registry.decode(out, 'music.RecommendationReply')).toEqual(reply);
    expect(reply.status).toBe('OK');
  });

  it.each([
    ['garbage', Buffer.from('hello'), /^undecodable music\.RecommendationRequest: /],
    ['empty value', Buffer.alloc(0), /got no bytes$/],
    ['null value (tombstone)', null, /got no bytes$/],
    [
      'another record',
      registry.encode('music.Decision', {
        request_id: 'r',
        user_id: 'u',
        decided_at: 1,
        candidates_considered: 0,
        epsilon: 0,
        cold_start_stage: '',
        model_version: '',
        chosen: [],
      }),
      /^undecodable music\.RecommendationRequest: /,
    ],
  ])('%s → BAD_REQUEST without asking the use case', async (_name, value, error) => {
    const { recommender, calls } = recorder(() => {
      throw new Error('must not be called');
    });
    const { bytes } = await answerBytes({ registry, recommender, log }, { value, key: 'u9', now: 42 });
    const reply = registry.decode(bytes, 'music.RecommendationReply');
    expect(calls).toEqual([]);
    expect(reply).toMatchObject({ status: 'BAD_REQUEST', request_id: '', user_id: 'u9', tracks: [], generated_at: 42 });
    expect(reply.error).toMatch(error);
  });

  it('a reply the schema rejects becomes an ERROR reply', async () => {
    const broken = (r: RecommendationRequest) => ({
      ...statusReply(r, 'ERROR', { error: 'x', now: 2 }),
      model_version: 7 as unknown as string,
    });
    const { recommender } = recorder(broken);
    const bytes = registry.encode('music.RecommendationRequest', request);
    const { bytes: out } = await answerBytes({ registry, recommender, log }, { value: bytes, key: 'u1', now: 42 });
    expect(registry.decode(out, 'music.RecommendationReply')).toMatchObject({
      status: 'ERROR',
      request_id: 'r1',
      error: 'internal error: reply could not be encoded',
    });
  });

  it('decodeRequest names the problem', () => {
    expect(decodeRequest(registry, 'text')).toEqual({
      problem: 'request value must be an Avro single-object encoded music.RecommendationRequest, got no bytes',
    });
  });
});
