/** Runs the real recommender entry point (dist/) as a child process against an isolated environment. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventPathEnv } from './event-path.js';
import { createRequester, waitUntilServing, type Requester } from './recommender-client.js';

export interface RecommenderProcess {
  readonly child: ChildProcess;
  readonly logFile: string;
  stop(): Promise<void>;
}

export function spawnRecommender(env: EventPathEnv, extraEnv: Record<string, string> = {}): RecommenderProcess {
  const logFile = join(tmpdir(), `${env.name}-recommender.log`);
  const child = spawn(process.execPath, ['dist/src/recommender/recommender.main.js'], {
    env: {
      ...process.env,
      DATABASE_SCHEMA: env.db.schema,
      KAFKA_TOPIC_PREFIX: env.prefix,
      KAFKA_EVENT_PARTITIONS: '4',
      KAFKA_CLIENT_ID: `${env.name}-recommender`,
      KAFKA_SESSION_TIMEOUT_MS: '6000',
      RECOMMENDER_CONSUMER_GROUP: `${env.name}-recommender`,
      REDIS_KEY_PREFIX: env.redisPrefix,
      LOG_LEVEL: 'info',
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = createWriteStream(logFile);
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  return {
    child,
    logFile,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

export interface ServingRecommender {
  readonly recommender: RecommenderProcess;
  readonly requester: Requester;
  /** Closes the requester, then stops the recommender. */
  stop(): Promise<void>;
}

/** The real recommender as a child process and a gateway-style requester, once it answers. */
export async function startServingRecommender(
  env: EventPathEnv,
  extraEnv: Record<string, string> = {},
): Promise<ServingRecommender> {
  const recommender = spawnRecommender(env, extraEnv);
  let requester: Requester | null = null;
  try {
    requester = await createRequester(env);
    await waitUntilServing(requester);
  } catch (error) {
    await requester?.close();
    await recommender.stop();
    throw error;
  }
  const ready = requester;
  return {
    recommender,
    requester: ready,
    async stop() {
      await ready.close();
      await recommender.stop();
    },
  };
}
