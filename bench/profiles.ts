/**
 * The two runs. `quick` must finish in under 3 minutes on the 2-core project machine
 * (stack already up); `full` is the longer one for the record. Total events per scale
 * are fixed, so a scale with more users has fewer events per user: at a given stream
 * rate, more active users means more distinct users (state rows, snapshots) per batch.
 * `processes` > 1 runs that many learner processes in one consumer group (default 1).
 */
import type { RecPathOptions } from './rec-path/rec-path.scenario.js';

export interface Profile {
  readonly name: 'quick' | 'full';
  /** Partitions of the user-keyed topics: the production default (KAFKA_EVENT_PARTITIONS). */
  readonly partitions: number;
  readonly eventScales: ReadonlyArray<{ readonly users: number; readonly events: number; readonly processes?: number }>;
  readonly latency: {
    readonly users: number;
    readonly rate: number;
    readonly warmupSeconds: number;
    readonly seconds: number;
  };
  readonly lastfm: boolean;
  readonly producerPerformance: boolean;
  readonly rec: RecPathOptions;
  /** Catalog sizes besides the full one; viaKafka = also through a recommender loaded with it. */
  readonly catalogSizes: ReadonlyArray<{ readonly count: number; readonly viaKafka: boolean }>;
}

export const PROFILES: Record<Profile['name'], Profile> = {
  quick: {
    name: 'quick',
    partitions: 6,
    eventScales: [
      { users: 1_000, events: 100_000 },
      { users: 5_000, events: 100_000 },
      { users: 1_000, events: 100_000, processes: 2 },
    ],
    latency: { users: 1_000, rate: 5_000, warmupSeconds: 2, seconds: 8 },
    lastfm: false,
    producerPerformance: false,
    rec: { users: 200, concurrency: [1, 16, 64], seconds: 2.5, warmupSeconds: 1, partitions: 6, scoringSeconds: 2 },
    catalogSizes: [{ count: 10_000, viaKafka: true }],
  },
  full: {
    name: 'full',
    partitions: 6,
    eventScales: [
      { users: 1_000, events: 1_000_000 },
      { users: 10_000, events: 1_000_000 },
      { users: 100_000, events: 1_000_000 },
      { users: 10_000, events: 1_000_000, processes: 2 },
    ],
    latency: { users: 10_000, rate: 5_000, warmupSeconds: 5, seconds: 60 },
    lastfm: true,
    producerPerformance: true,
    rec: { users: 2_000, concurrency: [1, 16, 64], seconds: 15, warmupSeconds: 3, partitions: 6, scoringSeconds: 10 },
    catalogSizes: [
      { count: 10_000, viaKafka: true },
      { count: 1_000_000, viaKafka: true },
    ],
  },
};
