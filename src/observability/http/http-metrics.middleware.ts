/**
 * Counts and times every HTTP request of the gateway by method, route template and
 * status. The route is the matched template (`/v1/users/:userId/recommendations`), never
 * the raw URL: user ids in label values would create a series per user.
 */
import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Counter, Histogram } from 'prom-client';
import { METRIC } from '../metrics/metric-names.js';
import { ProcessOps } from '../ops/process-ops.js';

/** Seconds: from a 1 ms health probe to the 5 s request timeout and beyond. */
const BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** What express adds to the request once a route matched. */
type RoutedRequest = IncomingMessage & { route?: { path?: unknown }; baseUrl?: string };

/** The two series, registered once per process (Nest may build a middleware class more than once). */
@Injectable()
export class HttpMetrics {
  readonly requests: Counter<'method' | 'route' | 'status'>;
  readonly duration: Histogram<'method' | 'route'>;

  constructor(@Inject(ProcessOps) ops: ProcessOps) {
    this.requests = new Counter({
      name: METRIC.httpRequests,
      help: 'HTTP requests by method, route template and status code.',
      labelNames: ['method', 'route', 'status'],
      registers: [ops.registry],
    });
    this.duration = new Histogram({
      name: METRIC.httpDuration,
      help: 'HTTP request duration (until the response is written) by method and route template.',
      labelNames: ['method', 'route'],
      buckets: BUCKETS,
      registers: [ops.registry],
    });
  }
}

@Injectable()
export class HttpMetricsMiddleware implements NestMiddleware {
  constructor(@Inject(HttpMetrics) private readonly metrics: HttpMetrics) {}

  use(req: RoutedRequest, res: ServerResponse, next: () => void): void {
    const started = performance.now();
    res.once('finish', () => {
      const labels = { method: req.method ?? 'GET', route: routeOf(req) };
      this.metrics.requests.inc({ ...labels, status: String(res.statusCode) });
      this.metrics.duration.observe(labels, (performance.now() - started) / 1000);
    });
    next();
  }
}

export function routeOf(req: RoutedRequest): string {
  const path = req.route?.path;
  return typeof path === 'string' ? `${req.baseUrl ?? ''}${path}` : 'unmatched';
}
