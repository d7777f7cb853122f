/**
 * The recommenders compared on held-out artists. Each returns up to LIST_SIZE catalog
 * indices, best first.
 *
 *   ours              the real pipeline (candidates + ranking, ε = 0, stage weights)
 *   ours-no-rl        the same with the RL adjustment off
 *   ours-new-artists  ours, with tracks of the user's known artists filtered out afterwards
 *   popular           the catalog's most popular tracks (Spotify popularity)
 *   popular-artists   artists by how many users have them in training, the user's own
 *                     known artists skipped, each artist's most popular track
 *   own-artists       the user's most played artists' other tracks (not in their history)
 *   random            uniform catalog tracks (seeded per user)
 */
import type { CatalogIndex } from '../../domain/catalog-index.js';
import { createRng } from '../../domain/rng.js';
import type { ScoreWeights } from '../../domain/scorer.js';
import type { UserSnapshot } from '../../domain/user-snapshot.js';
import { FULL_MODEL, rankFor, type Ablation, type Candidates } from '../engine/recommend.js';
import type { ArtistCatalog } from './artist-catalog.js';
import type { TrainArtist } from './heldout-history.js';

export const LIST_SIZE = 50;

export interface UserCase {
  readonly userId: number;
  readonly snapshot: UserSnapshot;
  readonly candidates: Candidates;
  /** Matched training artists, most played first. */
  readonly train: readonly TrainArtist[];
  readonly knownKeys: ReadonlySet<string>;
  readonly historyTracks: ReadonlySet<number>;
}

export interface MethodContext {
  readonly index: CatalogIndex;
  readonly artists: ArtistCatalog;
  readonly weights: Required<ScoreWeights>;
  readonly seed: string;
  /** Artist keys by number of users with them in training, most first. */
  readonly popularArtists: readonly string[];
}

type Method = (c: UserCase, ctx: MethodContext) => number[];

function ranked(c: UserCase, ctx: MethodContext, ablation: Ablation, maxResults: number): number[] {
  const list = rankFor({
    index: ctx.index,
    snapshot: c.snapshot,
    candidates: c.candidates,
    weights: ctx.weights,
    ablation,
    epsilon: 0,
    rng: createRng(`${ctx.seed}:rank:${c.userId}`),
    maxResults,
  });
  return list.map((r) => r.catalogIndex);
}

function newArtistsOnly(c: UserCase, ctx: MethodContext): number[] {
  const all = ranked(c, ctx, FULL_MODEL, c.candidates.set.indices.length);
  return all.filter((i) => !ctx.artists.keysOf(i).some((k) => c.knownKeys.has(k))).slice(0, LIST_SIZE);
}

function popularArtists(c: UserCase, ctx: MethodContext): number[] {
  const out: number[] = [];
  for (const key of ctx.popularArtists) {
    if (out.length >= LIST_SIZE) break;
    const tracks = ctx.artists.tracksOf.get(key);
    if (!c.knownKeys.has(key) && tracks && !out.includes(tracks[0])) out.push(tracks[0]);
  }
  return out;
}

/** Round robin over the user's artists (most played first), each artist's tracks by popularity. */
function ownArtists(c: UserCase): number[] {
  const out = new Set<number>();
  const queues = c.train.map((a) => Array.from(a.tracks).filter((i) => !c.historyTracks.has(i)));
  for (let round = 0; out.size < LIST_SIZE && queues.some((q) => q.length > round); round++) {
    for (const q of queues) if (round < q.length && out.size < LIST_SIZE) out.add(q[round]);
  }
  return [...out];
}

function random(c: UserCase, ctx: MethodContext): number[] {
  const rng = createRng(`${ctx.seed}:random:${c.userId}`);
  const out = new Set<number>();
  while (out.size < Math.min(LIST_SIZE, ctx.index.size)) out.add(rng.int(ctx.index.size));
  return [...out];
}

export const METHODS: Readonly<Record<string, Method>> = Object.freeze({
  ours: (c, ctx) => ranked(c, ctx, FULL_MODEL, LIST_SIZE),
  'ours-no-rl': (c, ctx) => ranked(c, ctx, { ...FULL_MODEL, rl: false }, LIST_SIZE),
  'ours-new-artists': newArtistsOnly,
  popular: (_c, ctx) => Array.from(ctx.index.byPopularity.subarray(0, LIST_SIZE)),
  'popular-artists': popularArtists,
  'own-artists': ownArtists,
  random,
});
