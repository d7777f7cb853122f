/**
 * Personality match: how well a track fits the user's Big Five profile.
 *
 *   level_t     = score_t / 100 (scores validated 0..100; missing profile → balanced 50)
 *   closeness_t = 1 − mean_{f ∈ ideals_t} |x_f − ideal_f|   (0.5 when the trait has no feature ideals)
 *   s_t         = clamp01(closeness_t + 0.2·[genre ∈ likes_t] − 0.3·[genre ∈ avoids_t])
 *   match       = Σ level_t · s_t / Σ level_t   (plain mean of s_t when every level is 0)
 *
 * Weights are the trait level, not the distance from neutral: a low trait means "this
 * trait's ideals matter little", not "prefer the opposite", which the ideals do not encode.
 * Ideals are the product's seed table (after Rentfrow & Gosling 2003); see docs/scoring.md.
 */
import { validateBigFive } from './bfi44.js';
import { normaliseGenre } from './genre.js';
import { FEATURE_KEYS, type FeatureKey, TEMPO_MAX_BPM, writeFeatures } from './history-similarity.js';
import { type AudioFeatures, BALANCED_BIG_FIVE, type BigFive, TRAITS, type Trait } from './types.js';

export const GENRE_MATCH_BONUS = 0.2;
/** Larger than the bonus: a clash (death metal for an agreeable listener) hurts more than a match helps. */
export const GENRE_AVOID_PENALTY = 0.3;
/** Closeness of a trait without feature ideals: neutral, so only its genres move its score. */
export const NO_IDEAL_CLOSENESS = 0.5;

export interface TraitProfile {
  /** Ideal values on the normalised [0,1] scale (tempo as bpm/250). */
  readonly ideals: Partial<Record<FeatureKey, number>>;
  readonly likes: readonly string[];
  readonly avoids: readonly string[];
}

const ROCK_AND_METAL = [
  'rock',
  'hard-rock',
  'alt-rock',
  'punk-rock',
  'psych-rock',
  'j-rock',
  'rock-n-roll',
  'metal',
  'heavy-metal',
  'black-metal',
  'death-metal',
  'metalcore',
  'grindcore',
];

export const TRAIT_PROFILES: Readonly<Record<Trait, TraitProfile>> = {
  // jazz added to the seed's classical/folk/world-music: "reflective & complex" in Rentfrow & Gosling.
  openness: {
    ideals: { acousticness: 0.6, valence: 0.5 },
    likes: ['classical', 'folk', 'world-music', 'jazz'],
    avoids: [],
  },
  conscientiousness: { ideals: { energy: 0.4, tempo: 100 / TEMPO_MAX_BPM }, likes: [], avoids: ROCK_AND_METAL },
  extraversion: { ideals: { energy: 0.75, danceability: 0.7, valence: 0.8 }, likes: [], avoids: [] },
  agreeableness: { ideals: {}, likes: ['jazz', 'country', 'soul'], avoids: ['death-metal'] },
  neuroticism: { ideals: { valence: 0.7 }, likes: ['soul', 'pop'], avoids: [] },
};

interface CompiledTrait {
  readonly trait: Trait;
  readonly featureIdx: Int8Array;
  readonly idealValues: Float64Array;
  /** Bits of a genre mask meaning "liked by this trait" / "avoided by this trait". */
  readonly likeBit: number;
  readonly avoidBit: number;
}

/** A Big Five profile prepared for scoring many tracks: trait weights normalised once. */
export interface PersonalityScorer {
  readonly weights: Readonly<Record<Trait, number>>;
  readonly traits: readonly CompiledTrait[];
  /** weights in TRAITS order, for the hot loop. */
  readonly weightByIndex: Float64Array;
}

const COMPILED: readonly CompiledTrait[] = TRAITS.map((trait, t) => {
  const p = TRAIT_PROFILES[trait];
  const keys = Object.keys(p.ideals) as FeatureKey[];
  return {
    trait,
    featureIdx: Int8Array.from(keys.map((k) => FEATURE_KEYS.indexOf(k))),
    idealValues: Float64Array.from(keys.map((k) => p.ideals[k] as number)),
    likeBit: 1 << t,
    avoidBit: 1 << (TRAITS.length + t),
  };
});

const MASK_OF_GENRE: ReadonlyMap<string, number> = (() => {
  const masks = new Map<string, number>();
  COMPILED.forEach((c) => {
    for (const g of TRAIT_PROFILES[c.trait].likes) masks.set(g, (masks.get(g) ?? 0) | c.likeBit);
    for (const g of TRAIT_PROFILES[c.trait].avoids) masks.set(g, (masks.get(g) ?? 0) | c.avoidBit);
  });
  return masks;
})();

/** Memo of raw label → mask: normalising a label costs a regex, and a catalog has ~100 distinct labels. */
const maskMemo = new Map<string, number>();
const MASK_MEMO_LIMIT = 10_000;

