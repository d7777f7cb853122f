/**
 * A k-d tree over the catalog's feature vectors for exact k-nearest-neighbour queries
 * (squared Euclidean distance), built once per catalog load.
 *
 * Layout: the vectors are copied in tree order into one Float32Array, so a leaf is a
 * contiguous run; nodes are numbered heap-style (children of v are 2v+1 and 2v+2) and every
 * split is at the middle *position* of the node's run (selection by the widest coordinate),
 * so the tree is balanced even when a coordinate is mostly zeros (instrumentalness,
 * speechiness). Each node keeps its bounding box, whose distance to the query lower-bounds
 * every point in it.
 *
 * Exactness: distances are computed exactly as the brute-force scan does (float32 values,
 * differences and sum in float64, coordinates in the same order), the box bound is monotone
 * in every term so it never exceeds a point's distance, and a subtree is skipped only when
 * its bound is *strictly* above the current k-th distance. The result is therefore the k
 * smallest (distance, track index) pairs, identical to the scan, ties included.
 */
import { FEATURE_DIM } from './history-similarity.js';

/** Points per leaf: scanning a contiguous run beats descending further (measured: 64 > 16, 32, 128). */
export const LEAF_SIZE = 64;

export interface FeatureTree {
  /** Track index of each position in tree order. */
  readonly order: Int32Array;
  /** Feature vectors in tree order (position p at p·FEATURE_DIM). */
  readonly points: Float32Array;
  /** Position range [start[v], end[v]) of node v; a node with no children has end ≤ start + LEAF_SIZE. */
  readonly start: Int32Array;
  readonly end: Int32Array;
  /** Bounding box of node v: lo/hi at v·FEATURE_DIM. */
  readonly lo: Float32Array;
  readonly hi: Float32Array;
  readonly leafLevel: number;
}

/** Hoare/Wirth selection: afterwards keys[a..k) ≤ keys[k] ≤ keys(k..b], order permuted alike. */
function select(keys: Float32Array, order: Int32Array, a: number, b: number, k: number): void {
  let lo = a;
  let hi = b - 1;
  while (hi > lo) {
    const pivot = keys[(lo + hi) >> 1];
    let i = lo;
    let j = hi;
    do {
      while (keys[i] < pivot) i++;
      while (pivot < keys[j]) j--;
      if (i <= j) {
        const tk = keys[i];
        keys[i] = keys[j];
        keys[j] = tk;
        const to = order[i];
        order[i] = order[j];
        order[j] = to;
        i++;
        j--;
      }
    } while (i <= j);
    if (j < k) lo = i;
    if (k < i) hi = j;
  }
}

/** Levels below the root until every node holds at most LEAF_SIZE points. */
function leafLevelFor(n: number): number {
  let level = 0;
  while (Math.ceil(n / 2 ** level) > LEAF_SIZE) level++;
  return level;
}

export function buildFeatureTree(features: Float32Array, n: number): FeatureTree {
  const leafLevel = leafLevelFor(n);
  const nodes = 2 ** (leafLevel + 1) - 1;
  const order = Int32Array.from({ length: n }, (_, i) => i);
  const keys = new Float32Array(n);
  const start = new Int32Array(nodes);
  const end = new Int32Array(nodes);
  const lo = new Float32Array(nodes * FEATURE_DIM);
  const hi = new Float32Array(nodes * FEATURE_DIM);
  end[0] = n;
  // Top-down: split each internal node's run at its middle position on its widest coordinate.
  const firstLeaf = 2 ** leafLevel - 1;
  for (let v = 0; v < firstLeaf; v++) {
    const a = start[v];
    const b = end[v];
    const mid = (a + b) >> 1;
    const dim = widestDimension(features, order, a, b);
    for (let p = a; p < b; p++) keys[p] = features[order[p] * FEATURE_DIM + dim];
    if (b - a > 1) select(keys, order, a, b, mid);
    start[2 * v + 1] = a;
    end[2 * v + 1] = mid;
    start[2 * v + 2] = mid;
    end[2 * v + 2] = b;
  }
  const points = new Float32Array(n * FEATURE_DIM);
  for (let p = 0; p < n; p++)
    points.set(features.subarray(order[p] * FEATURE_DIM, (order[p] + 1) * FEATURE_DIM), p * FEATURE_DIM);
  // Bottom-up: leaf boxes from their points, internal boxes as the union of the children's.
  for (let v = nodes - 1; v >= 0; v--) {
    if (v >= firstLeaf) leafBox(points, start[v], end[v], lo, hi, v);
    else unionBox(lo, hi, v);
  }
  return { order, points, start, end, lo, hi, leafLevel };
}

