/**
 * Top-k ranking metrics with binary relevance. An item of a ranked list is one key (a
 * track id) or several (a track's artists, when relevance is judged per artist). Each
 * relevant key is credited once, at the first position that covers it, so a list that
 * repeats a relevant artist gains nothing for the repeat and no metric exceeds 1.
 *
 *   hitRate@k = 1 if a relevant key is covered in the top k, else 0
 *   RR        = 1 / (1-based rank of the first covering position), 0 if none
 *   recall@k  = |relevant keys covered in the top k| / |relevant|
 *   NDCG@k    = DCG@k / IDCG@k,  DCG@k = Σ_{i≤k, i covers a new key} 1 / log2(i + 1),
 *               IDCG@k = Σ_{i ≤ min(k, |relevant|)} 1 / log2(i + 1)
 */
export type RankedItem = string | readonly string[];

function checkK(k: number): void {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be a positive integer, got ${k}`);
}

function checkRelevant(relevant: ReadonlySet<string>, metric: string): void {
  // Undefined, not 0: a user without relevant items must be counted and left out, not averaged in.
  if (relevant.size === 0) throw new RangeError(`${metric} is undefined without relevant items`);
}

/** Per position, how many relevant keys it covers that no earlier position covered. */
export function newlyCovered(ranked: readonly RankedItem[], relevant: ReadonlySet<string>): number[] {
  const seen = new Set<string>();
  return ranked.map((item) => {
    let fresh = 0;
    for (const key of typeof item === 'string' ? [item] : item) {
      if (relevant.has(key) && !seen.has(key)) {
        seen.add(key);
        fresh++;
      }
    }
    return fresh;
  });
}

export function hitRateAtK(ranked: readonly RankedItem[], relevant: ReadonlySet<string>, k: number): number {
  checkK(k);
  return newlyCovered(ranked.slice(0, k), relevant).some((n) => n > 0) ? 1 : 0;
}

export function reciprocalRank(ranked: readonly RankedItem[], relevant: ReadonlySet<string>): number {
  const first = newlyCovered(ranked, relevant).findIndex((n) => n > 0);
  return first < 0 ? 0 : 1 / (first + 1);
}

export function recallAtK(ranked: readonly RankedItem[], relevant: ReadonlySet<string>, k: number): number {
  checkK(k);
  checkRelevant(relevant, 'recall');
  const covered = newlyCovered(ranked.slice(0, k), relevant).reduce((a, b) => a + b, 0);
  return covered / relevant.size;
}

const discount = (position: number): number => 1 / Math.log2(position + 1);

export function idealDcg(k: number, relevantCount: number): number {
  let sum = 0;
  for (let i = 1; i <= Math.min(k, relevantCount); i++) sum += discount(i);
  return sum;
}

export function ndcgAtK(ranked: readonly RankedItem[], relevant: ReadonlySet<string>, k: number): number {
  checkK(k);
  checkRelevant(relevant, 'NDCG');
  const dcg = newlyCovered(ranked.slice(0, k), relevant).reduce((sum, n, i) => sum + (n > 0 ? discount(i + 1) : 0), 0);
  return dcg / idealDcg(k, relevant.size);
}
