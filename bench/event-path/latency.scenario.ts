/**
 * Produce-to-durable latency at a fixed offered load below saturation: a running
 * processor with U existing users, a paced producer offering `rate` events/s (warm-up,
 * then the measured window), each event stamped with its produce time in occurred_at.
 *
 * Two clocks the processor does not control bound the durable moment:
 * - lower: music_interactions.processed_at, Postgres's now() = the start of the
 *   transaction that wrote the event (the commit follows it);
 * - upper (the reported number): the bench receiving the event's reward record, which
 *   the outbox relay sends only after that transaction committed (see reward-observer).
 */
import { syntheticTracks } from '../../src/domain/test-fixtures.js';
import { insertTracks } from '../../test/support/event-path.js';
import { openBenchEnv } from '../lib/bench-env.js';
import { cpuWindow, type CpuGroups } from '../lib/cpu.js';
import { loadAverage } from '../lib/machine.js';
import { round, sleep, summarise, type LatencySummary } from '../lib/stats.js';
import { eventMaker, prefill } from './event-generator.js';
import { CommitObserver } from './commit-observer.js';
import { LearnerProcess, type LearnerReport } from './learner-process.js';
import { producePaced } from './paced-producer.js';
import { RewardObserver } from './reward-observer.js';

export interface LatencyResult {
  readonly users: number;
  readonly offeredPerSecond: number;
  readonly achievedPerSecond: number;
  readonly measuredEvents: number;
  readonly seconds: number;
  /** Produce → reward received by the bench (upper bound of produce → durable). */
  readonly durable: LatencySummary;
  /** Produce → start of the transaction that stored the event (lower bound). */
  readonly transactionStart: LatencySummary;
  /** Produce → the bench's 10 ms poll of processor_offsets saw the transaction committed. */
  readonly committed: LatencySummary;
  /** The processor's batches in the window: how many, mean size, mean time per stage. */
  readonly batches: BatchProfile;
  readonly meanProduceAckMs: number;
  readonly cpuCores: CpuGroups;
  /** The processor's event-loop delay in the window: how long each I/O completion waited for the JS thread. */
  readonly eventLoopDelayMs?: { readonly p50: number; readonly p99: number; readonly max: number } | null;
  readonly load: readonly number[];
}

export async function runLatency(o: {
  users: number;
  rate: number;
  warmupSeconds: number;
  seconds: number;
  partitions: number;
  /** Processor settings beyond the defaults (e.g. KAFKA_PARTITIONS_CONCURRENCY), for variants. */
  learnerEnv?: Record<string, string>;
}): Promise<LatencyResult> {
  const env = await openBenchEnv('bench_lat', o.partitions);
  let learner: LearnerProcess | null = null;
  const tag = `${env.name}-p`;
  const first = o.users * 3 + Math.round(o.rate * o.warmupSeconds); // index of the first measured event
  const observer = new RewardObserver(env, (id) => isMeasured(tag, first, id));
  try {
    const tracks = syntheticTracks(2000, 'bench-catalog');
    await insertTracks(env, tracks);
    learner = await LearnerProcess.start(env, { partitions: o.partitions, label: 'latency', extraEnv: o.learnerEnv });
    // Existing users: three events each, so actors and rows exist before the clock starts.
    const stream = { users: o.users, tracks, tag };
    await prefill({
      producer: env.producer,
      registry: env.registry,
      topic: env.topic('userEvents'),
      count: o.users * 3,
      stream,
    });
    await learner.until((r) => r.counters.applied >= o.users * 3, 120_000, 'the existing users');
    await observer.start();
    const make = eventMaker({ ...stream, seed: `${tag}-paced` });
    const paced = {
      producer: env.producer,
      registry: env.registry,
      topic: env.topic('userEvents'),
      rate: o.rate,
      make,
    };
    await producePaced({ ...paced, seconds: o.warmupSeconds, first: o.users * 3 });
    const load = loadAverage();
    const cpu = cpuWindow({ processor: learner.pid });
    const commits = new CommitObserver(env.db.pool, env.group);
    commits.start();
    learner.resetEventLoopDelay();
    const before = learner.latest as LearnerReport;
    const run = await producePaced({ ...paced, seconds: o.seconds, first });
    const cpuCores = cpu.stop();
    const eventLoopDelayMs = (learner.latest as LearnerReport).eventLoopDelayMs ?? null;
    const batches = batchProfile(before, learner.latest as LearnerReport);
    const deadline = Date.now() + 60_000;
    while (observer.latencies.length < run.sent && Date.now() < deadline) await sleep(50);
    if (observer.latencies.length < run.sent)
      throw new Error(`only ${observer.latencies.length} of ${run.sent} rewards arrived within 60 s`);
    await commits.stop();
    const { rows } = await env.db.pool.query<{ id: string; ms: number; p: number; o: string; at: number }>(
      `SELECT event_id AS id, extract(epoch FROM processed_at - occurred_at)::float8 * 1000 AS ms,
              source_partition AS p, source_offset AS o, extract(epoch FROM occurred_at)::float8 * 1000 AS at
         FROM music_interactions WHERE event_id LIKE $1`,
      [`${tag}-%`],
    );
    const measured = rows.filter((r) => isMeasured(tag, first, r.id));
    const committed = measured.map((r) => (commits.committedAt(r.p, Number(r.o)) ?? NaN) - r.at);
    return {
      users: o.users,
      offeredPerSecond: o.rate,
      achievedPerSecond: Math.round(run.sent / run.seconds),
      measuredEvents: run.sent,
      seconds: round(run.seconds),
      durable: summarise(observer.latencies),
      transactionStart: summarise(measured.map((r) => r.ms)),
      committed: summarise(committed.filter((v) => !Number.isNaN(v))),
      batches,
      meanProduceAckMs: round(run.meanAckMs),
      cpuCores,
      eventLoopDelayMs,
      load,
    };
  } finally {
    await observer.stop();
    await learner?.stop();
    await env.close();
  }
}

/** Event ids are `<tag>-<index>`; the measured window starts at index `first`. */
function isMeasured(tag: string, first: number, eventId: string): boolean {
  return eventId.startsWith(`${tag}-`) && Number(eventId.slice(tag.length + 1)) >= first;
}

export interface BatchProfile {
  readonly count: number;
  readonly meanEvents: number;
  /** Mean wall time per batch in each stage of ChunkWriter.write. */
  readonly meanStageMs: Record<string, number>;
}

function batchProfile(before: LearnerReport, after: LearnerReport): BatchProfile {
  const count = after.counters.batches - before.counters.batches;
  const per = (v: number): number => round(v / Math.max(1, count), 1);
  const meanStageMs = Object.fromEntries(
    Object.entries(after.stageMs).map(([stage, ms]) => [stage, per(ms - (before.stageMs[stage] ?? 0))]),
  );
  return { count, meanEvents: per(after.counters.applied - before.counters.applied), meanStageMs };
}

/**
 * Events the processor applied per second in the measured window. Below the achieved
 * offered rate, the load was past saturation and the latencies measure a growing backlog.
 */
export function processedPerSecond(l: LatencyResult): number {
  return Math.round((l.batches.count * l.batches.meanEvents) / l.seconds);
}

export const isSaturated = (l: LatencyResult): boolean => processedPerSecond(l) < 0.97 * l.achievedPerSecond;
