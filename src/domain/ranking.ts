/**
 * Greedy ranking with ε-greedy exploration.
 *
 * Every component except diversity depends only on the candidate, so it is computed once
 * into typed arrays (`base`), from per-track data the catalog index precomputed (genre
 * masks, artist ids, interned RL key parts) and integer sets of the user's history tracks
 * and known artists: no string work per candidate.
 *
 * At each slot with r candidates remaining: with probability ε a uniformly random remaining
 * candidate is taken instead of the best. selectionProbability is the policy's probability
 * of that outcome: (1−ε) + ε/r for the greedy best (also when the random draw lands on it;
 * exploration is then false), ε/r for any other. With ε = 0 the rng is not consumed.
 */
import type { CandidateSet } from './candidates.js';
import { sourcesOf, type CandidateSource } from './candidates.js';
import type { CatalogIndex } from './catalog-index.js';
import { IndexFlags } from './index-flags.js';
import { FEATURE_DIM, historySimilarity, type HistoryProfile, topSharedFeatures } from './history-similarity.js';
import { noveltyFactor } from './novelty.js';
import {
  compilePersonality,
  dominantTraitOfMask,
  type PersonalityScorer,
  personalityMatchOfMask,
} from './personality-match.js';
import { reasonFor, traitDescriptors } from './reasons.js';
import type { Rng } from './rng.js';
import { rlAdjustment, type ScoreWeights, validateWeights } from './scorer.js';
import { type BigFive, DomainValidationError, type Track } from './types.js';
import { createSelection, type Selection } from './ranking-selection.js';

export interface RankUser {
  readonly bigFive: BigFive | null;
  readonly historyProfile: HistoryProfile | null;
  readonly historyTrackIds: ReadonlySet<string>;
  readonly knownArtists: ReadonlySet<string>;
}

export interface RankOptions {
  readonly index: CatalogIndex;
  readonly candidates: CandidateSet;
  readonly user: RankUser;
  readonly weights: ScoreWeights;
  /** Per-candidate RL signal in [−1, 1] (e.g. the Q-value advantage of recommending it); scaled by 0.05. */
  readonly rlSignal?: (track: Track) => number;
  /**
   * The RL signal as a function of the track's RL state-key part (`trackKeyPart`), for callers
   * whose signal depends on nothing else (snapshot Q-values): called once per distinct part among
   * the candidates. Give exactly one of rlSignal and rlSignalOfKey.
   */
  readonly rlSignalOfKey?: (trackKeyPart: string) => number;
  readonly epsilon: number;
  readonly rng: Rng;
  readonly maxResults: number;
}

export interface RankedScores {
  readonly historySimilarity: number;
  readonly personalityMatch: number;
  readonly diversity: number;
  readonly novelty: number;
  readonly popularity: number;
  readonly rlAdjustment: number;
  readonly final: number;
}

export interface RankedTrack {
  readonly trackId: string;
  readonly catalogIndex: number;
  readonly scores: RankedScores;
  readonly exploration: boolean;
  readonly selectionProbability: number;
  readonly sources: readonly CandidateSource[];
  readonly reason: string;
}

interface Static {
  readonly hist: Float64Array;
  readonly pers: Float64Array;
  readonly nov: Float64Array;
  readonly pop: Float64Array;
  readonly rl: Float64Array;
  readonly newArtist: Uint8Array;
  /** Weighted sum of all non-diversity components plus the RL adjustment. */
  readonly base: Float64Array;
}

function validateOptions(o: RankOptions): void {
  const problems: string[] = [];
  if (!(o.epsilon >= 0 && o.epsilon <= 1)) problems.push(`epsilon must be in [0, 1], got ${o.epsilon}`);
  if (!Number.isInteger(o.maxResults) || o.maxResults < 0)
    problems.push(`maxResults must be an integer >= 0, got ${o.maxResults}`);
  if ((o.rlSignal === undefined) === (o.rlSignalOfKey === undefined))
    problems.push('give exactly one of rlSignal and rlSignalOfKey');
  if (o.candidates.sources.length !== o.candidates.indices.length)
    problems.push('candidates.sources and indices differ in length');
  const inCatalog = (i: number): boolean => i >= 0 && i < o.index.size;
  for (const i of o.candidates.indices)
    if (!inCatalog(i)) problems.push(`candidate index ${i} outside catalog of ${o.index.size}`);
  const seen = new IndexFlags(o.candidates.indices.length); // not a catalog-sized array per request
  for (const i of o.candidates.indices) {
    if (!inCatalog(i)) continue;
    if (seen.get(i) !== 0) problems.push(`candidate index ${i} appears twice`);
    seen.set(i, 1);
  }
  if (problems.length > 0) throw new DomainValidationError('invalid-rank-options', problems.join('; '));
}

