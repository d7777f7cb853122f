import { Controller, Get, Res } from '@nestjs/common';
import { HealthResponse } from './api/common.dto.js';
import { ApiLive, ApiReady } from './api/routes.docs.js';
import { EventPublisher } from './event.publisher.js';
import { RecommendationRequester } from './recommendation.requester.js';

/** The part of the platform response this controller touches. */
interface StatusSetter {
  status(code: number): unknown;
}

@Controller('health')
export class HealthController {
  constructor(
    private readonly publisher: EventPublisher,
    private readonly requester: RecommendationRequester,
  ) {}

  /** The process serves HTTP; nothing else is checked, so a Kafka outage never restarts it. */
  @Get('live')
  @ApiLive()
  live(): HealthResponse {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiReady()
  ready(@Res({ passthrough: true }) response: StatusSetter): HealthResponse {
    const checks = { eventProducer: this.publisher.connected, ...this.requester.readiness };
    const ready = checks.eventProducer && checks.requestProducer && checks.replyConsumer;
    response.status(ready ? 200 : 503);
    return { status: ready ? 'ready' : 'not-ready', checks };
  }
}
