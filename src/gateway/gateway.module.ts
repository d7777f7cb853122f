import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { InfraModule } from '../infra/infra.module.js';
import { EventPublisher } from './event.publisher.js';
import { EventsController } from './events.controller.js';
import { GatewayExceptionFilter } from './gateway-exception.filter.js';
import { HealthController } from './health.controller.js';
import { RecommendationRequester } from './recommendation.requester.js';
import { RecommendationsController } from './recommendations.controller.js';

/** The HTTP gateway: recommendations by Kafka request/reply, events onto the user-events topic. */
@Module({
  imports: [InfraModule],
  controllers: [RecommendationsController, EventsController, HealthController],
  providers: [RecommendationRequester, EventPublisher, { provide: APP_FILTER, useClass: GatewayExceptionFilter }],
})
export class GatewayModule {}