/** Like/avoid bits of all trait genre lists the track's genres hit. */
export function genreMask(genres: readonly string[]): number {
  let mask = 0;
  for (const label of genres) {
    let m = maskMemo.get(label);
    if (m === undefined) {
      m = MASK_OF_GENRE.get(normaliseGenre(label)) ?? 0;
      if (maskMemo.size >= MASK_MEMO_LIMIT) maskMemo.clear();
      maskMemo.set(label, m);
    }
    mask |= m;
  }
  return mask;
}

const clamp01 = (x: number): number => (x < 0 ? 0 : x > 1 ? 1 : x);

export function compilePersonality(bigFive: BigFive | null): PersonalityScorer {
  const profile = bigFive === null ? BALANCED_BIG_FIVE : validateBigFive(bigFive);
  const levels = TRAITS.map((t) => profile[t] / 100);
  const total = levels.reduce((a, b) => a + b, 0);
  const weightByIndex = Float64Array.from(levels, (l) => (total === 0 ? 1 / TRAITS.length : l / total));
  const weights = Object.fromEntries(TRAITS.map((t, i) => [t, weightByIndex[i]])) as Record<Trait, number>;
  return { weights, traits: COMPILED, weightByIndex };
}

function traitScore(t: CompiledTrait, features: ArrayLike<number>, offset: number, mask: number): number {
  let closeness = NO_IDEAL_CLOSENESS;
  const n = t.featureIdx.length;
  if (n > 0) {
    let dist = 0;
    for (let i = 0; i < n; i++) dist += Math.abs(features[offset + t.featureIdx[i]] - t.idealValues[i]);
    closeness = 1 - dist / n;
  }
  const bonus = (mask & t.likeBit) !== 0 ? GENRE_MATCH_BONUS : 0;
  const penalty = (mask & t.avoidBit) !== 0 ? GENRE_AVOID_PENALTY : 0;
  return clamp01(closeness + bonus - penalty);
}

/** Per-trait scores s_t and their weighted contributions for one track (FEATURE_KEYS vector at offset). */
export function personalityBreakdown(
  scorer: PersonalityScorer,
  features: ArrayLike<number>,
  offset: number,
  genres: readonly string[],
): Record<Trait, { score: number; contribution: number }> {
  const mask = genreMask(genres);
  const out = {} as Record<Trait, { score: number; contribution: number }>;
  for (const t of scorer.traits) {
    const score = traitScore(t, features, offset, mask);
    out[t.trait] = { score, contribution: scorer.weights[t.trait] * score };
  }
  return out;
}

/** Personality match in [0,1] for a feature vector at `offset` with the track's genres. */
export function personalityMatchAt(
  scorer: PersonalityScorer,
  features: ArrayLike<number>,
  offset: number,
  genres: readonly string[],
): number {
  return personalityMatchOfMask(scorer, features, offset, genreMask(genres));
}

/** personalityMatchAt with the genres given as their `genreMask` (precomputed per catalog track). */
export function personalityMatchOfMask(
  scorer: PersonalityScorer,
  features: ArrayLike<number>,
  offset: number,
  mask: number,
): number {
  let sum = 0;
  for (let i = 0; i < scorer.traits.length; i++)
    sum += scorer.weightByIndex[i] * traitScore(scorer.traits[i], features, offset, mask);
  return clamp01(sum);
}

/** Convenience for a single track. */
export function personalityMatch(
  bigFive: BigFive | null,
  track: AudioFeatures & { genres: readonly string[] },
): number {
  const v = new Float64Array(FEATURE_KEYS.length);
  writeFeatures(track, v);
  return personalityMatchAt(compilePersonality(bigFive), v, 0, track.genres);
}

/** The trait contributing most to the match (for the reason text), with the track's genres it likes. */
export function dominantTrait(
  scorer: PersonalityScorer,
  features: ArrayLike<number>,
  offset: number,
  genres: readonly string[],
): { trait: Trait; likedGenres: string[] } {
  return dominantTraitOfMask(scorer, features, offset, genres, genreMask(genres));
}

/** dominantTrait with the genres' `genreMask` precomputed (per catalog track). */
export function dominantTraitOfMask(
  scorer: PersonalityScorer,
  features: ArrayLike<number>,
  offset: number,
  genres: readonly string[],
  mask: number,
): { trait: Trait; likedGenres: string[] } {
  let best = 0;
  let bestContribution = -Infinity;
  for (let i = 0; i < scorer.traits.length; i++) {
    const contribution = scorer.weightByIndex[i] * traitScore(scorer.traits[i], features, offset, mask);
    if (contribution > bestContribution) {
      bestContribution = contribution;
      best = i;
    }
  }
  const trait = scorer.traits[best].trait;
  const liked = TRAIT_PROFILES[trait].likes;
  // The mask says whether any genre is liked; only then are labels normalised and matched.
  const likedGenres =
    (mask & scorer.traits[best].likeBit) === 0 ? [] : genres.map(normaliseGenre).filter((g) => liked.includes(g));
  return { trait, likedGenres };
}
