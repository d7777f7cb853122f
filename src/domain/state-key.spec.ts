import {
  binOf,
  FEATURE_CUTS,
  parseStateKey,
  personalityKeyPart,
  stateKeyOf,
  TEMPO_CUTS,
  trackKeyPart,
  TRAIT_CUTS,
  type KeyedTrack,
} from './state-key.js';
import { BALANCED_BIG_FIVE, DomainValidationError } from './types.js';

const track = (over: Partial<KeyedTrack>): KeyedTrack => ({
  energy: 0.5,
  valence: 0.5,
  danceability: 0.5,
  tempo: 110,
  genres: [],
  ...over,
});

describe('bins', () => {
  it.each([
    [0, 0],
    [39.99, 0],
    [40, 1],
    [50, 1],
    [60, 1],
    [60.01, 2],
    [100, 2],
  ] as const)('trait %d → %s', (v, bin) => {
    expect(binOf(v, TRAIT_CUTS)).toBe(bin);
  });
  it.each([
    [0, 0],
    [0.33, 0],
    [1 / 3, 1],
    [0.5, 1],
    [2 / 3, 1],
    [0.67, 2],
    [1, 2],
    [NaN, 'x'],
    [null, 'x'],
  ] as const)('feature %d → %s', (v, bin) => expect(binOf(v, FEATURE_CUTS)).toBe(bin));
  it.each([
    [60, 0],
    [89.9, 0],
    [90, 1],
    [130, 1],
    [130.1, 2],
    [Infinity, 'x'],
  ] as const)('tempo %d → %s', (v, bin) => {
    expect(binOf(v, TEMPO_CUTS)).toBe(bin);
  });
});

describe('stateKeyOf', () => {
  const profile = { openness: 70, conscientiousness: 50, extraversion: 45, agreeableness: 55, neuroticism: 20 };

  it('builds the compact key', () => {
    const t = track({ energy: 0.8, valence: 0.5, danceability: 0.7, tempo: 128, genres: ['edm'] });
    expect(stateKeyOf(profile, t)).toBe('O2C1E1A1N0|e2v1d2t1|Hype Beats');
  });

  it('uses x bins and Other for an unknown track or missing features', () => {
    expect(stateKeyOf(BALANCED_BIG_FIVE, null)).toBe('O1C1E1A1N1|exvxdxtx|Other');
    expect(trackKeyPart(track({ tempo: NaN, genres: ['sad indie'] }))).toBe('e1v1d1tx|Sad Boy Hours');
  });

  it('parses a key back for display', () => {
    expect(parseStateKey('O2C1E1A1N0|e2vxd0t1|R&B Feels')).toEqual({
      traits: {
        openness: 'high',
        conscientiousness: 'med',
        extraversion: 'med',
        agreeableness: 'med',
        neuroticism: 'low',
      },
      features: { energy: 'high', valence: 'unknown', danceability: 'low', tempo: 'med' },
      bucket: 'R&B Feels',
    });
    expect(personalityKeyPart(BALANCED_BIG_FIVE)).toBe('O1C1E1A1N1');
  });

  it.each(['', 'O1C1E1A1N1|e1v1d1t1', 'O1C1E1A1N1|e1v1d1t1|Jazz Hands', 'O3C1E1A1N1|e1v1d1t1|Other'])(
    'rejects %j',
    (key) => expect(() => parseStateKey(key)).toThrow(DomainValidationError),
  );
});
