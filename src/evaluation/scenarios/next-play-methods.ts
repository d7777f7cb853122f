/**
 * The recommenders compared on next-play prediction. Each returns up to LIST_SIZE catalog
 * indices, best first. Ablations share the point's candidate pool and change one thing:
 *
 *   ours                   the real pipeline (stage weights, snapshot RL signal; ε = 0 unless
 *                          the context asks for exploration, drawn from the rng that sampled
 *                          the candidates, exactly as the recommender does)
 *   no-rl                  RL adjustment off
 *   no-personality         personality weight 0, the rest rescaled
 *   no-diversity-novelty   diversity and novelty weights 0, the rest rescaled
 *   popular                the catalog's most popular tracks
 *   own-artists            the user's most played artists so far (round robin, each
 *                          artist's tracks by popularity; played tracks included, since the
 *                          next play is often a replay)
 *   random                 uniform catalog tracks (seeded per point)
 */
import type { CatalogIndex } from '../../domain/catalog-index.js';
import { createRng, type RngState } from '../../domain/rng.js';
import type { ScoreWeights } from '../../domain/scorer.js';
import type { UserSnapshot } from '../../domain/user-snapshot.js';
import type { UserState } from '../../domain/user-state.js';
import { FULL_MODEL, rankFor, type Ablation, type Candidates } from '../engine/recommend.js';
import { countInto } from '../metrics/entropy.js';
import type { ArtistCatalog } from './artist-catalog.js';
import { LIST_SIZE } from './heldout-methods.js';

export interface PlayPoint {
  readonly state: UserState;
  readonly snapshot: UserSnapshot;
  readonly candidates: Candidates;
  readonly weights: Required<ScoreWeights>;
  /** Seeds the random baseline at this point. */
  readonly seed: string;
  /** The point's rng after candidate sampling: `ours` explores with it, as the recommender does. */
  readonly rng: RngState;
}

export interface NextPlayContext {
  readonly index: CatalogIndex;
  readonly artists: ArtistCatalog;
  /** ε of `ours`. */
  readonly epsilon: number;
}

type Method = (p: PlayPoint, ctx: NextPlayContext) => number[];

/** Ablations rank greedily (ε = 0 consumes no randomness); `ours` takes the context's ε. */
const ranked =
  (ablation: Ablation, explores = false): Method =>
  (p, ctx) =>
    rankFor({
      index: ctx.index,
      snapshot: p.snapshot,
      candidates: p.candidates,
      weights: p.weights,
      ablation,
      epsilon: explores ? ctx.epsilon : 0,
      rng: createRng(p.rng),
      maxResults: LIST_SIZE,
    }).map((r) => r.catalogIndex);

function ownArtists(p: PlayPoint, ctx: NextPlayContext): number[] {
  const plays = new Map<string, number>();
  for (const [trackId, h] of p.state.history) {
    const i = ctx.index.idToIndex.get(trackId);
    if (i !== undefined) for (const key of ctx.artists.keysOf(i)) countInto(plays, key, h.playCount);
  }
  const top = [...plays].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, LIST_SIZE);
  const queues = top.map(([key]) => ctx.artists.tracksOf.get(key) ?? new Int32Array(0));
  const out = new Set<number>();
  for (let round = 0; out.size < LIST_SIZE && queues.some((q) => q.length > round); round++) {
    for (const q of queues) if (round < q.length && out.size < LIST_SIZE) out.add(q[round]);
  }
  return [...out];
}

function random(p: PlayPoint, ctx: NextPlayContext): number[] {
  const rng = createRng(`${p.seed}:random`);
  const out = new Set<number>();
  while (out.size < Math.min(LIST_SIZE, ctx.index.size)) out.add(rng.int(ctx.index.size));
  return [...out];
}

export const NEXT_PLAY_METHODS: Readonly<Record<string, Method>> = Object.freeze({
  ours: ranked(FULL_MODEL, true),
  'no-rl': ranked({ ...FULL_MODEL, rl: false }),
  'no-personality': ranked({ ...FULL_MODEL, personality: false }),
  'no-diversity-novelty': ranked({ ...FULL_MODEL, diversityNovelty: false }),
  popular: (_p, ctx) => Array.from(ctx.index.byPopularity.subarray(0, LIST_SIZE)),
  'own-artists': ownArtists,
  random,
});
