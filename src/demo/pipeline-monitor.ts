/**
 * Samples the running pipeline from the outside, the way an operator would: records
 * produced (broker offsets), consumed and applied (Postgres, where the processor commits
 * them), dead letters (the dead-letter topic). Rates are over the last sample interval.
 */
import type { Admin } from 'kafkajs';
import type { Executor } from '../infra/postgres/pool.js';
import { consumedRecords, countInteractions } from './demo-state.repository.js';

export interface PipelineSample {
  readonly at: number;
  readonly produced: number;
  readonly consumed: number;
  readonly applied: number;
  readonly deadLetters: number;
}

export interface PipelineRates {
  readonly producedPerS: number;
  readonly appliedPerS: number;
  /** Records on the topic the processor has not consumed yet. */
  readonly lag: number;
}

export interface MonitorTargets {
  readonly db: Executor;
  readonly admin: Admin;
  readonly group: string;
  readonly eventsTopic: string;
  readonly deadLetterTopic: string;
  readonly now?: () => number;
}

export class PipelineMonitor {
  private previous: PipelineSample | null = null;

  constructor(private readonly t: MonitorTargets) {}

  async sample(): Promise<{ sample: PipelineSample; rates: PipelineRates }> {
    const [produced, consumed, applied, deadLetters] = await Promise.all([
      endOffsets(this.t.admin, this.t.eventsTopic),
      consumedRecords(this.t.db, this.t.group, this.t.eventsTopic),
      countInteractions(this.t.db),
      endOffsets(this.t.admin, this.t.deadLetterTopic),
    ]);
    const sample = { at: (this.t.now ?? Date.now)(), produced, consumed, applied, deadLetters };
    const rates = ratesBetween(this.previous, sample);
    this.previous = sample;
    return { sample, rates };
  }
}

export function ratesBetween(before: PipelineSample | null, after: PipelineSample): PipelineRates {
  const seconds = before ? (after.at - before.at) / 1000 : 0;
  const per = (d: number): number => (seconds > 0 ? d / seconds : 0);
  return {
    producedPerS: before ? per(after.produced - before.produced) : 0,
    appliedPerS: before ? per(after.applied - before.applied) : 0,
    lag: Math.max(0, after.produced - after.consumed),
  };
}

/** Sum of the partitions' high watermarks: records ever written (the topics are fresh each run). */
async function endOffsets(admin: Admin, topic: string): Promise<number> {
  const partitions = await admin.fetchTopicOffsets(topic);
  return partitions.reduce((sum, p) => sum + Number(p.high), 0);
}
