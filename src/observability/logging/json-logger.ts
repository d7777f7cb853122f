/**
 * The project's Logger on pino: one JSON line per call on stderr, with `level` as a name,
 * an ISO `time`, `name`, `pid`, the bindings of child loggers, the context and `msg`.
 * Contexts and messages pass through sanitize/scrubText first, so no caller can log a
 * secret by accident. Lines go through process.stderr.write, which is synchronous for
 * files, TTYs and pipes on Linux: the last lines before a signal-triggered exit (the
 * shutdown summary) are not lost in a buffer, and tests that capture stderr see them.
 */
import { pino, type DestinationStream, type Logger as Pino } from 'pino';
import type { Logger, LogLevel } from '../../infra/logging/logger.js';
import { sanitize, scrubText } from './redaction.js';

export interface JsonLoggerOptions {
  readonly level: LogLevel;
  readonly name: string;
  readonly bindings?: Record<string, unknown>;
  /** Defaults to stderr; tests pass a stream to read the lines back. */
  readonly destination?: DestinationStream;
}

/** Looks process.stderr.write up on every line, so a test's capture of it sees our lines. */
const stderr: DestinationStream = { write: (line: string) => void process.stderr.write(line) };

export function createJsonLogger(options: JsonLoggerOptions): Logger {
  const root = pino(
    {
      level: options.level,
      base: { name: options.name, pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      // Contexts arrive JSON-safe with errors already flattened by sanitize; pino's own `err`
      // serializer would flatten that plain object again (type "Object", empty stack).
      serializers: { err: (value: unknown) => value },
    },
    options.destination ?? stderr,
  );
  return wrap(options.bindings ? root.child(sanitize(options.bindings)) : root);
}

function wrap(p: Pino): Logger {
  const at =
    (level: 'error' | 'warn' | 'info' | 'debug') =>
    (context: Record<string, unknown>, message: string): void => {
      if (!p.isLevelEnabled(level)) return;
      p[level](sanitize(context), scrubText(message));
    };
  return {
    error: at('error'),
    warn: at('warn'),
    info: at('info'),
    debug: at('debug'),
    child: (bindings) => wrap(p.child(sanitize(bindings))),
  };
}
