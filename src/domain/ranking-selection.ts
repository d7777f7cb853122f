/**
 * The diversity side of greedy selection (diversity.ts's formula), kept lazily: a candidate's
 * running sum of cosines to the selected tracks, and whether it shares an artist with them, is
 * brought up to date only when its diversity is asked for, by catching up on the picks made
 * since. Sums are accumulated in pick order, exactly as an eager per-pick update would, so the
 * values are identical; candidates the ranker can rule out by their base score alone are never
 * brought up to date. Reads the catalog's unit vectors (cosine = dot) and artist ids in place.
 */
import type { CatalogIndex } from './catalog-index.js';
import { diversityBonus } from './diversity.js';
import { FEATURE_DIM } from './history-similarity.js';

if (FEATURE_DIM !== 7)
  throw new Error(`ranking-selection: the dot product is written for 7 features, got ${FEATURE_DIM}`);

export interface Selection {
  /** Diversity bonus of candidate j against the current selection. */
  diversity(j: number): number;
  /**
   * An upper bound of diversity(j) without bringing j up to date (exact when it is): cosines of
   * non-negative vectors are ≥ 0, so the running sum only grows and the mean over the current
   * count is at least the stale sum over it; a shared artist never becomes unshared. Every step
   * is a monotone float operation, so the bound holds exactly, not just in real arithmetic.
   */
  diversityBound(j: number): number;
  /** Adds candidate j to the selection. */
  select(j: number): void;
}

class LazySelection implements Selection {
  private readonly simSum: Float64Array;
  private readonly sharesArtist: Uint8Array;
  /** Number of selected tracks already folded into simSum[j] / sharesArtist[j]. */
  private readonly upTo: Int32Array;
  /** Catalog indices of the selected tracks, in pick order. */
  private readonly selected: Int32Array;
  private count = 0;

  constructor(
    private readonly index: CatalogIndex,
    private readonly candidates: Int32Array,
    capacity: number,
  ) {
    const n = candidates.length;
    this.simSum = new Float64Array(n);
    this.sharesArtist = new Uint8Array(n);
    this.upTo = new Int32Array(n);
    this.selected = new Int32Array(capacity);
  }

  diversity(j: number): number {
    if (this.upTo[j] < this.count) this.catchUp(j);
    return this.diversityBound(j);
  }

  diversityBound(j: number): number {
    const count = this.count;
    return diversityBonus(count === 0 ? 0 : this.simSum[j] / count, this.sharesArtist[j] === 0, count);
  }

  select(j: number): void {
    this.selected[this.count++] = this.candidates[j];
  }

  private catchUp(j: number): void {
    const { unit } = this.index;
    const i = this.candidates[j];
    const q = i * FEATURE_DIM;
    let sum = this.simSum[j];
    let shares = this.sharesArtist[j] === 1;
    for (let t = this.upTo[j]; t < this.count; t++) {
      const s = this.selected[t];
      const p = s * FEATURE_DIM;
      // Unrolled 7-feature dot product, summed in feature order like the eager update.
      sum +=
        unit[p] * unit[q] +
        unit[p + 1] * unit[q + 1] +
        unit[p + 2] * unit[q + 2] +
        unit[p + 3] * unit[q + 3] +
        unit[p + 4] * unit[q + 4] +
        unit[p + 5] * unit[q + 5] +
        unit[p + 6] * unit[q + 6];
      if (!shares) shares = this.shareArtist(i, s);
    }
    this.simSum[j] = sum;
    this.sharesArtist[j] = shares ? 1 : 0;
    this.upTo[j] = this.count;
  }

  private shareArtist(a: number, b: number): boolean {
    const { artistStart, artistIds } = this.index;
    for (let x = artistStart[a]; x < artistStart[a + 1]; x++)
      for (let y = artistStart[b]; y < artistStart[b + 1]; y++) if (artistIds[x] === artistIds[y]) return true;
    return false;
  }
}

/** `capacity`: the most tracks that will be selected. */
export function createSelection(index: CatalogIndex, candidates: Int32Array, capacity: number): Selection {
  return new LazySelection(index, candidates, capacity);
}
