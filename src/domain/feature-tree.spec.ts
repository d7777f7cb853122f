import { buildFeatureTree, LEAF_SIZE, nearestInTree } from './feature-tree.js';
import { FEATURE_DIM } from './history-similarity.js';
import { createRng } from './rng.js';

/** The brute-force scan the tree replaces: k smallest (distance, index), nearest first. */
function scan(features: Float32Array, seed: number, k: number, skip: (i: number) => boolean): number[] {
  const n = features.length / FEATURE_DIM;
  const all: { i: number; d: number }[] = [];
  for (let i = 0; i < n; i++) {
    if (i === seed || skip(i)) continue;
    let d = 0;
    for (let f = 0; f < FEATURE_DIM; f++) {
      const diff = features[i * FEATURE_DIM + f] - features[seed * FEATURE_DIM + f];
      d += diff * diff;
    }
    all.push({ i, d });
  }
  return all
    .sort((a, b) => a.d - b.d || a.i - b.i)
    .slice(0, k)
    .map((x) => x.i);
}

/** Uniform features, or coarse ones (steps of 0.1, half the speechiness/instrumentalness zero) full of ties and duplicates. */
function randomFeatures(n: number, seed: string, coarse: boolean): Float32Array {
  const rng = createRng(seed);
  return Float32Array.from({ length: n * FEATURE_DIM }, (_, j) => {
    if (!coarse) return rng.next();
    if (j % FEATURE_DIM >= 5 && rng.next() < 0.5) return 0;
    return Math.round(rng.next() * 10) / 10;
  });
}

describe('buildFeatureTree', () => {
  it.each([0, 1, 16, 17, 1000])('holds every track exactly once in leaves of at most LEAF_SIZE (n=%p)', (n) => {
    const features = randomFeatures(n, `perm-${n}`, false);
    const tree = buildFeatureTree(features, n);
    expect([...tree.order].sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i));
    const firstLeaf = 2 ** tree.leafLevel - 1;
    for (let v = firstLeaf; v < tree.start.length; v++)
      expect(tree.end[v] - tree.start[v]).toBeLessThanOrEqual(LEAF_SIZE);
    for (let p = 0; p < n; p++)
      expect(Array.from(tree.points.subarray(p * FEATURE_DIM, (p + 1) * FEATURE_DIM))).toEqual(
        Array.from(features.subarray(tree.order[p] * FEATURE_DIM, (tree.order[p] + 1) * FEATURE_DIM)),
      );
  });
});

describe('nearestInTree equals the brute-force scan', () => {
  it.each([
    ['uniform', false, 3000],
    ['coarse, many ties and duplicates', true, 3000],
    ['smaller than one leaf', false, 10],
  ])('%s (n=%p)', (_name, coarse, n) => {
    const features = randomFeatures(n, `nn-${String(coarse)}-${n}`, coarse);
    const tree = buildFeatureTree(features, n);
    const rng = createRng('queries');
    for (let q = 0; q < 40; q++) {
      const seed = rng.int(n);
      const k = [1, 5, 80, 400, n + 5][q % 5];
      const blocked = new Set(Array.from({ length: q % 3 === 0 ? 50 : 0 }, () => rng.int(n)));
      const skip = (i: number): boolean => blocked.has(i);
      expect(Array.from(nearestInTree(tree, features, seed, k, skip))).toEqual(scan(features, seed, k, skip));
    }
  });

  it('returns nothing for k = 0 or an empty catalog', () => {
    const features = randomFeatures(20, 'k0', false);
    expect(nearestInTree(buildFeatureTree(features, 20), features, 3, 0, () => false)).toHaveLength(0);
    expect(
      nearestInTree(buildFeatureTree(new Float32Array(0), 0), new Float32Array(7), 0, 3, () => false),
    ).toHaveLength(0);
  });
});
