/**
 * Closed-loop load: `concurrency` workers, each sending its next request as soon as the
 * previous one answered, for `seconds`. Throughput is what the system sustains at that
 * concurrency; latency is per request, measured by the caller's clock.
 */
import { round, summarise, type LatencySummary } from './stats.js';

export interface LoadResult {
  readonly concurrency: number;
  readonly requests: number;
  readonly errors: number;
  readonly requestsPerSecond: number;
  readonly latencyMs: LatencySummary;
  readonly firstError?: string;
}

/** `call` resolves true for a good answer, false (or throws) for an error. */
export async function closedLoop(o: {
  concurrency: number;
  seconds: number;
  call: (worker: number, n: number) => Promise<boolean>;
}): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const started = performance.now();
  const deadline = started + o.seconds * 1000;
  const worker = async (w: number): Promise<void> => {
    for (let n = 0; performance.now() < deadline; n++) {
      const t0 = performance.now();
      const ok = await o.call(w, n).catch((error: unknown) => {
        firstError ??= String(error);
        return false;
      });
      if (ok) latencies.push(performance.now() - t0);
      else errors++;
    }
  };
  await Promise.all(Array.from({ length: o.concurrency }, (_, w) => worker(w)));
  const seconds = (performance.now() - started) / 1000;
  return {
    concurrency: o.concurrency,
    requests: latencies.length,
    errors,
    requestsPerSecond: round(latencies.length / seconds, 1),
    latencyMs: summarise(latencies),
    ...(firstError ? { firstError } : {}),
  };
}
