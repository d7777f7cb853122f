/** Structured JSON lines on stderr. Context objects carry userId/topic/partition/offset. */
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';

export interface Logger {
  error(context: Record<string, unknown>, message: string): void;
  warn(context: Record<string, unknown>, message: string): void;
  info(context: Record<string, unknown>, message: string): void;
  debug(context: Record<string, unknown>, message: string): void;
  child(bindings: Record<string, unknown>): Logger;
}

// The implementation (pino, secret redaction) lives with the rest of operability.
export { createJsonLogger as createLogger } from '../../observability/logging/json-logger.js';
