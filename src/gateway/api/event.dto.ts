/** JSON shapes of POST /v1/users/:userId/events, for the OpenAPI document (parsing: input/event-body.ts). */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FEEDBACK_TYPES, LISTENING_CONTEXTS } from '../../domain/types.js';
import { ID_PATTERN } from '../input/identifiers.js';

const TIME_ONE_OF = [
  { type: 'integer', description: 'Epoch milliseconds (UTC).' },
  { type: 'string', format: 'date-time' },
];

class EventBodyBase {
  @ApiPropertyOptional({
    type: String,
    pattern: ID_PATTERN.source,
    description: 'Idempotency key. Generated (UUID) when absent; send your own if you may retry.',
  })
  eventId?: string;
  @ApiPropertyOptional({ type: String, description: 'Must equal the path user id when given.' })
  userId?: string;
  @ApiProperty({ type: String, minLength: 1, maxLength: 128, example: '4uLU6hMCjMI75M1A2tKUQC' })
  trackId!: string;
  @ApiProperty({ oneOf: TIME_ONE_OF, description: 'When it happened: 2000-01-01 ≤ time < 2100-01-01.' })
  occurredAt!: number | string;
  @ApiPropertyOptional({ enum: LISTENING_CONTEXTS, nullable: true })
  context?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'requestId of the recommendation shown.' })
  recommendationId?: string | null;
  @ApiPropertyOptional({ oneOf: TIME_ONE_OF, nullable: true, description: 'When that recommendation was shown.' })
  recommendedAt?: number | string | null;
}

export class ListeningEventBody extends EventBodyBase {
  @ApiProperty({ enum: ['listening'] })
  kind!: 'listening';
  @ApiProperty({ type: 'integer', minimum: 0, maximum: 86_400_000, description: 'Milliseconds played.' })
  msListened!: number;
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    maximum: 86_400_000,
    nullable: true,
    description: 'Full track duration; msListened may not exceed 3 × this + 60 s.',
  })
  trackDurationMs?: number | null;
}

export class FeedbackEventBody extends EventBodyBase {
  @ApiProperty({ enum: ['feedback'] })
  kind!: 'feedback';
  @ApiProperty({ enum: FEEDBACK_TYPES })
  feedbackType!: string;
  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 86_400_000, nullable: true })
  msListened?: number | null;
  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 86_400_000, nullable: true })
  trackDurationMs?: number | null;
}

export class EventsAcceptedResponse {
  @ApiProperty({ type: [String], description: 'Ids of the accepted events, in the order given.' })
  eventIds!: string[];
}
