/**
 * Sustained event-path throughput: a topic pre-filled with N events over U users, Kafka's
 * own ConsumerPerformance on that very topic (same records, sizes and partitions: the
 * ceiling), then the processor from a cold start until every event is durable. The
 * processor is one learner process, or several in one consumer group (as deployed to use
 * more cores): Kafka splits the partitions between them.
 *
 * Durable = the processors' `applied` counters (summed), which move only after a chunk's
 * Postgres transaction committed and its Redis snapshots were written; checked at the end
 * against count(music_interactions) and one snapshot key per user. The sustained rate is
 * taken from 10 % to 100 % durable, so the group join and JIT warm-up are left out (both
 * are reported as the cold rate); with several processes the window also opens only once
 * every one of them has applied events, i.e. after the group's rebalance.
 */
import { syntheticTracks } from '../../src/domain/test-fixtures.js';
import { redisKeys } from '../../src/infra/redis/redis-keys.js';
import { insertTracks } from '../../test/support/event-path.js';
import { openBenchEnv, type BenchEnv } from '../lib/bench-env.js';
import { cpuWindow, type CpuGroups } from '../lib/cpu.js';
import { kafkaCeiling, type ConsumerCeiling } from '../lib/kafka-perf.js';
import { loadAverage } from '../lib/machine.js';
import { round } from '../lib/stats.js';
import { prefill, userIdOf, type ProduceStats } from './event-generator.js';
import { postgresFootprint, snapshotFootprint, type PostgresFootprint, type SnapshotFootprint } from './footprint.js';
import { LearnerGroup, type LearnerReport, type ProgressSample } from './learner-process.js';

export interface ThroughputResult {
  readonly users: number;
  readonly events: number;
  readonly partitions: number;
  /** Learner processes in the consumer group (absent in results written before there could be several: 1). */
  readonly processes: number;
  /** Events each process applied (how the partitions' work was split). */
  readonly appliedByProcess: readonly number[];
  readonly meanMessageBytes: number;
  readonly produceEventsPerSecond: number;
  readonly kafka: ConsumerCeiling;
  /** 10 % → 100 % durable. */
  readonly eventsPerSecond: number;
  /** Share of the events durable when that window opened: 0.1, or later if a process started working late. */
  readonly sustainedFrom: number;
  /** Processor start → 100 % durable (group join, JIT and all). */
  readonly coldEventsPerSecond: number;
  readonly ratioToKafka: number;
  /** Share of the processors' chunk time per stage, summed over processes (stages of partitions in flight overlap). */
  readonly stageShare: Record<string, number>;
  /** `processor` = all learner processes together. */
  readonly cpuCores: CpuGroups;
  /** The largest of the processes' peak RSS. */
  readonly processorRssMb: number;
  /** Postgres WAL written per event during processing (the whole server's WAL: other writers included). */
  readonly walBytesPerEvent: number;
  readonly snapshots: SnapshotFootprint;
  readonly postgres: PostgresFootprint;
  readonly load: readonly number[];
}

export async function runThroughput(o: {
  users: number;
  events: number;
  partitions: number;
  /** Learner processes in one consumer group (default 1). */
  processes?: number;
}): Promise<ThroughputResult> {
  const env = await openBenchEnv('bench_ev', o.partitions);
  try {
    const tracks = syntheticTracks(2000, 'bench-catalog');
    await insertTracks(env, tracks);
    const topic = env.topic('userEvents');
    const stream = { users: o.users, tracks, tag: env.name };
    const produced = await prefill({ producer: env.producer, registry: env.registry, topic, count: o.events, stream });
    const group = `${env.name}-cperf`;
    for (const k of [1, 2, 3]) env.groups.add(`${group}-${k}`);
    const kafka = await kafkaCeiling({ topic, messages: o.events, group });
    const ids = Array.from({ length: o.users }, (_, u) => userIdOf(u));
    return await measureProcessing(env, { ...o, userIds: ids, produced, kafka });
  } finally {
    await env.close();
  }
}

