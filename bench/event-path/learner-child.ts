/**
 * The event processor as the bench runs it: the real LearnerModule (production wiring
 * and config defaults, read from the environment like learner.main.ts) in its own
 * process, reporting its counters, stage times and memory to the parent over IPC every
 * 100 ms. Its own process keeps the bench's load generator off its CPU accounting and RSS.
 */
import 'reflect-metadata';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { NestFactory } from '@nestjs/core';
import { EventProcessorService, LearnerModule } from '../../src/learner/learner.module.js';
import type { LearnerReport } from './learner-process.js';

const app = await NestFactory.createApplicationContext(LearnerModule, { logger: ['error', 'warn'] });
const processor = app.get(EventProcessorService).processor;
// How long ready callbacks (a Postgres reply, a fetched batch) wait for the one JS thread.
const lag = monitorEventLoopDelay({ resolution: 5 });
lag.enable();

function report(type: LearnerReport['type'], sent?: () => void): void {
  const cpu = process.cpuUsage();
  const message: LearnerReport = {
    type,
    counters: { ...processor.counters },
    stageMs: { ...processor.stageMs },
    rssBytes: process.memoryUsage().rss,
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    eventLoopDelayMs: {
      p50: lag.percentile(50) / 1e6,
      p99: lag.percentile(99) / 1e6,
      max: lag.max / 1e6,
    },
  };
  process.send?.(message, undefined, {}, () => sent?.());
}

report('ready');
const timer = setInterval(() => report('stats'), 100);
process.on('message', (m: unknown) => {
  if (m === 'reset-event-loop-delay') lag.reset();
  if (m !== 'stop') return;
  clearInterval(timer);
  // Exit explicitly once the last report is out: client timers must not keep the child alive.
  void app.close().then(() => report('stopped', () => process.exit(0)));
});
