/**
 * The first `n` items of `items` in `compare` order — exactly `[...items].sort(compare).slice(0, n)`
 * (stable: equal items keep their input order) — without sorting everything: a bounded
 * sorted buffer, where most items are rejected by one comparison with the current n-th.
 * For the snapshot's small caps (20–40) over hundreds of Q entries or history rows.
 */
export function topK<T>(items: Iterable<T>, n: number, compare: (a: T, b: T) => number): T[] {
  const best: T[] = [];
  if (n <= 0) return best;
  for (const item of items) {
    if (best.length === n && compare(item, best[n - 1]) >= 0) continue;
    // Upper bound: after every element that is not greater (stability).
    let lo = 0;
    let hi = best.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compare(item, best[mid]) < 0) hi = mid;
      else lo = mid + 1;
    }
    best.splice(lo, 0, item);
    if (best.length > n) best.pop();
  }
  return best;
}
