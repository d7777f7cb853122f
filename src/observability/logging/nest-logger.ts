/**
 * Nest's own logging (bootstrap, exceptions it catches, microservice transport messages)
 * through our JSON logger, so a process writes one format. Nest's `log` level is its
 * lifecycle chatter (module init, every mapped route); it is written at debug so the
 * default info level shows only what an operator acts on.
 */
import type { LoggerService } from '@nestjs/common';
import { loadConfig } from '../../config/config.js';
import { createLogger, type Logger } from '../../infra/logging/logger.js';

export class NestJsonLogger implements LoggerService {
  constructor(private readonly out: Logger) {}

  log(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }

  error(message: unknown, ...rest: unknown[]): void {
    // Nest calls error(message, stack?, context?): a stack string precedes the context.
    const [stack, ...others] = rest.length >= 2 ? rest : [undefined, ...rest];
    this.write('error', message, others, typeof stack === 'string' ? { stack } : {});
  }

  fatal(message: unknown, ...rest: unknown[]): void {
    this.write('error', message, rest, { fatal: true });
  }

  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, rest);
  }

  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }

  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }

  private write(
    level: 'error' | 'warn' | 'info' | 'debug',
    message: unknown,
    rest: readonly unknown[],
    extra: Record<string, unknown> = {},
  ): void {
    const last = rest[rest.length - 1];
    const context = typeof last === 'string' ? { context: last } : {};
    if (message instanceof Error) {
      this.out[level]({ ...context, ...extra, err: message }, message.message);
    } else if (typeof message === 'string') {
      this.out[level]({ ...context, ...extra }, message);
    } else {
      this.out[level]({ ...context, ...extra, data: message }, 'nest');
    }
  }
}

/** For NestFactory's `logger` option: built before the app, from the same validated config. */
export function nestLogger(processName: string): NestJsonLogger {
  const log = createLogger({ level: loadConfig().logLevel, name: 'music-rl' });
  return new NestJsonLogger(log.child({ process: processName, component: 'nest' }));
}
