import type { RecommendationReply, RecommendationRequest } from '../../contracts/records.js';
import { SchemaRegistry } from '../../infra/avro/schema-registry.js';
import { RecommendationReplyDeserializer, RecommendationRequestSerializer } from './recommendation.serdes.js';

const registry = SchemaRegistry.load();
const request: RecommendationRequest = {
  request_id: 'r-1',
  user_id: 'alice',
  max_results: 10,
  force_refresh: true,
  requested_at: 1_767_225_600_000,
  context: 'study',
};
const reply: RecommendationReply = {
  request_id: 'r-1',
  user_id: 'alice',
  status: 'OK',
  error: null,
  retry_after_ms: null,
  tracks: [],
  cold_start_stage: 'cold',
  response_time_ms: 2,
  from_cache: false,
  total_candidates: 0,
  model_version: 'm0',
  generated_at: 1_767_225_600_001,
};
const deserializer = new RecommendationReplyDeserializer(registry);

describe('recommendation serdes', () => {
  it('writes the request as keyed Avro single-object bytes with room for Nest headers', () => {
    const message = new RecommendationRequestSerializer(registry).serialize({ key: 'alice', value: request });
    expect(message.key).toBe('alice');
    expect(message.headers).toEqual({});
    expect(message.value.subarray(0, 2)).toEqual(Buffer.from([0xc3, 0x01]));
    expect(registry.decode(message.value, 'music.RecommendationRequest')).toEqual(request);
  });

  it.each([
    [
      'an Avro reply',
      { value: registry.encode('music.RecommendationReply', reply), headers: { kafka_correlationId: 'c1' } },
      { id: 'c1', response: reply, isDisposed: true },
    ],
    [
      'a Nest error header',
      { value: null, headers: { kafka_correlationId: 'c2', 'kafka_nest-err': 'There is no matching message handler' } },
      { id: 'c2', err: 'recommender error: There is no matching message handler', isDisposed: true },
    ],
    [
      'a bare dispose record',
      { value: null, headers: { kafka_correlationId: 'c3', 'kafka_nest-is-disposed': Buffer.alloc(1) } },
      { id: 'c3', isDisposed: true },
    ],
    [
      'an empty value',
      { value: null, headers: { kafka_correlationId: 'c4' } },
      { id: 'c4', err: 'reply has no value', isDisposed: true },
    ],
    [
      'JSON instead of Avro',
      { value: Buffer.from('{"status":"OK"}'), headers: { kafka_correlationId: 'c5' } },
      { id: 'c5', err: expect.stringMatching(/^undecodable reply: not Avro single-object encoded/), isDisposed: true },
    ],
  ])('reads %s', (_case, message, expected) => {
    expect(deserializer.deserialize(message)).toEqual(expected);
  });
});