/** Points examined per node to choose its split coordinate: the choice only steers pruning, never results. */
const SPREAD_SAMPLE = 256;

/** The coordinate with the largest range over (an even sample of) the node's points. */
function widestDimension(features: Float32Array, order: Int32Array, a: number, b: number): number {
  const step = Math.max(1, Math.floor((b - a) / SPREAD_SAMPLE));
  let best = 0;
  let bestSpread = -1;
  for (let f = 0; f < FEATURE_DIM; f++) {
    let min = Infinity;
    let max = -Infinity;
    for (let p = a; p < b; p += step) {
      const x = features[order[p] * FEATURE_DIM + f];
      if (x < min) min = x;
      if (x > max) max = x;
    }
    if (max - min > bestSpread) {
      bestSpread = max - min;
      best = f;
    }
  }
  return best;
}

function leafBox(points: Float32Array, a: number, b: number, lo: Float32Array, hi: Float32Array, v: number): void {
  const o = v * FEATURE_DIM;
  for (let f = 0; f < FEATURE_DIM; f++) {
    // An empty leaf (n smaller than the tree's capacity) gets an empty box, which is never entered.
    let min = Infinity;
    let max = -Infinity;
    for (let p = a; p < b; p++) {
      const x = points[p * FEATURE_DIM + f];
      if (x < min) min = x;
      if (x > max) max = x;
    }
    lo[o + f] = min;
    hi[o + f] = max;
  }
}

function unionBox(lo: Float32Array, hi: Float32Array, v: number): void {
  const o = v * FEATURE_DIM;
  const l = (2 * v + 1) * FEATURE_DIM;
  const r = (2 * v + 2) * FEATURE_DIM;
  for (let f = 0; f < FEATURE_DIM; f++) {
    lo[o + f] = Math.min(lo[l + f], lo[r + f]);
    hi[o + f] = Math.max(hi[l + f], hi[r + f]);
  }
}

/**
 * One query's state: the query vector, and a bounded max-heap of (distance, track index)
 * ordered lexicographically, so ties are deterministic (the larger index is "farther").
 */
class Search {
  readonly idx: Int32Array;
  readonly dist: Float64Array;
  count = 0;
  /** The heap's largest distance once full, +∞ before: a point farther than this cannot enter. */
  worst = Infinity;
  constructor(
    readonly tree: FeatureTree,
    readonly q: Float64Array,
    readonly seed: number,
    readonly skip: (i: number) => boolean,
    readonly k: number,
  ) {
    this.idx = new Int32Array(k);
    this.dist = new Float64Array(k);
  }

  /** Considers track i at distance d ≤ worst. */
  offer(d: number, i: number): void {
    const { idx, dist } = this;
    if (this.count === this.k && d === dist[0] && i > idx[0]) return;
    if (i === this.seed || this.skip(i)) return;
    if (this.count < this.k) {
      idx[this.count] = i;
      dist[this.count] = d;
      this.siftUp(this.count++);
    } else {
      idx[0] = i;
      dist[0] = d;
      this.siftDown();
    }
    if (this.count === this.k) this.worst = dist[0];
  }

  /** Track indices nearest first, ties by index; empties the heap (pops its largest into the back). */
  sorted(): Int32Array {
    const out = new Int32Array(this.count);
    for (let p = this.count - 1; p >= 0; p--) {
      out[p] = this.idx[0];
      this.count--;
      this.idx[0] = this.idx[this.count];
      this.dist[0] = this.dist[this.count];
      this.siftDown();
    }
    return out;
  }

