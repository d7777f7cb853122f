/**
 * Simulated users with known tastes. Each has a hidden Big Five profile and hidden
 * preferences over the catalog's audio features and genres; the recommender only ever
 * sees the user's reactions and a noisy questionnaire answer (`reportedBigFive`).
 *
 *   utility(track) = m_f · exp(−‖v − v*‖² / (2σ²))      feature closeness to the preferred vector v*
 *                  + m_g · [a genre of the track is liked]
 *                  + m_p · personalityMatch(true Big Five, track)
 *
 * with m_f + m_g + m_p = 1, so utility ∈ [0, 1]. v* is the feature vector of a random
 * track of the first liked genre, so the taste is one a real track can satisfy. The
 * personality term is the product's own table (Rentfrow & Gosling) — a favourable
 * assumption for the personality component, hence its small default weight.
 */
import type { CatalogIndex } from '../../domain/catalog-index.js';
import { normaliseGenre } from '../../domain/genre.js';
import { FEATURE_DIM } from '../../domain/history-similarity.js';
import { compilePersonality, personalityMatchAt } from '../../domain/personality-match.js';
import type { Rng } from '../../domain/rng.js';
import type { BigFive, Trait } from '../../domain/types.js';

export interface TasteModel {
  readonly minLikedGenres: number;
  readonly maxLikedGenres: number;
  readonly mix: { readonly feature: number; readonly genre: number; readonly personality: number };
  /** σ of the feature closeness kernel, in normalised feature units. */
  readonly featureWidth: number;
  /** Standard deviation of the questionnaire's error, on the 0..100 trait scale. */
  readonly questionnaireNoise: number;
}

export const DEFAULT_TASTE_MODEL: TasteModel = Object.freeze({
  minLikedGenres: 2,
  maxLikedGenres: 4,
  mix: Object.freeze({ feature: 0.45, genre: 0.35, personality: 0.2 }),
  // A random pair of catalog tracks is ≈ 0.5 apart in squared distance → closeness ≈ 0.13;
  // a near neighbour (≈ 0.05) → ≈ 0.8. So the kernel separates "like this" from "anything".
  featureWidth: 0.35,
  questionnaireNoise: 8,
});

export interface HiddenTaste {
  readonly bigFive: BigFive;
  readonly reportedBigFive: BigFive;
  readonly preferred: Float64Array;
  readonly likedGenres: readonly string[];
}

/** Standard normal draw (Box–Muller); 1 − u keeps the log finite. */
function gaussian(rng: Rng): number {
  return Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
}

const clampTrait = (x: number): number => Math.min(100, Math.max(0, Math.round(x)));

function bigFiveOf(score: (trait: Trait) => number): BigFive {
  return {
    openness: score('openness'),
    conscientiousness: score('conscientiousness'),
    extraversion: score('extraversion'),
    agreeableness: score('agreeableness'),
    neuroticism: score('neuroticism'),
  };
}

function drawGenres(index: CatalogIndex, rng: Rng, model: TasteModel): string[] {
  const all = [...index.byGenre.keys()].sort();
  const span = model.maxLikedGenres - model.minLikedGenres + 1;
  const count = Math.min(all.length, model.minLikedGenres + rng.int(span));
  const picked: string[] = [];
  while (picked.length < count) {
    const g = all[rng.int(all.length)];
    if (!picked.includes(g)) picked.push(g);
  }
  return picked;
}

export function drawTaste(index: CatalogIndex, rng: Rng, model: TasteModel = DEFAULT_TASTE_MODEL): HiddenTaste {
  // Uniform 15..85: every trait level occurs, without piling up at the scale's ends.
  const bigFive = bigFiveOf(() => 15 + rng.int(71));
  const reportedBigFive = bigFiveOf((t) => clampTrait(bigFive[t] + model.questionnaireNoise * gaussian(rng)));
  const likedGenres = drawGenres(index, rng, model);
  const pool = index.byGenre.get(likedGenres[0]) as Int32Array;
  const anchor = pool[rng.int(pool.length)];
  const preferred = Float64Array.from(index.features.subarray(anchor * FEATURE_DIM, (anchor + 1) * FEATURE_DIM));
  return { bigFive, reportedBigFive, preferred, likedGenres };
}

/** Hidden utility of every catalog track for this user (index-aligned). */
export function utilitiesOf(
  index: CatalogIndex,
  taste: HiddenTaste,
  model: TasteModel = DEFAULT_TASTE_MODEL,
): Float64Array {
  const { feature, genre, personality } = model.mix;
  const liked = new Set(taste.likedGenres);
  const scorer = compilePersonality(taste.bigFive);
  const twoSigma2 = 2 * model.featureWidth * model.featureWidth;
  const out = new Float64Array(index.size);
  for (let i = 0; i < index.size; i++) {
    const o = i * FEATURE_DIM;
    let d2 = 0;
    for (let k = 0; k < FEATURE_DIM; k++) d2 += (index.features[o + k] - taste.preferred[k]) ** 2;
    const genres = index.tracks[i].genres;
    const likes = genres.some((g) => liked.has(normaliseGenre(g))) ? 1 : 0;
    out[i] =
      feature * Math.exp(-d2 / twoSigma2) +
      genre * likes +
      personality * personalityMatchAt(scorer, index.features, o, genres);
  }
  return out;
}
