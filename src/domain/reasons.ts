/**
 * Short human-readable reason for a recommendation: a primary phrase from the component
 * with the largest weighted contribution, plus at most one tag from novelty or source.
 * Exploration picks say so instead, since no component chose them.
 */
import { SOURCE } from './candidates.js';
import { FEATURE_KEYS, type FeatureKey } from './history-similarity.js';
import { TRAIT_PROFILES } from './personality-match.js';
import type { ScoreWeights } from './scorer.js';
import type { Trait } from './types.js';

/** A feature counts as matching a trait ideal within this distance (features in [0,1]). */
export const DESCRIPTOR_TOLERANCE = 0.15;

const FEATURE_LABEL: Readonly<Record<FeatureKey, string>> = {
  danceability: 'danceability',
  energy: 'energy',
  valence: 'mood',
  tempo: 'tempo',
  acousticness: 'acoustic sound',
  instrumentalness: 'instrumentals',
  speechiness: 'vocals',
};

/** Adjective for a feature near a trait ideal; the ideal's side (high/low) picks the word. */
function adjective(key: FeatureKey, ideal: number): string {
  switch (key) {
    case 'acousticness':
      return 'acoustic';
    case 'danceability':
      return 'danceable';
    case 'energy':
      return ideal >= 0.6 ? 'energetic' : 'mellow';
    case 'valence':
      return ideal >= 0.6 ? 'upbeat' : 'balanced mood';
    case 'tempo':
      return 'steady tempo';
    default:
      return key;
  }
}

/** Up to `max` words: trait ideals the track (normalised vector at offset) is close to, then the trait's genres it has. */
export function traitDescriptors(
  trait: Trait,
  features: ArrayLike<number>,
  offset: number,
  likedGenres: readonly string[],
  max = 2,
): string[] {
  const words: string[] = [];
  for (const [key, ideal] of Object.entries(TRAIT_PROFILES[trait].ideals) as [FeatureKey, number][]) {
    const x = features[offset + FEATURE_KEYS.indexOf(key)];
    if (Math.abs(x - ideal) <= DESCRIPTOR_TOLERANCE) words.push(adjective(key, ideal));
  }
  // Keep room for one liked genre: it is the most recognisable word for the listener.
  const room = likedGenres.length > 0 ? max - 1 : max;
  return [...words.slice(0, room), ...likedGenres].slice(0, max);
}

export interface ReasonInput {
  readonly exploration: boolean;
  /** SOURCE bit mask of the candidate. */
  readonly sources: number;
  readonly weights: Required<ScoreWeights>;
  readonly historySimilarity: number;
  readonly personalityMatch: number;
  readonly novelty: number;
  readonly popularity: number;
  readonly hasHistory: boolean;
  readonly sharedFeatures: readonly FeatureKey[];
  readonly trait: Trait;
  readonly traitWords: readonly string[];
  readonly newArtist: boolean;
}

type Primary = 'history' | 'personality' | 'popularity' | 'novelty';

function strongest(r: ReasonInput): Primary {
  const contributions: [Primary, number][] = [
    ['history', r.hasHistory ? r.weights.history * r.historySimilarity : -1],
    ['personality', r.weights.personality * r.personalityMatch],
    ['popularity', r.weights.popularity * r.popularity],
    ['novelty', r.weights.novelty * r.novelty],
  ];
  return contributions.reduce((best, c) => (c[1] > best[1] ? c : best))[0];
}

function primaryPhrase(r: ReasonInput, primary: Primary): string {
  switch (primary) {
    case 'history': {
      const f = r.sharedFeatures.map((k) => FEATURE_LABEL[k]);
      return f.length > 0 ? `Similar to your recent plays (${f.join(', ')})` : 'Similar to your recent plays';
    }
    case 'personality':
      return r.traitWords.length > 0 ? `Fits your ${r.trait}: ${r.traitWords.join(', ')}` : `Fits your ${r.trait}`;
    case 'popularity':
      return 'Popular right now';
    case 'novelty':
      return r.newArtist ? 'New artist for you' : 'Something new for you';
  }
}

function tag(r: ReasonInput, primary: Primary): string | null {
  if ((r.sources & SOURCE.newRelease) !== 0) return 'new release';
  if (r.newArtist && primary !== 'novelty') return 'new artist for you';
  if (r.sources === SOURCE.popular && primary !== 'popularity') return 'popular right now';
  return null;
}

export function reasonFor(r: ReasonInput): string {
  if (r.exploration) return 'Exploring something different';
  const primary = strongest(r);
  const extra = tag(r, primary);
  return extra === null ? primaryPhrase(r, primary) : `${primaryPhrase(r, primary)} · ${extra}`;
}
