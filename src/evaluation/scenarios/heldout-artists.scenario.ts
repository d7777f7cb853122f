/**
 * HetRec held-out-artists scenario: per user a seeded 80/20 split of their artists; the
 * matched 80 % become listening history through the reducer, the matched 20 % are what a
 * good recommender should surface. Every method recommends LIST_SIZE tracks; scores are
 * artist-level recall@10/@50 and NDCG@50, overall and by cold-start depth. Users and
 * artists that cannot take part are counted, never dropped silently.
 */
import type { CatalogIndex } from '../../domain/catalog-index.js';
import { coldStartStage, weightsForStage } from '../../domain/cold-start.js';
import { MS_PER_DAY } from '../../domain/history-similarity.js';
import { createRng } from '../../domain/rng.js';
import { SNAPSHOT_LIMITS, snapshotOf } from '../../domain/user-snapshot.js';
import { candidatesFor } from '../engine/recommend.js';
import { buildArtistCatalog } from './artist-catalog.js';
import type { UserArtist } from './hetrec-reader.js';
import { historyPlays, historyState } from './heldout-history.js';
import {
  countMatches,
  matchedKey,
  popularity,
  trainArtists,
  type HeldoutCounts,
  type Prepared,
} from './heldout-matching.js';
import { METHODS, type MethodContext, type UserCase } from './heldout-methods.js';
import {
  depthBucket,
  DEPTH_BUCKETS,
  scoreList,
  summariseScores,
  type ListScore,
  type ScoreSummary,
} from './heldout-scores.js';
import { splitArtists } from './heldout-split.js';

export interface HeldoutOptions {
  readonly index: CatalogIndex;
  readonly artistNames: ReadonlyMap<number, string>;
  readonly users: ReadonlyMap<number, readonly UserArtist[]>;
  readonly seed: string;
  /** Evaluate the first N users by id; undefined = all. */
  readonly maxUsers?: number;
  readonly now: number;
  readonly onUserDone?: (done: number, total: number) => void;
}

export type { HeldoutCounts } from './heldout-matching.js';

export interface HeldoutResult {
  readonly seed: string;
  readonly counts: HeldoutCounts;
  /** method → overall and per-depth-bucket summaries (same users for every method). */
  readonly methods: Record<string, { all: ScoreSummary; byDepth: Record<string, ScoreSummary> }>;
}

/** Established Last.fm users: an account a year old, so the seed formula's weights apply. */
export const ACCOUNT_AGE_DAYS = 365;

export function runHeldoutArtists(o: HeldoutOptions): HeldoutResult {
  const artists = buildArtistCatalog(o.index);
  const ids = [...o.users.keys()].sort((a, b) => a - b).slice(0, o.maxUsers);
  const prepared: Prepared[] = ids.map((userId) => ({
    userId,
    split: splitArtists(o.users.get(userId) ?? [], { seed: o.seed, userId }),
  }));
  const keyOf = (a: UserArtist): string | null => matchedKey(a, o.artistNames, artists);
  const counts = countMatches(prepared, keyOf, o.users.size);
  counts.usersSelected = prepared.length;
  const ctx: MethodContext = {
    index: o.index,
    artists,
    weights: weightsForStage(coldStartStage({ now: o.now, createdAt: o.now - ACCOUNT_AGE_DAYS * MS_PER_DAY })),
    seed: o.seed,
    popularArtists: popularity(prepared, keyOf),
  };
  const scores = new Map<string, Map<string, ListScore[]>>(Object.keys(METHODS).map((m) => [m, new Map()]));
  prepared.forEach((p, n) => {
    const relevant = new Set(p.split.test.map(keyOf).filter((k): k is string => k !== null));
    if (p.split.test.length === 0) counts.usersWithoutHeldOut++;
    else if (relevant.size === 0) counts.usersWithoutMatchedHeldOut++;
    else evaluateUser({ o, ctx, p, relevant, keyOf, scores, counts });
    o.onUserDone?.(n + 1, prepared.length);
  });
  return { seed: o.seed, counts, methods: summarise(scores) };
}

function evaluateUser(a: {
  o: HeldoutOptions;
  ctx: MethodContext;
  p: Prepared;
  relevant: ReadonlySet<string>;
  keyOf: (x: UserArtist) => string | null;
  scores: Map<string, Map<string, ListScore[]>>;
  counts: HeldoutCounts;
}): void {
  const { o, ctx, p } = a;
  const train = trainArtists(p.split, a.keyOf, ctx.artists);
  const plays = historyPlays(train, `${o.seed}:plays:${p.userId}`);
  const userId = `hetrec-${p.userId}`;
  const snapshot = snapshotOf(historyState({ userId, plays, index: o.index, now: o.now }), SNAPSHOT_LIMITS);
  const candidates = candidatesFor({
    index: o.index,
    snapshot,
    now: o.now,
    rng: createRng(`${o.seed}:cand:${p.userId}`),
  });
  const knownKeys = new Set(train.map((t) => t.key));
  const c: UserCase = { userId: p.userId, snapshot, candidates, train, knownKeys, historyTracks: new Set(plays) };
  const bucket = depthBucket(knownKeys.size);
  a.counts.usersEvaluated++;
  a.counts.usersByDepth[bucket]++;
  for (const [name, method] of Object.entries(METHODS)) {
    const score = scoreList({
      list: method(c, ctx),
      relevant: a.relevant,
      knownKeys,
      index: o.index,
      artists: ctx.artists,
    });
    const byBucket = a.scores.get(name) as Map<string, ListScore[]>;
    byBucket.set(bucket, [...(byBucket.get(bucket) ?? []), score]);
  }
}

function summarise(scores: Map<string, Map<string, ListScore[]>>): HeldoutResult['methods'] {
  return Object.fromEntries(
    [...scores].map(([method, byBucket]) => {
      const byDepth = Object.fromEntries(
        DEPTH_BUCKETS.map((b) => [b.name, summariseScores(byBucket.get(b.name) ?? [])]),
      );
      return [method, { all: summariseScores([...byBucket.values()].flat()), byDepth }];
    }),
  );
}
