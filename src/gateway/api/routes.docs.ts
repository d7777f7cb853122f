/** OpenAPI decorators of each route, kept out of the controllers so those stay readable. */
import { applyDecorators } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBody,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiQuery,
  ApiResponse,
  ApiServiceUnavailableResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import { LISTENING_CONTEXTS } from '../../domain/types.js';
import { MAX_BATCH } from '../input/event-body.js';
import { ID_PATTERN } from '../input/identifiers.js';
import { LIMIT_DEFAULT, LIMIT_MAX, LIMIT_MIN } from '../input/recommendation-query.js';
import { ErrorResponse, HealthResponse } from './common.dto.js';
import { EventsAcceptedResponse, FeedbackEventBody, ListeningEventBody } from './event.dto.js';
import { RecommendationsResponse } from './recommendation.dto.js';

const RETRY_AFTER = { 'Retry-After': { description: 'Seconds to wait before retrying.', schema: { type: 'integer' } } };

const userIdParam = ApiParam({
  name: 'userId',
  schema: { type: 'string', pattern: ID_PATTERN.source },
  description: '1–128 characters of letters, digits and . _ : -',
});

const errors = (...cases: Array<[number, string]>): MethodDecorator[] =>
  cases.map(([status, description]) =>
    ApiResponse({
      status,
      description,
      type: ErrorResponse,
      headers: status === 429 || status === 503 ? RETRY_AFTER : undefined,
    }),
  );

export const ApiGetRecommendations = (): MethodDecorator & ClassDecorator =>
  applyDecorators(
    ApiOperation({
      summary: 'Personalised tracks for a user',
      description: 'Asks the recommender over Kafka request/reply and waits at most GATEWAY_REQUEST_TIMEOUT_MS.',
    }),
    userIdParam,
    ApiQuery({
      name: 'limit',
      required: false,
      schema: { type: 'integer', minimum: LIMIT_MIN, maximum: LIMIT_MAX, default: LIMIT_DEFAULT },
    }),
    ApiQuery({
      name: 'refresh',
      required: false,
      schema: { type: 'boolean', default: false },
      description: 'Bypass the cache.',
    }),
    ApiQuery({ name: 'context', required: false, schema: { type: 'string', enum: [...LISTENING_CONTEXTS] } }),
    ApiOkResponse({ type: RecommendationsResponse }),
    ...errors(
      [400, 'Invalid user id or query parameter, or the recommender rejected the request.'],
      [429, 'The user is rate limited; see Retry-After.'],
      [502, 'The recommender failed or answered something unreadable.'],
      [503, 'The reply path is not ready (Kafka unreachable).'],
      [504, 'No reply within GATEWAY_REQUEST_TIMEOUT_MS.'],
    ),
  );

const eventSchemas = [{ $ref: getSchemaPath(ListeningEventBody) }, { $ref: getSchemaPath(FeedbackEventBody) }];

export const ApiPostEvents = (): MethodDecorator & ClassDecorator =>
  applyDecorators(
    ApiOperation({
      summary: 'Record listening or feedback events',
      description: `One event object, or an array of 1–${MAX_BATCH} written in order. All are validated before any is written.`,
    }),
    ApiExtraModels(ListeningEventBody, FeedbackEventBody),
    userIdParam,
    ApiBody({
      schema: {
        oneOf: [...eventSchemas, { type: 'array', minItems: 1, maxItems: MAX_BATCH, items: { oneOf: eventSchemas } }],
      },
    }),
    ApiAcceptedResponse({ type: EventsAcceptedResponse, description: 'Written to the user-events topic.' }),
    ...errors(
      [400, 'Invalid user id or event; `field` names the culprit. Nothing was written.'],
      [503, 'The event log did not acknowledge in time; retry with the same eventIds.'],
    ),
  );

export const ApiLive = (): MethodDecorator & ClassDecorator =>
  applyDecorators(ApiOperation({ summary: 'Liveness' }), ApiOkResponse({ type: HealthResponse }));

export const ApiReady = (): MethodDecorator & ClassDecorator =>
  applyDecorators(
    ApiOperation({ summary: 'Readiness: Kafka producers connected and the reply consumer assigned' }),
    ApiOkResponse({ type: HealthResponse }),
    ApiServiceUnavailableResponse({ type: HealthResponse, description: 'Not ready; `checks` says what is missing.' }),
  );
