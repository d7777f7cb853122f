/** Turns anything a route throws into the gateway's one JSON error shape (see api/common.dto.ts). */
import { HttpException } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import type { ErrorResponse } from './api/common.dto.js';
import { GatewayError, type GatewayErrorDetails } from './gateway.error.js';

/** What body-parser attaches to its errors (malformed JSON, body too large, bad charset). */
interface BodyParserError {
  readonly type: string;
  readonly status: number;
  readonly message: string;
}

export function toErrorReply(error: unknown): ErrorResponse {
  if (error instanceof GatewayError) {
    return reply(error.status, error.message, error.details);
  }
  // Nest's express adapter wraps body-parser's errors in an HttpException with the original as cause.
  const parser = bodyParserError(error instanceof HttpException ? error.cause : error);
  if (parser) {
    const message =
      parser.type === 'entity.parse.failed' ? `body is not valid JSON: ${parser.message}` : parser.message;
    return reply(parser.status, message, { field: 'body' });
  }
  if (error instanceof HttpException) return reply(error.getStatus(), httpExceptionMessage(error));
  return reply(500, 'internal error');
}

function reply(status: number, message: string, details: GatewayErrorDetails = {}): ErrorResponse {
  const body: ErrorResponse = { statusCode: status, error: STATUS_CODES[status] ?? 'Error', message };
  if (details.field !== undefined) body.field = details.field;
  if (details.retryAfterSeconds !== undefined) body.retryAfterSeconds = details.retryAfterSeconds;
  return body;
}

function bodyParserError(error: unknown): BodyParserError | null {
  const e = error as Partial<BodyParserError> | null;
  const fromParser =
    typeof e === 'object' && e !== null && typeof e.type === 'string' && typeof e.status === 'number' && e.status < 500;
  return fromParser ? (e as BodyParserError) : null;
}

/** Nest's own exceptions (404 for an unknown route, …) carry a string or `{ message }`. */
function httpExceptionMessage(error: HttpException): string {
  const response = error.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (Array.isArray(message)) return message.join('; ');
  return typeof message === 'string' ? message : error.message;
}
