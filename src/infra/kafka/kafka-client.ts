import { Kafka, logLevel, type KafkaConfig, type LogEntry } from 'kafkajs';

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
  const config: KafkaConfig = {
    clientId: options.clientId,
    brokers: [...options.brokers],
    connectionTimeout: options.connectionTimeoutMs ?? 3000,
    logLevel: LEVELS[options.level ?? 'warn'],
    logCreator: () => (entry: LogEntry) => writeKafkaLog(entry),
    retry: { initialRetryTime: 100, retries: 8, maxRetryTime: 5000 },
  };
  return new Kafka(config);
}

function writeKafkaLog({ level, log, namespace }: LogEntry): void {
  const { message, timestamp: _t, logger: _l, ...extra } = log as { message: string; timestamp?: string; logger?: string };
  const line = JSON.stringify({ level: levelName(level), component: `kafkajs.${namespace}`, msg: message, ...extra });
  process.stderr.write(`${line}\n`);
}

function levelName(level: logLevel): string {
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
