import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { RecommendationRequest } from '../contracts/records.js';
import { SessionService, type SessionOutcome } from '../session/session.service.js';
import { SpotifyTokenExpiredError } from '../spotify/spotify.error.js';
import { SessionResponse } from './api/session.dto.js';
import { ApiPostSession } from './api/user-profile.docs.js';
import { asUnavailable } from './dependency-error.js';
import { GatewayError } from './gateway.error.js';
import { parseUserId } from './input/identifiers.js';
import { LIMIT_DEFAULT } from './input/recommendation-query.js';
import { parseSessionBody } from './input/session-body.js';
import { RecommendationRequester } from './recommendation.requester.js';
import { toRecommendationsResponse } from './recommendation-response.js';
import { toSessionResponse } from './session-response.js';

@Controller('v1/users/:userId')
export class SessionController {
  constructor(
    @Inject(SessionService) private readonly session: SessionService,
    private readonly requester: RecommendationRequester,
  ) {}

  @Post('session')
  @HttpCode(200)
  @ApiPostSession()
  async start(@Param('userId') rawUserId: string, @Body() body: unknown): Promise<SessionResponse> {
    const userId = parseUserId(rawUserId);
    const { spotifyAccessToken } = parseSessionBody(body);
    const outcome = await this.startSession(userId, spotifyAccessToken);
    const request: RecommendationRequest = {
      request_id: randomUUID(),
      user_id: userId,
      max_results: LIMIT_DEFAULT,
      force_refresh: true,
      requested_at: Date.now(),
      context: null,
    };
    const recommendations = toRecommendationsResponse(request, await this.requester.request(request));
    // Computed before the learner applied the synced plays: serve it now, but do not let it be cached.
    if (outcome.spotify.historyApplied === false) await this.session.dropEarlyList(userId);
    return toSessionResponse(outcome, recommendations);
  }

  private async startSession(userId: string, token: string | null): Promise<SessionOutcome> {
    try {
      return await this.session.start(userId, token, Date.now());
    } catch (error) {
      if (error instanceof SpotifyTokenExpiredError) {
        throw new GatewayError(401, 'Spotify rejected the access token (expired or revoked); refresh it and retry', {
          field: 'body.spotifyAccessToken',
        });
      }
      throw asUnavailable(error);
    }
  }
}
