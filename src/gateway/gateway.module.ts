import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { InfraModule } from '../infra/infra.module.js';
import { EventPublisher } from './event.publisher.js';
import { EventsController } from './events.controller.js';
import { GatewayExceptionFilter } from './gateway-exception.filter.js';
import { HealthController } from './health.controller.js';
import { RecommendationRequester } from './recommendation.requester.js';
import { RecommendationsController } from './recommendations.controller.js';
import { USER_PROFILE_CONTROLLERS, USER_PROFILE_IMPORTS, USER_PROFILE_PROVIDERS } from './user-profile.providers.js';

/**
 * The HTTP gateway: recommendations by Kafka request/reply, events onto the user-events topic;
 * personality, session and insights routes (user-profile.providers.ts).
 */
@Module({
  imports: [InfraModule, ...USER_PROFILE_IMPORTS],
  controllers: [RecommendationsController, EventsController, HealthController, ...USER_PROFILE_CONTROLLERS],
  providers: [
    RecommendationRequester,
    EventPublisher,
    { provide: APP_FILTER, useClass: GatewayExceptionFilter },
    ...USER_PROFILE_PROVIDERS,
  ],
})
export class GatewayModule {}
