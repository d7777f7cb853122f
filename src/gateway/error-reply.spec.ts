import { BadRequestException, HttpException, NotFoundException } from '@nestjs/common';
import { toErrorReply } from './error-reply.js';
import { GatewayError, invalidInput } from './gateway.error.js';

/** What body-parser throws, as Nest's express adapter hands it on. */
function parserError(type: string, status: number, message: string): HttpException {
  const cause = Object.assign(new SyntaxError(message), { type, status });
  return new HttpException(message, status, { cause });
}

describe('toErrorReply', () => {
  it.each([
    [
      invalidInput('limit', 'bad limit'),
      { statusCode: 400, error: 'Bad Request', message: 'bad limit', field: 'limit' },
    ],
    [
      new GatewayError(429, 'slow down', { retryAfterSeconds: 3 }),
      { statusCode: 429, error: 'Too Many Requests', message: 'slow down', retryAfterSeconds: 3 },
    ],
    [new GatewayError(504, 'no reply'), { statusCode: 504, error: 'Gateway Timeout', message: 'no reply' }],
    [
      parserError('entity.parse.failed', 400, 'Unexpected end of JSON input'),
      {
        statusCode: 400,
        error: 'Bad Request',
        message: 'body is not valid JSON: Unexpected end of JSON input',
        field: 'body',
      },
    ],
    [
      parserError('entity.too.large', 413, 'request entity too large'),
      { statusCode: 413, error: 'Payload Too Large', message: 'request entity too large', field: 'body' },
    ],
    [new NotFoundException('Cannot GET /nope'), { statusCode: 404, error: 'Not Found', message: 'Cannot GET /nope' }],
    [new BadRequestException(['a', 'b']), { statusCode: 400, error: 'Bad Request', message: 'a; b' }],
    [new Error('secret internals'), { statusCode: 500, error: 'Internal Server Error', message: 'internal error' }],
    ['a string', { statusCode: 500, error: 'Internal Server Error', message: 'internal error' }],
  ])('maps %p', (error, expected) => {
    expect(toErrorReply(error)).toEqual(expected);
  });

  it('marks throttling and outages retriable, bad input not', () => {
    expect(
      [invalidInput('x', 'y'), new GatewayError(429, ''), new GatewayError(503, '')].map((e) => e.retriable),
    ).toEqual([false, true, true]);
  });
});
