/** Shannon entropy of a count distribution, used to measure how varied recommended genres are. */

/** H = −Σ p·log2 p over the positive counts, in bits; 0 for no mass. Throws on negative or non-finite counts. */
export function shannonEntropyBits(counts: Iterable<number>): number {
  const values = [...counts];
  for (const c of values) {
    if (!Number.isFinite(c) || c < 0) throw new RangeError(`counts must be finite and >= 0, got ${c}`);
  }
  const total = values.reduce((a, b) => a + b, 0);
  if (total === 0) return 0;
  let h = 0;
  for (const c of values) if (c > 0) h -= (c / total) * Math.log2(c / total);
  // Float noise can leave −0 or −1e-17 for a single category.
  return Math.max(0, h);
}

/** Adds one unit of mass to `key`. */
export function countInto<K>(counts: Map<K, number>, key: K, weight = 1): void {
  counts.set(key, (counts.get(key) ?? 0) + weight);
}