/** Catalog indices of the given track ids (ids not in the catalog cannot be candidates). */
function catalogIndicesOf(index: CatalogIndex, trackIds: ReadonlySet<string>): Set<number> {
  const out = new Set<number>();
  for (const id of trackIds) {
    const i = index.idToIndex.get(id);
    if (i !== undefined) out.add(i);
  }
  return out;
}

function artistIdsOf(index: CatalogIndex, artists: ReadonlySet<string>): Set<number> {
  const out = new Set<number>();
  for (const a of artists) {
    const id = index.artistIdOf.get(a);
    if (id !== undefined) out.add(id);
  }
  return out;
}

/** isNewArtist on artist ids: no artist of track i is known (a track without artists is new). */
function hasNoKnownArtist(index: CatalogIndex, i: number, known: Set<number>): boolean {
  for (let a = index.artistStart[i]; a < index.artistStart[i + 1]; a++) if (known.has(index.artistIds[a])) return false;
  return true;
}

/** rlAdjustment of every candidate; a keyed signal is asked once per distinct key part. */
function rlAdjustments(o: RankOptions): Float64Array {
  const { indices } = o.candidates;
  const out = new Float64Array(indices.length);
  const { rlSignal, rlSignalOfKey } = o;
  if (rlSignal) {
    for (let j = 0; j < indices.length; j++) out[j] = rlAdjustment(rlSignal(o.index.tracks[indices[j]]));
    return out;
  }
  const { ofTrack, parts } = o.index.keyParts;
  // One slot per interned key part (at most 4⁴·7), NaN until asked: an adjustment is never NaN.
  const byPart = new Float64Array(parts.length).fill(NaN);
  for (let j = 0; j < indices.length; j++) {
    const part = ofTrack[indices[j]];
    if (Number.isNaN(byPart[part]))
      byPart[part] = rlAdjustment((rlSignalOfKey as (key: string) => number)(parts[part]));
    out[j] = byPart[part];
  }
  return out;
}

function precompute(o: RankOptions, w: Required<ScoreWeights>, personality: PersonalityScorer): Static {
  const n = o.candidates.indices.length;
  const s = {
    hist: new Float64Array(n),
    pers: new Float64Array(n),
    nov: new Float64Array(n),
    pop: new Float64Array(n),
    rl: rlAdjustments(o),
    newArtist: new Uint8Array(n),
    base: new Float64Array(n),
  };
  const { features, popularity, genreMasks } = o.index;
  const inHistory = catalogIndicesOf(o.index, o.user.historyTrackIds);
  const knownArtists = artistIdsOf(o.index, o.user.knownArtists);
  for (let j = 0; j < n; j++) {
    const i = o.candidates.indices[j];
    const offset = i * FEATURE_DIM;
    const newArtist = hasNoKnownArtist(o.index, i, knownArtists);
    s.hist[j] = historySimilarity(o.user.historyProfile, features, offset);
    s.pers[j] = personalityMatchOfMask(personality, features, offset, genreMasks[i]);
    s.pop[j] = popularity[i] / 100;
    s.nov[j] = noveltyFactor({ inHistory: inHistory.has(i), newArtist, popularity: popularity[i] });
    s.newArtist[j] = newArtist ? 1 : 0;
    s.base[j] =
      w.history * s.hist[j] + w.personality * s.pers[j] + w.novelty * s.nov[j] + w.popularity * s.pop[j] + s.rl[j];
  }
  return s;
}

interface Pick {
  readonly j: number;
  readonly diversity: number;
  readonly exploration: boolean;
  readonly probability: number;
}

/**
 * Greedy selection state: candidates in order of base score (descending, ties by j), which
 * are still available, and where each sits in `remaining` — the array the exploration draw
 * indexes, kept exactly as a swap-remove list so the rng picks the same candidates.
 */
class Greedy {
  readonly remaining: Int32Array;
  left: number;
  private readonly position: Int32Array;
  private readonly byBase: Int32Array;
  private readonly taken: Uint8Array;
  /** byBase[0 .. head) are all taken. */
  private head = 0;

  constructor(
    private readonly base: Float64Array,
    private readonly wDiversity: number,
    private readonly sel: Selection,
  ) {
    const n = base.length;
    this.remaining = new Int32Array(n);
    this.position = new Int32Array(n);
    for (let j = 0; j < n; j++) this.remaining[j] = this.position[j] = j;
    this.left = n;
    this.byBase = this.remaining.slice().sort((a, b) => base[b] - base[a] || a - b);
    this.taken = new Uint8Array(n);
  }

