/**
 * The recommendation path's series: outcomes, cache use and rate limiting from
 * RecommendationService.counters() at scrape time; latency per reply from onReply
 * (response_time_ms is the service's own monotonic measurement of the whole handling).
 */
import { Histogram, type Registry } from 'prom-client';
import type { RecommendationReply } from '../../contracts/records.js';
import type { RecommendationService } from '../../recommender/recommendation.service.js';
import { CACHE_HELP, ERRORS_HELP, METRIC } from './metric-names.js';
import { cumulativeCounter, sharedCounter } from './metrics-registry.js';

/** Seconds; a cached answer takes ~1–5 ms, a fresh ranking ~10–80 ms, a slow Postgres more. */
export const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

/** The recommender's list cache (Redis, Postgres when Redis is down). */
export const LIST_CACHE = 'recommendation_list';

export function registerRecommenderMetrics(registry: Registry, service: RecommendationService): void {
  cumulativeCounter(registry, {
    name: METRIC.recommendationRequests,
    help: 'Recommendation requests by outcome (ok, rate_limited, bad_request, error).',
    labelNames: ['outcome'],
    read: () => {
      const c = service.counters();
      return [
        [{ outcome: 'ok' }, c.ok],
        [{ outcome: 'rate_limited' }, c.rateLimited],
        [{ outcome: 'bad_request' }, c.badRequests],
        [{ outcome: 'error' }, c.errors],
      ];
    },
  });
  sharedCounter(registry, {
    name: METRIC.cacheRequests,
    help: CACHE_HELP,
    labelNames: ['cache', 'result'],
    read: () => {
      const c = service.counters();
      return [
        [{ cache: LIST_CACHE, result: 'hit' }, c.cacheHits],
        [{ cache: LIST_CACHE, result: 'miss' }, c.cacheMisses],
      ];
    },
  });
  cumulativeCounter(registry, {
    name: METRIC.rateLimitRejections,
    help: 'Requests refused by the per-user rate limit (answered RATE_LIMITED, 429 at the gateway).',
    read: () => [[{}, service.counters().rateLimited]],
  });
  cumulativeCounter(registry, {
    name: METRIC.rateLimitFailOpen,
    help: 'Requests admitted without a rate-limit check because Redis did not answer (fails open).',
    read: () => [[{}, service.counters().rateLimitFailOpen]],
  });
  sharedCounter(registry, {
    name: METRIC.errors,
    help: ERRORS_HELP,
    labelNames: ['kind'],
    read: () => {
      const c = service.counters();
      return [
        [{ kind: 'recommendation' }, c.errors],
        [{ kind: 'side_effect' }, c.sideEffectFailures],
        [{ kind: 'redis' }, c.redisFailures],
      ];
    },
  });
  service.onReply(latencyObserver(registry));
}

function latencyObserver(registry: Registry): (reply: RecommendationReply) => void {
  const latency = new Histogram({
    name: METRIC.recommendationDuration,
    help: 'Time to answer a request that got a list, by source (cached or computed).',
    labelNames: ['source'],
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  return (reply) => {
    if (reply.status !== 'OK') return;
    latency.observe({ source: reply.from_cache ? 'cached' : 'computed' }, reply.response_time_ms / 1000);
  };
}
