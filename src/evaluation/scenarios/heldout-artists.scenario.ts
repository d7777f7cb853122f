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
import { countInto } from '../metrics/entropy.js';
import { artistKey, buildArtistCatalog, type ArtistCatalog } from './artist-catalog.js';
import type { UserArtist } from './hetrec-reader.js';
import { historyPlays, historyState, type TrainArtist } from './heldout-history.js';
import { METHODS, type MethodContext, type UserCase } from './heldout-methods.js';
import {
  depthBucket,
  DEPTH_BUCKETS,
  scoreList,
  summariseScores,
  type ListScore,
  type ScoreSummary,
} from './heldout-scores.js';
import { splitArtists, type ArtistSplit } from './heldout-split.js';

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

export interface HeldoutCounts {
  usersInFile: number;
  /** The first --users ids (all when unlimited). */
  usersSelected: number;
  usersEvaluated: number;
  usersWithoutHeldOut: number;
  usersWithoutMatchedHeldOut: number;
  rows: { train: { matched: number; unmatched: number }; test: { matched: number; unmatched: number } };
  distinctArtists: { matched: number; unmatched: number };
  usersByDepth: Record<string, number>;
}

export interface HeldoutResult {
  readonly seed: string;
  readonly counts: HeldoutCounts;
  /** method → overall and per-depth-bucket summaries (same users for every method). */
  readonly methods: Record<string, { all: ScoreSummary; byDepth: Record<string, ScoreSummary> }>;
}

/** Established Last.fm users: an account a year old, so the seed formula's weights apply. */
export const ACCOUNT_AGE_DAYS = 365;

interface Prepared {
  readonly userId: number;
  readonly split: ArtistSplit;
}

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

function matchedKey(a: UserArtist, names: ReadonlyMap<number, string>, artists: ArtistCatalog): string | null {
  const name = names.get(a.artistId);
  const key = name === undefined ? null : artistKey(name);
  return key !== null && artists.tracksOf.has(key) ? key : null;
}

function countMatches(
  prepared: readonly Prepared[],
  keyOf: (a: UserArtist) => string | null,
  usersInFile: number,
): HeldoutCounts {
  const matched = new Set<number>();
  const unmatched = new Set<number>();
  const rows = { train: { matched: 0, unmatched: 0 }, test: { matched: 0, unmatched: 0 } };
  for (const { split } of prepared) {
    for (const part of ['train', 'test'] as const) {
      for (const a of split[part]) {
        const hit = keyOf(a) !== null;
        rows[part][hit ? 'matched' : 'unmatched']++;
        (hit ? matched : unmatched).add(a.artistId);
      }
    }
  }
  const usersByDepth = Object.fromEntries(DEPTH_BUCKETS.map((b) => [b.name, 0]));
  return {
    usersInFile,
    usersSelected: 0,
    usersEvaluated: 0,
    usersWithoutHeldOut: 0,
    usersWithoutMatchedHeldOut: 0,
    rows,
    distinctArtists: { matched: matched.size, unmatched: unmatched.size },
    usersByDepth,
  };
}

/** Matched artists by number of evaluated users holding them in training; ties by key. */
function popularity(prepared: readonly Prepared[], keyOf: (a: UserArtist) => string | null): string[] {
  const users = new Map<string, number>();
  for (const { split } of prepared)
    for (const a of split.train) {
      const key = keyOf(a);
      if (key !== null) countInto(users, key);
    }
  return [...users].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([k]) => k);
}

function trainArtists(
  split: ArtistSplit,
  keyOf: (a: UserArtist) => string | null,
  artists: ArtistCatalog,
): TrainArtist[] {
  const out: TrainArtist[] = [];
  for (const a of split.train) {
    const key = keyOf(a);
    // Two HetRec ids can share a normalised name; their plays then add up.
    const same = key === null ? undefined : out.find((t) => t.key === key);
    if (key !== null && same) out[out.indexOf(same)] = { ...same, weight: same.weight + a.weight };
    else if (key !== null) out.push({ key, weight: a.weight, tracks: artists.tracksOf.get(key) as Int32Array });
  }
  return out.sort((a, b) => b.weight - a.weight || (a.key < b.key ? -1 : 1));
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
