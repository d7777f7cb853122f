/**
 * Avro (single-object encoding) in and out of Nest's ClientKafka. The request serializer
 * hands kafkajs a Buffer, which Nest's transport sends untouched; the reply deserializer
 * gets the raw value because the client's parser keeps binary (`keepBinary`), and reads
 * Nest's reply headers exactly as Nest's own KafkaResponseDeserializer does.
 */
import { KafkaHeaders, type Deserializer, type IncomingResponse, type Serializer } from '@nestjs/microservices';
import type { RecommendationReply, RecommendationRequest } from '../../contracts/records.js';
import type { SchemaRegistry } from '../../infra/avro/schema-registry.js';

/** What the gateway passes to `ClientKafka.send`: the request and its record key (the user id). */
export interface KeyedRequest {
  readonly key: string;
  readonly value: RecommendationRequest;
}

export interface OutgoingKafkaMessage {
  key: string;
  value: Buffer;
  /** ClientKafka adds the correlation id, reply topic and reply partition here. */
  headers: Record<string, string>;
}

export class RecommendationRequestSerializer implements Serializer<KeyedRequest, OutgoingKafkaMessage> {
  constructor(private readonly registry: SchemaRegistry) {}

  serialize(request: KeyedRequest): OutgoingKafkaMessage {
    return { key: request.key, value: this.registry.encode('music.RecommendationRequest', request.value), headers: {} };
  }
}

/** A reply record after Nest's KafkaParser with keepBinary: headers decoded to strings, value raw. */
export interface ParsedReplyMessage {
  readonly value: Buffer | null;
  readonly headers: Readonly<Record<string, string | Buffer | undefined>>;
}

export type ReplyPacket = IncomingResponse & { response?: RecommendationReply };

export class RecommendationReplyDeserializer implements Deserializer<ParsedReplyMessage, ReplyPacket> {
  constructor(private readonly registry: SchemaRegistry) {}

  deserialize(message: ParsedReplyMessage): ReplyPacket {
    const id = String(message.headers[KafkaHeaders.CORRELATION_ID]);
    const err = message.headers[KafkaHeaders.NEST_ERR];
    if (err !== undefined) return { id, err: `recommender error: ${String(err)}`, isDisposed: true };
    if (!message.value || message.value.length === 0) {
      // A bare "disposed" record closes a stream; the gateway has taken its one value by then.
      return message.headers[KafkaHeaders.NEST_IS_DISPOSED] !== undefined
        ? { id, isDisposed: true }
        : { id, err: 'reply has no value', isDisposed: true };
    }
    try {
      // One reply answers one request: disposing now frees the pending slot at once.
      return { id, response: this.registry.decode(message.value, 'music.RecommendationReply'), isDisposed: true };
    } catch (error) {
      return { id, err: `undecodable reply: ${(error as Error).message}`, isDisposed: true };
    }
  }
}