/** Runs the processor over the pre-filled topic and measures; shared with the Last.fm replay. */
export async function measureProcessing(
  env: BenchEnv,
  o: {
    events: number;
    partitions: number;
    processes?: number;
    userIds: readonly string[];
    produced: ProduceStats;
    kafka: ConsumerCeiling;
  },
): Promise<ThroughputResult> {
  const load = loadAverage();
  const walBefore = await walPosition(env);
  const processes = o.processes ?? 1;
  const run = await processAll(env, { ...o, processes });
  const wal = await walSince(env, walBefore);
  const rate = (run.end.applied - run.from.applied) / ((run.end.at - run.from.at) / 1000);
  return {
    users: o.userIds.length,
    events: o.events,
    partitions: o.partitions,
    processes,
    appliedByProcess: run.appliedByProcess,
    meanMessageBytes: Math.round(o.produced.bytes / o.produced.events),
    produceEventsPerSecond: Math.round(o.produced.events / o.produced.seconds),
    kafka: o.kafka,
    eventsPerSecond: Math.round(rate),
    sustainedFrom: round(run.from.applied / o.events, 2),
    coldEventsPerSecond: Math.round(o.events / ((run.end.at - run.startedAt) / 1000)),
    ratioToKafka: round(rate / o.kafka.fetchMessagesPerSecond, 3),
    stageShare: run.stageShare,
    cpuCores: run.cpu,
    processorRssMb: run.rssMb,
    walBytesPerEvent: Math.round(wal / o.events),
    snapshots: await snapshotFootprint({ redis: env.redis, prefix: env.redisPrefix, userIds: o.userIds }),
    postgres: await postgresFootprint({ pool: env.db.pool, schema: env.db.schema, events: o.events }),
    load,
  };
}

interface ProcessedRun {
  readonly startedAt: number;
  readonly from: ProgressSample;
  readonly end: ProgressSample;
  readonly stageShare: Record<string, number>;
  readonly cpu: CpuGroups;
  readonly rssMb: number;
  readonly appliedByProcess: readonly number[];
}

async function processAll(
  env: BenchEnv,
  o: { events: number; partitions: number; processes: number; userIds: readonly string[] },
): Promise<ProcessedRun> {
  const startedAt = performance.now();
  const learners = await LearnerGroup.start(env, {
    partitions: o.partitions,
    processes: o.processes,
    label: 'throughput',
  });
  try {
    const timeout = Math.max(120_000, o.events); // ≥ 1,000 events/s or it is broken, not slow
    // Every process has applied events = each holds its partitions: the group's rebalance is behind us.
    const working = Math.min(o.processes, o.partitions);
    await learners.until(
      (reports) =>
        learners.applied >= o.events * 0.1 &&
        (reports.filter((r) => r.counters.applied > 0).length >= working || learners.applied >= o.events),
      timeout,
      `10 % of the events, with all ${working} processes working`,
    );
    const from = learners.samples[learners.samples.length - 1];
    if (from.applied >= o.events) throw new Error(`not all ${working} learner processes applied events before the end`);
    const cpu = cpuWindow({ processor: learners.pids });
    await learners.until(() => learners.applied >= o.events, timeout, 'every event');
    const end = learners.samples[learners.samples.length - 1];
    const cores = cpu.stop();
    await verifyDurable(env, o);
    return { startedAt, from, end, cpu: cores, ...summarize(learners.reports) };
  } finally {
    await learners.stop();
  }
}

/** Stage times summed over the processes, the largest peak RSS, and each one's share of the events. */
function summarize(reports: readonly LearnerReport[]): Pick<ProcessedRun, 'stageShare' | 'rssMb' | 'appliedByProcess'> {
  const stageMs: Record<string, number> = {};
  for (const r of reports) for (const [k, v] of Object.entries(r.stageMs)) stageMs[k] = (stageMs[k] ?? 0) + v;
  const total = Object.values(stageMs).reduce((s, v) => s + v, 0);
  return {
    stageShare: Object.fromEntries(Object.entries(stageMs).map(([k, v]) => [k, round(v / total, 3)])),
    rssMb: Math.round(Math.max(...reports.map((r) => r.maxRssBytes)) / 2 ** 20),
    appliedByProcess: reports.map((r) => r.counters.applied),
  };
}

/** Postgres holds every event and Redis a snapshot of every user: the counter told the truth. */
async function verifyDurable(env: BenchEnv, o: { events: number; userIds: readonly string[] }): Promise<void> {
  const { rows } = await env.db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM music_interactions');
  if (rows[0].n !== o.events) throw new Error(`expected ${o.events} interactions in Postgres, found ${rows[0].n}`);
  const keys = redisKeys(env.redisPrefix);
  const ids = o.userIds;
  let present = 0;
  for (let i = 0; i < ids.length; i += 5000) {
    present += await env.redis.exists(...ids.slice(i, i + 5000).map((u) => keys.userSnapshot(u)));
  }
  if (present !== ids.length) throw new Error(`expected ${ids.length} snapshots in Redis, found ${present}`);
}

async function walPosition(env: BenchEnv): Promise<string> {
  return (await env.db.pool.query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn')).rows[0].lsn;
}

async function walSince(env: BenchEnv, lsn: string): Promise<number> {
  const { rows } = await env.db.pool.query<{ bytes: number }>(
    'SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), $1::pg_lsn)::float8 AS bytes',
    [lsn],
  );
  return rows[0].bytes;
}
