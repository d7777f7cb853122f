/** JSON shapes of /v1/users/:userId/personality (parsing: input/personality-body.ts). */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class TraitScoresDto {
  @ApiProperty({ type: Number, minimum: 0, maximum: 100 })
  openness!: number;
  @ApiProperty({ type: Number, minimum: 0, maximum: 100 })
  conscientiousness!: number;
  @ApiProperty({ type: Number, minimum: 0, maximum: 100 })
  extraversion!: number;
  @ApiProperty({ type: Number, minimum: 0, maximum: 100 })
  agreeableness!: number;
  @ApiProperty({ type: Number, minimum: 0, maximum: 100 })
  neuroticism!: number;
}

export class TraitConfidenceDto {
  @ApiProperty({ type: Number, minimum: 0, maximum: 1 })
  openness!: number;
  @ApiProperty({ type: Number, minimum: 0, maximum: 1 })
  conscientiousness!: number;
  @ApiProperty({ type: Number, minimum: 0, maximum: 1 })
  extraversion!: number;
  @ApiProperty({ type: Number, minimum: 0, maximum: 1 })
  agreeableness!: number;
  @ApiProperty({ type: Number, minimum: 0, maximum: 1 })
  neuroticism!: number;
}

export class PersonalityAnswersBody {
  @ApiProperty({
    type: 'array',
    items: { type: ['integer', 'null'], minimum: 1, maximum: 5 },
    minItems: 44,
    maxItems: 44,
    description: 'BFI-44 answers in item order (1 = disagree strongly … 5 = agree strongly); null = unanswered.',
  })
  answers!: Array<number | null>;
}

export class PersonalityTraitsBody {
  @ApiProperty({ type: () => TraitScoresDto, description: 'Scores entered directly (method "direct").' })
  traits!: TraitScoresDto;
}

export class PersonalityProfileDto {
  @ApiProperty({ type: String })
  userId!: string;
  @ApiProperty({ type: () => TraitScoresDto, description: 'Big Five scores 0–100, 2 decimals.' })
  traits!: TraitScoresDto;
  @ApiProperty({ type: Number, minimum: 0, maximum: 1, description: 'BFI-44: answered / 44; direct: 1; default: 0.' })
  confidence!: number;
  @ApiProperty({ type: () => TraitConfidenceDto, description: "Share of each trait's items answered." })
  traitConfidence!: TraitConfidenceDto;
  @ApiProperty({ enum: ['bfi44', 'direct', 'default'] })
  method!: 'bfi44' | 'direct' | 'default';
  @ApiPropertyOptional({ type: 'integer', nullable: true, description: 'Epoch ms; null for the default profile.' })
  assessedAt!: number | null;
  @ApiProperty({ type: 'integer', description: '44 for BFI-44, else 0.' })
  totalQuestions!: number;
  @ApiProperty({ type: 'integer' })
  answeredQuestions!: number;
}
