/** JSON shape of GET /v1/users/:userId/insights (computed by the domain's computeInsights). */
import { ApiProperty } from '@nestjs/swagger';
import { LISTENING_CONTEXTS } from '../../domain/types.js';

export class ShareDto {
  @ApiProperty({ type: String })
  name!: string;
  @ApiProperty({ type: Number, description: 'Plays (a multi-genre track splits its plays equally).' })
  plays!: number;
  @ApiProperty({ type: Number, minimum: 0, maximum: 1 })
  share!: number;
}

export class InsightsResponse {
  @ApiProperty({ type: String })
  userId!: string;
  @ApiProperty({ type: 'integer', description: 'Listening plays in the history (skips included, as counted there).' })
  totalPlays!: number;
  @ApiProperty({
    type: () => [ShareDto],
    description: 'Shares of plays of tracks that have genres; most played first.',
  })
  genreDistribution!: ShareDto[];
  @ApiProperty({ type: Number, description: 'Shannon entropy of the genre distribution, bits.' })
  genreEntropyBits!: number;
  @ApiProperty({ type: Number, minimum: 0, maximum: 1, description: 'Entropy / log2(number of genres).' })
  genreEntropyNormalised!: number;
  @ApiProperty({ type: () => [ShareDto], description: 'GenZ buckets by plays (never "Other").' })
  topBuckets!: ShareDto[];
  @ApiProperty({ type: () => [ShareDto], description: 'Each artist of a track gets all its plays.' })
  topArtists!: ShareDto[];
  @ApiProperty({ type: [Number], minItems: 24, maxItems: 24, description: 'Plays per hour of day in `timeZone`.' })
  byHour!: number[];
  @ApiProperty({
    type: 'object',
    properties: Object.fromEntries(LISTENING_CONTEXTS.map((c) => [c, { type: 'integer' }])),
    description: 'Plays per listening context.',
  })
  byContext!: Record<string, number>;
  @ApiProperty({ type: 'integer', description: 'Plays without a context.' })
  unknownContextPlays!: number;
  @ApiProperty({ type: String, example: 'UTC' })
  timeZone!: string;
}
