import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EventsAcceptedResponse } from './api/event.dto.js';
import { ApiPostEvents } from './api/routes.docs.js';
import { EventPublisher } from './event.publisher.js';
import { parseEventBody } from './input/event-body.js';
import { parseUserId } from './input/identifiers.js';

@Controller('v1/users/:userId')
export class EventsController {
  constructor(private readonly publisher: EventPublisher) {}

  /** 202: the events are in the log; the learner applies them asynchronously. */
  @Post('events')
  @HttpCode(202)
  @ApiPostEvents()
  async publish(@Param('userId') rawUserId: string, @Body() body: unknown): Promise<EventsAcceptedResponse> {
    const userId = parseUserId(rawUserId);
    // Everything is validated before anything is written: a bad batch writes no record at all.
    const events = parseEventBody(body, { userId, newEventId: randomUUID });
    await this.publisher.publish(events);
    return { eventIds: events.map((e) => e.eventId) };
  }
}
