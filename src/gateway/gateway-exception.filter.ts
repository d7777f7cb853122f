/** Every error leaves the gateway as ErrorResponse JSON, with Retry-After when a retry can help. */
import { Catch, Inject, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { LOGGER } from '../infra/infra.module.js';
import type { Logger } from '../infra/logging/logger.js';
import { toErrorReply } from './error-reply.js';

@Catch()
export class GatewayExceptionFilter implements ExceptionFilter {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(LOGGER) private readonly log: Logger,
  ) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const adapter = this.adapterHost.httpAdapter;
    const body = toErrorReply(error);
    if (body.statusCode >= 500) {
      const request = http.getRequest<unknown>();
      const route = `${adapter.getRequestMethod?.(request)} ${adapter.getRequestUrl?.(request)}`;
      this.log[body.statusCode === 500 ? 'error' : 'warn'](
        { err: error, route, status: body.statusCode },
        body.message,
      );
    }
    const response = http.getResponse<unknown>();
    if (body.retryAfterSeconds !== undefined)
      adapter.setHeader(response, 'Retry-After', String(body.retryAfterSeconds));
    adapter.reply(response, body, body.statusCode);
  }
}
