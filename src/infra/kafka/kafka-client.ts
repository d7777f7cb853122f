import { Kafka, logLevel, Partitioners, type KafkaConfig, type LogEntry, type Producer } from 'kafkajs';
import { createLogger, type Logger } from '../logging/logger.js';

export interface KafkaClientOptions {
  readonly brokers: readonly string[];
  readonly clientId: string;
  /** kafkajs logs below this level are dropped; its INFO chatter is noise for us. */
  readonly level?: 'error' | 'warn' | 'info' | 'debug';
  readonly connectionTimeoutMs?: number;
}

const LEVELS = { error: logLevel.ERROR, warn: logLevel.WARN, info: logLevel.INFO, debug: logLevel.DEBUG } as const;

/** One place that builds kafkajs clients, so every process has the same retry and logging policy. */
export function createKafka(options: KafkaClientOptions): Kafka {
  // kafkajs filters by its own level first; ours must let everything it passes through.
  const log = createLogger({ level: 'debug', name: 'music-rl' });
  const config: KafkaConfig = {
    clientId: options.clientId,
    brokers: [...options.brokers],
    connectionTimeout: options.connectionTimeoutMs ?? 3000,
    logLevel: LEVELS[options.level ?? 'warn'],
    logCreator: () => (entry: LogEntry) => writeKafkaLog(log, entry),
    retry: { initialRetryTime: 100, retries: 8, maxRetryTime: 5000 },
  };
  return new Kafka(config);
}

/** Through our JSON logger: the same line format and secret redaction (SASL settings, URLs) as ours. */
function writeKafkaLog(to: Logger, { level, log, namespace }: LogEntry): void {
  const {
    message,
    timestamp: _t,
    logger: _l,
    ...extra
  } = log as { message: string; timestamp?: string; logger?: string };
  to[levelName(level)]({ component: `kafkajs.${namespace}`, ...extra }, message);
}

function levelName(level: logLevel): 'error' | 'warn' | 'info' | 'debug' {
  switch (level) {
    case logLevel.ERROR:
      return 'error';
    case logLevel.WARN:
      return 'warn';
    case logLevel.INFO:
      return 'info';
    default:
      return 'debug';
  }
}

/**
 * Producers all hash keys with the Java client's murmur2 partitioner, so a user's records
 * land in the same partition whoever writes them. Idempotent producers retry without a
 * limit: a bounded retry could reorder or duplicate a user's records (kafkajs warns so).
 */
export function createProducer(kafka: Kafka, options: { idempotent: boolean }): Producer {
  return kafka.producer({
    createPartitioner: Partitioners.DefaultPartitioner,
    idempotent: options.idempotent,
    maxInFlightRequests: options.idempotent ? 1 : undefined,
    retry: options.idempotent
      ? { retries: Number.MAX_SAFE_INTEGER, initialRetryTime: 100, maxRetryTime: 5000 }
      : undefined,
  });
}
