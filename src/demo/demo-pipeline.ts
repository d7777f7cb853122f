/**
 * `npm run demo`, after the stack is up and dist/ is built: reset the demo's event state,
 * make sure the catalog is there, match the Last.fm plays, create the users, start the
 * event processor, stream the plays through Kafka while showing the learning, summarise,
 * and show recommendations through the HTTP gateway.
 */
import { join } from 'node:path';
import type { CatalogInput } from '../catalog/catalog-import.args.js';
import { generateCatalog } from '../catalog/generated-catalog.js';
import type { AppConfig } from '../config/config.js';
import { ensureTopics } from '../infra/kafka/topic-bootstrap.js';
import { defaultMigrationsDir, migrate } from '../infra/postgres/migrator.js';
import type { DemoDataSource } from './demo-data.js';
import type { DemoOptions } from './demo-options.js';
import { fmt, pct, type DemoOutput } from './demo-output.js';
import type { PlayInput } from './demo-plays.js';
import { formatSummary, type DemoSummary } from './demo-report.js';
import { resetDemoState } from './demo-reset.js';
import { openResources, type DemoResources } from './demo-resources.js';
import { interactionsByFeedback } from './demo-state.repository.js';
import { prepareStream, type PreparedStream } from './demo-prepare.js';
import { generatePlayLog } from './generated-plays.js';
import { startLearner, type LearnerProcess } from './learner-process.js';
import { PipelineMonitor } from './pipeline-monitor.js';
import { showRecommendations } from './recommendations-step.js';
import { streamAndWatch, type StreamResult } from './demo-stream.js';

export interface DemoContext {
  readonly config: AppConfig;
  readonly options: DemoOptions;
  readonly data: DemoDataSource;
  readonly repoRoot: string;
  /** Environment of the event-processor child (the demo's schema, prefix and group in it). */
  readonly learnerEnv: NodeJS.ProcessEnv;
  readonly learnerLog: string;
  readonly out: DemoOutput;
  /** Aborted on Ctrl-C: the run stops at the next step or second, stopping the processor. */
  readonly signal?: AbortSignal;
}

/** Generated mode: catalog size and seed (same seed → same catalog and users every run). */
export const GENERATED = { tracks: 5000, seed: 'music-rl-demo', users: 12, playsPerUser: 600 } as const;

export async function runDemo(ctx: DemoContext): Promise<DemoSummary> {
  const started = Date.now();
  const r = await openResources(ctx.config);
  let learner: LearnerProcess | null = null;
  try {
    await prepareSchemaAndTopics(ctx, r);
    const prepared = await prepareStream({ ctx, r, input: playInput(ctx.data), catalog: catalogInput(ctx.data) });
    ctx.signal?.throwIfAborted();
    learner = await startLearnerStep(ctx);
    const result = await stream(ctx, r, learner, prepared);
    const stopped = await learner.stop();
    ctx.out.step('learner', `stopped cleanly (${stopped.signal ?? `exit ${stopped.code}`})`);
    const summary = await summarise({ ctx, r, p: prepared, result, totalMs: Date.now() - started });
    for (const line of formatSummary(summary)) ctx.out.line(line);
    await showRecommendations({
      repoRoot: ctx.repoRoot,
      users: prepared.watch,
      env: ctx.learnerEnv,
      port: ctx.options.port,
      say: (t) => ctx.out.step('recommendations', t),
      line: (t) => ctx.out.line(t),
      now: Date.now,
    });
    return summary;
  } finally {
    if (learner?.alive()) await learner.stop();
    await r.close();
  }
}

