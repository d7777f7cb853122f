/** OpenAPI decorators of the personality, session and insights routes (see routes.docs.ts for the others). */
import { applyDecorators } from '@nestjs/common';
import {
  ApiBody,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiQuery,
  ApiResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import { ID_PATTERN } from '../input/identifiers.js';
import { TOP_DEFAULT, TOP_MAX } from '../input/insights-query.js';
import { ErrorResponse } from './common.dto.js';
import { InsightsResponse } from './insights.dto.js';
import { PersonalityAnswersBody, PersonalityProfileDto, PersonalityTraitsBody } from './personality.dto.js';
import { SessionBody, SessionResponse } from './session.dto.js';

const RETRY_AFTER = { 'Retry-After': { description: 'Seconds to wait before retrying.', schema: { type: 'integer' } } };

const userIdParam = ApiParam({
  name: 'userId',
  schema: { type: 'string', pattern: ID_PATTERN.source },
  description: '1–128 characters of letters, digits and . _ : -',
});

const errors = (...cases: Array<[number, string]>): MethodDecorator[] =>
  cases.map(([status, description]) =>
    ApiResponse({ status, description, type: ErrorResponse, headers: status === 503 ? RETRY_AFTER : undefined }),
  );

const UNAVAILABLE: [number, string] = [503, 'Postgres, Redis or Kafka is unreachable; retry.'];

export const ApiPutPersonality = (): MethodDecorator & ClassDecorator =>
  applyDecorators(
    ApiOperation({
      summary: 'Store a Big Five assessment as the active profile',
      description:
        'BFI-44 answers (scored with the published key; confidence = answered / 44) or trait scores entered ' +
        'directly. Published to the personality-profiles and user-events topics; cached recommendations are dropped.',
    }),
    ApiExtraModels(PersonalityAnswersBody, PersonalityTraitsBody),
    userIdParam,
    ApiBody({
      schema: {
        oneOf: [{ $ref: getSchemaPath(PersonalityAnswersBody) }, { $ref: getSchemaPath(PersonalityTraitsBody) }],
      },
    }),
    ApiOkResponse({ type: PersonalityProfileDto }),
    ...errors([400, 'Malformed body; `message` lists every problem.'], UNAVAILABLE),
  );

export const ApiGetPersonality = (): MethodDecorator & ClassDecorator =>
  applyDecorators(
    ApiOperation({ summary: 'The active Big Five profile, or balanced defaults (method "default") when none' }),
    userIdParam,
    ApiOkResponse({ type: PersonalityProfileDto }),
    ...errors([400, 'Invalid user id.'], UNAVAILABLE),
  );

export const ApiPostSession = (): MethodDecorator & ClassDecorator =>
  applyDecorators(
    ApiOperation({
      summary: 'Start a session: create the user, sync Spotify history, return fresh recommendations',
      description:
        'With a Spotify token and a history older than SESSION_SYNC_MAX_AGE_HOURS, top tracks and recently played ' +
        'become listening events for the learner. Spotify being down does not fail the session (see warnings).',
    }),
    userIdParam,
    ApiBody({ type: SessionBody, required: false }),
    ApiOkResponse({ type: SessionResponse }),
    ...errors(
      [400, 'Invalid user id or body.'],
      [401, 'Spotify rejected the access token (expired or revoked): refresh it and retry.'],
      [429, 'The user is rate limited by the recommender.'],
      [502, 'The recommender failed.'],
      UNAVAILABLE,
      [504, 'No recommendation reply in time.'],
    ),
  );

export const ApiGetInsights = (): MethodDecorator & ClassDecorator =>
  applyDecorators(
    ApiOperation({ summary: 'Listening insights: genres and their entropy, buckets, artists, hours, contexts' }),
    userIdParam,
    ApiQuery({ name: 'timeZone', required: false, schema: { type: 'string', default: 'UTC' } }),
    ApiQuery({
      name: 'top',
      required: false,
      schema: { type: 'integer', minimum: 1, maximum: TOP_MAX, default: TOP_DEFAULT },
    }),
    ApiOkResponse({ type: InsightsResponse }),
    ...errors([400, 'Invalid user id or query parameter.'], UNAVAILABLE),
  );
