/**
 * Off-policy value estimates from logged decisions (Horvitz–Thompson inverse propensity
 * scoring). Each logged decision carries the logging policy's probability of the action it
 * took (`selection_probability`), the observed reward, and the target policy's probability
 * of that same action. With importance weight w = π_target(a|x) / π_log(a|x):
 *
 *   IPS   = (1/n) Σ w·r             unbiased when π_log(a|x) > 0 wherever π_target(a|x) > 0
 *   SNIPS = Σ w·r / Σ w             biased but consistent; far lower variance, and invariant
 *                                   to adding a constant to every reward
 *
 * Clipping (optional): w ← min(w, clip). It trades bias (towards under-estimating the
 * target's value on actions the logger rarely takes) for variance when a deterministic
 * target often picks what an ε-greedy logger only explored with probability ε/n. The
 * default rule in reports is clip = √n (Ionides 2008, truncated importance sampling), a
 * rule fixed in advance rather than a value read off the results.
 */
export interface LoggedDecision {
  readonly reward: number;
  /** π_log(a|x) in (0, 1]. */
  readonly loggingProbability: number;
  /** π_target(a|x) in [0, 1]. */
  readonly targetProbability: number;
}

export interface OffPolicyEstimate {
  readonly ips: number;
  readonly snips: number;
  readonly n: number;
  readonly meanWeight: number;
  readonly maxWeight: number;
  /** Decisions whose weight was cut to `clip`. */
  readonly clipped: number;
  /** Kish effective sample size (Σw)² / Σw², a variance warning when far below n. */
  readonly effectiveSampleSize: number;
}

function validate(d: LoggedDecision, i: number): void {
  const problems: string[] = [];
  if (!Number.isFinite(d.reward)) problems.push(`reward must be finite, got ${d.reward}`);
  if (!(d.loggingProbability > 0 && d.loggingProbability <= 1))
    problems.push(`loggingProbability must be in (0, 1], got ${d.loggingProbability}`);
  if (!(d.targetProbability >= 0 && d.targetProbability <= 1))
    problems.push(`targetProbability must be in [0, 1], got ${d.targetProbability}`);
  if (problems.length > 0) throw new RangeError(`logged decision ${i}: ${problems.join('; ')}`);
}

export function estimateOffPolicy(logs: readonly LoggedDecision[], options: { clip?: number } = {}): OffPolicyEstimate {
  const clip = options.clip ?? Infinity;
  if (!(clip > 0)) throw new RangeError(`clip must be > 0, got ${clip}`);
  if (logs.length === 0) throw new RangeError('no logged decisions');
  let sumW = 0;
  let sumW2 = 0;
  let sumWR = 0;
  let maxWeight = 0;
  let clipped = 0;
  logs.forEach((d, i) => {
    validate(d, i);
    const raw = d.targetProbability / d.loggingProbability;
    const w = Math.min(raw, clip);
    if (raw > clip) clipped++;
    sumW += w;
    sumW2 += w * w;
    sumWR += w * d.reward;
    maxWeight = Math.max(maxWeight, w);
  });
  const n = logs.length;
  return {
    ips: sumWR / n,
    // No target mass on any logged action: SNIPS has nothing to normalise by.
    snips: sumW > 0 ? sumWR / sumW : NaN,
    n,
    meanWeight: sumW / n,
    maxWeight,
    clipped,
    effectiveSampleSize: sumW2 > 0 ? (sumW * sumW) / sumW2 : 0,
  };
}

/** Ionides' truncation point √n (see the header). */
export function defaultClip(n: number): number {
  return Math.sqrt(n);
}

/**
 * Probability that an ε-greedy slot policy (the ranker's rule, docs/scoring.md) takes a given
 * action among `remaining` candidates: (1 − ε) + ε/r for its greedy choice, ε/r otherwise.
 */
export function epsilonGreedyProbability(o: { isGreedy: boolean; epsilon: number; remaining: number }): number {
  if (!(o.epsilon >= 0 && o.epsilon <= 1)) throw new RangeError(`epsilon must be in [0, 1], got ${o.epsilon}`);
  if (!Number.isInteger(o.remaining) || o.remaining < 1)
    throw new RangeError(`remaining must be a positive integer, got ${o.remaining}`);
  const explore = o.epsilon / o.remaining;
  return o.isGreedy ? 1 - o.epsilon + explore : explore;
}
