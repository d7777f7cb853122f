/**
 * Everything operational about one process: its metrics registry, its health checks and
 * the periodic probes behind sampled series. Capability wiring (learner, recommender,
 * gateway) adds to it at start; the ops server and the gateway's /metrics read from it.
 *
 * A process is ready only between the end of its bootstrap and the start of its
 * shutdown (`running`), whatever its dependencies say.
 */
import type { Registry } from 'prom-client';
import type { Logger } from '../../infra/logging/logger.js';
import { evaluate, liveness, type HealthCheck, type Liveness, type Readiness } from '../health/health-check.js';
import { createMetricsRegistry } from '../metrics/metrics-registry.js';
import { Periodic } from '../metrics/periodic.js';

export type ProcessName = 'learner' | 'recommender' | 'gateway';

export class ProcessOps {
  readonly registry: Registry = createMetricsRegistry();
  private readonly readinessChecks: HealthCheck[] = [];
  private readonly livenessChecks: HealthCheck[] = [];
  private readonly probes: Periodic[] = [];
  private running = false;
  /** Set by enableProbes; probes start when the process has started (its topics and tables exist). */
  private probeIntervalMs: number | null = null;
  private probing = false;

  constructor(
    readonly process: ProcessName,
    private readonly log: Logger,
  ) {
    this.readinessChecks.push({ name: 'running', critical: true, check: () => this.running });
  }

  addReadiness(...checks: HealthCheck[]): void {
    this.readinessChecks.push(...checks);
  }

  /** Failing liveness means "restart me": only for states the process cannot leave by itself. */
  addLiveness(...checks: HealthCheck[]): void {
    this.livenessChecks.push(...checks);
  }

  /** A periodic sample; runs only in processes that export metrics (enableProbes). */
  addProbe(what: string, probe: () => Promise<void>): void {
    const periodic = new Periodic(what, probe, this.log);
    this.probes.push(periodic);
    if (this.probing && this.probeIntervalMs !== null) periodic.start(this.probeIntervalMs);
  }

  /** Bootstrap finished: from now on readiness is up to the checks, and probes run. */
  started(): void {
    this.running = true;
    if (this.probing || this.probeIntervalMs === null) return;
    this.probing = true;
    for (const probe of this.probes) probe.start(this.probeIntervalMs);
  }

  /** Shutdown began: not ready any more, whatever the checks say. */
  stopping(): void {
    this.running = false;
  }

  ready(): Promise<Readiness> {
    return evaluate(this.readinessChecks);
  }

  live(): Promise<Liveness> {
    return liveness(this.livenessChecks);
  }

  /** Probes will run every `intervalMs` once the process has started (only processes that export metrics). */
  enableProbes(intervalMs: number): void {
    this.probeIntervalMs = intervalMs;
  }

  /** One round of every probe now (tests, and a first sample right after start). */
  async probeNow(): Promise<void> {
    await Promise.all(this.probes.map((p) => p.tick()));
  }

  async stopProbes(): Promise<void> {
    this.probing = false;
    await Promise.all(this.probes.map((p) => p.stop()));
  }
}
