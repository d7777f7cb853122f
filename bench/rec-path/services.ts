/**
 * The recommendation path's processes, as deployed: the recommender (test/support's
 * spawnRecommender: the real entry point in dist/) and the HTTP gateway
 * (dist/src/gateway/gateway.main.js) as children, each on the scenario's schema, topic
 * prefix and Redis prefix. The per-user rate limit is raised out of the way (the limiter
 * still runs on every request) so one bench user can be asked more than 100 times a minute.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequester, waitUntilServing, type Requester } from '../../test/support/recommender-client.js';
import { spawnRecommender, type RecommenderProcess } from '../../test/support/recommender-process.js';
import type { BenchEnv } from '../lib/bench-env.js';
import { sleep } from '../lib/stats.js';

export const SERVICE_ENV = { USER_RATE_LIMIT: '1000000', CATALOG_RELOAD_INTERVAL_SECONDS: '0', LOG_LEVEL: 'warn' };

export interface RecommenderService {
  readonly process: RecommenderProcess;
  readonly requester: Requester;
  /** Process start → first answer (migrate, topics, catalog load, group join). */
  readonly startSeconds: number;
  stop(): Promise<void>;
}

export async function startRecommender(env: BenchEnv, partitions: number): Promise<RecommenderService> {
  const started = performance.now();
  const group = `${env.name}-recommender`;
  env.groups.add(group);
  const child = spawnRecommender(env, { ...SERVICE_ENV, KAFKA_EVENT_PARTITIONS: String(partitions) });
  const requester = await createRequester(env);
  await waitUntilServing(requester, 180_000);
  return {
    process: child,
    requester,
    startSeconds: (performance.now() - started) / 1000,
    async stop() {
      await requester.close();
      await child.stop();
    },
  };
}

export interface GatewayService {
  readonly url: string;
  readonly pid: number | undefined;
  stop(): Promise<void>;
}

export async function startGateway(env: BenchEnv, partitions: number): Promise<GatewayService> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['dist/src/gateway/gateway.main.js'], {
    env: {
      ...process.env,
      ...SERVICE_ENV,
      HTTP_PORT: String(port),
      DATABASE_SCHEMA: env.db.schema,
      KAFKA_TOPIC_PREFIX: env.prefix,
      KAFKA_EVENT_PARTITIONS: String(partitions),
      KAFKA_CLIENT_ID: `${env.name}-gateway`,
      REDIS_KEY_PREFIX: env.redisPrefix,
      GATEWAY_REQUEST_TIMEOUT_MS: '10000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logFile = join(tmpdir(), `${env.name}-gateway.log`);
  const log = createWriteStream(logFile);
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  // A gateway that exits at start (bad build, bad config) fails the wait at once, not at the deadline.
  while (
    !(await fetch(`${url}/health/ready`).then(
      (r) => r.ok,
      () => false,
    ))
  ) {
    if (child.exitCode !== null)
      throw new Error(`the gateway exited with ${child.exitCode} at start (log: ${logFile})`);
    if (Date.now() > deadline) throw new Error(`the gateway was not ready within 60 s (log: ${logFile})`);
    await sleep(200);
  }
  return {
    url,
    pid: child.pid,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
