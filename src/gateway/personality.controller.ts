import { Body, Controller, Get, HttpCode, Inject, Param, Put } from '@nestjs/common';
import type { Assessment } from '../personality/assessment.js';
import { PersonalityService } from '../personality/personality.service.js';
import { PersonalityProfileDto } from './api/personality.dto.js';
import { ApiGetPersonality, ApiPutPersonality } from './api/user-profile.docs.js';
import { orUnavailable } from './dependency-error.js';
import { parseUserId } from './input/identifiers.js';
import { parsePersonalityBody } from './input/personality-body.js';

@Controller('v1/users/:userId')
export class PersonalityController {
  constructor(@Inject(PersonalityService) private readonly personality: PersonalityService) {}

  /** 200 with the stored profile: it is the active one, published and used from the next recommendation on. */
  @Put('personality')
  @HttpCode(200)
  @ApiPutPersonality()
  async assess(@Param('userId') rawUserId: string, @Body() body: unknown): Promise<PersonalityProfileDto> {
    const userId = parseUserId(rawUserId);
    const input = parsePersonalityBody(body);
    return profileDto(userId, await orUnavailable(() => this.personality.assess(userId, input, Date.now())));
  }

  @Get('personality')
  @ApiGetPersonality()
  async current(@Param('userId') rawUserId: string): Promise<PersonalityProfileDto> {
    const userId = parseUserId(rawUserId);
    return profileDto(userId, await orUnavailable(() => this.personality.current(userId)));
  }
}

function profileDto(userId: string, a: Assessment): PersonalityProfileDto {
  return {
    userId,
    traits: { ...a.traits },
    confidence: a.confidence,
    traitConfidence: { ...a.traitConfidence },
    method: a.method,
    assessedAt: a.assessedAt,
    totalQuestions: a.totalQuestions,
    answeredQuestions: a.answeredQuestions,
  };
}
