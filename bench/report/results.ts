/** The shape of bench/results/<profile>.json. */
import type { LastfmOutcome } from '../event-path/lastfm.scenario.js';
import type { LatencyResult } from '../event-path/latency.scenario.js';
import type { ThroughputResult } from '../event-path/throughput.scenario.js';
import type { ProducerCeiling } from '../lib/kafka-perf.js';
import type { MachineInfo } from '../lib/machine.js';
import type { CatalogSizePoint } from '../rec-path/catalog-size.scenario.js';
import type { RecPathResult } from '../rec-path/rec-path.scenario.js';

/** Learner processes of a throughput scale; results written before the field existed ran one. */
export const processesOf = (s: Pick<ThroughputResult, 'processes'>): number => s.processes ?? 1;

/** "1,000 users", or "1,000 users, 2 learner processes". */
export function scaleName(s: Pick<ThroughputResult, 'users' | 'processes'>): string {
  const users = `${s.users.toLocaleString('en-US')} users`;
  return processesOf(s) === 1 ? users : `${users}, ${processesOf(s)} learner processes`;
}

export interface TargetRow {
  readonly target: string;
  readonly goal: string;
  readonly measured: string;
  /** null: not measured in this run. */
  readonly pass: boolean | null;
}

export interface BenchResults {
  readonly profile: 'quick' | 'full';
  readonly startedAt: string;
  readonly durationSeconds: number;
  readonly machine: MachineInfo;
  readonly loadAtEnd: readonly number[];
  readonly eventPath: {
    readonly scales: readonly ThroughputResult[];
    readonly latency: LatencyResult | null;
    readonly lastfm: LastfmOutcome | null;
    readonly producerCeiling: ProducerCeiling | null;
  };
  readonly recPath: RecPathResult | null;
  readonly catalogSizes: readonly CatalogSizePoint[];
  readonly errors: ReadonlyArray<{ readonly scenario: string; readonly error: string }>;
  readonly targets: readonly TargetRow[];
}
