/**
 * Histogram arithmetic on Prometheus buckets: cumulative counts per upper bound `le`,
 * merged across series, differenced between two scrapes, and quantiles by linear
 * interpolation inside the bucket — what PromQL's histogram_quantile does.
 */
import { matches, type Sample } from './prometheus-text.js';

/** Cumulative count per upper bound, ascending; the last bound is +Infinity. */
export type Buckets = ReadonlyArray<readonly [le: number, count: number]>;

/** `<name>_bucket` series matching `where`, summed per bound (e.g. cached + computed, or several processes). */
export function bucketsOf(samples: readonly Sample[], name: string, where: Record<string, string> = {}): Buckets {
  const byBound = new Map<number, number>();
  for (const s of samples) {
    if (s.name !== `${name}_bucket` || !matches(s.labels, where)) continue;
    const le = s.labels.le === '+Inf' ? Infinity : Number(s.labels.le);
    byBound.set(le, (byBound.get(le) ?? 0) + s.value);
  }
  return [...byBound].sort((a, b) => a[0] - b[0]);
}

/** later − earlier per bound (bounds missing earlier count from 0); a counter reset gives the later counts. */
export function bucketDelta(earlier: Buckets, later: Buckets): Buckets {
  const before = new Map(earlier);
  const delta = later.map(([le, n]) => [le, n - (before.get(le) ?? 0)] as const);
  return delta.some(([, n]) => n < 0) ? later : delta;
}

/** The q-quantile (0 < q < 1) of the observations, or null when there are none. */
export function quantile(buckets: Buckets, q: number): number | null {
  const total = buckets.length ? buckets[buckets.length - 1][1] : 0;
  if (total <= 0) return null;
  const rank = q * total;
  let lowerBound = 0;
  let lowerCount = 0;
  for (const [le, count] of buckets) {
    if (count >= rank) {
      // Everything above the highest finite bound: report that bound, as histogram_quantile does.
      if (le === Infinity) return lowerBound;
      const inBucket = count - lowerCount;
      return inBucket <= 0 ? le : lowerBound + (le - lowerBound) * ((rank - lowerCount) / inBucket);
    }
    lowerBound = le;
    lowerCount = count;
  }
  return lowerBound;
}