  private above(a: number, b: number): boolean {
    const { dist, idx } = this;
    return dist[a] > dist[b] || (dist[a] === dist[b] && idx[a] > idx[b]);
  }

  private swap(a: number, b: number): void {
    const { dist, idx } = this;
    const ti = idx[a];
    idx[a] = idx[b];
    idx[b] = ti;
    const td = dist[a];
    dist[a] = dist[b];
    dist[b] = td;
  }

  private siftUp(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.above(i, parent)) return;
      this.swap(i, parent);
      i = parent;
    }
  }

  private siftDown(): void {
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let top = i;
      if (l < this.count && this.above(l, top)) top = l;
      if (r < this.count && this.above(r, top)) top = r;
      if (top === i) return;
      this.swap(i, top);
      i = top;
    }
  }
}

/** Squared distance from q to node v's box: no point of the node is nearer. */
function boxDistance(tree: FeatureTree, v: number, q: Float64Array): number {
  const { lo, hi } = tree;
  const o = v * FEATURE_DIM;
  let d = 0;
  for (let f = 0; f < FEATURE_DIM; f++) {
    const x = q[f];
    const l = lo[o + f];
    if (x < l) {
      d += (l - x) * (l - x);
    } else {
      const h = hi[o + f];
      if (x > h) d += (x - h) * (x - h);
    }
  }
  return d;
}

// The leaf scan is unrolled for the 7-feature vector; the sum runs in feature order like the scan's.
if (FEATURE_DIM !== 7) throw new Error(`feature-tree: the leaf scan is written for 7 features, got ${FEATURE_DIM}`);

function scanLeaf(s: Search, v: number): void {
  const { points, order, end } = s.tree;
  const q = s.q;
  const q0 = q[0];
  const q1 = q[1];
  const q2 = q[2];
  const q3 = q[3];
  const q4 = q[4];
  const q5 = q[5];
  const q6 = q[6];
  const last = end[v];
  for (let p = s.tree.start[v]; p < last; p++) {
    const o = p * 7;
    const a0 = points[o] - q0;
    const a1 = points[o + 1] - q1;
    const a2 = points[o + 2] - q2;
    const a3 = points[o + 3] - q3;
    const a4 = points[o + 4] - q4;
    const a5 = points[o + 5] - q5;
    const a6 = points[o + 6] - q6;
    const d = a0 * a0 + a1 * a1 + a2 * a2 + a3 * a3 + a4 * a4 + a5 * a5 + a6 * a6;
    if (d <= s.worst) s.offer(d, order[p]);
  }
}

function visit(s: Search, v: number, level: number): void {
  if (level === s.tree.leafLevel) {
    scanLeaf(s, v);
    return;
  }
  const l = 2 * v + 1;
  const r = l + 1;
  const dl = boxDistance(s.tree, l, s.q);
  const dr = boxDistance(s.tree, r, s.q);
  // Nearer child first; a child is skipped only when its bound is strictly above the k-th
  // distance (an equal distance could still win its tie by a smaller index).
  if (dl <= dr) {
    if (dl <= s.worst) visit(s, l, level + 1);
    if (dr <= s.worst) visit(s, r, level + 1);
  } else {
    if (dr <= s.worst) visit(s, r, level + 1);
    if (dl <= s.worst) visit(s, l, level + 1);
  }
}

/**
 * The k tracks nearest to track `seed` (features at seed·FEATURE_DIM of `features`), other than
 * the seed and tracks where `skip(i)` is true; nearest first, ties by index.
 */
export function nearestInTree(
  tree: FeatureTree,
  features: Float32Array,
  seed: number,
  k: number,
  skip: (i: number) => boolean,
): Int32Array {
  if (k <= 0 || tree.order.length === 0) return new Int32Array(0);
  const q = new Float64Array(FEATURE_DIM);
  for (let f = 0; f < FEATURE_DIM; f++) q[f] = features[seed * FEATURE_DIM + f];
  const search = new Search(tree, q, seed, skip, k);
  visit(search, 0, 0);
  return search.sorted();
}
