import { featureVector } from './history-similarity.js';
import { compilePersonality, dominantTrait, personalityBreakdown, personalityMatch } from './personality-match.js';
import { type BigFive, DomainValidationError } from './types.js';

const jazzy = {
  danceability: 0.7,
  energy: 0.75,
  valence: 0.8,
  tempo: 100,
  acousticness: 0.6,
  instrumentalness: 0,
  speechiness: 0,
  genres: ['jazz'],
};
const deathMetal = {
  danceability: 0.3,
  energy: 0.95,
  valence: 0.2,
  tempo: 175,
  acousticness: 0,
  instrumentalness: 0.5,
  speechiness: 0.1,
  genres: ['Death Metal'],
};
const traits = (o: number, c: number, e: number, a: number, n: number): BigFive => ({
  openness: o,
  conscientiousness: c,
  extraversion: e,
  agreeableness: a,
  neuroticism: n,
});

describe('personality match', () => {
  it.each([
    // openness: 1 − (|.8−.5| + |.6−.6|)/2 = .85, +.2 jazz → clamp 1
    // conscientiousness: 1 − (|.75−.4| + |.4−.4|)/2 = .825
    // extraversion: 1; agreeableness: .5 + .2 jazz = .7; neuroticism: 1 − |.8−.7| = .9
    ['jazzy', jazzy, { openness: 1, conscientiousness: 0.825, extraversion: 1, agreeableness: 0.7, neuroticism: 0.9 }],
    // openness: 1 − (.3 + .6)/2 = .55; conscientiousness: 1 − (.55 + .3)/2 − .3 = .275
    // extraversion: 1 − (.2 + .4 + .6)/3 = .6; agreeableness: .5 − .3 = .2; neuroticism: 1 − .5 = .5
    [
      'death metal',
      deathMetal,
      { openness: 0.55, conscientiousness: 0.275, extraversion: 0.6, agreeableness: 0.2, neuroticism: 0.5 },
    ],
  ])('per-trait scores for %s', (_name, track, expected) => {
    const parts = personalityBreakdown(compilePersonality(null), featureVector(track), 0, track.genres);
    for (const [trait, score] of Object.entries(expected)) {
      expect(parts[trait as keyof typeof parts].score).toBeCloseTo(score, 12);
    }
  });

  it.each([
    ['balanced default', null, jazzy, 4.425 / 5],
    ['balanced 50s', traits(50, 50, 50, 50, 50), jazzy, 4.425 / 5],
    ['weighted by trait level', traits(80, 60, 40, 20, 0), jazzy, (80 * 1 + 60 * 0.825 + 40 * 1 + 20 * 0.7) / 200],
    ['openness only', traits(100, 0, 0, 0, 0), deathMetal, 0.55],
    ['all zero → plain mean', traits(0, 0, 0, 0, 0), deathMetal, 2.125 / 5],
    ['balanced', null, deathMetal, 2.125 / 5],
  ])('%s', (_name, bigFive, track, expected) => {
    expect(personalityMatch(bigFive, track)).toBeCloseTo(expected, 12);
  });

  it('names the dominant trait and the genres it likes', () => {
    const scorer = compilePersonality(traits(20, 20, 20, 90, 20));
    expect(dominantTrait(scorer, featureVector(jazzy), 0, jazzy.genres)).toEqual({
      trait: 'agreeableness',
      likedGenres: ['jazz'],
    });
  });

  it('rejects out-of-range trait scores', () => {
    expect(() => compilePersonality(traits(120, 50, 50, 50, 50))).toThrow(DomainValidationError);
  });
});
