/** OpenAPI decorators of the dashboard routes (schemas summarised; docs/operations.md has the details). */
import { applyDecorators } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiServiceUnavailableResponse,
} from '@nestjs/swagger';
import { ID_PATTERN } from '../gateway/input/identifiers.js';

const object = (description: string, properties: Record<string, object>) => ({
  description,
  schema: { type: 'object', properties },
});

export const ApiDashboardPage = () =>
  applyDecorators(
    ApiOperation({ summary: 'The live operations dashboard (HTML; charts and the user inspector)' }),
    ApiProduces('text/html'),
    ApiOkResponse({ description: 'The page', schema: { type: 'string' } }),
  );

export const ApiDashboardAsset = () =>
  applyDecorators(
    ApiOperation({ summary: "A file of the dashboard's page (JS, CSS)" }),
    ApiParam({ name: 'file', schema: { type: 'string' }, example: 'dashboard.js' }),
    ApiProduces('text/javascript', 'text/css'),
    ApiOkResponse({ description: 'The file', schema: { type: 'string' } }),
    ApiNotFoundResponse({ description: 'No such file' }),
  );

export const ApiDashboardOverview = () =>
  applyDecorators(
    ApiOperation({
      summary: 'Chart data: one point per sampling interval, totals, and the state of each metrics source',
    }),
    ApiOkResponse(
      object(
        'Points of the last minutes (events/s, lag, latency percentiles, cache hit rate, rate limiting, rewards)',
        {
          generatedAt: { type: 'integer', description: 'epoch ms' },
          intervalMs: { type: 'integer' },
          sources: { type: 'array', items: { type: 'object' } },
          totals: { type: 'object', nullable: true },
          points: { type: 'array', items: { type: 'object' } },
        },
      ),
    ),
  );

export const ApiDashboardUser = () =>
  applyDecorators(
    ApiOperation({ summary: "One user's Big Five, genre preferences, top Q-values and latest served list" }),
    ApiParam({ name: 'userId', schema: { type: 'string', pattern: ID_PATTERN.source } }),
    ApiOkResponse(
      object('What the recommender ranks with, and what it served last', {
        userId: { type: 'string' },
        snapshotSource: { type: 'string', enum: ['redis', 'postgres', 'new-user'] },
        modelVersion: { type: 'integer' },
        episodes: { type: 'integer' },
        personality: { type: 'object', nullable: true },
        genres: { type: 'array', items: { type: 'object' } },
        topQ: { type: 'array', items: { type: 'object' } },
        recommendations: { type: 'object', nullable: true },
      }),
    ),
    ApiBadRequestResponse({ description: 'Bad user id' }),
    ApiServiceUnavailableResponse({ description: 'Postgres unreachable; retry later' }),
  );
