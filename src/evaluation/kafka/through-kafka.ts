/**
 * next-play twice on the same catalog and plays: through the deployed path (the catalog
 * imported by the real importer into an isolated schema, the event processor and the
 * recommender as child processes, lists over Kafka request/reply) and in process — on the
 * catalog exactly as the recommender loads it (CatalogStore: Postgres order, which seeds
 * sampling) — and the comparison of the two.
 */
import type { CatalogInput } from '../../catalog/catalog-import.args.js';
import { runCatalogImport } from '../../catalog/catalog-import.cli.js';
import type { CatalogIndex } from '../../domain/catalog-index.js';
import { createLogger } from '../../infra/logging/logger.js';
import { ensureUsers } from '../../infra/postgres/users.repository.js';
import { topicName } from '../../infra/kafka/topics.js';
import type { UserPlan } from '../../lastfm/user-timeline.js';
import { CatalogStore } from '../../recommender/catalog.store.js';
import { runNextPlay, type NextPlayResult } from '../scenarios/next-play.scenario.js';
import { KafkaServingPath } from './kafka-serving-path.js';
import { compareRuns, type Parity } from './parity.js';
import { openReplayEnvironment, type ProcessEnv, type ReplayEnvironment } from './replay-environment.js';
import { startServingProcesses } from './replay-processes.js';
import { runNextPlayServed } from './served-next-play.js';

export interface ThroughKafkaOptions {
  /** The caller's environment: service addresses; the replay adds its own names on top. */
  readonly base: ProcessEnv;
  readonly catalog: CatalogInput;
  /** The users' plans, matched against the catalog as imported. */
  readonly plans: (index: CatalogIndex) => Promise<readonly UserPlan[]>;
  readonly seed: string;
  readonly epsilon: number;
  readonly concurrency: number;
  readonly logDir: string;
  readonly log: (line: string) => void;
  readonly onUserDone?: (done: number, total: number) => void;
}

export interface ThroughKafkaResult {
  readonly tracks: number;
  readonly plans: readonly UserPlan[];
  readonly inProcess: NextPlayResult;
  readonly throughKafka: NextPlayResult;
  readonly parity: Parity;
}

/** Generous: a busy machine can take seconds for a batch, and a stall should fail, not hang. */
const APPLY_TIMEOUT_MS = 120_000;

export async function runThroughKafka(o: ThroughKafkaOptions): Promise<ThroughKafkaResult> {
  const env = await openReplayEnvironment({ base: o.base, epsilon: o.epsilon });
  try {
    o.log(
      `replay environment ${env.name}: schema ${env.config.database.schema}, topics ${env.config.kafka.topicPrefix}*`,
    );
    await runCatalogImport({ input: o.catalog, kafka: false, batchSize: 2000 }, env.config);
    const index = await loadServedCatalog(env);
    const plans = await o.plans(index);
    // The account starts at the first play, as in process (cold-start stages follow from it).
    const users = plans
      .filter((p) => p.plays.length > 0)
      .map((p) => ({ userId: p.userId, createdAt: p.plays[0].playedAt }));
    await ensureUsers(env.pool, users);
    const kafkaLists = new Map<string, readonly string[]>();
    const throughKafka = await replay({ env, o, index, plans, onList: (id, list) => kafkaLists.set(id, list) });
    const inProcessLists = new Map<string, readonly string[]>();
    const inProcess = runNextPlay({
      index,
      plans,
      seed: o.seed,
      epsilon: o.epsilon,
      onRecord: (r) => {
        if (r.kind === 'decision')
          inProcessLists.set(
            r.value.request_id,
            r.value.chosen.map((c) => c.track_id),
          );
      },
    });
    const parity = compareRuns({ inProcess, throughKafka, inProcessLists, kafkaLists });
    return { tracks: index.size, plans, inProcess, throughKafka, parity };
  } finally {
    await env.close();
  }
}

async function loadServedCatalog(env: ReplayEnvironment): Promise<CatalogIndex> {
  const store = new CatalogStore({ db: env.pool, log: createLogger({ level: 'error', name: env.name }) });
  await store.reload();
  const index = store.current();
  if (!index || index.size === 0) throw new Error('the catalog import left no tracks');
  return index;
}

async function replay(a: {
  env: ReplayEnvironment;
  o: ThroughKafkaOptions;
  index: CatalogIndex;
  plans: readonly UserPlan[];
  onList: (requestId: string, trackIds: readonly string[]) => void;
}): Promise<NextPlayResult> {
  const { env, o } = a;
  const processes = await startServingProcesses({ env, logDir: o.logDir, log: o.log });
  try {
    const path = new KafkaServingPath({
      producer: env.producer,
      registry: env.registry,
      eventsTopic: topicName('userEvents', { prefix: env.config.kafka.topicPrefix }),
      db: env.pool,
      requester: processes.requester,
      applyTimeoutMs: APPLY_TIMEOUT_MS,
      attempts: 3,
    });
    return await runNextPlayServed({
      index: a.index,
      plans: a.plans,
      seed: o.seed,
      epsilon: o.epsilon,
      path,
      concurrency: o.concurrency,
      onUserDone: o.onUserDone,
      onList: a.onList,
    });
  } finally {
    await processes.stop();
  }
}
