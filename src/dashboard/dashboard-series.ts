/**
 * From scraped samples to what the dashboard draws. A scrape gives totals (counters,
 * histogram buckets, the lag gauge); a chart point is the change between two scrapes
 * divided by the time between them — rates, interval percentiles, interval hit rates.
 * A series no source exports stays null (drawn as "no data"), never 0.
 */
import { METRIC } from '../observability/metrics/metric-names.js';
import { LIST_CACHE } from '../observability/metrics/recommender.metrics.js';
import { bucketDelta, bucketsOf, quantile, type Buckets } from './histogram.js';
import { has, sum, type Sample } from './prometheus-text.js';

/** The gateway's own route for recommendations (its HTTP latency is the fallback latency). */
const RECOMMENDATIONS_ROUTE = '/v1/users/:userId/recommendations';

export interface Totals {
  readonly eventsApplied: number | null;
  readonly deadLettered: number | null;
  readonly lag: number | null;
  readonly recommendations: number | null;
  readonly rateLimited: number | null;
  readonly cacheHits: number | null;
  readonly cacheMisses: number | null;
  /** Per feedback type: events and the sum of their rewards. */
  readonly rewards: Readonly<Record<string, { readonly count: number; readonly sum: number }>>;
  /** The recommender's service time, else (no recommender source) the gateway's HTTP time. */
  readonly latency: Buckets;
  readonly latencySource: 'recommender' | 'gateway' | null;
}

export interface Percentiles {
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
}

export interface DashboardPoint {
  /** Epoch ms of the later scrape. */
  readonly t: number;
  readonly eventsPerSecond: number | null;
  readonly lag: number | null;
  /** Milliseconds, over the interval; null when nothing was answered in it. */
  readonly latencyMs: Percentiles | null;
  /** Hits / (hits + misses) over the interval; null without lookups. */
  readonly cacheHitRate: number | null;
  readonly rateLimitedPerSecond: number | null;
  /** Per feedback type over the interval: events and their mean reward. */
  readonly rewards: Readonly<Record<string, { readonly count: number; readonly mean: number }>>;
}

const optional = (samples: readonly Sample[], name: string, where: Record<string, string> = {}): number | null =>
  has(samples, name, where) ? sum(samples, name, where) : null;

export function totalsOf(samples: readonly Sample[]): Totals {
  const service = bucketsOf(samples, METRIC.recommendationDuration);
  const http = bucketsOf(samples, METRIC.httpDuration, { method: 'GET', route: RECOMMENDATIONS_ROUTE });
  const cache = (result: string): number | null =>
    optional(samples, METRIC.cacheRequests, { cache: LIST_CACHE, result });
  return {
    eventsApplied: optional(samples, METRIC.eventsApplied),
    deadLettered: optional(samples, METRIC.eventsDeadLettered),
    lag: optional(samples, METRIC.consumerLag),
    recommendations: optional(samples, METRIC.recommendationRequests, { outcome: 'ok' }),
    rateLimited: optional(samples, METRIC.rateLimitRejections),
    cacheHits: cache('hit'),
    cacheMisses: cache('miss'),
    rewards: rewardsOf(samples),
    latency: service.length ? service : http,
    latencySource: service.length ? 'recommender' : http.length ? 'gateway' : null,
  };
}

function rewardsOf(samples: readonly Sample[]): Record<string, { count: number; sum: number }> {
  const out: Record<string, { count: number; sum: number }> = {};
  for (const s of samples) {
    const type = s.labels.feedback_type;
    if (!type || (s.name !== `${METRIC.reward}_count` && s.name !== `${METRIC.reward}_sum`)) continue;
    const entry = (out[type] ??= { count: 0, sum: 0 });
    if (s.name.endsWith('_count')) entry.count += s.value;
    else entry.sum += s.value;
  }
  return out;
}

/** The chart point for the interval between two scrapes (`seconds` apart). */
export function pointBetween(
  earlier: { readonly at: number; readonly totals: Totals },
  later: { readonly at: number; readonly totals: Totals },
): DashboardPoint {
  const seconds = Math.max(0.001, (later.at - earlier.at) / 1000);
  const a = earlier.totals;
  const b = later.totals;
  const rate = (x: number | null, y: number | null): number | null =>
    x === null || y === null ? null : Math.max(0, y - x) / seconds;
  const hits = delta(a.cacheHits, b.cacheHits);
  const misses = delta(a.cacheMisses, b.cacheMisses);
  const lookups = (hits ?? 0) + (misses ?? 0);
  return {
    t: later.at,
    eventsPerSecond: rate(a.eventsApplied, b.eventsApplied),
    lag: b.lag,
    latencyMs: percentiles(a.latencySource === b.latencySource ? bucketDelta(a.latency, b.latency) : b.latency),
    cacheHitRate: hits === null || lookups === 0 ? null : hits / lookups,
    rateLimitedPerSecond: rate(a.rateLimited, b.rateLimited),
    rewards: rewardDelta(a.rewards, b.rewards),
  };
}

/** y − x, with a counter reset (the process restarted) read as "y since the restart". */
function delta(x: number | null, y: number | null): number | null {
  if (x === null || y === null) return null;
  return y >= x ? y - x : y;
}

function percentiles(buckets: Buckets): Percentiles | null {
  const [p50, p95, p99] = [0.5, 0.95, 0.99].map((q) => quantile(buckets, q));
  if (p50 === null || p95 === null || p99 === null) return null;
  return { p50: p50 * 1000, p95: p95 * 1000, p99: p99 * 1000 };
}

function rewardDelta(a: Totals['rewards'], b: Totals['rewards']): DashboardPoint['rewards'] {
  const out: Record<string, { count: number; mean: number }> = {};
  for (const [type, later] of Object.entries(b)) {
    const before = a[type] ?? { count: 0, sum: 0 };
    const reset = later.count < before.count;
    const count = reset ? later.count : later.count - before.count;
    const total = reset ? later.sum : later.sum - before.sum;
    if (count > 0) out[type] = { count, mean: total / count };
  }
  return out;
}
