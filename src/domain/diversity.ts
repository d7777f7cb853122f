/**
 * Diversity bonus for greedy selection (order matters):
 *   first pick → 1
 *   otherwise  → clamp01(1 − mean cosine(candidate, selected) + 0.2·[no artist shared with selected])
 *
 * The tracker keeps a running sum of similarities to the selected set, so each pick costs
 * one O(n·7) pass and each bonus lookup O(1): selecting k of n is O(n·k).
 */
import type { CatalogIndex } from './catalog-index.js';
import { FEATURE_DIM } from './history-similarity.js';

/** Raw feature cosines of non-negative vectors sit high (≈0.8–0.99), so a new artist is the clearer signal. */
export const NEW_ARTIST_BONUS = 0.2;
export const FIRST_PICK_DIVERSITY = 1;

const clamp01 = (x: number): number => (x < 0 ? 0 : x > 1 ? 1 : x);

/** The formula on its inputs (used by the tracker and directly testable). */
export function diversityBonus(meanSimilarity: number, newArtist: boolean, selectedCount: number): number {
  if (selectedCount === 0) return FIRST_PICK_DIVERSITY;
  return clamp01(1 - meanSimilarity + (newArtist ? NEW_ARTIST_BONUS : 0));
}

export interface DiversityTrackerInput {
  /** Unit-length feature vectors of the candidates, candidate j at j·FEATURE_DIM (dot = cosine). */
  readonly unit: Float32Array;
  /** CSR artist ids per candidate: ids of candidate j are artistIds[artistStart[j] .. artistStart[j+1]). */
  readonly artistStart: Int32Array;
  readonly artistIds: Int32Array;
}

export interface DiversityTracker {
  /** Diversity bonus of candidate j against the current selection. */
  bonus(j: number): number;
  /** Adds candidate `picked` to the selection, updating the `remaining` candidates' running sums. */
  select(picked: number, remaining: Int32Array, remainingCount: number): void;
  readonly selectedCount: number;
}

/** Candidate-local copies of unit vectors and artist ids, contiguous for the O(n·k) loop. */
export function diversityInputFor(index: CatalogIndex, candidates: Int32Array): DiversityTrackerInput {
  const unit = new Float32Array(candidates.length * FEATURE_DIM);
  const artistStart = new Int32Array(candidates.length + 1);
  const ids: number[] = [];
  candidates.forEach((i, j) => {
    unit.set(index.unit.subarray(i * FEATURE_DIM, (i + 1) * FEATURE_DIM), j * FEATURE_DIM);
    for (let a = index.artistStart[i]; a < index.artistStart[i + 1]; a++) ids.push(index.artistIds[a]);
    artistStart[j + 1] = ids.length;
  });
  return { unit, artistStart, artistIds: Int32Array.from(ids) };
}

/** Candidate positions per artist id, so a pick marks its artist's other tracks without a scan. */
function candidatesByArtist(artistStart: Int32Array, artistIds: Int32Array): Map<number, number[]> {
  const byArtist = new Map<number, number[]>();
  for (let j = 0; j + 1 < artistStart.length; j++) {
    for (let a = artistStart[j]; a < artistStart[j + 1]; a++) {
      const list = byArtist.get(artistIds[a]);
      if (list) list.push(j);
      else byArtist.set(artistIds[a], [j]);
    }
  }
  return byArtist;
}

export function createDiversityTracker(input: DiversityTrackerInput): DiversityTracker {
  const { unit, artistStart, artistIds } = input;
  const simSum = new Float64Array(artistStart.length - 1);
  const sharesArtist = new Uint8Array(artistStart.length - 1);
  const byArtist = candidatesByArtist(artistStart, artistIds);
  let count = 0;

  return {
    get selectedCount() {
      return count;
    },
    bonus(j: number): number {
      return diversityBonus(count === 0 ? 0 : simSum[j] / count, sharesArtist[j] === 0, count);
    },
    select(picked: number, remaining: Int32Array, remainingCount: number): void {
      const p = picked * FEATURE_DIM;
      for (let r = 0; r < remainingCount; r++) {
        const q = remaining[r] * FEATURE_DIM;
        let dot = 0;
        for (let k = 0; k < FEATURE_DIM; k++) dot += unit[p + k] * unit[q + k];
        simSum[remaining[r]] += dot;
      }
      for (let a = artistStart[picked]; a < artistStart[picked + 1]; a++) {
        for (const j of byArtist.get(artistIds[a]) ?? []) sharesArtist[j] = 1;
        byArtist.delete(artistIds[a]); // marked once; later picks of the artist have nothing to add
      }
      count++;
    },
  };
}
