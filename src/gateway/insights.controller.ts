import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { InsightsService } from '../insights/insights.service.js';
import { InsightsResponse } from './api/insights.dto.js';
import { ApiGetInsights } from './api/user-profile.docs.js';
import { orUnavailable } from './dependency-error.js';
import { parseUserId } from './input/identifiers.js';
import { parseInsightsQuery } from './input/insights-query.js';

@Controller('v1/users/:userId')
export class InsightsController {
  constructor(@Inject(InsightsService) private readonly service: InsightsService) {}

  @Get('insights')
  @ApiGetInsights()
  async insights(
    @Param('userId') rawUserId: string,
    @Query() query: Record<string, unknown>,
  ): Promise<InsightsResponse> {
    const userId = parseUserId(rawUserId);
    const { timeZone, top } = parseInsightsQuery(query);
    const insights = await orUnavailable(() => this.service.insights({ userId, timeZone, top }));
    return {
      userId,
      ...insights,
      genreDistribution: [...insights.genreDistribution],
      topBuckets: [...insights.topBuckets],
      topArtists: [...insights.topArtists],
      byHour: [...insights.byHour],
      byContext: { ...insights.byContext },
      timeZone,
    };
  }
}
