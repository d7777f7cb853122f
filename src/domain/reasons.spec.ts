import { SOURCE } from './candidates.js';
import { featureVector } from './history-similarity.js';
import { type ReasonInput, reasonFor, traitDescriptors } from './reasons.js';
import { DEFAULT_WEIGHTS, validateWeights } from './scorer.js';

const base: ReasonInput = {
  exploration: false,
  sources: SOURCE.similar,
  weights: validateWeights(DEFAULT_WEIGHTS),
  historySimilarity: 0.9,
  personalityMatch: 0.6,
  novelty: 0.3,
  popularity: 0.5,
  hasHistory: true,
  sharedFeatures: ['energy', 'danceability'],
  trait: 'openness',
  traitWords: ['acoustic', 'world-music'],
  newArtist: false,
};
const week1 = validateWeights({ history: 0, personality: 0.8, diversity: 0, novelty: 0, popularity: 0.2 });

describe('reasonFor', () => {
  it.each<[string, Partial<ReasonInput>, string]>([
    ['history strongest', {}, 'Similar to your recent plays (energy, danceability)'],
    ['personality strongest', { historySimilarity: 0.5 }, 'Fits your openness: acoustic, world-music'],
    ['no history: personality', { hasHistory: false }, 'Fits your openness: acoustic, world-music'],
    ['personality without words', { hasHistory: false, traitWords: [] }, 'Fits your openness'],
    ['new artist tag', { newArtist: true }, 'Similar to your recent plays (energy, danceability) · new artist for you'],
    [
      'new release tag',
      { sources: SOURCE.newRelease | SOURCE.genre },
      'Similar to your recent plays (energy, danceability) · new release',
    ],
    [
      'popular-only source tag',
      { sources: SOURCE.popular },
      'Similar to your recent plays (energy, danceability) · popular right now',
    ],
    [
      'popularity strongest',
      { weights: week1, hasHistory: false, personalityMatch: 0.1, popularity: 0.9 },
      'Popular right now',
    ],
    [
      'novelty strongest',
      {
        weights: validateWeights({ history: 0, personality: 0, diversity: 0, novelty: 1 }),
        newArtist: true,
        novelty: 1,
      },
      'New artist for you',
    ],
    ['exploration', { exploration: true }, 'Exploring something different'],
  ])('%s', (_name, over, expected) => {
    expect(reasonFor({ ...base, ...over })).toBe(expected);
  });
});

describe('traitDescriptors', () => {
  const acousticFolk = featureVector({
    danceability: 0.3,
    energy: 0.3,
    valence: 0.45,
    tempo: 100,
    acousticness: 0.7,
    instrumentalness: 0,
    speechiness: 0,
  });

  it.each<[string, string[], string[]]>([
    ['openness', [], ['acoustic', 'balanced mood']],
    ['openness', ['world-music'], ['acoustic', 'world-music']],
    ['conscientiousness', [], ['mellow', 'steady tempo']],
    ['extraversion', [], []],
  ])('%s with liked genres %p → %p', (trait, liked, expected) => {
    expect(traitDescriptors(trait as 'openness', acousticFolk, 0, liked)).toEqual(expected);
  });
});
