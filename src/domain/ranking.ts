/**
 * Greedy ranking with ε-greedy exploration.
 *
 * Every component except diversity depends only on the candidate, so it is computed once
 * into typed arrays (`base`). Diversity depends on what was already selected and is
 * maintained incrementally by the diversity tracker, so picking k of n costs O(n·k) with
 * no allocation in the inner loop.
 *
 * At each slot with r candidates remaining: with probability ε a uniformly random remaining
 * candidate is taken instead of the best. selectionProbability is the policy's probability
 * of that outcome: (1−ε) + ε/r for the greedy best (also when the random draw lands on it;
 * exploration is then false), ε/r for any other. With ε = 0 the rng is not consumed.
 */
import type { CandidateSet } from './candidates.js';
import { sourcesOf, type CandidateSource } from './candidates.js';
import type { CatalogIndex } from './catalog-index.js';
import { createDiversityTracker, diversityInputFor } from './diversity.js';
import { FEATURE_DIM, historySimilarity, type HistoryProfile, topSharedFeatures } from './history-similarity.js';
import { isNewArtist, noveltyFactor } from './novelty.js';
import { compilePersonality, dominantTrait, type PersonalityScorer, personalityMatchAt } from './personality-match.js';
import { reasonFor, traitDescriptors } from './reasons.js';
import type { Rng } from './rng.js';
import { rlAdjustment, type ScoreWeights, validateWeights } from './scorer.js';
import { type BigFive, DomainValidationError, type Track } from './types.js';

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
  readonly rlSignal: (track: Track) => number;
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
  if (o.candidates.sources.length !== o.candidates.indices.length)
    problems.push('candidates.sources and indices differ in length');
  const seen = new Set<number>();
  for (const i of o.candidates.indices) {
    if (!(i >= 0 && i < o.index.size)) problems.push(`candidate index ${i} outside catalog of ${o.index.size}`);
    else if (seen.has(i)) problems.push(`candidate index ${i} appears twice`);
    seen.add(i);
  }
  if (problems.length > 0) throw new DomainValidationError('invalid-rank-options', problems.join('; '));
}

function precompute(o: RankOptions, w: Required<ScoreWeights>): Static {
  const n = o.candidates.indices.length;
  const s = {
    hist: new Float64Array(n),
    pers: new Float64Array(n),
    nov: new Float64Array(n),
    pop: new Float64Array(n),
    rl: new Float64Array(n),
    newArtist: new Uint8Array(n),
    base: new Float64Array(n),
  };
  const personality = compilePersonality(o.user.bigFive);
  const { features, tracks } = o.index;
  for (let j = 0; j < n; j++) {
    const i = o.candidates.indices[j];
    const track = tracks[i];
    const newArtist = isNewArtist(track.artists, o.user.knownArtists);
    s.hist[j] = historySimilarity(o.user.historyProfile, features, i * FEATURE_DIM);
    s.pers[j] = personalityMatchAt(personality, features, i * FEATURE_DIM, track.genres);
    s.pop[j] = o.index.popularity[i] / 100;
    s.nov[j] = noveltyFactor({
      inHistory: o.user.historyTrackIds.has(track.trackId),
      newArtist,
      popularity: o.index.popularity[i],
    });
    s.rl[j] = rlAdjustment(o.rlSignal(track));
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

function greedySelect(o: RankOptions, s: Static, wDiversity: number): Pick[] {
  const n = s.base.length;
  const tracker = createDiversityTracker(diversityInputFor(o.index, o.candidates.indices));
  const remaining = Int32Array.from({ length: n }, (_, j) => j);
  let left = n;
  const picks: Pick[] = [];
  while (picks.length < o.maxResults && left > 0) {
    let bestR = 0;
    let bestScore = -Infinity;
    for (let r = 0; r < left; r++) {
      const j = remaining[r];
      const score = s.base[j] + wDiversity * tracker.bonus(j);
      if (score > bestScore || (score === bestScore && j < remaining[bestR])) {
        bestScore = score;
        bestR = r;
      }
    }
    const explore = o.epsilon > 0 && o.rng.next() < o.epsilon;
    const r = explore ? o.rng.int(left) : bestR;
    const j = remaining[r];
    const exploration = r !== bestR;
    const probability = exploration ? o.epsilon / left : 1 - o.epsilon + o.epsilon / left;
    picks.push({ j, diversity: tracker.bonus(j), exploration, probability });
    remaining[r] = remaining[--left];
    tracker.select(j, remaining, left);
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
  const { trait, likedGenres } = dominantTrait(personality, o.index.features, offset, track.genres);
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
  const reason = reasonFor({
    ...scores,
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
  const s = precompute(o, w);
  const context: Context = { o, s, w, personality: compilePersonality(o.user.bigFive) };
  return greedySelect(o, s, w.diversity).map((p) => describePick(context, p));
}
