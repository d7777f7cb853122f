/** Runs bench/event-path/learner-child.ts against an isolated environment and follows its progress. */
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

  private constructor(private readonly child: ChildProcess) {
    this.exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
    child.on('message', (m: LearnerReport) => {
      this.latest = m;
      this.samples.push({ at: performance.now(), applied: m.counters.applied });
      for (const wake of this.waiters) wake();
    });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  static async start(
    env: EventPathEnv,
    o: { partitions: number; label: string; extraEnv?: Record<string, string> },
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
    const learner = new LearnerProcess(child);
    await learner.until((r) => r.type === 'ready', 60_000, `the learner to start (log: ${logFile})`);
    return learner;
  }

  /** Resolves once a report satisfies `done`; fails at the deadline or if the child dies. */
  async until(done: (r: LearnerReport) => boolean, timeoutMs: number, what: string): Promise<LearnerReport> {
    const deadline = Date.now() + timeoutMs;
    while (!(this.latest && done(this.latest))) {
      if (this.child.exitCode !== null) throw new Error(`learner exited (${this.child.exitCode}) waiting for ${what}`);
      if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
      await new Promise<void>((resolve) => {
        const wake = (): void => {
          this.waiters.delete(wake);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(wake, 500);
        this.waiters.add(wake);
      });
    }
    return this.latest;
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
