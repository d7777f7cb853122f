/**
 * The deployed processes of a replay: the event processor (`learner.main`, as in
 * production) and the replay recommender (production recommender ranking at requested_at),
 * as child processes on the replay's environment, plus the gateway's Kafka requester. Ready
 * once the recommender answers a probe: its new consumer group starts at the log end only
 * after joining, so requests sent earlier would never be seen.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startLearner, type LearnerProcess } from '../../demo/learner-process.js';
import { createLogger } from '../../infra/logging/logger.js';
import { RecommendationRequester } from '../../gateway/recommendation.requester.js';
import type { Requester } from './kafka-serving-path.js';
import type { ReplayEnvironment } from './replay-environment.js';

export interface ServingProcesses {
  readonly requester: Requester;
  readonly logFiles: readonly string[];
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 120_000;
const RECOMMENDER_READY = '"msg":"recommender listening"';

/** The folder holding package.json above this file (src/… under ts, dist/src/… once built). */
export function repositoryRoot(from = fileURLToPath(import.meta.url)): string {
  for (let dir = dirname(from); dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
  }
  throw new Error(`no package.json above ${from}`);
}

export async function startServingProcesses(o: {
  env: ReplayEnvironment;
  logDir: string;
  log: (line: string) => void;
}): Promise<ServingProcesses> {
  const root = repositoryRoot();
  const start = (name: string, entry: string, readyMark?: string): LearnerProcess =>
    startLearner({
      entry: join(root, entry),
      env: { ...o.env.env },
      logFile: join(o.logDir, `${o.env.name}-${name}.log`),
      readyMark,
    });
  const children = [
    start('learner', 'dist/src/learner/learner.main.js'),
    start('recommender', 'dist/src/evaluation/kafka/replay-recommender.main.js', RECOMMENDER_READY),
  ];
  const { config, kafka, registry } = o.env;
  const requester = new RecommendationRequester(
    config,
    kafka,
    registry,
    createLogger({ level: 'error', name: o.env.name }),
  );
  const stop = async (): Promise<void> => {
    await requester.onApplicationShutdown().catch((e: unknown) => o.log(`requester shutdown: ${String(e)}`));
    await Promise.all(children.map((c) => c.stop(30_000)));
  };
  try {
    await Promise.all(children.map((c) => c.ready(START_TIMEOUT_MS)));
    o.log(
      `event processor (pid ${children[0].pid}) and recommender (pid ${children[1].pid}) started; logs ${children.map((c) => c.logFile).join(', ')}`,
    );
    await requester.onApplicationBootstrap();
    await probe(requester, `${o.env.name}-probe`);
  } catch (error) {
    await stop();
    throw error;
  }
  return { requester, logFiles: children.map((c) => c.logFile), stop };
}

async function probe(requester: RecommendationRequester, userId: string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (let i = 0; ; i++) {
    const request = {
      request_id: `${userId}-${i}`,
      user_id: userId,
      max_results: 1,
      force_refresh: true,
      requested_at: Date.now(),
      context: null,
    };
    let outcome: string;
    try {
      const reply = await requester.request(request);
      if (reply.status === 'OK') return;
      outcome = `${reply.status}: ${reply.error}`;
    } catch (error) {
      outcome = String(error);
    }
    if (Date.now() > deadline)
      throw new Error(`the recommender did not answer within ${START_TIMEOUT_MS} ms: ${outcome}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
