/** JSON shapes of POST /v1/users/:userId/session (parsing: input/session-body.ts). */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { RecommendationsResponse } from './recommendation.dto.js';

export class SessionBody {
  @ApiPropertyOptional({
    type: String,
    description:
      "The user's Spotify OAuth access token (scopes user-top-read, user-read-recently-played). Never stored or logged.",
  })
  spotifyAccessToken?: string;
}

export class AudioFeaturesSourceDto {
  @ApiProperty({ enum: ['spotify', 'catalog-fallback'] })
  source!: 'spotify' | 'catalog-fallback';
  @ApiProperty({ type: String, nullable: true, example: 'spotify audio-features unavailable (HTTP 403)' })
  reason!: string | null;
}

export class SpotifySyncDto {
  @ApiProperty({
    enum: ['synced', 'no-token', 'recent', 'unavailable'],
    description: 'recent: synced less than SESSION_SYNC_MAX_AGE_HOURS ago; unavailable: Spotify failed (see warnings).',
  })
  status!: string;
  @ApiProperty({ type: 'integer', nullable: true, description: 'Last successful sync, epoch ms.' })
  syncedAt!: number | null;
  @ApiProperty({ type: 'integer' })
  topTracks!: number;
  @ApiProperty({ type: 'integer' })
  recentPlays!: number;
  @ApiProperty({ type: 'integer', description: 'Listening events produced for the learner.' })
  playsPublished!: number;
  @ApiProperty({ type: 'integer', description: 'Spotify tracks added to the catalog.' })
  tracksAdded!: number;
  @ApiProperty({ type: 'integer', description: 'Tracks not in the catalog whose audio features no source knows.' })
  tracksWithoutFeatures!: number;
  @ApiPropertyOptional({ type: () => AudioFeaturesSourceDto, nullable: true })
  audioFeatures!: AudioFeaturesSourceDto | null;
  @ApiProperty({
    type: Boolean,
    nullable: true,
    description: 'Whether the learner applied the synced plays before the recommendations were computed.',
  })
  historyApplied!: boolean | null;
}

export class SessionResponse {
  @ApiProperty({ type: String })
  userId!: string;
  @ApiProperty({ type: Boolean, description: 'True when this request created the user.' })
  newUser!: boolean;
  @ApiProperty({ type: 'integer', description: 'Account creation, epoch ms (drives the cold-start stage).' })
  createdAt!: number;
  @ApiProperty({ type: () => SpotifySyncDto })
  spotify!: SpotifySyncDto;
  @ApiProperty({ type: [String] })
  warnings!: string[];
  @ApiProperty({ type: () => RecommendationsResponse, description: 'A fresh list (force refresh).' })
  recommendations!: RecommendationsResponse;
}
