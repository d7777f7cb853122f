/**
 * The streaming phase: produce the plays while sampling the pipeline every second
 * (progress line) and printing the watched users' learning every few seconds, until the
 * processor has consumed everything produced.
 */
import type { UserSnapshot } from '../domain/user-state.js';
import type { SnapshotCache } from '../infra/redis/snapshot.cache.js';
import type { PlannedPlay } from '../lastfm/user-timeline.js';
import type { DemoOutput } from './demo-output.js';
import { progressLine } from './demo-report.js';
import { producePlays, type StreamCounters, type StreamTarget } from './event-stream.js';
import type { LearnerProcess } from './learner-process.js';
import { LearningWatch } from './learning-watch.js';
import type { PipelineMonitor, PipelineSample } from './pipeline-monitor.js';

export interface StreamPhase {
  readonly plays: Iterable<PlannedPlay>;
  /** Records the plays will produce (for the progress line). */
  readonly totalEvents: number;
  readonly target: StreamTarget;
  readonly monitor: PipelineMonitor;
  readonly learner: LearnerProcess;
  readonly snapshots: SnapshotCache<UserSnapshot>;
  readonly watch: readonly string[];
  readonly out: DemoOutput;
  readonly viewEveryMs: number;
  /** Give up when the processor consumes nothing for this long while records wait. */
  readonly stallMs?: number;
  readonly signal?: AbortSignal;
}

export interface StreamResult {
  readonly counters: StreamCounters;
  readonly last: PipelineSample;
  readonly elapsedMs: number;
}

export async function streamAndWatch(p: StreamPhase): Promise<StreamResult> {
  const started = Date.now();
  const counters: StreamCounters = { plays: 0, events: 0, repeats: 0 };
  await p.monitor.sample(); // the baseline the first rates are measured from
  const production = settle(producePlays(p.plays, p.target, counters));
  const view = new LearningWatch(p);
  const stall = new StallGuard(p.stallMs ?? 120_000, started);
  let lastView = started;
  for (;;) {
    await new Promise((r) => setTimeout(r, 1000));
    await assertRunning(p, production.state());
    const { sample, rates } = await p.monitor.sample();
    const now = Date.now();
    const seconds = ((now - started) / 1000).toFixed(0);
    p.out.progress(progressLine({ sample, rates, total: p.totalEvents, elapsedMs: now - started }));
    if (production.state().done && sample.consumed >= counters.events) {
      p.out.clearProgress();
      await view.print(`learned by the end (${seconds} s)`);
      return { counters, last: sample, elapsedMs: now - started };
    }
    stall.check({ consumed: sample.consumed, lag: rates.lag, now, logFile: p.learner.logFile });
    if (now - lastView >= p.viewEveryMs) {
      lastView = now;
      await view.print(`learning after ${seconds} s`);
    }
  }
}

/** Ctrl-C, a failed produce or a dead processor end the phase at the next tick. */
async function assertRunning(p: StreamPhase, production: Settled): Promise<void> {
  p.signal?.throwIfAborted();
  if (production.failed) throw production.error;
  if (!p.learner.alive()) throw new Error(`the event processor exited while streaming:\n${await p.learner.tail()}`);
}

/** Fails the run when records wait but the processor has consumed nothing for `limitMs`. */
class StallGuard {
  private consumed = -1;

  constructor(
    private readonly limitMs: number,
    private since: number,
  ) {}

  check(o: { consumed: number; lag: number; now: number; logFile: string }): void {
    if (o.consumed !== this.consumed) {
      this.consumed = o.consumed;
      this.since = o.now;
      return;
    }
    if (o.lag > 0 && o.now - this.since > this.limitMs) {
      throw new Error(`the event processor consumed nothing for ${(o.now - this.since) / 1000} s; log: ${o.logFile}`);
    }
  }
}

type Settled = { done: boolean; failed: false } | { done: true; failed: true; error: unknown };

/** Lets the loop poll a promise's outcome without awaiting it (and without an unhandled rejection). */
function settle(promise: Promise<void>): { state(): Settled } {
  let state: Settled = { done: false, failed: false };
  promise.then(
    () => (state = { done: true, failed: false }),
    (error: unknown) => (state = { done: true, failed: true, error }),
  );
  return { state: () => state };
}
