/**
 * Per-round reward and regret series of a sequential policy, and their means across users.
 * regret_t = oracle_t − achieved_t, where both are expected rewards of the round's shown list
 * (the simulation defines the oracle; see docs/evaluation.md).
 */

export function cumulative(values: readonly number[]): number[] {
  let sum = 0;
  return values.map((v) => (sum += v));
}

export function regretSeries(oracle: readonly number[], achieved: readonly number[]): number[] {
  if (oracle.length !== achieved.length)
    throw new RangeError(`oracle and achieved differ in length: ${oracle.length} vs ${achieved.length}`);
  return oracle.map((o, t) => o - achieved[t]);
}

/** Element-wise mean of equally long series (one per user). */
export function meanSeries(series: readonly (readonly number[])[]): number[] {
  if (series.length === 0) return [];
  const n = series[0].length;
  if (series.some((s) => s.length !== n)) throw new RangeError('series differ in length');
  return Array.from({ length: n }, (_, t) => series.reduce((sum, s) => sum + s[t], 0) / series.length);
}

/** Means of consecutive windows of `size` rounds (the last window may be shorter). */
export function windowMeans(values: readonly number[], size: number): number[] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`window size must be a positive integer, got ${size}`);
  const out: number[] = [];
  for (let start = 0; start < values.length; start += size) {
    const window = values.slice(start, start + size);
    out.push(window.reduce((a, b) => a + b, 0) / window.length);
  }
  return out;
}

export interface MeanWithError {
  readonly mean: number;
  /** Standard error of the mean (sample sd / √n); 0 for fewer than two values. */
  readonly stderr: number;
  readonly n: number;
}

export function meanWithError(values: readonly number[]): MeanWithError {
  const n = values.length;
  if (n === 0) return { mean: NaN, stderr: NaN, n: 0 };
  const mean = values.reduce((a, b) => a + b, 0) / n;
  if (n < 2) return { mean, stderr: 0, n };
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1);
  return { mean, stderr: Math.sqrt(variance / n), n };
}
