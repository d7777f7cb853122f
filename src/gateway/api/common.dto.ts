/** Error and health JSON shapes shared by every route. */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ErrorResponse {
  @ApiProperty({ type: 'integer', example: 400 })
  statusCode!: number;
  @ApiProperty({ type: String, example: 'Bad Request' })
  error!: string;
  @ApiProperty({ type: String, example: 'limit must be an integer in [1, 100]; got "0"' })
  message!: string;
  @ApiPropertyOptional({ type: String, example: 'limit', description: 'The request field at fault (client errors).' })
  field?: string;
  @ApiPropertyOptional({ type: 'integer', description: 'Same as the Retry-After header, in seconds (429, 503).' })
  retryAfterSeconds?: number;
}

export class ReadinessChecks {
  @ApiProperty({ type: Boolean, description: 'The user-events producer is connected.' })
  eventProducer!: boolean;
  @ApiProperty({ type: Boolean, description: 'The recommendation request producer is connected.' })
  requestProducer!: boolean;
  @ApiProperty({
    type: Boolean,
    description: "The reply consumer is assigned this instance's reply partitions and has fetched once.",
  })
  replyConsumer!: boolean;
}

export class HealthResponse {
  @ApiProperty({ enum: ['ok', 'ready', 'not-ready'] })
  status!: 'ok' | 'ready' | 'not-ready';
  @ApiPropertyOptional({ type: () => ReadinessChecks })
  checks?: ReadinessChecks;
}