async function prepareSchemaAndTopics(ctx: DemoContext, r: DemoResources): Promise<void> {
  const { schema } = ctx.config.database;
  await migrate({ pool: r.pool, schema, dir: defaultMigrationsDir() });
  const reset = await resetDemoState({
    db: r.pool,
    schema,
    admin: r.admin,
    topicPrefix: ctx.config.kafka.topicPrefix,
    keepTopics: [r.topic('catalogTracks')],
    group: ctx.config.kafka.consumerGroup,
  });
  ctx.out.step(
    'reset',
    `schema ${schema}: emptied ${reset.tables.length} tables (catalog kept); deleted ${reset.topics.length} ` +
      `${ctx.config.kafka.topicPrefix}* topics${reset.groupDeleted ? ' and the old consumer group' : ''} — every run starts from new users`,
  );
  await ensureTopics(r.admin, {
    prefix: ctx.config.kafka.topicPrefix,
    eventPartitions: ctx.config.kafka.eventPartitions,
  });
}

/** The processor is started only now, so the progress display measures the stream and nothing else. */
async function startLearnerStep(ctx: DemoContext): Promise<LearnerProcess> {
  const learner = startLearner({
    entry: join(ctx.repoRoot, 'dist/src/learner/learner.main.js'),
    env: ctx.learnerEnv,
    logFile: ctx.learnerLog,
  });
  await learner.ready(60_000);
  ctx.out.step('learner', `event processor running (pid ${learner.pid}, log ${learner.logFile})`);
  return learner;
}

async function stream(ctx: DemoContext, r: DemoResources, learner: LearnerProcess, p: PreparedStream) {
  const { rate } = ctx.options;
  const pace = rate > 0 ? `paced at ${fmt(rate)}/s (--rate 0: full speed)` : 'at full speed';
  ctx.out.step(
    'stream',
    `${fmt(p.totalEvents)} events to ${r.topic('userEvents')} ${pace}; watching ${p.watch.join(', ')}`,
  );
  const monitor = new PipelineMonitor({
    db: r.pool,
    admin: r.admin,
    group: ctx.config.kafka.consumerGroup,
    eventsTopic: r.topic('userEvents'),
    deadLetterTopic: r.topic('deadLetters'),
  });
  const result = await streamAndWatch({
    plays: p.plays(),
    totalEvents: p.totalEvents,
    target: { producer: r.producer, registry: r.registry, topic: r.topic('userEvents'), rate },
    monitor,
    learner,
    snapshots: r.snapshots,
    watch: p.watch,
    out: ctx.out,
    viewEveryMs: ctx.options.viewEveryMs,
    signal: ctx.signal,
  });
  const { applied } = result.last;
  const { events } = result.counters;
  ctx.out.step('stream', `done: ${fmt(applied)} of ${fmt(events)} events applied (${pct(applied, events)})`);
  return result;
}

async function summarise(o: {
  ctx: DemoContext;
  r: DemoResources;
  p: PreparedStream;
  result: StreamResult;
  totalMs: number;
}): Promise<DemoSummary> {
  const { p, result } = o;
  return {
    data: p.dataLabel,
    catalog: p.catalog,
    stats: p.input.log.stats,
    malformedSamples: p.input.log.malformedSamples,
    duplicates: p.duplicates,
    users: { streamed: p.users.length, withSignUpDate: p.withSignUpDate },
    streamed: result.counters,
    applied: result.last.applied,
    byFeedback: await interactionsByFeedback(o.r.pool),
    deadLetters: result.last.deadLetters,
    streamMs: result.elapsedMs,
    rate: o.ctx.options.rate,
    totalMs: o.totalMs,
  };
}

function catalogInput(data: DemoDataSource): CatalogInput {
  return data.kind === 'files'
    ? { kind: 'file', path: data.catalog }
    : { kind: 'generated', count: GENERATED.tracks, seed: GENERATED.seed };
}

function playInput(data: DemoDataSource): PlayInput {
  if (data.kind === 'files') return { kind: 'files', source: data };
  const catalog = generateCatalog({ count: GENERATED.tracks, seed: GENERATED.seed });
  return {
    kind: 'generated',
    log: generatePlayLog({
      catalog,
      users: GENERATED.users,
      playsPerUser: GENERATED.playsPerUser,
      seed: GENERATED.seed,
    }),
  };
}
