/**
 * Samples the processes' /metrics for the dashboard: every DASHBOARD_POLL_INTERVAL_MS,
 * but only while someone watches (the API was read within the last minute), so idle
 * gateways scrape nothing. Keeps the last points in memory; a gateway restart starts
 * the charts afresh, which is fine for a live view (Prometheus keeps the history).
 */
import type { DashboardSource } from '../config/config.js';
import type { Logger } from '../infra/logging/logger.js';
import { pointBetween, totalsOf, type DashboardPoint, type Totals } from './dashboard-series.js';
import { parsePrometheusText, type Sample } from './prometheus-text.js';

export interface SourceStatus {
  readonly name: string;
  readonly url: string;
  readonly up: boolean;
  readonly error?: string;
}

export interface Overview {
  readonly generatedAt: number;
  readonly intervalMs: number;
  readonly sources: readonly SourceStatus[];
  readonly totals: Totals | null;
  readonly points: readonly DashboardPoint[];
}

export interface DashboardSamplerOptions {
  readonly sources: readonly DashboardSource[];
  /** This process's own metrics text (the gateway's registry), read without HTTP. */
  readonly own: () => Promise<string>;
  readonly intervalMs: number;
  readonly log: Logger;
  readonly maxPoints?: number;
  readonly now?: () => number;
}

const WATCHED_FOR_MS = 60_000;

export class DashboardSampler {
  private timer: NodeJS.Timeout | null = null;
  private last: { at: number; totals: Totals } | null = null;
  private points: DashboardPoint[] = [];
  private status: SourceStatus[] = [];
  private watchedAt = -Infinity;
  private sampling: Promise<void> | null = null;

  constructor(private readonly o: DashboardSamplerOptions) {}

  start(): void {
    this.timer ??= setInterval(() => {
      if (this.now() - this.watchedAt <= WATCHED_FOR_MS) void this.sample();
    }, this.o.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** The charts' data; the first read after a quiet spell samples at once. */
  async overview(): Promise<Overview> {
    const idle = this.now() - this.watchedAt > WATCHED_FOR_MS;
    this.watchedAt = this.now();
    if (idle || !this.last) await this.sample();
    return {
      generatedAt: this.now(),
      intervalMs: this.o.intervalMs,
      sources: this.status,
      totals: this.last?.totals ?? null,
      points: this.points,
    };
  }

  /** One scrape of every source; concurrent calls share it. */
  sample(): Promise<void> {
    this.sampling ??= this.scrapeAll().finally(() => {
      this.sampling = null;
    });
    return this.sampling;
  }

  private async scrapeAll(): Promise<void> {
    const own = { name: 'gateway', url: 'self', read: this.o.own };
    const remote = this.o.sources.map((s) => ({ ...s, read: () => this.fetchText(s.url) }));
    const results = await Promise.all([own, ...remote].map((s) => this.scrape(s)));
    this.status = results.map((r) => r.status);
    const at = this.now();
    const totals = totalsOf(results.flatMap((r) => r.samples));
    // After a pause (nobody watched) the change since the last scrape is not a rate worth drawing.
    if (this.last && at - this.last.at <= 3 * this.o.intervalMs) {
      this.points = [...this.points, pointBetween(this.last, { at, totals })].slice(-(this.o.maxPoints ?? 300));
    }
    this.last = { at, totals };
  }

  private async scrape(source: {
    name: string;
    url: string;
    read: () => Promise<string>;
  }): Promise<{ status: SourceStatus; samples: Sample[] }> {
    const { name, url } = source;
    try {
      return { status: { name, url, up: true }, samples: parsePrometheusText(await source.read()) };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const wasUp = this.status.find((s) => s.name === name)?.up ?? true;
      if (wasUp) this.o.log.warn({ source: name, url, err: error }, 'dashboard cannot read a metrics source');
      return { status: { name, url, up: false, error: message }, samples: [] };
    }
  }

  private async fetchText(url: string): Promise<string> {
    const res = await fetch(url, { signal: AbortSignal.timeout(Math.min(2000, this.o.intervalMs)) });
    if (!res.ok) throw new Error(`${url} answered ${res.status}`);
    return res.text();
  }

  private now(): number {
    return (this.o.now ?? Date.now)();
  }
}
