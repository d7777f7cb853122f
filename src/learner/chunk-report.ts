/** What one chunk did, for metrics and tracing (EventProcessor.onChunk); the event path never waits on it. */
import type { KafkaMessage } from 'kafkajs';
import type { Logger } from '../infra/logging/logger.js';
import type { PartitionPosition } from '../infra/postgres/event-log.repository.js';
import type { ChunkResult, StageTimes } from './chunk-writer.js';

export interface ChunkReport {
  readonly topic: string;
  readonly partition: number;
  readonly firstOffset: string;
  readonly lastOffset: string;
  /** Records in the chunk, those skipped as already applied included. */
  readonly records: number;
  readonly result: ChunkResult;
  /** This chunk's time per stage (the change in ChunkWriter.stageMs across its write). */
  readonly stageMs: Readonly<Partial<StageTimes>>;
  readonly durationMs: number;
}

export type ChunkListener = (report: ChunkReport) => void;

export class ChunkReporter {
  private readonly listeners: ChunkListener[] = [];

  constructor(private readonly log: Logger) {}

  add(listener: ChunkListener): void {
    this.listeners.push(listener);
  }

  /** Call before writing a chunk; the returned function reports it (on success only) and passes the result on. */
  begin(
    p: PartitionPosition,
    chunk: readonly KafkaMessage[],
    stages: Readonly<StageTimes>,
  ): (result: ChunkResult) => ChunkResult {
    if (this.listeners.length === 0) return (result) => result;
    const started = performance.now();
    const before = { ...stages };
    const where = { topic: p.topic, partition: p.partition };
    const offsets = { firstOffset: chunk[0].offset, lastOffset: chunk[chunk.length - 1].offset };
    return (result) => {
      const report = { ...where, ...offsets, records: chunk.length, result, stageMs: stageDelta(before, stages) };
      for (const listener of this.listeners) {
        try {
          listener({ ...report, durationMs: performance.now() - started });
        } catch (error) {
          this.log.warn({ ...where, offset: offsets.firstOffset, err: error }, 'chunk listener failed; ignored');
        }
      }
      return result;
    };
  }
}

function stageDelta(before: Readonly<StageTimes>, after: Readonly<StageTimes>): Partial<StageTimes> {
  const out: Partial<StageTimes> = {};
  for (const stage of Object.keys(after) as Array<keyof StageTimes>) out[stage] = after[stage] - before[stage];
  return out;
}
