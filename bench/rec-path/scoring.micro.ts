/**
 * Candidate generation and scoring alone, on one core (this process, one thread): the
 * engine's pure steps on a CatalogIndex of the catalog, for seeded users in turn, with
 * the first second discarded as JIT warm-up. Candidates/s = candidates generated and
 * ranked / time in generateCandidates + rankCandidates (top 50 of up to 500).
 */
import { generateCandidates } from '../../src/domain/candidates.js';
import type { CatalogIndex } from '../../src/domain/catalog-index.js';
import { coldStartStage, weightsForStage } from '../../src/domain/cold-start.js';
import { rankCandidates } from '../../src/domain/ranking.js';
import { createRng } from '../../src/domain/rng.js';
import { snapshotRlAdjustmentOfKey } from '../../src/domain/user-snapshot.js';
import { computeRecommendations } from '../../src/recommender/recommendation-engine.js';
import { listeningProfileOf } from '../../src/recommender/listening-profile.js';
import { round, summarise, type LatencySummary } from '../lib/stats.js';
import { MAX_RESULTS } from './load-drivers.js';
import type { SeededUsers } from './users.js';

const EPSILON = 0.1;

export interface ScoringResult {
  readonly catalogTracks: number;
  readonly requests: number;
  readonly meanCandidates: number;
  /** Candidates through generateCandidates + rankCandidates per second. */
  readonly candidatesPerSecond: number;
  /** Candidates through rankCandidates alone per second. */
  readonly rankOnlyCandidatesPerSecond: number;
  readonly generateMs: LatencySummary;
  readonly rankMs: LatencySummary;
}

export function runScoring(o: {
  index: CatalogIndex;
  users: SeededUsers;
  seconds: number;
  now: number;
}): ScoringResult {
  const generate: number[] = [];
  const rank: number[] = [];
  let candidates = 0;
  const warmUntil = performance.now() + 1000;
  const end = warmUntil + o.seconds * 1000;
  for (let n = 0; performance.now() < end; n++) {
    const userId = o.users.ids[n % o.users.ids.length];
    const snapshot = o.users.snapshots.get(userId);
    if (!snapshot) throw new Error(`no snapshot for ${userId}`);
    const profile = listeningProfileOf(snapshot, o.index, o.now);
    const stage = coldStartStage({ now: o.now, createdAt: o.users.createdAt.get(userId) ?? o.now });
    const rng = createRng(`micro-${n}`);
    const t0 = performance.now();
    const set = generateCandidates({
      index: o.index,
      ...profile,
      excludeTrackIds: snapshot.negatives,
      now: o.now,
      rng,
    });
    const t1 = performance.now();
    rankCandidates({
      index: o.index,
      candidates: set,
      user: profile.user,
      weights: weightsForStage(stage),
      rlSignalOfKey: (key) => snapshotRlAdjustmentOfKey(snapshot, key),
      epsilon: EPSILON,
      rng,
      maxResults: MAX_RESULTS,
    });
    const t2 = performance.now();
    if (t0 < warmUntil) continue;
    generate.push(t1 - t0);
    rank.push(t2 - t1);
    candidates += set.indices.length;
  }
  const sum = (xs: number[]): number => xs.reduce((s, v) => s + v, 0);
  return {
    catalogTracks: o.index.size,
    requests: rank.length,
    meanCandidates: round(candidates / Math.max(1, rank.length), 1),
    candidatesPerSecond: Math.round(candidates / ((sum(generate) + sum(rank)) / 1000)),
    rankOnlyCandidatesPerSecond: Math.round(candidates / (sum(rank) / 1000)),
    generateMs: summarise(generate),
    rankMs: summarise(rank),
  };
}

/** The whole pure engine per request (profile, candidates, ranking): uncached latency without I/O. */
export function engineLatency(o: {
  index: CatalogIndex;
  users: SeededUsers;
  requests: number;
  now: number;
}): LatencySummary {
  const times: number[] = [];
  for (let n = 0; n < o.requests + 50; n++) {
    const userId = o.users.ids[n % o.users.ids.length];
    const snapshot = o.users.snapshots.get(userId);
    if (!snapshot) throw new Error(`no snapshot for ${userId}`);
    const t0 = performance.now();
    computeRecommendations({
      index: o.index,
      snapshot,
      createdAt: o.users.createdAt.get(userId) ?? o.now,
      now: o.now,
      epsilon: EPSILON,
      maxResults: MAX_RESULTS,
      seed: `engine-${n}`,
    });
    if (n >= 50) times.push(performance.now() - t0); // the first 50 warm the JIT
  }
  return summarise(times);
}