  /**
   * Position in `remaining` of the greedy best: maximum base + w_d·diversity, ties → the smaller
   * j. Walks down the base order: once base + w_d (diversity ≤ 1) is below the best score so far,
   * no later candidate can reach it; a candidate whose diversity bound (from its possibly stale
   * state) is below it is skipped without being brought up to date.
   */
  best(): number {
    const { base, wDiversity, sel, byBase, taken } = this;
    while (taken[byBase[this.head]] === 1) this.head++;
    let bestJ = -1;
    let bestScore = -Infinity;
    for (let p = this.head; p < byBase.length; p++) {
      const j = byBase[p];
      if (taken[j] === 1) continue;
      if (base[j] + wDiversity < bestScore) break;
      // With w_d = 0 the score is the base (0·diversity adds exactly 0): nothing to bring up to date.
      if (wDiversity !== 0 && base[j] + wDiversity * sel.diversityBound(j) < bestScore) continue;
      const score = wDiversity === 0 ? base[j] : base[j] + wDiversity * sel.diversity(j);
      if (score > bestScore || (score === bestScore && j < bestJ)) {
        bestScore = score;
        bestJ = j;
      }
    }
    return this.position[bestJ];
  }

  /** Takes remaining[r] out (swap-remove) and returns it. */
  take(r: number): number {
    const j = this.remaining[r];
    const last = this.remaining[--this.left];
    this.remaining[r] = last;
    this.position[last] = r;
    this.taken[j] = 1;
    return j;
  }
}

function greedySelect(o: RankOptions, s: Static, wDiversity: number): Pick[] {
  const n = s.base.length;
  const sel = createSelection(o.index, o.candidates.indices, Math.min(n, o.maxResults));
  const greedy = new Greedy(s.base, wDiversity, sel);
  const picks: Pick[] = [];
  while (picks.length < o.maxResults && greedy.left > 0) {
    const left = greedy.left;
    const bestR = greedy.best();
    const explore = o.epsilon > 0 && o.rng.next() < o.epsilon;
    const r = explore ? o.rng.int(left) : bestR;
    const exploration = r !== bestR;
    const probability = exploration ? o.epsilon / left : 1 - o.epsilon + o.epsilon / left;
    const j = greedy.take(r);
    picks.push({ j, diversity: sel.diversity(j), exploration, probability });
    sel.select(j);
  }
  return picks;
}

interface Context {
  readonly o: RankOptions;
  readonly s: Static;
  readonly w: Required<ScoreWeights>;
  readonly personality: PersonalityScorer;
}

/** Scores, reason and sources of one pick; runs only for the k picks, so it may allocate. */
function describePick({ o, s, w, personality }: Context, p: Pick): RankedTrack {
  const i = o.candidates.indices[p.j];
  const track = o.index.tracks[i];
  const offset = i * FEATURE_DIM;
  const profile = o.user.historyProfile;
  const { trait, likedGenres } = dominantTraitOfMask(
    personality,
    o.index.features,
    offset,
    track.genres,
    o.index.genreMasks[i],
  );
  const sources = o.candidates.sources[p.j];
  const scores: RankedScores = {
    historySimilarity: s.hist[p.j],
    personalityMatch: s.pers[p.j],
    diversity: p.diversity,
    novelty: s.nov[p.j],
    popularity: s.pop[p.j],
    rlAdjustment: s.rl[p.j],
    final: s.base[p.j] + w.diversity * p.diversity,
  };
  // Fields listed, not spread from `scores`: V8 builds a spread-plus-fields literal ~30× slower.
  const reason = reasonFor({
    historySimilarity: scores.historySimilarity,
    personalityMatch: scores.personalityMatch,
    novelty: scores.novelty,
    popularity: scores.popularity,
    exploration: p.exploration,
    sources,
    weights: w,
    hasHistory: profile !== null,
    sharedFeatures: profile ? topSharedFeatures(profile, o.index.features, offset, 2) : [],
    trait,
    traitWords: traitDescriptors(trait, o.index.features, offset, likedGenres),
    newArtist: s.newArtist[p.j] === 1,
  });
  const { exploration, probability: selectionProbability } = p;
  return {
    trackId: track.trackId,
    catalogIndex: i,
    scores,
    exploration,
    selectionProbability,
    sources: sourcesOf(sources),
    reason,
  };
}

export function rankCandidates(o: RankOptions): RankedTrack[] {
  validateOptions(o);
  const w = validateWeights(o.weights);
  const personality = compilePersonality(o.user.bigFive);
  const s = precompute(o, w, personality);
  const context: Context = { o, s, w, personality };
  return greedySelect(o, s, w.diversity).map((p) => describePick(context, p));
}
