/** Runs the real event-processor entry point (dist/) as a child process against an isolated environment. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventPathEnv } from './event-path.js';

export interface ChildProcessor {
  readonly child: ChildProcess;
  readonly logFile: string;
  /** Resolves with how it ended. Nest re-raises the signal after a graceful shutdown, so SIGTERM ends with signal 'SIGTERM'. */
  kill(signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function spawnProcessor(
  env: EventPathEnv,
  options: { id: string; partitions: number; extraEnv?: Record<string, string> },
): ChildProcessor {
  const logFile = join(tmpdir(), `${env.name}-${options.id}.log`);
  const child = spawn(process.execPath, ['dist/src/learner/learner.main.js'], {
    env: {
      ...process.env,
      DATABASE_SCHEMA: env.db.schema,
      KAFKA_TOPIC_PREFIX: env.prefix,
      KAFKA_CONSUMER_GROUP: env.group,
      KAFKA_EVENT_PARTITIONS: String(options.partitions),
      KAFKA_CLIENT_ID: `${env.name}-${options.id}`,
      KAFKA_SESSION_TIMEOUT_MS: '6000',
      REDIS_KEY_PREFIX: env.redisPrefix,
      LOG_LEVEL: 'info',
      ...options.extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = createWriteStream(logFile);
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return {
    child,
    logFile,
    async kill(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}
