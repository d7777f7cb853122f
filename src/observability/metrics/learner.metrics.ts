/**
 * The event path's series. Totals are read from EventProcessor.counters and
 * ChunkWriter.stageMs at scrape time; distributions (chunk sizes, durations, the Postgres
 * transaction, rewards) need one observation per chunk and come from onChunk.
 */
import { Counter, Histogram, type Registry } from 'prom-client';
import type { Logger } from '../../infra/logging/logger.js';
import type { ChunkReport } from '../../learner/chunk-report.js';
import type { EventProcessor } from '../../learner/event-processor.js';
import type { ConsumerLagSampler } from './consumer-lag.sampler.js';
import { ERRORS_HELP, METRIC } from './metric-names.js';
import { cumulativeCounter, readGauge, sharedCounter } from './metrics-registry.js';

/** Seconds; chunks run from a few ms (one event) to seconds (5,000 events on a slow disk). */
const DURATION_BUCKETS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const SIZE_BUCKETS = [1, 5, 10, 50, 100, 250, 500, 1000, 2500, 5000];
/** The reward's range is [−2, 2.5] (docs/learning.md). */
const REWARD_BUCKETS = [-1.5, -1, -0.5, -0.25, 0, 0.25, 0.5, 1, 1.5, 2, 2.5];

export interface LearnerMetricsOptions {
  readonly registry: Registry;
  readonly processor: EventProcessor;
  /** The user-events topic (the processor's counters are for it alone). */
  readonly topic: string;
  readonly lag: ConsumerLagSampler;
  readonly log: Logger;
}

export function registerLearnerMetrics(o: LearnerMetricsOptions): void {
  const { registry, processor, topic } = o;
  const fromCounter = (name: string, help: string, read: () => number): void => {
    cumulativeCounter(registry, { name, help, labelNames: ['topic'], read: () => [[{ topic }, read()]] });
  };
  const c = processor.counters;
  fromCounter(METRIC.eventsApplied, 'Events applied to user state (committed to Postgres).', () => c.applied);
  fromCounter(METRIC.eventsDuplicate, 'Events dropped because their event id was applied before.', () => c.duplicates);
  fromCounter(METRIC.eventsDeadLettered, 'Records sent to the dead-letter topic (bad input).', () => c.deadLettered);
  fromCounter(METRIC.batches, 'Kafka batches fully processed.', () => c.batches);
  cumulativeCounter(registry, {
    name: METRIC.stageSeconds,
    help: 'Time spent per stage of chunk processing (decode, load incl. snapshot invalidation and dead letters, apply, commit, snapshot).',
    labelNames: ['stage'],
    read: () => Object.entries(processor.stageMs).map(([stage, ms]) => [{ stage }, ms / 1000] as const),
  });
  sharedCounter(registry, {
    name: METRIC.errors,
    help: ERRORS_HELP,
    labelNames: ['kind'],
    read: () => [[{ kind: 'chunk_retry' }, c.retries]],
  });
  registerPartitionGauges(o);
  processor.onChunk(chunkObserver(o));
}

function registerPartitionGauges({ registry, processor, lag }: LearnerMetricsOptions): void {
  readGauge(registry, {
    name: METRIC.consumerLag,
    help: "Records behind the topic's end per partition (end offset − the group's committed offset), sampled.",
    labelNames: ['topic', 'partition'],
    read: () => lag.lags.map((l) => [{ topic: l.topic, partition: l.partition }, l.lag] as const),
  });
  readGauge(registry, {
    name: METRIC.partitionsAssigned,
    help: 'Partitions of the user-events topic assigned to this processor.',
    read: () => [[{}, processor.partitions.assigned]],
  });
  readGauge(registry, {
    name: METRIC.partitionsRestoring,
    help: 'Assigned partitions whose stored position is not loaded yet (the processor is not ready while > 0).',
    read: () => [[{}, processor.partitions.restoring]],
  });
}

function chunkObserver({ registry, log }: LearnerMetricsOptions): (r: ChunkReport) => void {
  const consumed = new Counter({
    name: METRIC.recordsConsumed,
    help: 'Records read from Kafka and handed to the chunk writer (those skipped as already applied included).',
    labelNames: ['topic'],
    registers: [registry],
  });
  const size = histogram(registry, METRIC.chunkRecords, 'Records per chunk.', SIZE_BUCKETS);
  const duration = histogram(registry, METRIC.chunkDuration, 'Wall time to process one chunk.', DURATION_BUCKETS);
  const commit = histogram(
    registry,
    METRIC.postgresTransaction,
    "Duration of a chunk's Postgres transaction (state, interactions, outbox, offset).",
    DURATION_BUCKETS,
  );
  const reward = new Histogram({
    name: METRIC.reward,
    help: 'Final reward per applied event by feedback type (_sum is the reward total, _count the events).',
    labelNames: ['feedback_type'],
    buckets: REWARD_BUCKETS,
    registers: [registry],
  });
  return (r) => {
    consumed.inc({ topic: r.topic }, r.records);
    size.observe(r.records);
    duration.observe(r.durationMs / 1000);
    if (r.result.applied + r.result.deadLettered > 0) commit.observe((r.stageMs.commit ?? 0) / 1000);
    for (const record of r.result.rewards) reward.observe({ feedback_type: record.feedback_type }, record.final_reward);
    const { applied, duplicates, deadLettered } = r.result;
    const where = { topic: r.topic, partition: r.partition, offset: r.firstOffset, lastOffset: r.lastOffset };
    log.debug({ ...where, applied, duplicates, deadLettered, ms: Math.round(r.durationMs) }, 'chunk processed');
  };
}

function histogram(registry: Registry, name: string, help: string, buckets: number[]): Histogram {
  return new Histogram({ name, help, buckets, registers: [registry] });
}
