import { Controller, Get, Param, Query } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { RecommendationRequest } from '../contracts/records.js';
import { RecommendationsResponse } from './api/recommendation.dto.js';
import { ApiGetRecommendations } from './api/routes.docs.js';
import { parseUserId } from './input/identifiers.js';
import { parseRecommendationQuery } from './input/recommendation-query.js';
import { RecommendationRequester } from './recommendation.requester.js';
import { toRecommendationsResponse } from './recommendation-response.js';

@Controller('v1/users/:userId')
export class RecommendationsController {
  constructor(private readonly requester: RecommendationRequester) {}

  @Get('recommendations')
  @ApiGetRecommendations()
  async recommendations(
    @Param('userId') rawUserId: string,
    @Query() query: Record<string, unknown>,
  ): Promise<RecommendationsResponse> {
    const userId = parseUserId(rawUserId);
    const { limit, refresh, context } = parseRecommendationQuery(query);
    const request: RecommendationRequest = {
      request_id: randomUUID(),
      user_id: userId,
      max_results: limit,
      force_refresh: refresh,
      requested_at: Date.now(),
      context,
    };
    return toRecommendationsResponse(request, await this.requester.request(request));
  }
}
