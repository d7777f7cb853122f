/**
 * Runs bench/event-path/learner-child.ts against an isolated environment and follows its
 * progress: one child (LearnerProcess), or several in one consumer group (LearnerGroup).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ProcessorCounters } from '../../src/learner/event-processor.js';
import type { EventPathEnv } from '../../test/support/event-path.js';

export interface LearnerReport {
  readonly type: 'ready' | 'stats' | 'stopped';
  readonly counters: ProcessorCounters;
  readonly stageMs: Record<string, number>;
  readonly rssBytes: number;
  readonly maxRssBytes: number;
  readonly cpuSeconds: number;
  /** Event-loop delay since start or the last reset (perf_hooks, 5 ms resolution). */
  readonly eventLoopDelayMs?: { readonly p50: number; readonly p99: number; readonly max: number };
}

export interface ProgressSample {
  /** performance.now() in the bench process when the report arrived. */
  readonly at: number;
  readonly applied: number;
}

const CHILD = fileURLToPath(new URL('./learner-child.js', import.meta.url));

export class LearnerProcess {
  readonly samples: ProgressSample[] = [];
  latest: LearnerReport | null = null;
  private readonly exited: Promise<number | null>;
  private readonly waiters = new Set<() => void>();

  private constructor(
    private readonly child: ChildProcess,
    onReport?: (r: LearnerReport) => void,
  ) {
    this.exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
    child.on('message', (m: LearnerReport) => {
      this.latest = m;
      this.samples.push({ at: performance.now(), applied: m.counters.applied });
      onReport?.(m);
      for (const wake of this.waiters) wake();
    });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** null while the child runs. */
  get exitCode(): number | null {
    return this.child.exitCode;
  }

  /** `onReport` sees every report from the first one on (also those before `start` resolves). */
  static async start(
    env: EventPathEnv,
    o: {
      partitions: number;
      label: string;
      extraEnv?: Record<string, string>;
      onReport?: (r: LearnerReport) => void;
    },
  ): Promise<LearnerProcess> {
    const logFile = join(tmpdir(), `${env.name}-${o.label}.log`);
    const child = fork(CHILD, [], {
      env: {
        ...process.env,
        DATABASE_SCHEMA: env.db.schema,
        KAFKA_TOPIC_PREFIX: env.prefix,
        KAFKA_CONSUMER_GROUP: env.group,
        KAFKA_EVENT_PARTITIONS: String(o.partitions),
        KAFKA_CLIENT_ID: `${env.name}-learner`,
        REDIS_KEY_PREFIX: env.redisPrefix,
        LOG_LEVEL: 'warn',
        ...o.extraEnv,
      },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    const log = createWriteStream(logFile);
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
    const learner = new LearnerProcess(child, o.onReport);
    try {
      await learner.until((r) => r.type === 'ready', 60_000, `the learner to start (log: ${logFile})`);
    } catch (error) {
      child.kill('SIGKILL'); // never became ready: nothing in flight to finish
      throw error;
    }
    return learner;
  }

  /** Resolves once a report satisfies `done`; fails at the deadline or if the child dies. */
  async until(done: (r: LearnerReport) => boolean, timeoutMs: number, what: string): Promise<LearnerReport> {
    await waitFor({
      ready: () => this.latest !== null && done(this.latest),
      failure: () => (this.child.exitCode === null ? null : `learner exited (${this.child.exitCode})`),
      waiters: this.waiters,
      timeoutMs,
      what,
    });
    return this.latest as LearnerReport;
  }

  /** Starts the child's event-loop delay histogram afresh (a measurement window begins). */
  resetEventLoopDelay(): void {
    if (this.child.exitCode === null) this.child.send('reset-event-loop-delay');
  }

  /** Graceful stop (the batch in flight commits); returns the final report. */
  async stop(): Promise<LearnerReport | null> {
    if (this.child.exitCode !== null) return this.latest;
    this.child.send('stop');
    const killer = setTimeout(() => this.child.kill('SIGKILL'), 30_000);
    await this.exited;
    clearTimeout(killer);
    return this.latest;
  }
}

/**
 * Several learner children in one consumer group, each with its own client id: Kafka
 * splits the topic's partitions between them as between deployed instances.
 */
export class LearnerGroup {
  /** Merged timeline: at each report of any child, the total of every child's latest `applied`. */
  readonly samples: ProgressSample[] = [];
  private readonly latest = new Map<string, LearnerReport>();
  private readonly waiters = new Set<() => void>();
  private members: ReadonlyArray<{ readonly label: string; readonly learner: LearnerProcess }> = [];

  private constructor(private readonly labels: readonly string[]) {}

  /** Starts every child at once (so they join the group together); `processes` = 1 is the single learner. */
  static async start(
    env: EventPathEnv,
    o: { partitions: number; processes: number; label: string },
  ): Promise<LearnerGroup> {
    const labels = Array.from({ length: o.processes }, (_, i) => (o.processes === 1 ? o.label : `${o.label}-${i + 1}`));
    const group = new LearnerGroup(labels);
    const started = await Promise.allSettled(
      labels.map((label, i) =>
        LearnerProcess.start(env, {
          partitions: o.partitions,
          label,
          extraEnv: { KAFKA_CLIENT_ID: `${env.name}-learner-${i + 1}` },
          onReport: (r) => group.record(label, r),
        }),
      ),
    );
    group.members = started.flatMap((s, i) =>
      s.status === 'fulfilled' ? [{ label: labels[i], learner: s.value }] : [],
    );
    const failed = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (failed) {
      await group.stop();
      throw failed.reason;
    }
    return group;
  }

  get pids(): number[] {
    return this.members.flatMap((m) => (m.learner.pid === undefined ? [] : [m.learner.pid]));
  }

  /** Every child's latest report, in the children's order. */
  get reports(): LearnerReport[] {
    return this.labels.flatMap((label) => this.latest.get(label) ?? []);
  }

  get applied(): number {
    return this.reports.reduce((sum, r) => sum + r.counters.applied, 0);
  }

  /** Resolves once `done(reports)` holds; fails at the deadline or if any child dies. */
  async until(done: (reports: readonly LearnerReport[]) => boolean, timeoutMs: number, what: string): Promise<void> {
    await waitFor({
      ready: () => done(this.reports),
      failure: () => {
        const dead = this.members.find((m) => m.learner.exitCode !== null);
        return dead ? `learner ${dead.label} exited (${dead.learner.exitCode})` : null;
      },
      waiters: this.waiters,
      timeoutMs,
      what,
    });
  }

  /** Stops every child (gracefully, in parallel); returns their final reports. */
  async stop(): Promise<Array<LearnerReport | null>> {
    return Promise.all(this.members.map((m) => m.learner.stop()));
  }

  private record(label: string, report: LearnerReport): void {
    this.latest.set(label, report);
    this.samples.push({ at: performance.now(), applied: this.applied });
    for (const wake of this.waiters) wake();
  }
}

/** Re-checks `ready` on every wake-up (a report) and at least every 500 ms. */
async function waitFor(o: {
  ready: () => boolean;
  /** Why waiting is pointless (a child died), or null. */
  failure: () => string | null;
  waiters: Set<() => void>;
  timeoutMs: number;
  what: string;
}): Promise<void> {
  const deadline = Date.now() + o.timeoutMs;
  while (!o.ready()) {
    const failure = o.failure();
    if (failure) throw new Error(`${failure} waiting for ${o.what}`);
    if (Date.now() > deadline) throw new Error(`timed out after ${o.timeoutMs} ms waiting for ${o.what}`);
    await new Promise<void>((resolve) => {
      const wake = (): void => {
        o.waiters.delete(wake);
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(wake, 500);
      o.waiters.add(wake);
    });
  }
}
