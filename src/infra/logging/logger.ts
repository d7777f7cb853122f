/** Structured JSON lines on stderr. Context objects carry userId/topic/partition/offset. */
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';

export interface Logger {
  error(context: Record<string, unknown>, message: string): void;
  warn(context: Record<string, unknown>, message: string): void;
  info(context: Record<string, unknown>, message: string): void;
  debug(context: Record<string, unknown>, message: string): void;
  child(bindings: Record<string, unknown>): Logger;
}

const ORDER: Record<LogLevel, number> = { fatal: 60, error: 50, warn: 40, info: 30, debug: 20, trace: 10 };

/** Keys whose values are never written, whatever component logs them. */
const SECRET_KEYS = /token|secret|password|authorization|cookie/i;

export function createLogger(options: { level: LogLevel; name: string; bindings?: Record<string, unknown> }): Logger {
  const threshold = ORDER[options.level];
  const base = { name: options.name, ...options.bindings };
  const write = (level: LogLevel) => (context: Record<string, unknown>, message: string) => {
    if (ORDER[level] < threshold) return;
    const line = { level, time: new Date().toISOString(), ...base, ...redact(context), msg: message };
    process.stderr.write(`${JSON.stringify(line, errorReplacer)}\n`);
  };
  return {
    error: write('error'),
    warn: write('warn'),
    info: write('info'),
    debug: write('debug'),
    child: (bindings) => createLogger({ ...options, bindings: { ...options.bindings, ...bindings } }),
  };
}

function redact(context: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(context)) out[k] = SECRET_KEYS.test(k) ? '[redacted]' : v;
  return out;
}

function errorReplacer(_key: string, value: unknown): unknown {
  if (value instanceof Error)
    return { type: value.name, message: value.message, code: (value as { code?: unknown }).code };
  if (typeof value === 'bigint') return value.toString();
  return value;
}
